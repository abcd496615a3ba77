package org.parc.importer;

import java.util.List;

/** What happened to one file given to `parc import`. */
public sealed interface ImportOutcome {
    String file();

    /** Written: the graphs stored (new or replaced) and those already present with the same content. */
    record Imported(String file, String sha256, List<String> written, List<String> unchanged, List<String> skipped)
            implements ImportOutcome {}

    /** Every graph of the file was already in the archive with the same content (or the file was empty). */
    record Unchanged(String file, String sha256, int graphs) implements ImportOutcome {}

    record Failed(String file, String reason) implements ImportOutcome {}
}
