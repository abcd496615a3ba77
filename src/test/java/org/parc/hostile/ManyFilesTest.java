package org.parc.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** A folder of 10,000 small files: every one accounted for, at a pace that makes it practical. */
class ManyFilesTest {
    @TempDir
    Path tmp;

    @Test
    void tenThousandSmallFiles() throws Exception {
        Path in = tmp.resolve("in");
        for (int d = 0; d < 10; d++) {
            Path dir = Files.createDirectories(in.resolve("day-" + d));
            for (int i = 0; i < 1000; i++) {
                Files.writeString(dir.resolve("note-" + i + ".txt"), "Note " + d + "-" + i + "\n\nShort item number " + i
                        + " of day " + d + ", filed by the desk.", StandardCharsets.UTF_8);
            }
        }
        Path store = tmp.resolve("archive");
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", "-q", in.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("ingested 10000, unchanged 0, failed 0 (10000 articles;"), r::toString);
        Run q = TestArchives.parc("query", "--store", store.toString(), "--format", "csv",
                "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a parc:SourceFile }");
        assertEquals("n\r\n10000\r\n", q.out(), q::toString);
    }
}
