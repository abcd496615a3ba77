package org.parc.source;

/** Stage 1: turn a source file into text and metadata. */
@FunctionalInterface
public interface Normalizer {
    NormalizedDocument normalize(SourceFile file) throws SourceException;
}
