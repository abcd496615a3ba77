package org.parc.extract.entities;

import org.parc.rdf.Iris;

/**
 * The archive-wide identity key of a named entity, and how it was decided: the canonical name of the
 * alias table when the name is a known alias ("WASHINGTON DC" and "Washington D.C." → Washington, D.C.),
 * else the name itself, normalized by {@link Iris#slug}. The same real-world entity named the same way
 * in two articles gets one IRI; names the table does not relate stay apart rather than merge wrongly.
 */
public final class EntityKeys {
    /**
     * @param key  the IRI key
     * @param name the name the key was made from (canonical name or the name given)
     * @param how  a readable account, e.g. {@code alias table: US -> United States}
     */
    public record Key(String key, String name, String how) {}

    private EntityKeys() {}

    /** The key for a name with the shipped alias table (as the recognizer and the dateline use it). */
    public static Key of(String name) {
        return of(Aliases.shipped(), name);
    }

    static Key of(Aliases aliases, String name) {
        String canonical = aliases.canonical(name);
        if (canonical != null) {
            String key = Iris.slug(canonical);
            String how = canonical.equals(name) ? "key " + key + " from name \"" + name + "\" (alias table)"
                    : "alias table: " + name + " -> " + canonical + ", key " + key;
            return new Key(key, canonical, how);
        }
        String key = Iris.slug(name);
        return new Key(key, name, "key " + key + " from name \"" + name + "\"");
    }
}
