package org.parc.serve;

import java.util.List;

/**
 * How archive IRIs map to server paths: {@code GET /KIND/REST} on the server describes the IRI
 * {@code BASE + KIND/REST}, whatever the base's own host, for each kind of IRI parc mints.
 */
final class Resources {
    /** The first path segments of parc's IRIs (vocab/README.md, "IRIs"). */
    static final List<String> KINDS = List.of("article", "source", "graph", "text", "activity", "statement",
            "annotation", "person", "organization", "place", "outlet", "date", "agent");

    private final String base;

    Resources(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    /** The archive IRI a request path (raw, as sent, starting with '/') stands for. */
    String iriOf(String rawPath) {
        return base + rawPath.substring(1);
    }

    /** The server-relative link for an IRI when the server serves it, else null. */
    String pathOf(String iri) {
        if (iri == null || !iri.startsWith(base)) return null;
        String rest = iri.substring(base.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || !KINDS.contains(rest.substring(0, slash)) || rest.contains("#")) return null;
        return "/" + rest;
    }

    /** Where a link to the IRI should point: here when served here, else the IRI itself. */
    String href(String iri) {
        String p = pathOf(iri);
        return p != null ? p : iri;
    }
}
