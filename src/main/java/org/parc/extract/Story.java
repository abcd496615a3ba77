package org.parc.extract;

/**
 * One article found in a document's text.
 *
 * @param index 1-based position in the file
 * @param range where the story stands in the document's normalized text
 * @param text  the story's text, with repeated headline and caption blocks removed
 */
public record Story(int index, Span range, String text) {}
