package org.parc.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.export.ExportFormat;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** No local paths or account names in what parc writes; clear one-line errors with the right exit codes. */
class PrivacyAndErrorsTest {
    @TempDir
    Path tmp;

    private Path archiveOfSeeds() throws Exception {
        return archiveOfSeeds(false);
    }

    private Path archiveOfSeeds(boolean withFailure) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in/nested folder"));
        for (Path seed : Files.list(TestArchives.seeds()).filter(p -> p.toString().endsWith(".txt")).sorted().limit(2).toList()) {
            Files.copy(seed, in.resolve(seed.getFileName()));
        }
        OddFiles.text(in.resolve("café.txt"), "Local\n\n" + OddFiles.BODY, StandardCharsets.UTF_8);
        if (withFailure) Files.write(in.resolve("café.txt.empty"), new byte[0]);
        Path store = tmp.resolve("archive");
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities",
                "--report", tmp.resolve("report.json").toString(), tmp.resolve("in").toString());
        assertEquals(withFailure ? 1 : 0, r.code(), r::toString);
        return store;
    }

    @Test
    void exportsProvenanceAndReportsCarryNoLocalPathsOrAccountNames() throws Exception {
        Path store = archiveOfSeeds(true);
        List<Path> outputs = new ArrayList<>();
        List<Path> citations = new ArrayList<>();
        for (ExportFormat f : ExportFormat.values()) {
            Path out = tmp.resolve("export." + f.extension());
            Run e = TestArchives.parc("export", "--store", store.toString(), "--format", f.displayName(), "--out", out.toString());
            assertEquals(0, e.code(), e::toString);
            (f.lang() == null ? citations : outputs).add(out);
        }
        outputs.add(tmp.resolve("report.json"));
        Run q = TestArchives.parc("query", "--store", store.toString(), "--format", "n-triples", "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }");
        Files.writeString(tmp.resolve("all.nt"), q.out());
        outputs.add(tmp.resolve("all.nt"));

        String home = System.getProperty("user.home");
        String user = System.getProperty("user.name");
        List<String> forbidden = new ArrayList<>(List.of(tmp.toString(), tmp.toRealPath().toString(), tmp.toUri().toString()));
        if (home != null && home.length() > 1) forbidden.add(home);
        // user.name may be a common word ("root"): look for it only in path forms
        if (user != null && !user.isBlank()) forbidden.addAll(Arrays.asList("/" + user + "/", "\\" + user + "\\", "/home/" + user));
        for (Path out : outputs) {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(text.contains("nested folder/café.txt"), out + " should record the path relative to the ingest root");
            for (String f : forbidden) assertFalse(text.contains(f), out.getFileName() + " contains " + f);
        }
        // citation formats carry no file paths at all, and certainly no local ones
        for (Path out : citations) {
            String text = Files.readString(out, StandardCharsets.UTF_8);
            for (String f : forbidden) assertFalse(text.contains(f), out.getFileName() + " contains " + f);
        }
    }

    @Test
    void badQueriesAndOptionsAreUsageErrorsOnOneLine() throws Exception {
        Path store = archiveOfSeeds();
        for (String[] args : List.of(
                new String[]{"query", "--store", store.toString(), "SELECT ?x WHERE { ?x ?y }"},
                new String[]{"query", "--store", store.toString(), "--timeout", "0", "ASK {}"},
                new String[]{"query", "--store", store.toString(), "--timeout", "soon", "ASK {}"},
                new String[]{"query", "--store", store.toString(), "-f", tmp.resolve("none.rq").toString()},
                new String[]{"ingest", "--store", store.toString(), "--write-limit", "0", "x"},
                new String[]{"ingest", "--store", store.toString(), "--max-file-size", "-5", "x"},
                new String[]{"ingest", "--store", store.toString(), "--parse-timeout", "x", "x"},
                new String[]{"export", "--store", store.toString(), "--doc", "https://nowhere.example/x"},
                new String[]{"serve", "--store", store.toString(), "--port", "0", "--cache", "-1"})) {
            Run r = TestArchives.parc(args);
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.err().startsWith("parc: "), r::toString);
            assertFalse(r.err().contains("\tat "), r::toString);
        }
        Run malformed = TestArchives.parc("query", "--store", store.toString(), "SELECT ?x WHERE {\n ?x ?y }");
        assertEquals(1, malformed.err().lines().count(), malformed::toString);
        assertTrue(malformed.err().contains("malformed query") && malformed.err().contains("line 2"), malformed::toString);
    }

    @Test
    void aRunawayQueryStopsAtTheTimeout() throws Exception {
        Path store = archiveOfSeeds();
        for (String query : List.of(
                "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
                "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")) {
            long t0 = System.nanoTime();
            Run r = TestArchives.parc("query", "--store", store.toString(), "--timeout", "1", "--format", "csv", query);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.err().contains("query stopped after the timeout of 1000 ms (--timeout)"), r::toString);
            assertTrue(ms < 15_000, "took " + ms + " ms");
        }
    }

    @Test
    void aDamagedStoreIsAnInternalErrorOnOneLineWithAHint() throws Exception {
        Path store = archiveOfSeeds();
        // Overwrite the quad indexes' node blocks: the store opens, the first read finds garbage.
        try (var files = Files.list(store.resolve("Data-0001"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("(GSPO|SPOG)\\.idn")).toList()) {
                byte[] junk = new byte[(int) Files.size(f)];
                Arrays.fill(junk, (byte) 0xEE);
                Files.write(f, junk);
            }
        }
        String query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
        Run r = TestArchives.parc("query", "--store", store.toString(), query);
        assertEquals(4, r.code(), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().startsWith("parc: internal error: ") && r.err().strip().endsWith("(rerun with --verbose for details)"), r::toString);
        Run verbose = TestArchives.parc("query", "--verbose", "--store", store.toString(), query);
        assertEquals(4, verbose.code(), verbose::toString);
        assertTrue(verbose.err().contains("\tat "), "--verbose shows the stack trace\n" + verbose);
    }

    @Test
    void aFolderThatIsNotAnArchiveIsNeitherReadNorFilledWithDatabaseFiles() throws Exception {
        Path docs = Files.createDirectories(tmp.resolve("documents"));
        Files.writeString(docs.resolve("letter.txt"), "Dear reader");
        Run q = TestArchives.parc("query", "--store", docs.toString(), "ASK {}");
        assertEquals(3, q.code(), q::toString);
        Run i = TestArchives.parc("ingest", "--store", docs.toString(), "--no-entities", docs.resolve("letter.txt").toString());
        assertEquals(3, i.code(), i::toString);
        assertTrue(i.err().contains("is a folder but not a parc archive"), i::toString);
        try (var s = Files.list(docs)) {
            assertEquals(1, s.count(), "nothing written into the user's folder");
        }
    }
}
