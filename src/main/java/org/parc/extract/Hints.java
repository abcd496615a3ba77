package org.parc.extract;

import java.util.List;

/**
 * What a user tells parc about a file (a sidecar FILE.json, --source-url): recorded as hints in
 * provenance, and preferred over what parc would guess.
 *
 * @param origin    where the outlet and date came from ("sidecar story.html.json")
 * @param urlOrigin where the source address came from ("--source-url", a sidecar, "WARC-Target-URI")
 */
public record Hints(String sourceUrl, String outlet, PartialDate date, List<Credit> creators, String origin, String urlOrigin) {
    public static final Hints NONE = new Hints(null, null, null, List.of(), null, null);

    /** Hints whose address came from the same place as the rest. */
    public Hints(String sourceUrl, String outlet, PartialDate date, List<Credit> creators, String origin) {
        this(sourceUrl, outlet, date, creators, origin, sourceUrl == null ? null : origin);
    }

    public boolean isEmpty() {
        return sourceUrl == null && outlet == null && date == null && creators.isEmpty();
    }

    /** The same hints with another source address (null for none) and where that came from. */
    public Hints withUrl(String url, String from) {
        return new Hints(url, outlet, date, creators, origin, url == null ? null : from);
    }
}
