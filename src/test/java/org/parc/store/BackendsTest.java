package org.parc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/**
 * The same store integration checks against embedded TDB2 and against a real Fuseki (in memory,
 * default graph NOT the union, so parc's rewrite is what makes queries see the union) on a free
 * loopback port: ingest, unchanged re-ingest, queries, saved queries, and isomorphic exports.
 */
class BackendsTest {
    @TempDir
    static Path tmp;
    static FusekiServer fuseki;
    static final Map<String, String> stores = new TreeMap<>();
    static final Map<String, Run> firstIngest = new TreeMap<>();

    @BeforeAll
    static void ingestIntoBoth() {
        fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", DatasetGraphFactory.createTxnMem(), true).build().start();
        stores.put("tdb2", tmp.resolve("archive").toString());
        stores.put("fuseki", "http://localhost:" + fuseki.getHttpPort() + "/ds");
        for (var e : stores.entrySet()) {
            firstIngest.put(e.getKey(), TestArchives.parc("ingest", "--store", e.getValue(), "--no-entities", TestArchives.seeds().toString()));
        }
    }

    @AfterAll
    static void stopFuseki() {
        if (fuseki != null) fuseki.stop();
    }

    static Run parc(String backend, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = args[0];
        all[1] = "--store";
        System.arraycopy(args, 1, all, 3, args.length - 1);
        all[2] = stores.get(backend);
        return TestArchives.parc(all);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tdb2", "fuseki"})
    void ingestThenUnchangedReingest(String backend) {
        Run first = firstIngest.get(backend);
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.out().contains("ingested 5, unchanged 0, failed 0"), first::toString);
        Run again = parc(backend, "ingest", "--no-entities", TestArchives.seeds().toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("ingested 0, unchanged 5, failed 0"), again::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tdb2", "fuseki"})
    void queriesSeeTheUnionOfTheDocumentGraphs(String backend) {
        Map<String, String> expect = Map.of(
                "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle ; dcterms:title ?t }", "6",
                "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a schema:NewsArticle } }", "5",
                "SELECT ?n WHERE { { SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle } } }", "6",
                "SELECT (COUNT(*) AS ?n) WHERE { ?a a schema:NewsArticle FILTER NOT EXISTS { ?a dcterms:title ?t } }", "0",
                "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle FILTER EXISTS { ?a prov:wasDerivedFrom/schema:sha256 ?s } }", "6",
                // A join across graphs: every article shares its parc software agent with every other.
                "SELECT (COUNT(DISTINCT ?v) AS ?n) WHERE { ?x prov:wasAssociatedWith ?ag . ?ag schema:name \"parc\" ; schema:softwareVersion ?v }", "1");
        for (var e : expect.entrySet()) {
            Run r = parc(backend, "query", "--format", "csv", e.getKey());
            assertEquals(0, r.code(), r::toString);
            assertEquals("n\r\n" + e.getValue() + "\r\n", r.out(), () -> backend + ": " + e.getKey() + "\n" + r);
        }
        Run saved = parc(backend, "query", "--format", "csv", "--named", "articles-by-outlet");
        assertEquals(0, saved.code(), saved::toString);
        assertEquals(7, saved.out().lines().count(), saved::toString); // seed 004 holds two stories
        assertTrue(saved.out().contains("Iraq leans toward Russia in war on ISIS"), saved::toString);
    }

    @Test
    void theTestFusekisDefaultGraphIsNotTheUnion() {
        try (var c = org.apache.jena.rdfconnection.RDFConnection.queryConnect(stores.get("fuseki") + "/query");
             var qe = c.query("ASK { ?s ?p ?o }")) {
            assertTrue(!qe.execAsk(), "so the union-graph rewrite is what the Fuseki runs above rely on");
        }
        try (RemoteArchive a = RemoteArchive.connect(stores.get("fuseki"))) {
            assertTrue(a.rewritesToUnionGraph());
        }
    }

    @Test
    void exportsAreIsomorphicAcrossBackends() {
        DatasetGraph[] ds = new DatasetGraph[2];
        String[] out = new String[2];
        int i = 0;
        for (String backend : stores.keySet()) {
            Run r = parc(backend, "export", "--format", "trig");
            assertEquals(0, r.code(), r::toString);
            out[i] = r.out();
            ds[i] = DatasetGraphFactory.createTxnMem();
            RDFParser.fromString(r.out(), Lang.TRIG).parse(ds[i]);
            i++;
        }
        assertTrue(ds[0].listGraphNodes().hasNext());
        assertNull(TestArchives.datasetDiff(ds[0], ds[1]));
        assertEquals(out[0], out[1], "deterministic export: the same bytes from either store");
    }

    @Test
    void unreachableEndpointIsStoreUnavailable() {
        Run r = TestArchives.parc("query", "--store", "http://127.0.0.1:1/nothing", "ASK {}");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("not reachable"), r::toString);
    }

    @Test
    void endpointUrlsAsUsersPasteThem() {
        assertEquals("http://h:3030/ds", RemoteArchive.datasetUrl("http://h:3030/ds/"));
        assertEquals("http://h:3030/ds", RemoteArchive.datasetUrl("http://h:3030/ds/sparql"));
        assertEquals("http://h:3030/ds", RemoteArchive.datasetUrl("http://h:3030/ds/query"));
    }
}
