package org.parc.extract;

/**
 * A range of an article's text in Java {@code char} (UTF-16) indices, end exclusive. The RDF
 * mapping converts to Unicode code points, as Web Annotation selectors require.
 */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + "-" + end);
    }

    public String cut(String text) {
        return text.substring(start, end);
    }

    public Span shift(int by) {
        return new Span(start + by, end + by);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
