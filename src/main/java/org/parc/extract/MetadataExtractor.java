package org.parc.extract;

import org.parc.source.NormalizedDocument;

/** Stage: describe one story of a document. */
@FunctionalInterface
public interface MetadataExtractor {
    ArticleMetadata extract(NormalizedDocument doc, Story story, Hints hints);
}
