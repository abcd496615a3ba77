package org.parc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** Help, usage errors and exit codes, through the real CLI in-process. */
class CliTest {
    @TempDir
    Path tmp;

    @Test
    void topLevelHelpListsExitCodes() {
        Run r = TestArchives.parc("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Exit codes:") && r.out().contains("3  store unavailable"), r::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demo", "init", "ingest", "query", "export", "serve", "compact"})
    void everyCommandHasHelpWithAnExampleAndExitCodes(String command) {
        Run r = TestArchives.parc(command, "--help");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("Example"), r::toString);
        assertTrue(r.out().contains("Exit codes:"), r::toString);
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run r = TestArchives.parc("ingest", "--no-such-option", "x");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("parc: "), r::toString);
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, TestArchives.parc().code());
    }

    @Test
    void queryOnAMissingArchiveIsStoreUnavailable() {
        Run r = TestArchives.parc("query", "--store", tmp.resolve("none").toString(), "ASK {}");
        assertEquals(3, r.code(), r::toString);
        assertTrue(r.err().contains("no archive at"), r::toString);
    }

    @Test
    void unknownFormatsAreUsageErrors() {
        TestArchives.parc("init", "--store", tmp.resolve("a").toString());
        assertEquals(2, TestArchives.parc("query", "--store", tmp.resolve("a").toString(), "--format", "yaml", "SELECT * {}").code());
        assertEquals(2, TestArchives.parc("export", "--store", tmp.resolve("a").toString(), "--format", "yaml").code());
    }

    @Test
    void initRecordsTheBaseIri() {
        String store = tmp.resolve("b").toString();
        Run init = TestArchives.parc("init", "--store", store, "--base", "https://news.example.net/archive/");
        assertEquals(0, init.code(), init::toString);
        TestArchives.parc("ingest", "--store", store, "--no-entities", TestArchives.seeds().resolve("003_fce4307d2c9900bd.txt").toString());
        Run q = TestArchives.parc("query", "--store", store, "--format", "csv", "SELECT ?a WHERE { ?a a schema:NewsArticle }");
        assertTrue(q.out().contains("https://news.example.net/archive/article/"), q::toString);
        Run change = TestArchives.parc("init", "--store", store, "--base", "https://elsewhere.example/");
        assertEquals(2, change.code(), change::toString);
    }

    @Test
    void compactKeepsTheContentAndFreesTheOldBlocks() throws Exception {
        String store = tmp.resolve("c").toString();
        // several small commits, each leaving replaced blocks behind
        for (String f : java.util.List.of("000_929ae95f8ef135cd.txt", "001_96def1fca564f25b.txt", "003_fce4307d2c9900bd.txt")) {
            Run in = TestArchives.parc("ingest", "--store", store, "--no-entities", TestArchives.seeds().resolve(f).toString());
            assertEquals(0, in.code(), in::toString);
        }
        Run before = TestArchives.parc("export", "--store", store, "--format", "nq");
        Run c = TestArchives.parc("compact", "--store", store);
        assertEquals(0, c.code(), c::toString);
        assertTrue(c.out().matches("(?s)compacted .*: [0-9.]+ MB -> [0-9.]+ MB in .*"), c::toString);
        Run after = TestArchives.parc("export", "--store", store, "--format", "nq");
        assertEquals(before.out(), after.out());
        // only the new generation is left on disk
        try (var s = java.nio.file.Files.list(tmp.resolve("c"))) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("Data-")).count());
        }
        // and the archive still takes writes
        Run more = TestArchives.parc("ingest", "--store", store, "--no-entities", TestArchives.seeds().resolve("002_11c8f2f87e1597f2.txt").toString());
        assertEquals(0, more.code(), more::toString);
    }

    @Test
    void compactOfASparqlEndpointIsAUsageError() {
        // nothing is contacted: the store kind alone decides
        Run r = TestArchives.parc("compact", "--store", "http://127.0.0.1:9/parc");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("SPARQL endpoint"), r::toString);
    }

    @Test
    void demoReportsABadFileOnOneLineAndGoesOn() throws Exception {
        // a name with a line break and a terminal escape: printed escaped, as ingest prints it
        Path in = java.nio.file.Files.createDirectories(tmp.resolve("demo-in"));
        java.nio.file.Files.write(in.resolve("bad\nname\u001b[31m.pdf"), new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4', 0, 1, 2});
        java.nio.file.Files.copy(TestArchives.seeds().resolve("000_929ae95f8ef135cd.txt"), in.resolve("good.txt"));
        Run r = TestArchives.parc("demo", "--store", tmp.resolve("demo-store").toString(), "--no-entities", in.toString());
        assertEquals(1, r.code(), r::toString);
        var lines = r.err().lines().filter(l -> l.contains("bad")).toList();
        assertEquals(1, lines.size(), r::toString);
        assertTrue(lines.get(0).startsWith("parc: ") && lines.get(0).contains("bad\\nname\\u001b[31m.pdf: "), r::toString);
        assertTrue(r.out().contains("ingested 1,") || r.out().contains("ingested 1 "), r::toString);
    }
}
