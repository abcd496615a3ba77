package org.parc.edit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** Every term the librarians' code writes is declared in vocab/parc.ttl with a label and a comment. */
class VocabTermsTest {
    @Test
    void everyTermIsDeclared() throws Exception {
        Model m = ModelFactory.createDefaultModel();
        RDFDataMgr.read(m, "vocab/parc.ttl");
        for (Field f : Terms.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) continue;
            Resource t = (Resource) f.get(null);
            Resource r = m.getResource(t.getURI());
            assertTrue(r.hasProperty(RDFS.label) && r.hasProperty(RDFS.comment), t.getURI() + " lacks rdfs:label or rdfs:comment");
        }
    }
}
