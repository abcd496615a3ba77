package org.parc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/**
 * Which quad indexes a store has, and that compaction keeps them: a new archive gets parc's four,
 * one created with TDB2's default six keeps six (the indexes it lacks would read as empty).
 */
class Tdb2LayoutTest {
    private static final Set<String> PARC = Set.of("GSPO", "SPOG", "POSG", "OSPG");
    private static final Set<String> TDB2_DEFAULT = Set.of("GSPO", "GPOS", "GOSP", "SPOG", "POSG", "OSPG");

    @TempDir
    Path tmp;

    @Test
    void aNewArchiveHasParcsQuadIndexesBeforeAndAfterCompaction() throws IOException {
        Path store = tmp.resolve("new");
        ingest(store, "000_929ae95f8ef135cd.txt");
        assertEquals(PARC, quadIndexes(store));
        ingest(store, "001_96def1fca564f25b.txt");
        Run before = TestArchives.parc("export", "--store", store.toString(), "--format", "nq");
        Run c = TestArchives.parc("compact", "--store", store.toString());
        assertEquals(0, c.code(), c::toString);
        assertEquals(PARC, quadIndexes(store));
        assertEquals(before.out(), TestArchives.parc("export", "--store", store.toString(), "--format", "nq").out());
        try (Stream<Path> s = Files.list(store)) {
            assertEquals(Set.of("Data-0002"), dataDirs(s));
        }
    }

    @Test
    void aCompactionKilledMidwayLeavesAPartialCopyThatTheNextOneReplaces() throws IOException {
        Path store = tmp.resolve("killed");
        ingest(store, "000_929ae95f8ef135cd.txt");
        Run before = TestArchives.parc("export", "--store", store.toString(), "--format", "nq");
        // what a killed `parc compact` leaves: a half-written next generation beside the live one
        Path partial = Files.createDirectories(store.resolve("Data-0002-tmp"));
        Files.write(partial.resolve("GSPO.dat"), new byte[] {1, 2, 3, 4, 5, 6, 7});
        Files.writeString(partial.resolve("nodes-data.obj"), "truncated");
        Run q = TestArchives.parc("export", "--store", store.toString(), "--format", "nq");
        assertEquals(before.out(), q.out(), "the live generation is read as before");
        Run c = TestArchives.parc("compact", "--store", store.toString());
        assertEquals(0, c.code(), c::toString);
        assertEquals(before.out(), TestArchives.parc("export", "--store", store.toString(), "--format", "nq").out());
        try (Stream<Path> s = Files.list(store)) {
            assertEquals(Set.of("Data-0002"), dataDirs(s));
        }
    }

    @Test
    void anArchiveMadeWithTdb2DefaultsKeepsItsSixIndexes() throws IOException {
        Path store = tmp.resolve("old");
        // a database with TDB2's defaults, as Jena's tools make it (earlier parc builds made six too, listed in tdb.cfg)
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        Txn.executeWrite(dsg, () -> dsg.add(SSE.parseQuad("(quad <urn:x-test:g> <urn:x-test:s> <urn:x-test:p> <urn:x-test:o>)")));
        TDBInternal.expel(dsg);
        assertEquals(TDB2_DEFAULT, quadIndexes(store));

        ingest(store, "000_929ae95f8ef135cd.txt");
        Run c = TestArchives.parc("compact", "--store", store.toString());
        assertEquals(0, c.code(), c::toString);
        assertEquals(TDB2_DEFAULT, quadIndexes(store));
        // a pattern naming the graph, a predicate and an object is answered from GPOS, which must be complete
        Run q = TestArchives.parc("query", "--store", store.toString(), "--format", "csv",
                "SELECT ?s WHERE { GRAPH <urn:x-test:g> { ?s <urn:x-test:p> <urn:x-test:o> } }");
        assertEquals(0, q.code(), q::toString);
        assertTrue(q.out().contains("urn:x-test:s"), q::toString);
        Run articles = TestArchives.parc("query", "--store", store.toString(), "--format", "csv",
                "SELECT ?g WHERE { GRAPH ?g { ?a a schema:NewsArticle } } LIMIT 1");
        assertTrue(articles.out().lines().count() == 2, articles::toString);
    }

    private static void ingest(Path store, String seed) {
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", TestArchives.seeds().resolve(seed).toString());
        assertEquals(0, r.code(), r::toString);
    }

    /** The quad indexes of the store's live generation, by their files. */
    private static Set<String> quadIndexes(Path store) throws IOException {
        Path live;
        try (Stream<Path> s = Files.list(store)) {
            live = s.filter(p -> p.getFileName().toString().matches("Data-\\d+")).max(Path::compareTo).orElseThrow();
        }
        try (Stream<Path> s = Files.list(live)) {
            Set<String> out = new TreeSet<>();
            s.map(p -> p.getFileName().toString()).filter(n -> n.matches("[GSPO]{4}\\.bpt")).forEach(n -> out.add(n.substring(0, 4)));
            return out;
        }
    }

    private static Set<String> dataDirs(Stream<Path> s) {
        Set<String> out = new TreeSet<>();
        s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("Data-")).forEach(out::add);
        return out;
    }
}
