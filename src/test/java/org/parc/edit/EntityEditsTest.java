package org.parc.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.support.Stores;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** Merge, split, reject and accept on a document with mentions, then the record replayed as re-ingest does. */
class EntityEditsTest {
    static final String B = "https://parc.example.org/";

    @TempDir
    Path tmp;

    Run ok(String... args) {
        String[] a = new String[args.length + 2];
        a[0] = args[0];
        int i = 1;
        if (args[0].equals("edit")) a[i++] = args[1];
        a[i++] = "--store";
        a[i++] = tmp.resolve("archive").toString();
        System.arraycopy(args, i - 2, a, i, args.length - (i - 2));
        Run r = TestArchives.parc(a);
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    List<String> values(String q, String var) {
        return CorrectionsTest.values(tmp.resolve("archive"), q, var);
    }

    @Test
    void mergeSplitRejectAcceptAndReplay() {
        Path store = tmp.resolve("archive");
        String article = Fixtures.addTo(store);
        String ann = article.replace("/article/", "/annotation/");

        // merge: one entity with all names; the other IRI redirects; mentions of either find it
        ok("edit", "merge", "person/haider-al-abadi", "person/abadi", "--agent", "Ann Librarian", "--reason", "same person");
        assertEquals(List.of(B + "person/george-bush", B + "person/haider-al-abadi"),
                values("SELECT DISTINCT ?e WHERE { ?a schema:mentions ?e . ?e a schema:Person }", "e"));
        assertEquals(List.of("Haider al-Abadi"), values("SELECT ?n WHERE { <" + B + "person/haider-al-abadi> schema:name ?n }", "n"));
        assertEquals(List.of("Abadi"), values("SELECT ?n WHERE { <" + B + "person/haider-al-abadi> schema:alternateName ?n }", "n"));
        assertEquals(List.of("abadi", "haider al-abadi"), values("SELECT DISTINCT ?k WHERE { <" + B + "person/haider-al-abadi> parc:nameKey ?k } ORDER BY ?k", "k"));
        assertEquals(List.of(), values("SELECT ?p WHERE { <" + B + "person/abadi> ?p ?o FILTER(?p != owl:sameAs && ?p != prov:wasInvalidatedBy) }", "p"));
        List<String> quotes = values("""
                SELECT ?q WHERE { VALUES ?asked { <%sperson/abadi> } ?asked owl:sameAs* ?e .
                  ?ann oa:hasBody ?e ; oa:hasTarget/oa:hasSelector/oa:exact ?q }""".formatted(B), "q");
        assertEquals(List.of("Abadi", "Abadi", "Haider al-Abadi"), quotes);

        // split: the mentions written "Bush Jr." become a new person
        ok("edit", "split", "person/george-bush", "--as", "George W. Bush", "--name", "Bush Jr.", "--agent", "Ann Librarian");
        assertEquals(List.of("Bush Jr."), values("SELECT ?q WHERE { ?ann oa:hasBody <" + B + "person/george-w-bush> ; oa:hasTarget/oa:hasSelector/oa:exact ?q }", "q"));
        assertEquals(List.of("George Bush"), values("SELECT ?q WHERE { ?ann oa:hasBody <" + B + "person/george-bush> ; oa:hasTarget/oa:hasSelector/oa:exact ?q }", "q"));
        assertEquals(List.of(), values("SELECT ?n WHERE { <" + B + "person/george-bush> schema:alternateName ?n }", "n"));
        assertEquals(List.of("George W. Bush"), values("SELECT ?n WHERE { <" + B + "person/george-w-bush> a schema:Person ; schema:name ?n }", "n"));
        assertEquals(List.of("bush jr.", "george w. bush"), values("SELECT DISTINCT ?k WHERE { <" + B + "person/george-w-bush> parc:nameKey ?k } ORDER BY ?k", "k"));
        assertEquals(List.of("george bush"), values("SELECT DISTINCT ?k WHERE { <" + B + "person/george-bush> parc:nameKey ?k }", "k"));
        assertEquals(List.of(B + "person/george-bush", B + "person/george-w-bush", B + "person/haider-al-abadi"),
                values("SELECT DISTINCT ?e WHERE { ?a schema:mentions ?e . ?e a schema:Person }", "e"));

        // reject every mention of Baghdad: the annotations leave the record, then the article stops mentioning it
        List<String> baghdad = values("SELECT ?ann WHERE { ?ann oa:hasBody <" + B + "place/baghdad> }", "ann");
        assertEquals(3, baghdad.size(), baghdad::toString);
        ok("edit", "reject", baghdad.get(0).substring(B.length()), "--agent", "Bob Cataloguer", "--reason", "title line");
        assertEquals(2, values("SELECT ?ann WHERE { ?ann oa:hasBody <" + B + "place/baghdad> }", "ann").size());
        assertEquals(List.of(B + "place/baghdad"), values("SELECT ?e WHERE { ?a schema:mentions ?e . ?e a schema:Place }", "e"));
        ok("edit", "reject", baghdad.get(1), "--agent", "Bob Cataloguer");
        ok("edit", "reject", baghdad.get(2), "--agent", "Bob Cataloguer");
        assertEquals(List.of(), values("SELECT ?e WHERE { ?a schema:mentions ?e . ?e a schema:Place }", "e"));
        // kept in the history: the rejected annotation's triples, invalidated by the edits
        assertEquals(3, values("SELECT DISTINCT ?s WHERE { ?st rdf:subject ?s ; rdf:predicate oa:hasBody ; rdf:object <" + B
                + "place/baghdad> ; prov:wasInvalidatedBy ?e }", "s").size());

        // reject a date mention: the article's dcterms:temporal goes with its only annotation
        String date = values("SELECT ?ann WHERE { ?ann oa:hasBody/rdf:value ?v }", "ann").get(0);
        ok("edit", "reject", date, "--agent", "Bob Cataloguer");
        assertEquals(List.of(), values("SELECT ?d WHERE { ?a dcterms:temporal ?d }", "d"));

        // accept a link candidate
        ok("edit", "accept", "place/baghdad", "https://sws.geonames.org/98182/", "--agent", "Ann Librarian");
        assertEquals(List.of("https://sws.geonames.org/98182/"), values("SELECT ?l WHERE { <" + B + "place/baghdad> schema:sameAs ?l }", "l"));
        assertEquals(List.of(), values("SELECT ?l WHERE { <" + B + "place/baghdad> parc:linkCandidate ?l }", "l"));

        Run v = ok("validate");
        assertTrue(v.out().contains("conforms"), v::toString);

        // history: every edit that touched the article or its mentions, in order
        Run h = ok("history", article);
        List<String> lines = h.out().lines().toList();
        int merge = CorrectionsTest.indexOf(lines, "merge ");
        int split = CorrectionsTest.indexOf(lines, "split ");
        int reject = CorrectionsTest.indexOf(lines, "reject mention");
        int recognize = CorrectionsTest.indexOf(lines, "Recognize the people");
        assertTrue(recognize > 0 && recognize < merge && merge < split && split < reject, h::toString);
        assertTrue(lines.get(recognize).contains("test-ner 1.0"), h::toString);

        // re-ingest: the document graph extracted again, with the corrections replayed, is the same record
        DatasetGraph before = Stores.snapshot(store);
        Fixtures.addTo(store);
        assertNull(TestArchives.datasetDiff(before, Stores.snapshot(store)));
        assertTrue(ann.length() > 0);
    }

    @Test
    void entityErrors() {
        Fixtures.addTo(tmp.resolve("archive"));
        String s = tmp.resolve("archive").toString();
        assertEquals(2, TestArchives.parc("edit", "merge", "--store", s, "person/abadi", "place/baghdad", "--agent", "A").code());
        assertEquals(2, TestArchives.parc("edit", "merge", "--store", s, "person/abadi", "person/nobody", "--agent", "A").code());
        assertEquals(2, TestArchives.parc("edit", "accept", "--store", s, "place/baghdad", "https://example.org/x", "--agent", "A").code());
        assertEquals(2, TestArchives.parc("edit", "split", "--store", s, "person/george-bush", "--as", "X", "--agent", "A").code());
        assertEquals(2, TestArchives.parc("edit", "reject", "--store", s, "annotation/nope", "--agent", "A").code());
    }
}
