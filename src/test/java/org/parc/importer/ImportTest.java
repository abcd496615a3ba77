package org.parc.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.export.JsonLdContext;
import org.parc.source.Checksums;
import org.parc.store.Archive;
import org.parc.support.Stores;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** `parc import`: round trip through TriG, provenance, conflicts, bad files, formats, JSON-LD without the network. */
class ImportTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/seeds.trig");
    static final Path FIXTURE = Path.of("src/test/resources/export/rich-articles.trig");

    @TempDir
    Path tmp;

    static DatasetGraph withoutImportProvenance(DatasetGraph d) {
        DatasetGraph out = DatasetGraphFactory.createTxnMem();
        d.find().forEachRemaining(q -> {
            String g = q.getGraph().isURI() ? q.getGraph().getURI() : "";
            if (!Importer.isProvenanceGraph(g) && !g.equals(Archive.CONFIG_GRAPH)) out.add(q);
        });
        return out;
    }

    static DatasetGraph read(Path file) {
        DatasetGraph d = DatasetGraphFactory.createTxnMem();
        RDFParser.source(file).parse(d);
        return d;
    }

    static Run parc(String... args) {
        return TestArchives.parc(args);
    }

    @Test
    void exportImportExportIsIsomorphic() {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        Run first = parc("import", "--store", a.toString(), "--agent", "A. Archivist", GOLDEN.toString(), FIXTURE.toString());
        assertEquals(0, first.code(), first::toString);
        assertNull(TestArchives.datasetDiff(read(GOLDEN), onlyGraphsOf(read(GOLDEN), Stores.snapshot(a))));
        Path exported = tmp.resolve("a.trig");
        assertEquals(0, parc("export", "--store", a.toString(), "--out", exported.toString()).code());
        Run second = parc("import", "--store", b.toString(), exported.toString());
        assertEquals(0, second.code(), second::toString);
        Path again = tmp.resolve("b.trig");
        assertEquals(0, parc("export", "--store", b.toString(), "--out", again.toString()).code());
        // b holds a's graphs (a's import provenance among them) plus the provenance of its own import
        assertNull(TestArchives.datasetDiff(withoutImportProvenance(read(exported)), withoutImportProvenance(read(again))));
        assertNull(TestArchives.datasetDiff(read(exported), onlyGraphsOf(read(exported), Stores.snapshot(b))));
    }

    /** The graphs of {@code actual} that {@code expected} names. */
    static DatasetGraph onlyGraphsOf(DatasetGraph expected, DatasetGraph actual) {
        DatasetGraph out = DatasetGraphFactory.createTxnMem();
        expected.listGraphNodes().forEachRemaining(g -> actual.getGraph(g).find().forEachRemaining(t -> out.add(g, t.getSubject(), t.getPredicate(), t.getObject())));
        return out;
    }

    @Test
    void provenanceRecordsFileChecksumAgentAndTimeButNoPath() throws IOException {
        Path store = tmp.resolve("s");
        Path file = tmp.resolve("deep/folder/loose triples.ttl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n<relative> ex:b \"x\" .\n");
        Run r = parc("import", "--store", store.toString(), "--agent", "J. Librarian", file.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("imported 1, unchanged 0, failed 0"), r::toString);
        String sha = Checksums.sha256(file);
        DatasetGraph d = Stores.snapshot(store);
        Graph data = d.getGraph(NodeFactory.createURI("https://parc.example.org/graph/import/" + sha));
        assertEquals(2, data.size(), "triples go to a graph named from the file's checksum");
        assertTrue(data.contains(NodeFactory.createURI("https://parc.example.org/import/" + sha + "/relative"), Node.ANY, Node.ANY),
                "relative IRIs resolve under the import, not the local folder");
        String q = """
                PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX schema: <http://schema.org/> PREFIX parc: <https://w3id.org/parc/ns#>
                SELECT ?name ?sha ?who ?end ?g WHERE {
                  ?act a prov:Activity ; parc:stage "import" ; prov:used ?file ; prov:endedAtTime ?end ;
                       prov:wasAssociatedWith ?agent .
                  ?agent a prov:Agent ; schema:name ?who .
                  ?file a prov:Entity ; schema:name ?name ; schema:sha256 ?sha .
                  ?g prov:wasGeneratedBy ?act ; prov:wasDerivedFrom ?file .
                }""";
        Graph prov = d.getGraph(NodeFactory.createURI(Importer.provenanceGraph(new org.parc.rdf.Iris("https://parc.example.org/"), sha)));
        List<QuerySolution> rows = new ArrayList<>();
        try (QueryExecution qe = QueryExecutionFactory.create(q, ModelFactory.createModelForGraph(prov))) {
            qe.execSelect().forEachRemaining(rows::add);
        }
        assertEquals(1, rows.size(), rows::toString);
        assertEquals("loose triples.ttl", rows.get(0).getLiteral("name").getString());
        assertEquals(sha, rows.get(0).getLiteral("sha").getString());
        assertEquals("J. Librarian", rows.get(0).getLiteral("who").getString());
        assertEquals("2025-01-01T00:00:00Z", rows.get(0).getLiteral("end").getLexicalForm());
        String user = System.getProperty("user.name");
        d.find().forEachRemaining(x -> {
            assertFalse(x.toString().contains(tmp.toString()), x::toString);
            assertFalse(x.toString().contains("deep/folder"), x::toString);
            if (user != null && user.length() > 3) assertFalse(x.getObject().toString().contains(user), x::toString);
        });
    }

    @Test
    void identicalGraphsAreUnchangedConflictsRefusedUnlessReplace() throws IOException {
        Path store = tmp.resolve("s");
        assertEquals(0, parc("import", "--store", store.toString(), FIXTURE.toString()).code());
        DatasetGraph before = Stores.snapshot(store);
        Run again = parc("import", "--store", store.toString(), FIXTURE.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("unchanged " + FIXTURE), again::toString);
        assertNull(TestArchives.datasetDiff(before, Stores.snapshot(store)), "an identical re-import records nothing");

        Path changed = tmp.resolve("changed.trig");
        Files.writeString(changed, Files.readString(FIXTURE).replace("\"The Gazette\" .\n}\n\nex:graph", "\"The Daily Gazette\" .\n}\n\nex:graph"));
        Run conflict = parc("import", "--store", store.toString(), changed.toString());
        assertEquals(1, conflict.code(), conflict::toString);
        assertEquals(1, conflict.err().lines().count(), conflict::toString);
        assertTrue(conflict.err().contains("graph <https://parc.example.org/graph/fixture-1> already holds different data"), conflict::toString);
        assertNull(TestArchives.datasetDiff(before, Stores.snapshot(store)), "a refused file changes nothing");

        Run replaced = parc("import", "--store", store.toString(), "--replace", changed.toString());
        assertEquals(0, replaced.code(), replaced::toString);
        assertTrue(replaced.out().contains("(1 graph, 1 unchanged)"), replaced::toString);
        DatasetGraph after = Stores.snapshot(store);
        assertTrue(after.getGraph(NodeFactory.createURI("https://parc.example.org/graph/fixture-1")).find(Node.ANY, Node.ANY,
                NodeFactory.createLiteralString("The Daily Gazette")).hasNext());
    }

    @Test
    void badFilesFailOnOneLineEachOthersGoOn() throws IOException {
        Path store = tmp.resolve("s");
        Path bad = tmp.resolve("bad.ttl");
        Files.writeString(bad, "@prefix ex: <http://example.org/> .\nex:a ex:b\n");
        Path unknown = tmp.resolve("notes.txt");
        Files.writeString(unknown, "hello");
        Run r = parc("import", "--store", store.toString(), bad.toString(), FIXTURE.toString(), unknown.toString(), tmp.resolve("missing.nq").toString());
        assertEquals(1, r.code(), r::toString);
        assertEquals(3, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains("bad.ttl: not valid Turtle: line 3"), r::toString);
        assertTrue(r.err().contains("notes.txt: cannot tell the RDF format"), r::toString);
        assertTrue(r.out().contains("imported 1, unchanged 0, failed 3"), r::toString);
        Run forced = parc("import", "--store", store.toString(), "--format", "turtle", unknown.toString());
        assertEquals(1, forced.code(), forced::toString);
        Run usage = parc("import", "--store", store.toString(), "--format", "bibtex", unknown.toString());
        assertEquals(2, usage.code(), usage::toString);
    }

    @Test
    void everyRdfFormatImports() throws IOException {
        // (TriG is the round trip above; N-Triples reads like Turtle.)
        Path src = tmp.resolve("src");
        assertEquals(0, parc("import", "--store", src.toString(), FIXTURE.toString()).code());
        DatasetGraph before = Stores.snapshot(src);
        before.removeGraph(NodeFactory.createURI(Archive.CONFIG_GRAPH));
        for (String format : List.of("turtle", "n-quads", "json-ld", "json-ld-framed", "rdf/xml")) {
            Path file = tmp.resolve("x-" + format.replace('/', '-') + ".data");
            assertEquals(0, parc("export", "--store", src.toString(), "--format", format, "--out", file.toString()).code());
            Path store = tmp.resolve("s-" + format.replace('/', '-'));
            String lang = format.equals("json-ld-framed") ? "json-ld" : format;
            Run r = parc("import", "--store", store.toString(), "--format", lang, file.toString());
            assertEquals(0, r.code(), () -> format + ": " + r);
            // everything the source archive holds (its import provenance too), and this import's own provenance
            DatasetGraph now = Stores.snapshot(store);
            now.removeGraph(NodeFactory.createURI(Importer.provenanceGraph(new org.parc.rdf.Iris("https://parc.example.org/"), Checksums.sha256(file))));
            now.removeGraph(NodeFactory.createURI(Archive.CONFIG_GRAPH));
            Graph imported = now.getUnionGraph();
            if (!format.equals("json-ld-framed")) {
                assertNull(TestArchives.graphDiff(before.getUnionGraph(), imported), format);
            } else {
                assertTrue(imported.size() > 10, format);
            }
        }
    }

    @Test
    void jsonLdReadsParcsContextOfflineAndRefusesRemoteOnes() throws IOException {
        Path store = tmp.resolve("s");
        Path ours = tmp.resolve("ours.jsonld");
        Files.writeString(ours, "{\"@context\": \"" + JsonLdContext.CONTEXT_IRI + "\", \"@id\": \"http://example.org/a\","
                + " \"@type\": \"NewsArticle\", \"title\": \"T\", \"extent\": \"12\"}");
        Path remote = tmp.resolve("remote.jsonld");
        Files.writeString(remote, "{\"@context\": \"https://example.org/unreachable-context.jsonld\", \"@id\": \"http://example.org/b\", \"name\": \"x\"}");
        Run r = parc("import", "--store", store.toString(), ours.toString(), remote.toString());
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("remote.jsonld") && r.err().contains("network"), r::toString);
        Graph g = Stores.snapshot(store).getUnionGraph();
        assertTrue(g.contains(NodeFactory.createURI("http://example.org/a"), NodeFactory.createURI("http://purl.org/dc/terms/extent"),
                NodeFactory.createLiteralDT("12", org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)), g::toString);
    }
}
