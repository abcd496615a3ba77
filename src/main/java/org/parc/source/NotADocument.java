package org.parc.source;

/**
 * A file parc reads but does not catalogue: structured data (JSON, CSV) is no article, and described
 * as one it would become a record titled "{". Ingest reports it as skipped, not as failed.
 */
public final class NotADocument extends SourceException {
    public NotADocument(String reason) {
        super(reason);
    }
}
