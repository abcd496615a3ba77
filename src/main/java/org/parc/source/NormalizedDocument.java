package org.parc.source;

import java.util.List;
import java.util.Map;

/**
 * What Tika made of a source file: the stage every extractor starts from.
 *
 * @param source      the file
 * @param mediaType   detected media type without parameters, e.g. {@code text/html}
 * @param text        the plain text Tika extracted (normalized line ends, NFC)
 * @param metadata    Tika's metadata, name to values, in Tika's key spelling
 * @param truncated   true when the write limit cut the text
 * @param page        the original markup for HTML/XHTML sources, parsed once for the extractors that need the DOM; else null
 * @param feed        the items of a news feed (RSS, Atom), whose {@link Feeds.Feed#text()} is then the text; else null
 */
public record NormalizedDocument(
        SourceFile source,
        String mediaType,
        String text,
        Map<String, List<String>> metadata,
        boolean truncated,
        Page page,
        Feeds.Feed feed) {

    public NormalizedDocument(SourceFile source, String mediaType, String text, Map<String, List<String>> metadata,
                              boolean truncated, String markup) {
        this(source, mediaType, text, metadata, truncated, Page.of(markup), null);
    }

    /** The page's markup, or null. */
    public String markup() {
        return page == null ? null : page.markup();
    }

    public String first(String key) {
        List<String> v = metadata.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public List<String> all(String key) {
        return metadata.getOrDefault(key, List.of());
    }

    public boolean isHtml() {
        return page != null;
    }
}
