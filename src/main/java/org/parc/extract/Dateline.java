package org.parc.extract;

/**
 * A dateline such as "WASHINGTON DC (Kurdistan 24) -".
 *
 * @param raw    the dateline text as printed
 * @param place  the place name it gives, or null
 * @param outlet the outlet it names, or null
 * @param span   where it stands in the article text
 */
public record Dateline(String raw, String place, String outlet, Span span, Evidence evidence) {}
