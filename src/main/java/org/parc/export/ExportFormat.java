package org.parc.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.jena.riot.Lang;
import org.parc.ParcException;

/**
 * The export formats, by the names Jena uses (and their usual short names and file extensions).
 * One registry: the CLI, the file-extension guess and the shared writer tests all go through it.
 */
public enum ExportFormat {
    TURTLE(Lang.TURTLE, Kind.TRIPLES, "ttl", "turtle", "ttl"),
    TRIG(Lang.TRIG, Kind.QUADS, "trig", "trig"),
    NTRIPLES(Lang.NTRIPLES, Kind.TRIPLES, "nt", "n-triples", "ntriples", "nt"),
    NQUADS(Lang.NQUADS, Kind.QUADS, "nq", "n-quads", "nquads", "nq"),
    /** Compacted with parc's context (vocab/context.jsonld). */
    JSONLD(Lang.JSONLD, Kind.TRIPLES, "jsonld", "json-ld", "jsonld", "json-ld-compact"),
    /** One object per article, its publisher, creators and mentions embedded (vocab/frames/article.jsonld). */
    JSONLD_FRAMED(Lang.JSONLD, Kind.ARTICLES, "framed.jsonld", "json-ld-framed", "jsonld-framed", "json-ld-frame"),
    RDFXML(Lang.RDFXML, Kind.TRIPLES, "rdf", "rdf/xml", "rdfxml", "rdf", "xml", "owl"),
    CSL_JSON(null, Kind.CITATIONS, "json", "csl-json", "csl", "csljson"),
    BIBTEX(null, Kind.CITATIONS, "bib", "bibtex", "bib"),
    RIS(null, Kind.CITATIONS, "ris", "ris");

    /** What a format can hold. */
    public enum Kind {
        /** The union of the selected graphs. */
        TRIPLES,
        /** The selected graphs, each under its name. */
        QUADS,
        /** The articles and what they link to: a view, not the whole data. */
        ARTICLES,
        /** Bibliographic entries, one per article. */
        CITATIONS
    }

    private final Lang lang;
    private final Kind kind;
    private final String extension;
    private final String[] names;

    ExportFormat(Lang lang, Kind kind, String extension, String... names) {
        this.lang = lang;
        this.kind = kind;
        this.extension = extension;
        this.names = names;
    }

    /** The RDF language to parse the output back with; null for bibliographic formats. */
    public Lang lang() {
        return lang;
    }

    public Kind kind() {
        return kind;
    }

    public String extension() {
        return extension;
    }

    /** True when the format keeps the named graphs (one per source document). */
    public boolean quads() {
        return kind == Kind.QUADS;
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

    /** The format a file name's extension implies (the longest matching one: x.framed.jsonld, x.csl.json), or null. */
    public static ExportFormat byFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        ExportFormat best = null;
        int bestLength = 0;
        for (ExportFormat f : values()) {
            for (String ext : extensions(f)) {
                if (lower.endsWith("." + ext) && ext.length() > bestLength) {
                    best = f;
                    bestLength = ext.length();
                }
            }
        }
        return best;
    }

    private static java.util.List<String> extensions(ExportFormat f) {
        java.util.List<String> out = new java.util.ArrayList<>(Arrays.asList(f.names));
        out.add(f.extension);
        if (f == CSL_JSON) out.add("csl.json");
        return out;
    }

    public static String namesList() {
        return Arrays.stream(values()).map(ExportFormat::displayName).collect(Collectors.joining(", "));
    }
}
