package org.parc.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.parc.rdf.Vocab;

/**
 * RDF/XML in chunks: Jena's plain RDF/XML writer writes each chunk of triples, and its rdf:Description
 * elements are spliced into one rdf:RDF element whose namespaces (parc's prefixes and ns1, ns2... for any
 * other predicate namespace) were fixed beforehand, so memory holds one chunk at a time. Blank-node ids
 * are made unique per chunk.
 */
final class RdfXmlWriter {
    private static final Pattern NODE_ID = Pattern.compile("rdf:nodeID=\"([^\"]*)\"");

    private final Writer w;
    private final PrefixMapping prefixes;
    private int chunks;

    /** @param predicates every predicate IRI the output may use (extra ones cost only a declaration) */
    RdfXmlWriter(OutputStream out, Collection<String> predicates) {
        this.w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        PrefixMapping pm = PrefixMapping.Factory.create().setNsPrefixes(Vocab.PREFIXES);
        Set<String> known = new TreeSet<>(pm.getNsPrefixMap().values());
        Set<String> other = new TreeSet<>();
        for (String p : predicates) {
            int split = org.apache.jena.rdf.model.impl.Util.splitNamespaceXML(p);
            String ns = p.substring(0, split);
            if (split > 0 && split < p.length() && !known.contains(ns)) other.add(ns);
        }
        int n = 0;
        for (String ns : other) pm.setNsPrefix("ns" + (++n), ns);
        this.prefixes = pm.lock();
    }

    void begin() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF");
        for (Map.Entry<String, String> e : new TreeMap<>(prefixes.getNsPrefixMap()).entrySet()) {
            sb.append("\n    xmlns:").append(e.getKey()).append("=\"").append(e.getValue()).append('"');
        }
        sb.append(">\n");
        print(sb.toString());
    }

    void chunk(Collection<Triple> triples) {
        if (triples.isEmpty()) return;
        chunks++;
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(prefixes);
        for (Triple t : CanonicalRdf.sorted(triples)) m.getGraph().add(t);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        RDFDataMgr.write(buf, m, RDFFormat.RDFXML_PLAIN);
        String s = buf.toString(StandardCharsets.UTF_8);
        int root = s.indexOf("<rdf:RDF");
        int start = s.indexOf('>', root) + 1;
        int end = s.lastIndexOf("</rdf:RDF>");
        if (root < 0 || end < start) throw new IllegalStateException("unexpected RDF/XML from Jena's writer");
        String body = s.substring(start, end);
        Matcher decl = Pattern.compile("xmlns:([\\w.-]+)=").matcher(s.substring(root, start));
        while (decl.find()) {
            // Jena invents j.0, j.1... for namespaces it was not given: ours must cover every predicate
            if (prefixes.getNsPrefixURI(decl.group(1)) == null) throw new IllegalStateException("RDF/XML chunk needs namespace " + decl.group(1));
        }
        Matcher mt = NODE_ID.matcher(body);
        body = mt.replaceAll(r -> Matcher.quoteReplacement("rdf:nodeID=\"c" + chunks + "_" + r.group(1) + "\""));
        body = body.replaceFirst("^\\s*\\n", "");
        print(body);
    }

    void end() {
        print("</rdf:RDF>\n");
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void print(String s) {
        try {
            w.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
