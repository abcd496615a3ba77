package org.parc.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parc.edit.Fixtures;
import org.parc.export.ExportFormat;
import org.parc.store.Tdb2Archive;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/**
 * The SHACL shapes on the seed archive (plus a document with mentions, a correction and a fixity
 * check), on every export format parsed back, and on deliberately broken records.
 */
class ValidateTest {
    @TempDir
    static Path tmp;
    static Path store;

    @BeforeAll
    static void archive() {
        store = tmp.resolve("archive");
        assertEquals(0, TestArchives.parc("ingest", "--store", store.toString(), TestArchives.seeds().toString()).code());
        Fixtures.addTo(store);
        Run e = TestArchives.parc("edit", "set", "--store", store.toString(), "003_fce4307d2c9900bd.txt", "issued", "2015-10-09",
                "--agent", "Ann Librarian");
        assertEquals(0, e.code(), e::toString);
        Run v = TestArchives.parc("verify", "--store", store.toString(), TestArchives.seeds().toString());
        assertTrue(v.out().contains("missing  " + Fixtures.FILE), v::toString); // the fixture has no file on disk
    }

    @Test
    void archiveConforms() {
        Run r = TestArchives.parc("validate", "--store", store.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("conforms"), r::toString);
        assertTrue(TestArchives.parc("validate", "--help").out().contains("Exit codes"));
    }

    /** Every annotation's position selector, in code points, cuts exactly its quote out of the text. */
    @Test
    void everySelectorCutsExactlyItsQuote() {
        List<QuerySolution> rows = Fixtures.select(store, """
                SELECT ?ann ?start ?end ?exact ?text WHERE {
                  ?ann a oa:Annotation ; oa:hasTarget ?t . ?t oa:hasSource ?src ; oa:hasSelector ?p, ?q .
                  ?p a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
                  ?q a oa:TextQuoteSelector ; oa:exact ?exact .
                  ?src schema:text ?text }""");
        assertTrue(rows.size() >= 5, "the archive has mentions: " + rows.size());
        boolean astral = false;
        for (QuerySolution s : rows) {
            String text = s.getLiteral("text").getString();
            int start = text.offsetByCodePoints(0, s.getLiteral("start").getInt());
            int end = text.offsetByCodePoints(0, s.getLiteral("end").getInt());
            assertEquals(s.getLiteral("exact").getString(), text.substring(start, end), s.getResource("ann").getURI());
            astral |= text.codePoints().limit(s.getLiteral("start").getInt()).anyMatch(Character::isSupplementaryCodePoint);
        }
        assertTrue(astral, "some mention follows a character outside the BMP, where code points and UTF-16 differ");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void everyExportConforms(ExportFormat format) {
        org.junit.jupiter.api.Assumptions.assumeTrue(format.lang() != null, "not an RDF format");
        Run r = TestArchives.parc("export", "--store", store.toString(), "--format", format.displayName());
        assertEquals(0, r.code(), r::toString);
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(r.out(), format.lang()).parse(parsed);
        var graph = format.quads() ? parsed.getUnionGraph() : parsed.getDefaultGraph();
        assertTrue(graph.size() > 100);
        List<Validator.Violation> v = Validator.validate(graph);
        assertEquals(List.of(), v, format.displayName());
    }

    /** The committed export/ files (the seed archive as published) conform too. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"seeds.ttl", "seeds.jsonld"})
    void publishedExportsConform(String name) {
        var g = org.apache.jena.riot.RDFDataMgr.loadGraph(Path.of("export", name).toString());
        assertTrue(g.size() > 100);
        assertEquals(List.of(), Validator.validate(g));
    }

    @Test
    void brokenRecordsAreReportedInPlainWords() throws Exception {
        Path broken = tmp.resolve("broken");
        TestArchives.copyTree(store, broken);
        try (Tdb2Archive a = Tdb2Archive.open(broken)) {
            a.write(c -> c.update("""
                    PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX oa: <http://www.w3.org/ns/oa#>
                    DELETE { GRAPH ?g { ?a dcterms:title ?t } } WHERE { GRAPH ?g { ?a dcterms:title "Iraq Cozies Up Further to Iran-Russia Alliance as Islamic State Weakens" . ?a dcterms:title ?t } } ;
                    DELETE { GRAPH ?g { ?s oa:end ?e } } INSERT { GRAPH ?g { ?s oa:end 100000 } }
                      WHERE { GRAPH ?g { ?s a oa:TextPositionSelector ; oa:start 9 ; oa:end ?e } } ;
                    DELETE { GRAPH ?g { ?q oa:exact "Abadi" } } INSERT { GRAPH ?g { ?q oa:exact "Obama" } }
                      WHERE { GRAPH ?g { ?q oa:exact "Abadi" } }
                    """));
        }
        Run r = TestArchives.parc("validate", "--store", broken.toString());
        assertEquals(1, r.code(), r::toString);
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("article/8ad86516e20a4524-1  dcterms:title  an article needs exactly one title")), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("annotation/") && l.contains("does not fit its text")), r::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("is \"Abadi\", not its quote \"Obama\"")), r::toString);
        assertTrue(lines.get(lines.size() - 1).contains("does not conform"), r::toString);
    }
}
