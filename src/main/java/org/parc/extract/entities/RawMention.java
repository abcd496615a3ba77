package org.parc.extract.entities;

import org.parc.extract.EntityType;

/**
 * One typed name occurrence as a recognizer found it: UTF-16 offsets of the article text, end exclusive.
 * A nested mention lies inside a longer one on purpose (Sheffield in "University of Sheffield") and is
 * kept beside it instead of giving way to it.
 */
public record RawMention(EntityType type, int start, int end, boolean nested) {
    public RawMention {
        if (type == null || start < 0 || end < start) throw new IllegalArgumentException("bad mention " + start + "-" + end);
    }

    public RawMention(EntityType type, int start, int end) {
        this(type, start, end, false);
    }
}
