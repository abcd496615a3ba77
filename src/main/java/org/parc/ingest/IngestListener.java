package org.parc.ingest;

/** Receives each outcome as soon as it is known (in input order). */
@FunctionalInterface
public interface IngestListener {
    void on(Outcome outcome);

    IngestListener NONE = o -> {};
}
