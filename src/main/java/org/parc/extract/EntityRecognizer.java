package org.parc.extract;

import java.util.List;

/**
 * Stage: the people, organizations and places a text mentions, merged so that the names used for
 * one thing are one entity. Implementations must be thread-safe and load their models once.
 */
@FunctionalInterface
public interface EntityRecognizer {
    List<Entity> recognize(String text, String language);

    /** Recognizes nothing: for `parc ingest --no-entities` and for tests of other stages. */
    EntityRecognizer NONE = (text, language) -> List.of();
}
