package org.parc.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.parc.ParcException;

/**
 * The export formats, by the names Jena uses (and their usual short names and file extensions).
 * One registry: the CLI, the file-extension guess and the shared writer test all go through it.
 */
public enum ExportFormat {
    TURTLE(Lang.TURTLE, "ttl", false, "turtle", "ttl"),
    TRIG(Lang.TRIG, "trig", true, "trig"),
    NTRIPLES(Lang.NTRIPLES, "nt", false, "n-triples", "ntriples", "nt"),
    NQUADS(Lang.NQUADS, "nq", true, "n-quads", "nquads", "nq"),
    JSONLD(Lang.JSONLD, "jsonld", false, "json-ld", "jsonld"),
    RDFXML(Lang.RDFXML, "rdf", false, "rdf/xml", "rdfxml", "rdf", "xml");

    private final Lang lang;
    private final String extension;
    private final boolean quads;
    private final String[] names;

    ExportFormat(Lang lang, String extension, boolean quads, String... names) {
        this.lang = lang;
        this.extension = extension;
        this.quads = quads;
        this.names = names;
    }

    public Lang lang() {
        return lang;
    }

    public String extension() {
        return extension;
    }

    /** True when the format keeps the named graphs (one per source document). */
    public boolean quads() {
        return quads;
    }

    public String displayName() {
        return names[0];
    }

    public static ExportFormat byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (Arrays.asList(f.names).contains(n)) return f;
        }
        throw ParcException.usage("unknown export format '" + name + "' (one of " + namesList() + ")");
    }

    /** The format a file name's extension implies, or null. */
    public static ExportFormat byFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) return null;
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.extension.equals(ext) || Arrays.asList(f.names).contains(ext)) return f;
        }
        return null;
    }

    public static String namesList() {
        return Arrays.stream(values()).map(ExportFormat::displayName).collect(Collectors.joining(", "));
    }
}
