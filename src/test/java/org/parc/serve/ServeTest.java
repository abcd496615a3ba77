package org.parc.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.cli.Parc;
import org.parc.rdf.Vocab;
import org.parc.store.Stores;
import org.parc.store.Tdb2Archive;
import org.parc.support.SyntheticDocs;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** The real server, in-process on a free loopback port, over the seeds plus synthetic documents. */
class ServeTest {
    @TempDir
    static Path tmp;
    static Tdb2Archive archive;
    static ParcServer server;
    static List<String> articles;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        String store = tmp.resolve("archive").toString();
        Run r = TestArchives.parc("ingest", "--store", store, "--no-entities", TestArchives.seeds().toString());
        assertEquals(0, r.code(), r::toString);
        archive = (Tdb2Archive) Stores.open(store, false);
        articles = SyntheticDocs.add(archive);
        server = ParcServer.start(archive, new ParcServer.Options("127.0.0.1", 0, Duration.ofSeconds(1), false));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (archive != null) archive.close();
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(20));
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String local(String iri) {
        return iri.substring(archive.iris().base().length() - 1);
    }

    @Test
    void commandPrintsTheEndpointFirstAndStopsCleanly() throws Exception {
        String store = tmp.resolve("small").toString();
        assertEquals(0, TestArchives.parc("ingest", "--store", store, "--no-entities",
                TestArchives.seeds().resolve("003_fce4307d2c9900bd.txt").toString()).code());
        PipedInputStream in = new PipedInputStream();
        PrintStream out = new PrintStream(new PipedOutputStream(in), true, StandardCharsets.UTF_8);
        AtomicInteger code = new AtomicInteger(-1);
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        Thread t = new Thread(() -> code.set(Parc.run(out, new PrintStream(err, true, StandardCharsets.UTF_8), "--verbose",
                "serve", "--store", store, "--port", "0")));
        t.start();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String first = r.readLine();
        assertTrue(first != null && first.matches("http://127\\.0\\.0\\.1:\\d+/parc/sparql"), first);
        try (RDFConnection c = RDFConnectionRemote.service(first).build();
             QueryExecution qe = c.query("ASK { ?a a <http://schema.org/NewsArticle> }")) {
            assertTrue(qe.execAsk());
        }
        t.interrupt();
        t.join(20_000);
        assertFalse(t.isAlive());
        assertEquals(0, code.get(), err::toString);
        // The store was closed: it opens again.
        Stores.open(store, false).close();
    }

    @Test
    void selectSeesTheUnionOfTheDocumentGraphs() {
        assertTrue(server.sparqlEndpoint().startsWith("http://127.0.0.1:"), server.sparqlEndpoint());
        try (RDFConnection c = RDFConnectionRemote.service(server.sparqlEndpoint()).build();
             QueryExecution qe = c.query("SELECT ?t WHERE { ?a a <http://schema.org/NewsArticle> ; <http://purl.org/dc/terms/title> ?t }")) {
            List<String> titles = new java.util.ArrayList<>();
            qe.execSelect().forEachRemaining(s -> titles.add(s.getLiteral("t").getString()));
            assertTrue(titles.contains("Iraq leans toward Russia in war on ISIS"), titles::toString);
            assertTrue(titles.size() >= 7, titles::toString);
        }
    }

    @Test
    void graphStoreReadWorks() throws Exception {
        String g = archive.iris().base() + "graph/edit/1";
        HttpResponse<String> r = get("/parc/data?graph=" + java.net.URLEncoder.encode(g, StandardCharsets.UTF_8), "text/turtle");
        assertEquals(200, r.statusCode(), r::body);
        assertTrue(r.body().contains(SyntheticDocs.LIBRARIAN), r::body);
    }

    @Test
    void updatesAreRefused() throws Exception {
        String ds = server.baseUrl() + "/parc";
        try (RDFConnection c = RDFConnectionRemote.newBuilder().destination(ds).queryEndpoint("sparql")
                .updateEndpoint("sparql").gspEndpoint("data").build()) {
            assertThrows(RuntimeException.class, () -> c.update("INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"));
            Model m = ModelFactory.createDefaultModel();
            m.add(m.createResource("urn:x:a"), m.createProperty("urn:x:b"), "c");
            assertThrows(RuntimeException.class, () -> c.put("urn:x:g", m));
            assertThrows(RuntimeException.class, () -> c.load("urn:x:g", m));
        }
        for (String endpoint : List.of("/parc/update", "/parc", "/parc/sparql")) {
            // a client of its own: the server may close a connection after refusing a request, and a
            // POST on a pooled connection it has just closed fails with EOF instead of a status
            HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> r = fresh.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + endpoint))
                    .header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(r.statusCode() >= 400, endpoint + " " + r.statusCode());
        }
        try (RDFConnection c = RDFConnectionRemote.service(server.sparqlEndpoint()).build();
             QueryExecution qe = c.query("ASK { GRAPH ?g { <urn:x:a> ?p ?o } }")) {
            assertFalse(qe.execAsk());
        }
        assertTrue(archive.containsGraph(archive.iris().base() + "graph/edit/1"), "nothing was cleared");
    }

    @Test
    void resultsLargerThanTheResponseBufferArriveWhole() throws Exception {
        String q = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }";
        long expected = archive.read(c -> {
            try (QueryExecution qe = c.query(q)) {
                long n = 0;
                for (var rs = qe.execSelect(); rs.hasNext(); rs.next()) n++;
                return n;
            }
        });
        HttpResponse<String> r = get("/parc/sparql?query=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().length() > 4 * ParcServer.OUTPUT_BUFFER_BYTES, "only " + r.body().length() + " characters");
        var rs = org.apache.jena.query.ResultSetFactory.fromJSON(new java.io.ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        long rows = 0;
        for (; rs.hasNext(); rs.next()) rows++;
        assertEquals(expected, rows);
    }

    @Test
    void repeatedQueriesAreAnsweredFromTheCacheUntilTheDataChanges() throws Exception {
        String q = "SELECT ?o WHERE { GRAPH <urn:x:cache> { <urn:x:s> <urn:x:p> ?o } }";
        String path = "/parc/sparql?query=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8);
        String json = "application/sparql-results+json";
        long hits = server.cacheHits();
        long misses = server.cacheMisses();
        HttpResponse<String> first = get(path, json);
        HttpResponse<String> again = get(path, json);
        assertEquals(200, again.statusCode(), again::body);
        assertEquals(first.body(), again.body());
        assertEquals(first.headers().firstValue("Content-Type"), again.headers().firstValue("Content-Type"));
        assertEquals(first.headers().allValues("Cache-Control"), again.headers().allValues("Cache-Control"));
        assertEquals(hits + 1, server.cacheHits());
        assertEquals(misses + 1, server.cacheMisses());
        // Another format is another answer; the same query sent as a form is the same question.
        HttpResponse<String> csv = get(path, "text/csv");
        assertEquals("o\r\n", csv.body());
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(server.sparqlEndpoint())).header("Accept", json)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(first.body(), form.body());
        assertEquals(hits + 2, server.cacheHits());
        assertEquals(misses + 2, server.cacheMisses());
        // A write (here in-process; under `parc serve` nothing else can write) and the query is computed again.
        archive.write(c -> c.update("INSERT DATA { GRAPH <urn:x:cache> { <urn:x:s> <urn:x:p> \"changed\" } }"));
        try {
            HttpResponse<String> after = get(path, json);
            assertTrue(after.body().contains("changed"), after::body);
            assertEquals(misses + 3, server.cacheMisses());
        } finally {
            archive.write(c -> c.update("DROP SILENT GRAPH <urn:x:cache>"));
        }
        // Errors are not kept.
        String bad = "/parc/sparql?query=" + java.net.URLEncoder.encode("SELECT WHERE {", StandardCharsets.UTF_8);
        assertEquals(400, get(bad, json).statusCode());
        assertEquals(400, get(bad, json).statusCode());
        assertEquals(misses + 5, server.cacheMisses());
    }

    @Test
    void expensiveQueriesStopAtTheTimeout() throws Exception {
        String q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        long t0 = System.nanoTime();
        HttpResponse<String> r = get("/parc/sparql?query=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        double s = (System.nanoTime() - t0) / 1e9;
        assertNotEquals(200, r.statusCode(), r::body);
        assertTrue(s < 15, "took " + s + " s");
        long hits = server.cacheHits();
        assertNotEquals(200, get("/parc/sparql?query=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8),
                "application/sparql-results+json").statusCode(), "a stopped query is not kept as its answer");
        assertEquals(hits, server.cacheHits());
        // The server still answers afterwards.
        assertEquals(200, get("/parc/sparql?query=" + java.net.URLEncoder.encode("ASK {}", StandardCharsets.UTF_8), null).statusCode());
    }

    @Test
    void articlePageForPeople() throws Exception {
        HttpResponse<String> r = get(local(articles.get(0)), "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String page = r.body();
        assertTrue(page.contains("Talks in Baghdad &lt;draw&gt; &quot;attention&quot; &amp; more"), page);
        assertFalse(page.contains("<draw>"), "escaped");
        for (String s : List.of(SyntheticDocs.OUTLET, "2017-03-05", "Nadia Riva", "href=\"/place/baghdad\"", "Nouri al-Maliki",
                "synthetic-1.txt", "Apache Tika", "Stanford CoreNLP 4.5.10", "extract-metadata", "first-line", "Corrected title")) {
            assertTrue(page.contains(s), () -> s + " missing from\n" + page);
        }
        // A seed article, found through SPARQL.
        String seed;
        try (RDFConnection c = RDFConnectionRemote.service(server.sparqlEndpoint()).build();
             QueryExecution qe = c.query("SELECT ?a WHERE { ?a <http://purl.org/dc/terms/title> \"Iraq leans toward Russia in war on ISIS\" }")) {
            seed = qe.execSelect().next().getResource("a").getURI();
        }
        String seedPage = get(local(seed), "text/html").body();
        assertTrue(seedPage.contains("<h1>Iraq leans toward Russia in war on ISIS</h1>"), seedPage);
        assertTrue(seedPage.contains("003_fce4307d2c9900bd.txt"), seedPage);
    }

    @Test
    void entityPageListsTheArticlesThatMentionIt() throws Exception {
        String page = get("/place/baghdad", "text/html").body();
        assertTrue(page.contains("<h1>Baghdad</h1>"), page);
        assertTrue(page.contains("schema:mentions"), page);
        assertTrue(page.contains(SyntheticDocs.TITLE_2), page);
        assertTrue(get("/", "text/html").body().contains("Russia and Baghdad sign an accord"));
    }

    @Test
    void turtleAndJsonLdByContentNegotiation() throws Exception {
        String iri = articles.get(1);
        HttpResponse<String> ttl = get(local(iri), "text/turtle");
        assertEquals(200, ttl.statusCode());
        assertTrue(ttl.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        HttpResponse<String> jsonld = get(local(iri), "application/ld+json");
        assertTrue(jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        for (var e : List.of(java.util.Map.entry(ttl.body(), Lang.TURTLE), java.util.Map.entry(jsonld.body(), Lang.JSONLD))) {
            Model m = ModelFactory.createDefaultModel();
            RDFParser.fromString(e.getKey(), e.getValue()).parse(m);
            assertEquals(SyntheticDocs.TITLE_2, m.getResource(iri).getProperty(Vocab.title).getString());
            assertTrue(m.contains(m.getResource(iri), Vocab.mentions, m.getResource(archive.iris().base() + "place/baghdad")));
        }
        assertTrue(get(local(iri), null).headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), "no Accept: Turtle");
        assertEquals(404, get("/article/0000000000000000-9", "text/turtle").statusCode());
        assertEquals(404, get("/article/0000000000000000-9", "text/html").statusCode());
        assertEquals(406, get(local(iri), "image/png").statusCode());
    }

    @Test
    void corsIsOffByDefault() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.sparqlEndpoint() + "?query=ASK%7B%7D"))
                .header("Origin", "https://elsewhere.example").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertNull(r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }
}
