package org.parc.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;

/** One schema:name per entity in a document graph, the best form kept, the others alternate names. */
class OneNameTest {
    @Test
    void bylineCapitalsAndDoubleSpacesGiveWayToTheTextsForm() {
        Model m = ModelFactory.createDefaultModel();
        Resource p = m.createResource("https://parc.example.org/person/nataliya-vasilyeva").addProperty(RDF.type, Vocab.Person)
                .addProperty(Vocab.name, "NATALIYA VASILYEVA").addProperty(Vocab.name, "Nataliya Vasilyeva");
        Resource b = m.createResource("https://parc.example.org/person/brenda-goodman").addProperty(RDF.type, Vocab.Person)
                .addProperty(Vocab.name, "Brenda  Goodman").addProperty(Vocab.name, "Brenda Goodman");
        Resource c = m.createResource("https://parc.example.org/place/cairo").addProperty(RDF.type, Vocab.Place)
                .addProperty(Vocab.name, "CAIRO").addProperty(Vocab.name, m.createLiteral("Cairo", "en"));
        Resource u = m.createResource("https://parc.example.org/place/united-states").addProperty(RDF.type, Vocab.Place)
                .addProperty(Vocab.name, "United States").addProperty(Vocab.name, "US").addProperty(Vocab.alternateName, "U.S.");
        Resource one = m.createResource("https://parc.example.org/organization/nato").addProperty(RDF.type, Vocab.Organization)
                .addProperty(Vocab.name, "NATO");
        Resource file = m.createResource("https://parc.example.org/file/x").addProperty(Vocab.name, "a.txt").addProperty(Vocab.name, "A.TXT");
        OneName.apply(m);
        assertEquals(Set.of("Nataliya Vasilyeva"), values(p, Vocab.name));
        assertEquals(Set.of("NATALIYA VASILYEVA"), values(p, Vocab.alternateName));
        assertEquals(Set.of("Brenda Goodman"), values(b, Vocab.name));
        assertTrue(values(b, Vocab.alternateName).isEmpty(), "a spacing variant is dropped");
        assertEquals("en", c.getProperty(Vocab.name).getLanguage(), "the literal is kept as it was");
        assertEquals(Set.of("CAIRO"), values(c, Vocab.alternateName));
        assertEquals(Set.of("United States"), values(u, Vocab.name), "the fuller form");
        assertEquals(Set.of("US", "U.S."), values(u, Vocab.alternateName));
        assertEquals(Set.of("NATO"), values(one, Vocab.name), "a single name stays, capitals or not");
        assertEquals(2, values(file, Vocab.name).size(), "only people, organizations and places");
    }

    @Test
    void theChoiceDoesNotDependOnOrder() {
        for (String[] pair : new String[][] {{"Sergei Lavrov", "SERGEI LAVROV"}, {"SERGEI LAVROV", "Sergei Lavrov"}}) {
            Model m = ModelFactory.createDefaultModel();
            Resource r = m.createResource("https://parc.example.org/person/sergei-lavrov").addProperty(RDF.type, Vocab.Person);
            for (String n : pair) r.addProperty(Vocab.name, n);
            OneName.apply(m);
            assertEquals(Set.of("Sergei Lavrov"), values(r, Vocab.name));
        }
    }

    private static Set<String> values(Resource r, Property p) {
        return r.listProperties(p).toList().stream().map(s -> s.getString()).collect(Collectors.toSet());
    }
}
