package org.parc.extract;

import org.parc.source.Feeds;

/**
 * One article found in a document's text.
 *
 * @param index 1-based position in the file
 * @param range where the story stands in the document's normalized text
 * @param text  the story's text, with repeated headline and caption blocks removed
 * @param item  what a news feed states about the story when it is one of the feed's items, else null
 */
public record Story(int index, Span range, String text, Feeds.Item item) {
    public Story(int index, Span range, String text) {
        this(index, range, text, null);
    }
}
