package org.parc.extract;

import java.util.List;

/**
 * What a user tells parc about a file (a sidecar FILE.json, --source-url): recorded as hints in
 * provenance, and preferred over what parc would guess.
 */
public record Hints(String sourceUrl, String outlet, PartialDate date, List<Credit> creators, String origin) {
    public static final Hints NONE = new Hints(null, null, null, List.of(), null);

    public boolean isEmpty() {
        return sourceUrl == null && outlet == null && date == null && creators.isEmpty();
    }
}
