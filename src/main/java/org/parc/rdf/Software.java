package org.parc.rdf;

import org.parc.Version;

/** A program that took part in an activity, recorded as a prov:SoftwareAgent. */
public record Software(String name, String version) {
    public static final Software PARC = new Software(Version.NAME, Version.VERSION);
    public static final Software TIKA = new Software("Apache Tika", versionOf(org.apache.tika.Tika.class, "3.3.1"));
    /** Renders Markdown sources to the HTML page parc reads them as. */
    public static final Software COMMONMARK = new Software("commonmark-java", versionOf(org.commonmark.parser.Parser.class, "0.32.0"));

    /** The implementation version from a jar's manifest, or the given fallback when run from classes. */
    public static String versionOf(Class<?> c, String fallback) {
        Package p = c.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? fallback : v;
    }
}
