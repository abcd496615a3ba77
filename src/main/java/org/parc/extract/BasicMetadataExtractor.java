package org.parc.extract;

import org.parc.source.NormalizedDocument;

/**
 * A first honest description: the embedded title (or the first line of the text), the declared or
 * detected language, and whatever the user hinted. Later extractors refine it.
 */
public final class BasicMetadataExtractor implements MetadataExtractor {
    @Override
    public ArticleMetadata extract(NormalizedDocument doc, Story story, Hints hints) {
        ArticleMetadata m = ArticleMetadata.EMPTY;
        String embedded = story.index() == 1 ? doc.first("dc:title") : null;
        if (embedded != null && !embedded.isBlank()) {
            m = m.withTitle(Found.of(embedded.strip(), "tika-metadata", "dc:title"));
        } else {
            String first = firstLine(story.text());
            if (first != null) m = m.withTitle(Found.of(first, "first-line", "0-" + first.length()));
        }
        String declared = Languages.normalizeTag(doc.first("dc:language"));
        if (declared == null) declared = Languages.normalizeTag(doc.first("Content-Language"));
        if (declared != null) {
            m = m.withLanguage(Found.of(declared, "tika-metadata", "dc:language"));
        } else {
            Found<String> detected = Languages.detectWithEvidence(story.text());
            if (detected != null) m = m.withLanguage(detected);
        }
        if (hints.date() != null) m = m.withIssued(Found.of(hints.date(), "hint", hints.origin()));
        if (hints.outlet() != null) m = m.withOutlet(Found.of(hints.outlet(), "hint", hints.origin()));
        if (!hints.creators().isEmpty()) m = m.withCredits(hints.creators(), null);
        return m;
    }

    static String firstLine(String text) {
        for (String line : text.split("\n", 20)) {
            String t = line.strip();
            if (!t.isEmpty()) return t.length() > 300 ? t.substring(0, 300) : t;
        }
        return null;
    }
}
