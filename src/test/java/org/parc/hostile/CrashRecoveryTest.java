package org.parc.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.support.Stores;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/**
 * kill -9 in the middle of a large ingest, then a rerun: the archive equals that of a run never
 * interrupted (no half-written documents, no duplicates).
 */
class CrashRecoveryTest {
    @TempDir
    Path tmp;

    static Path corpus(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        for (int i = 0; i < n; i++) {
            Files.writeString(dir.resolve(String.format("story-%04d.txt", i)),
                    "Council story number " + i + "\n\nBy Staff Writer " + (i % 7) + "\n\n" + OddFiles.BODY
                            + " This is report " + i + " of the series.", StandardCharsets.UTF_8);
        }
        return dir;
    }

    @Test
    void aKilledIngestRerunEqualsAnUninterruptedOne() throws Exception {
        Path in = corpus(tmp.resolve("in"), 300);
        Path killed = tmp.resolve("killed");
        Process p = Children.parc(tmp.resolve("child.err"), "ingest", "--store", killed.toString(), "--no-entities",
                "--threads", "2", in.toString());
        int reported = 0;
        boolean finished = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("ingested  ")) reported++;
                if (line.startsWith("ingested ") && line.contains("unchanged")) finished = true;
                if (reported >= 30) break;
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no commit
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(reported >= 30 && !finished, "the child was killed mid-ingest: " + reported + " reported\n"
                + Files.readString(tmp.resolve("child.err")));

        Run rerun = TestArchives.parc("ingest", "--store", killed.toString(), "--no-entities", "--threads", "2", in.toString());
        assertEquals(0, rerun.code(), rerun::toString);
        // Everything reported before the kill was durable.
        int unchanged = (int) rerun.out().lines().filter(l -> l.startsWith("unchanged ")).count();
        assertTrue(unchanged >= reported, "reported " + reported + " before the kill, but only " + unchanged + " kept\n" + rerun);

        Path clean = tmp.resolve("clean");
        Run once = TestArchives.parc("ingest", "--store", clean.toString(), "--no-entities", "--threads", "2", "-q", in.toString());
        assertEquals(0, once.code(), once::toString);
        assertTrue(once.out().contains("ingested 300, unchanged 0, failed 0"), once::toString);
        assertNull(TestArchives.datasetDiff(Stores.snapshot(clean), Stores.snapshot(killed)));
    }
}
