package org.parc.extract.entities;

import org.parc.extract.EntityType;

/** One typed name occurrence as a recognizer found it: UTF-16 offsets of the article text, end exclusive. */
public record RawMention(EntityType type, int start, int end) {
    public RawMention {
        if (type == null || start < 0 || end < start) throw new IllegalArgumentException("bad mention " + start + "-" + end);
    }
}
