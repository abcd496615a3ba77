package org.parc.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.extract.Hints;
import org.parc.source.Limits;
import org.parc.store.Tdb2Archive;

/** Batched commits: every document lands whole, outcomes come in input order once committed. */
class BatchedIngestTest {
    @TempDir
    Path tmp;

    @Test
    void batchesOfThreeWriteEveryDocumentAndReportInOrder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        for (int i = 0; i < 7; i++) {
            Files.writeString(dir.resolve("story" + i + ".txt"), "Headline number " + i + "\n\nThe text of story " + i
                    + ", in English, long enough to be read as a news article.");
        }
        Files.write(dir.resolve("story3b.txt"), new byte[0]); // a failure in the middle of a batch
        String old = System.getProperty("parc.ingest.batchDocs");
        System.setProperty("parc.ingest.batchDocs", "3");
        List<String> seen = new ArrayList<>();
        try (Tdb2Archive archive = Tdb2Archive.open(tmp.resolve("archive"))) {
            Ingester ingester = new Ingester(archive, Pipelines.standard(Limits.DEFAULT, false, Clock.systemUTC()), 2,
                    (p, r, m) -> Hints.NONE);
            IngestSummary s = ingester.ingest(List.of(dir), o -> {
                if (o instanceof Outcome.Ingested i) {
                    // Reported only once committed: the graph is already readable.
                    assertTrue(archive.containsGraph(archive.iris().graph(i.sha256())), i::toString);
                }
                seen.add(o.file());
            });
            assertEquals(7, s.ingested());
            assertEquals(1, s.failed());
            long n = archive.read(c -> {
                try (QueryExecution qe = c.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s a <https://w3id.org/parc/ns#SourceFile> } }")) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            });
            assertEquals(7, n);
        } finally {
            if (old == null) System.clearProperty("parc.ingest.batchDocs");
            else System.setProperty("parc.ingest.batchDocs", old);
        }
        assertEquals(List.of("story0.txt", "story1.txt", "story2.txt", "story3.txt", "story3b.txt", "story4.txt",
                "story5.txt", "story6.txt"), seen);
    }
}
