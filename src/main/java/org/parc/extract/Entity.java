package org.parc.extract;

import java.util.List;

/**
 * A person, organization or place an article mentions, with every name the article uses for it.
 *
 * @param key            normalized identity key within the archive (derived from type and name), used in its IRI
 * @param name           the fullest name
 * @param alternateNames the other names used, without the main one, sorted
 * @param mentions       every occurrence in the article text, in text order
 * @param links          authority links (GeoNames, Wikipedia) with their confidence
 * @param evidence       how it was recognized
 */
public record Entity(EntityType type, String key, String name, List<String> alternateNames,
                     List<Mention> mentions, List<Link> links, Evidence evidence) {

    /**
     * A link to an authority record.
     *
     * @param iri        the authority's IRI
     * @param confidence 0..1
     * @param accepted   true only when a librarian accepted it or the match is exact and unambiguous
     */
    public record Link(String iri, double confidence, boolean accepted, Evidence evidence) {}
}
