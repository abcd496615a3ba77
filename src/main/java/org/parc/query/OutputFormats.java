package org.parc.query;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.parc.ParcException;

/**
 * Names of query output formats, resolved through Jena's registries: result-set languages for
 * SELECT/ASK, RDF languages (by Jena's names and short names) for CONSTRUCT/DESCRIBE.
 */
public final class OutputFormats {
    /** "text" is Jena's aligned table; null Lang. */
    public static final String TEXT = "text";

    private static final Map<String, Lang> RESULTS = new TreeMap<>(Map.of(
            "csv", ResultSetLang.RS_CSV,
            "tsv", ResultSetLang.RS_TSV,
            "json", ResultSetLang.RS_JSON,
            "xml", ResultSetLang.RS_XML));

    private OutputFormats() {}

    public static List<String> resultNames() {
        var l = new java.util.ArrayList<String>();
        l.add(TEXT);
        l.addAll(RESULTS.keySet());
        return l;
    }

    /** The result-set language for a name; null for the text table. */
    public static Lang resultLang(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals(TEXT)) return null;
        Lang l = RESULTS.get(n);
        if (l == null) {
            throw ParcException.usage("unknown result format '" + name + "' (one of " + String.join(", ", resultNames()) + ")");
        }
        return l;
    }

    /** The RDF language for a name such as turtle, ttl, json-ld, jsonld, n-triples, nt, rdf/xml, trig, n-quads. */
    public static Lang rdfLang(String name) {
        Lang l = RDFLanguages.nameToLang(name);
        if (l == null) l = RDFLanguages.shortnameToLang(name);
        if (l == null && name.equalsIgnoreCase("jsonld")) l = Lang.JSONLD;
        if (l == null) l = RDFLanguages.fileExtToLang(name);
        if (l == null || !org.apache.jena.riot.RDFWriterRegistry.contains(l)) {
            throw ParcException.usage("unknown RDF format '" + name + "' (e.g. turtle, json-ld, n-triples, rdf/xml, trig, n-quads)");
        }
        return l;
    }
}
