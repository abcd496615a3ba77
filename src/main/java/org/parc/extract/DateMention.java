package org.parc.extract;

/**
 * A date expression in an article's text ("January 9, 2024", "last September"), normalized.
 *
 * @param text the expression as written (equal to {@code span.cut(articleText)})
 * @param date the calendar value at the precision the text supports
 */
public record DateMention(String text, Span span, PartialDate date, Evidence evidence) {}
