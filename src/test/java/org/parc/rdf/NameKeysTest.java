package org.parc.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.junit.jupiter.api.Test;

class NameKeysTest {
    @Test
    void foldsCaseAccentsSpacingApostrophesAndHyphens() {
        assertEquals("sao paulo", NameKeys.fold(" São\u00A0 Paulo "));
        assertEquals("al-maliki's", NameKeys.fold("Al\u2010Maliki\u2019s"));
        assertEquals("fiat", NameKeys.fold("\uFB01at"));
        assertEquals("istanbul", NameKeys.fold("\u0130stanbul"));
        assertEquals("", NameKeys.fold(" \u0301 "));
    }

    @Test
    void refreshKeepsOneKeyPerDistinctFoldedNameOfEachEntityAndDropsStaleOnes() {
        Model m = ModelFactory.createDefaultModel();
        Resource e = m.createResource("https://parc.example.org/place/sao-paulo")
                .addProperty(Vocab.identityKey, "sao-paulo")
                .addProperty(Vocab.name, "São Paulo")
                .addProperty(Vocab.alternateName, "SAO PAULO")
                .addProperty(Vocab.alternateName, "Sampa")
                .addProperty(Vocab.nameKey, "old name");
        // a mentioned entity without an identity key (made by a split) gets keys too
        Resource split = m.createResource("https://parc.example.org/person/george-w-bush").addProperty(Vocab.name, "George W. Bush");
        m.createResource("https://parc.example.org/article/a").addProperty(Vocab.mentions, split);
        // a file or an outlet has a name but is no mentioned entity: no key
        m.createResource("https://parc.example.org/source/x").addProperty(Vocab.name, "a.txt");
        NameKeys.refresh(m);
        assertEquals(Set.of("sao paulo", "sampa"), keys(m, e));
        assertEquals(Set.of("george w. bush"), keys(m, split));
        assertEquals(3, m.listStatements(null, Vocab.nameKey, (String) null).toList().size());
        e.removeAll(Vocab.alternateName);
        NameKeys.refresh(NameKeys.refresh(m));
        assertEquals(Set.of("sao paulo"), keys(m, e));
    }

    private static Set<String> keys(Model m, Resource e) {
        return m.listObjectsOfProperty(e, Vocab.nameKey).toList().stream().map(n -> n.asLiteral().getString()).collect(Collectors.toSet());
    }
}
