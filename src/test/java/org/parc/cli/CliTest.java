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
    @ValueSource(strings = {"demo", "init", "ingest", "query", "export", "serve"})
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
}
