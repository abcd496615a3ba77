package org.parc.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parc.rdf.Vocab;
import org.parc.store.Archive;
import org.parc.support.Stores;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/**
 * The shared writer suite every export format passes (after RDF4J Rio's): round trip against the store,
 * byte-identical reruns, the format from the file extension, --doc selection and the empty archive;
 * then the selections (--since, --construct) and the citation fields.
 * The archive: the seed archive (imported from the golden graph, for speed) plus two richly described articles.
 */
class ExportFormatsTest {
    static final String FIXTURE_ARTICLE = "https://parc.example.org/article/fixture-1-1";
    static final String FIXTURE_GRAPH = "https://parc.example.org/graph/fixture-1";

    @TempDir
    static Path tmp;
    static Path store;
    static Path empty;
    static DatasetGraph stored;
    static Set<Node> articles;

    @BeforeAll
    static void archive() {
        store = tmp.resolve("archive");
        // The seed archive as ingest wrote it (the golden graph, entities included; importing it skips Tika and NLP),
        // plus two richly described articles.
        Run imp = TestArchives.parc("import", "--store", store.toString(), "src/test/resources/golden/seeds.trig",
                "src/test/resources/export/rich-articles.trig");
        assertEquals(0, imp.code(), imp::toString);
        stored = Stores.snapshot(store);
        stored.removeGraph(NodeFactory.createURI(Archive.CONFIG_GRAPH));
        articles = new HashSet<>();
        stored.getUnionGraph().find(Node.ANY, RDF.type.asNode(), Vocab.NewsArticle.asNode())
                .forEachRemaining(t -> articles.add(t.getSubject()));
        assertEquals(8, articles.size()); // six seed articles (004 holds two) and two rich ones
        empty = tmp.resolve("empty");
        Run init = TestArchives.parc("init", "--store", empty.toString());
        assertEquals(0, init.code(), init::toString);
    }

    /** Each format's full export, made once and shared by the tests. */
    static final java.util.Map<ExportFormat, String> FULL = new java.util.concurrent.ConcurrentHashMap<>();

    static String full(ExportFormat f) {
        return FULL.computeIfAbsent(f, x -> export(store, x).out());
    }

    static Run export(Path archive, ExportFormat f, String... more) {
        List<String> args = new ArrayList<>(List.of("export", "--store", archive.toString(), "--format", f.displayName()));
        args.addAll(List.of(more));
        Run r = TestArchives.parc(args.toArray(String[]::new));
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    static DatasetGraph parse(ExportFormat f, String text) {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        RDFParser.fromString(text, f.lang()).parse(d);
        return d;
    }

    static Graph union(DatasetGraph d) {
        Graph g = GraphFactory.createDefaultGraph();
        d.find().forEachRemaining(q -> g.add(q.asTriple()));
        return g;
    }

    /** Citation keys of a bibliographic export, read back with an independent parser. */
    static List<String> keys(ExportFormat f, String text) throws IOException {
        List<String> keys = new ArrayList<>();
        switch (f) {
            case CSL_JSON -> new ObjectMapper().readTree(text).forEach(n -> keys.add(n.get("id").asText()));
            case BIBTEX -> CitationParsers.bibtex(text).forEach(e -> keys.add(e.key()));
            case RIS -> CitationParsers.ris(text).forEach(e -> keys.add(e.key()));
            default -> throw new IllegalArgumentException(f.toString());
        }
        return keys;
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void roundTrip(ExportFormat f) throws IOException {
        String out = full(f);
        switch (f.kind()) {
            case QUADS -> assertNull(TestArchives.datasetDiff(stored, parse(f, out)));
            case TRIPLES -> assertNull(TestArchives.graphDiff(union(stored), parse(f, out).getDefaultGraph()));
            case ARTICLES -> {
                Graph parsed = parse(f, out).getDefaultGraph();
                Graph all = union(stored);
                // a view: nothing that is not in the store, and everything the store says about each article
                parsed.find().forEachRemaining(t -> assertTrue(t.getSubject().isBlank() || t.getObject().isBlank() || all.contains(t), t::toString));
                all.find().forEachRemaining(t -> {
                    if (articles.contains(t.getSubject()) && !t.getObject().isBlank()) assertTrue(parsed.contains(t), t::toString);
                });
                JsonNode top = new ObjectMapper().readTree(out).get("@graph");
                assertEquals(articles.size(), top.size(), "one object per article");
                top.forEach(a -> assertEquals("NewsArticle", a.get("@type").asText()));
            }
            case CITATIONS -> {
                List<String> keys = keys(f, out);
                assertEquals(articles.size(), keys.size(), out);
                assertEquals(keys.size(), new HashSet<>(keys).size(), "keys are unique");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void deterministicAndChosenByExtension(ExportFormat f) throws IOException {
        // a second run, to a file whose extension names the format: the same bytes
        Path file = tmp.resolve("out-" + f.name() + "." + f.extension());
        Run c = TestArchives.parc("export", "--store", store.toString(), "--out", file.toString());
        assertEquals(0, c.code(), c::toString);
        assertArrayEquals(full(f).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file),
                "two exports of the same archive differ (or --out " + file.getFileName() + " chose another format)");
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void docSelection(ExportFormat f) throws IOException {
        String out = export(store, f, "--doc", FIXTURE_ARTICLE).out();
        Graph doc = stored.getGraph(NodeFactory.createURI(FIXTURE_GRAPH));
        switch (f.kind()) {
            case QUADS -> {
                DatasetGraph parsed = parse(f, out);
                assertEquals(List.of(FIXTURE_GRAPH), graphNames(parsed));
                assertNull(TestArchives.graphDiff(doc, parsed.getGraph(NodeFactory.createURI(FIXTURE_GRAPH))));
            }
            case TRIPLES -> assertNull(TestArchives.graphDiff(doc, parse(f, out).getDefaultGraph()));
            case ARTICLES -> assertEquals(1, new ObjectMapper().readTree(out).get("@graph").size());
            case CITATIONS -> {
                List<String> keys = keys(f, out);
                assertEquals(1, keys.size());
                assertTrue(keys.get(0).startsWith("muller2015oil-"), keys::toString);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void emptyArchive(ExportFormat f) throws IOException {
        String out = export(empty, f).out();
        if (f.lang() != null) {
            DatasetGraph parsed = parse(f, out);
            assertTrue(parsed.isEmpty(), out);
        } else {
            assertEquals(List.of(), keys(f, out));
        }
    }

    static List<String> graphNames(DatasetGraph d) {
        TreeSet<String> names = new TreeSet<>();
        d.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        return List.copyOf(names);
    }

    @Test
    void sinceSelectsByIngestTime() throws IOException {
        // tests ingest at a fixed time, 2025-01-01T00:00:00Z (TestArchives.EPOCH)
        assertEquals(articles.size(), keys(ExportFormat.CSL_JSON, export(store, ExportFormat.CSL_JSON, "--since", "2025-01-01").out()).size());
        assertEquals(articles.size(), keys(ExportFormat.BIBTEX, export(store, ExportFormat.BIBTEX, "--since", "2025-01-01T00:59:59+01:00").out()).size());
        assertEquals(0, keys(ExportFormat.RIS, export(store, ExportFormat.RIS, "--since", "2025-01-01T00:00:01Z").out()).size());
        DatasetGraph later = parse(ExportFormat.TRIG, export(store, ExportFormat.TRIG, "--since", "2025-01-01T00:00:00.001").out());
        assertTrue(later.isEmpty());
        DatasetGraph all = parse(ExportFormat.TRIG, export(store, ExportFormat.TRIG, "--since", "2024-12-31").out());
        assertNull(TestArchives.datasetDiff(stored, all));
        Run bad = TestArchives.parc("export", "--store", store.toString(), "--since", "last tuesday");
        assertEquals(2, bad.code(), bad::toString);
    }

    @Test
    void constructSelects() throws IOException {
        String q = "CONSTRUCT { ?a dcterms:title ?t } WHERE { ?a a schema:NewsArticle ; dcterms:title ?t }";
        Graph g = parse(ExportFormat.NTRIPLES, export(store, ExportFormat.NTRIPLES, "--construct", q).out()).getDefaultGraph();
        assertEquals(articles.size(), g.size());
        Path file = tmp.resolve("titles.rq");
        Files.writeString(file, q);
        for (ExportFormat f : List.of(ExportFormat.TRIG, ExportFormat.JSONLD, ExportFormat.RDFXML)) {
            Graph h = parse(f, export(store, f, "--construct", file.toString()).out()).getDefaultGraph();
            assertNull(TestArchives.graphDiff(g, h), f::toString);
        }
        Run select = TestArchives.parc("export", "--store", store.toString(), "--construct", "SELECT * { ?s ?p ?o }");
        assertEquals(2, select.code(), select::toString);
        Run both = TestArchives.parc("export", "--store", store.toString(), "--construct", q, "--doc", FIXTURE_ARTICLE);
        assertEquals(2, both.code(), both::toString);
    }

    @Test
    void jsonLdUsesParcsContextInline() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(export(store, ExportFormat.JSONLD, "--doc", FIXTURE_ARTICLE).out());
        JsonNode shipped = new ObjectMapper().readTree(Path.of("vocab/context.jsonld").toFile()).get("@context");
        assertEquals(shipped, doc.get("@context"));
        JsonNode article = null;
        for (JsonNode n : doc.get("@graph")) if (n.get("@id").asText().equals(FIXTURE_ARTICLE)) article = n;
        assertEquals("Oil & gas: 50% of {revenue} at stake_now", article.get("title").asText());
        assertEquals("https://parc.example.org/outlet/thegazette", article.get("publisher").asText());
        assertTrue(article.get("creator").isArray());
    }

    @Test
    void framedEmbedsPublisherAndCreators() throws IOException {
        JsonNode doc = new ObjectMapper().readTree(export(store, ExportFormat.JSONLD_FRAMED, "--doc", FIXTURE_ARTICLE).out());
        JsonNode a = doc.get("@graph").get(0);
        assertEquals("The Gazette", a.get("publisher").get("name").asText());
        Set<String> creators = new TreeSet<>();
        a.get("creator").forEach(c -> creators.add(c.get("name").asText()));
        assertEquals(Set.of("José Müller", "Zoe Adams"), creators);
        assertEquals("María López", a.get("editor").get("name").asText());
    }

    @Test
    void citationFields() throws IOException {
        JsonNode csl = new ObjectMapper().readTree(export(store, ExportFormat.CSL_JSON, "--doc", FIXTURE_GRAPH).out()).get(0);
        assertEquals("article-newspaper", csl.get("type").asText());
        assertEquals("Oil & gas: 50% of {revenue} at stake_now", csl.get("title").asText());
        assertEquals("Müller", csl.get("author").get(0).get("family").asText());
        assertEquals("José", csl.get("author").get(0).get("given").asText());
        assertEquals("Adams", csl.get("author").get(1).get("family").asText(), "bylines in credit order");
        assertEquals("López", csl.get("editor").get(0).get("family").asText());
        assertEquals("The Gazette", csl.get("container-title").asText());
        assertEquals("[[2015,10,8]]", csl.get("issued").get("date-parts").toString());
        assertEquals("en", csl.get("language").asText());
        assertEquals("https://news.example.com/2015/10/08/oil-talks?id=7&lang=en", csl.get("URL").asText());

        CitationParsers.Entry bib = CitationParsers.bibtex(export(store, ExportFormat.BIBTEX, "--doc", FIXTURE_GRAPH).out()).get(0);
        assertEquals("article", bib.type());
        assertEquals(csl.get("id").asText(), bib.key(), "one key in every format");
        assertEquals("Oil & gas: 50% of {revenue} at stake_now", CitationParsers.untex(bib.one("title")));
        assertEquals(List.of("Müller, José", "Adams, Zoe"), CitationParsers.names(bib.one("author")));
        assertEquals(List.of("López, María"), CitationParsers.names(bib.one("editor")));
        assertEquals("The Gazette", bib.one("journal"));
        assertEquals("2015", bib.one("year"));
        assertEquals("oct", bib.one("month"));
        assertEquals("2015-10-08", bib.one("date"));
        assertEquals("en", bib.one("language"));
        assertEquals("https://news.example.com/2015/10/08/oil-talks?id=7&lang=en", bib.one("url"));

        CitationParsers.Entry ris = CitationParsers.ris(export(store, ExportFormat.RIS, "--doc", FIXTURE_GRAPH).out()).get(0);
        assertEquals("NEWS", ris.type());
        assertEquals(csl.get("id").asText(), ris.key());
        assertEquals("Oil & gas: 50% of {revenue} at stake_now", ris.one("TI"));
        assertEquals(List.of("Müller, José", "Adams, Zoe"), ris.fields().get("AU"));
        assertEquals(List.of("López, María"), ris.fields().get("ED"));
        assertEquals("The Gazette", ris.one("T2"));
        assertEquals("2015", ris.one("PY"));
        assertEquals("2015/10/08/", ris.one("DA"));
        assertEquals("en", ris.one("LA"));
        assertEquals("https://news.example.com/2015/10/08/oil-talks?id=7&lang=en", ris.one("UR"));

        // an organization as author and a year-only date
        JsonNode org = new ObjectMapper().readTree(export(store, ExportFormat.CSL_JSON, "--doc", "https://parc.example.org/graph/fixture-2").out()).get(0);
        assertEquals("Agence Presse", org.get("author").get(0).get("literal").asText());
        assertEquals("[[2016]]", org.get("issued").get("date-parts").toString());
        CitationParsers.Entry orgBib = CitationParsers.bibtex(export(store, ExportFormat.BIBTEX, "--doc", "https://parc.example.org/graph/fixture-2").out()).get(0);
        assertEquals(List.of("{Agence Presse}"), CitationParsers.names(orgBib.one("author")));
        assertEquals("Année de crise", orgBib.one("title"));
    }

    @Test
    void badSelectionsAreUsageErrors() {
        for (String[] args : List.of(new String[]{"--doc", "not an iri"}, new String[]{"--doc", "https://parc.example.org/article/none"},
                new String[]{"--doc", FIXTURE_ARTICLE, "--since", "2025-01-01"}, new String[]{"--format", "docx"})) {
            List<String> all = new ArrayList<>(List.of("export", "--store", store.toString()));
            all.addAll(List.of(args));
            Run r = TestArchives.parc(all.toArray(String[]::new));
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.err().startsWith("parc: ") && !r.err().contains("\tat "), r::toString);
        }
    }

    @Test
    void formatsByNameAndExtension() {
        assertEquals(ExportFormat.JSONLD_FRAMED, ExportFormat.byFileName("a.framed.jsonld"));
        assertEquals(ExportFormat.JSONLD, ExportFormat.byFileName("a.jsonld"));
        assertEquals(ExportFormat.CSL_JSON, ExportFormat.byFileName("refs.csl.json"));
        assertEquals(ExportFormat.BIBTEX, ExportFormat.byFileName("refs.BIB"));
        assertEquals(ExportFormat.RIS, ExportFormat.byFileName("refs.ris"));
        assertEquals(ExportFormat.RDFXML, ExportFormat.byFileName("a.rdf"));
        assertNull(ExportFormat.byFileName("a.txt"));
        assertEquals(ExportFormat.RDFXML, ExportFormat.byName("RDF/XML"));
        assertEquals(ExportFormat.NQUADS, ExportFormat.byName("N-Quads"));
        assertEquals(ExportFormat.JSONLD, ExportFormat.byName("JSON-LD"));
    }

    @Test
    void helpHasExampleAndExitCodes() {
        for (String cmd : List.of("export", "import")) {
            Run r = TestArchives.parc(cmd, "--help");
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().contains("Example"), r::toString);
            assertTrue(r.out().contains("Exit codes"), r::toString);
        }
    }
}
