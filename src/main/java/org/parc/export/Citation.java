package org.parc.export;

import java.util.List;

/**
 * What citation managers need of one schema:NewsArticle: the fields CSL-JSON, BibTeX and RIS share.
 *
 * @param key      stable citation key (see {@link Citations#key})
 * @param iri      the article's IRI
 * @param year     issued year, or null; month and day may be null
 * @param outlet   the publisher's name (the newspaper / site), or null
 */
public record Citation(String key, String iri, String title, List<Name> authors, List<Name> editors, String outlet,
                       Integer year, Integer month, Integer day, String language, String url) {

    /** A person (family, given) or an organization (literal only). */
    public record Name(String family, String given, String literal) {
        public static Name of(String fullName, boolean organization) {
            String n = fullName.strip().replaceAll("\\s+", " ");
            int sp = n.lastIndexOf(' ');
            if (organization || sp < 0) return new Name(null, null, n);
            return new Name(n.substring(sp + 1), n.substring(0, sp), null);
        }

        /** "Family, Given" for people, the name for organizations. */
        public String inverted() {
            return literal != null ? literal : family + ", " + given;
        }
    }
}
