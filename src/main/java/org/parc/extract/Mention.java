package org.parc.extract;

/** One occurrence of a name in an article's text; {@code text} equals {@code span.cut(articleText)}. */
public record Mention(String text, Span span) {}
