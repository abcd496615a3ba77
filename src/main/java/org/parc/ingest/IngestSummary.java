package org.parc.ingest;

import java.time.Duration;
import java.util.List;

/** Counts of one ingest run, and its failures. */
public record IngestSummary(int ingested, int unchanged, int skipped, int failed, int articles,
                            Duration elapsed, List<Outcome.Failed> failures) {
    public String line() {
        return String.format("ingested %d, unchanged %d, failed %d (%d articles; %d skipped; %.1f s)",
                ingested, unchanged, failed, articles, skipped, elapsed.toMillis() / 1000.0);
    }
}
