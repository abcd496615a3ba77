package org.parc.extract;

/**
 * How a value was found, recorded in the document's provenance so a librarian can see why parc
 * believes it.
 *
 * @param method the extractor, e.g. {@code html-meta}, {@code json-ld}, {@code first-line}, {@code corenlp}
 * @param detail where exactly: a meta tag name, a JSON-LD key, a text span "12-54", a hint file
 */
public record Evidence(String method, String detail) {
    public static Evidence of(String method, String detail) {
        return new Evidence(method, detail);
    }

    @Override
    public String toString() {
        return detail == null || detail.isEmpty() ? method : method + ": " + detail;
    }
}
