package org.parc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parc.source.Checksums;
import org.parc.support.Stores;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/**
 * The seed collection through the real CLI into a real TDB2 store: the RDF contract, the golden
 * graph, re-ingest idempotence, every query format and every export format's round trip.
 * Regenerate the golden graph and export/ with: mvn -B test -Dtest=SeedArchiveTest -Dparc.regenerate=true
 */
class SeedArchiveTest {
    static final boolean REGENERATE = Boolean.getBoolean("parc.regenerate");

    @TempDir
    static Path tmp;
    static Path store;
    static Run first;

    @BeforeAll
    static void ingestSeeds() {
        store = tmp.resolve("archive");
        first = TestArchives.parc("ingest", "--store", store.toString(), TestArchives.seeds().toString());
    }

    @Test
    void seedsIngestCleanly() {
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.out().contains("ingested 5, unchanged 0, failed 0"), first::toString);
    }

    @Test
    void goldenGraph() throws IOException {
        Path golden = Path.of("src/test/resources/golden/seeds.trig");
        Run r = TestArchives.parc("export", "--store", store.toString(), "--format", "trig");
        assertEquals(0, r.code(), r::toString);
        if (REGENERATE) Files.writeString(golden, r.out());
        DatasetGraph expected = DatasetGraphFactory.createTxnMem();
        RDFParser.source(golden).parse(expected);
        String diff = TestArchives.datasetDiff(expected, Stores.snapshot(store));
        assertNull(diff, () -> "seed archive differs from " + golden + " (- expected only, + produced only):\n" + diff
                + "\nIf the change is intended: mvn -B test -Dtest=SeedArchiveTest -Dparc.regenerate=true");
    }

    @Test
    void exportFolderIsCurrent() throws IOException {
        for (String name : new String[]{"seeds.ttl", "seeds.jsonld"}) {
            Path file = Path.of("export", name);
            Run r = TestArchives.parc("export", "--store", store.toString(), "--out", tmp.resolve(name).toString());
            assertEquals(0, r.code(), r::toString);
            byte[] fresh = Files.readAllBytes(tmp.resolve(name));
            if (REGENERATE) {
                Files.createDirectories(file.getParent());
                Files.write(file, fresh);
            }
            assertTrue(Files.exists(file), "missing " + file);
            assertEquals(new String(fresh, StandardCharsets.UTF_8), Files.readString(file),
                    file + " is stale: regenerate with mvn -B test -Dtest=SeedArchiveTest -Dparc.regenerate=true");
        }
    }

    @Test
    void contractHoldsForEveryArticle() throws IOException {
        DatasetGraph dsg = Stores.snapshot(store);
        Graph union = dsg.getUnionGraph();
        Map<String, String> shaByName = new HashMap<>();
        try (var files = Files.list(TestArchives.seeds())) {
            for (Path p : (Iterable<Path>) files::iterator) shaByName.put(p.getFileName().toString(), Checksums.sha256(p));
        }
        String q = """
                PREFIX schema: <http://schema.org/> PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT ?a ?title ?lang ?name ?sha ?version WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:language ?lang ;
                     prov:wasDerivedFrom ?src ; prov:wasGeneratedBy ?act .
                  ?src schema:name ?name ; schema:sha256 ?sha .
                  ?act a prov:Activity ; prov:startedAtTime ?s ; prov:endedAtTime ?e ; prov:used ?src ;
                       prov:wasAssociatedWith ?agent .
                  ?agent a prov:SoftwareAgent ; schema:name "parc" ; schema:softwareVersion ?version .
                }""";
        int articles = 0;
        try (QueryExecution qe = QueryExecutionFactory.create(q, org.apache.jena.rdf.model.ModelFactory.createModelForGraph(union))) {
            ResultSet rs = qe.execSelect();
            while (rs.hasNext()) {
                var s = rs.next();
                articles++;
                String name = s.getLiteral("name").getString();
                assertEquals(shaByName.get(name), s.getLiteral("sha").getString(), "sha256 of " + name);
                assertFalse(s.getLiteral("title").getString().isBlank());
                assertFalse(s.getLiteral("version").getString().equals("unknown"));
            }
        }
        assertTrue(articles >= 5, "every seed yields at least one fully described article, got " + articles);
        // No local directories in the archive: file names and paths relative to the ingest root only.
        union.find().forEachRemaining(t -> assertFalse(t.getObject().toString().contains(tmp.toString()), t::toString));
    }

    @Test
    void reingestChangesNothing() {
        DatasetGraph before = Stores.snapshot(store);
        Run again = TestArchives.parc("ingest", "--store", store.toString(), TestArchives.seeds().toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("ingested 0, unchanged 5, failed 0"), again::toString);
        assertEquals(5, again.out().lines().filter(l -> l.startsWith("unchanged ")).count(), again::toString);
        assertNull(TestArchives.datasetDiff(before, Stores.snapshot(store)));
    }

    @Test
    void spellingVariantsAcrossArticlesShareOneIriAndBareSurnamesStayCandidates() {
        Run lavrov = TestArchives.parc("query", "--store", store.toString(), "--format", "csv",
                "SELECT DISTINCT ?e WHERE { ?a schema:mentions ?e . ?e schema:name ?n FILTER(CONTAINS(?n, \"Lavrov\")) }");
        assertEquals(2, lavrov.out().strip().lines().count(), lavrov::toString); // header + one entity
        Run evidence = TestArchives.parc("query", "--store", store.toString(), "ASK { ?st parc:method \"archive-identity\" ; "
                + "rdf:predicate schema:alternateName ; rdf:object \"Sergei Lavrov\" ; prov:wasGeneratedBy ?act }");
        assertEquals("yes", evidence.out().strip(), evidence::toString);
        // the renamed entity is found by either spelling
        Run keys = TestArchives.parc("query", "--store", store.toString(), "ASK { GRAPH ?g { ?e parc:nameKey \"sergei lavrov\" , \"sergey lavrov\" } }");
        assertEquals("yes", keys.out().strip(), keys::toString);
        Run obama = TestArchives.parc("query", "--store", store.toString(),
                "ASK { ?o schema:name \"Obama\" ; parc:linkCandidate ?b . ?b schema:name \"Barack Obama\" }");
        assertEquals("yes", obama.out().strip(), obama::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "csv", "tsv", "json", "xml"})
    void selectInEveryResultFormat(String format) {
        Run r = TestArchives.parc("query", "--store", store.toString(), "--format", format,
                "SELECT ?title WHERE { ?a a schema:NewsArticle ; dcterms:title ?title } ORDER BY ?title");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Iraq leans toward Russia in war on ISIS"), r::toString);
        if (!format.equals("text")) {
            ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)),
                    org.parc.query.OutputFormats.resultLang(format));
            assertTrue(ResultSetFactory.copyResults(rs).size() >= 5);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"turtle", "json-ld", "n-triples"})
    void constructInEveryGraphFormat(String format) {
        Run r = TestArchives.parc("query", "--store", store.toString(), "--format", format,
                "CONSTRUCT { ?a dcterms:title ?t } WHERE { ?a dcterms:title ?t }");
        assertEquals(0, r.code(), r::toString);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.out(), org.parc.query.OutputFormats.rdfLang(format)).parse(g);
        assertTrue(g.size() >= 5, r::toString);
    }

    @Test
    void askAndDescribe() {
        Run ask = TestArchives.parc("query", "--store", store.toString(), "ASK { ?a a schema:NewsArticle }");
        assertEquals("yes", ask.out().strip(), ask::toString);
        Run describe = TestArchives.parc("query", "--store", store.toString(),
                "DESCRIBE ?a WHERE { ?a dcterms:title \"Iraq leans toward Russia in war on ISIS\" }");
        assertEquals(0, describe.code(), describe::toString);
        assertTrue(describe.out().contains("schema:NewsArticle"), describe::toString);
    }

    @Test
    void malformedQueryGivesLineAndColumn() {
        Run r = TestArchives.parc("query", "--store", store.toString(), "SELECT ?a WHERE {\n  ?a a schema:NewsArticle \n");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("line 2, column 27"), r::toString);
    }

    // Every export format's round trip, determinism and selections: org.parc.export.ExportFormatsTest.
}
