package org.parc.ingest;

/** What happened to one file in an ingest. */
public sealed interface Outcome {
    /** The file's path relative to its ingest root: what the user sees and the archive records. */
    String file();

    record Ingested(String file, String sha256, int articles, boolean revision) implements Outcome {}

    /** Already in the archive with the same checksum: nothing written. */
    record Unchanged(String file, String sha256) implements Outcome {}

    /** Deliberately not ingested (hidden file, sidecar hint file). */
    record Skipped(String file, String reason) implements Outcome {}

    record Failed(String file, String reason) implements Outcome {}
}
