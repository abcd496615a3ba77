package org.parc.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.io.AWriter;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.riot.out.NodeFormatter;
import org.apache.jena.riot.out.NodeFormatterTTL;
import org.apache.jena.riot.system.PrefixMap;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.vocabulary.RDF;
import org.parc.rdf.Vocab;

/**
 * Deterministic Turtle, TriG, N-Triples and N-Quads: subjects, predicates and objects in a fixed
 * order (by their N-Triples form, rdf:type first), so the same archive always exports the same
 * bytes. parc mints no blank nodes, so ordering by term is total.
 */
public final class CanonicalRdf {
    public static final Comparator<Node> NODE_ORDER = Comparator.comparing(NodeFmtLib::strNT);
    public static final Comparator<Triple> TRIPLE_ORDER = Comparator
            .comparing(Triple::getSubject, NODE_ORDER)
            .thenComparing(Triple::getPredicate, (a, b) -> {
                boolean ta = a.equals(RDF.type.asNode()), tb = b.equals(RDF.type.asNode());
                if (ta != tb) return ta ? -1 : 1;
                return NODE_ORDER.compare(a, b);
            })
            .thenComparing(Triple::getObject, NODE_ORDER);

    /**
     * Sorts triples in {@link #TRIPLE_ORDER}, formatting each term once (the comparator formats terms on
     * every comparison, which for article texts of many kilobytes dominates an export).
     */
    public static List<Triple> sorted(java.util.Collection<Triple> triples) {
        Node rdfType = RDF.type.asNode();
        List<Keyed> keyed = new ArrayList<>(triples.size());
        java.util.Map<Node, String> seen = new java.util.HashMap<>();
        for (Triple t : triples) {
            keyed.add(new Keyed(t, seen.computeIfAbsent(t.getSubject(), CanonicalRdf::nt), t.getPredicate().equals(rdfType),
                    seen.computeIfAbsent(t.getPredicate(), CanonicalRdf::nt)));
        }
        keyed.sort(KEYED_ORDER);
        List<Triple> out = new ArrayList<>(keyed.size());
        for (Keyed k : keyed) out.add(k.t);
        return out;
    }

    /** A triple with its subject and predicate keys; the object's key (often a long text) is made only when needed. */
    private static final class Keyed {
        final Triple t;
        final String s;
        final boolean type;
        final String p;
        String o;

        Keyed(Triple t, String s, boolean type, String p) {
            this.t = t;
            this.s = s;
            this.type = type;
            this.p = p;
        }

        String o() {
            if (o == null) o = nt(t.getObject());
            return o;
        }
    }

    private static final Comparator<Keyed> KEYED_ORDER = (a, b) -> {
        int c = a.s.compareTo(b.s);
        if (c != 0) return c;
        if (a.type != b.type) return a.type ? -1 : 1;
        c = a.p.compareTo(b.p);
        return c != 0 ? c : a.o().compareTo(b.o());
    };

    private static final NodeFormatter NT = new org.apache.jena.riot.out.NodeFormatterNT();

    /**
     * A term's N-Triples form, as {@link NodeFmtLib#strNT}, written through a plain writer: strNT's
     * indenting buffer checks for a line start at every character, which made long texts the cost
     * of an N-Quads export.
     */
    public static String nt(Node n) {
        org.apache.jena.atlas.io.StringWriterI sw = new org.apache.jena.atlas.io.StringWriterI();
        NT.format(sw, n);
        return sw.toString();
    }

    private final AWriter w;
    private final PrefixMap prefixes;
    private final NodeFormatter ttl;

    public CanonicalRdf(OutputStream out) {
        this.w = IO.wrapUTF8(out);
        this.prefixes = PrefixMapFactory.create(Vocab.PREFIXES);
        this.ttl = new NodeFormatterTTL(null, prefixes);
    }

    public void prefixes(boolean sparqlStyle) {
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(prefixes.getMapping()).entrySet()) {
            w.print(sparqlStyle ? "PREFIX " : "@prefix ");
            w.print(e.getKey() + ": <" + e.getValue() + ">");
            w.print(sparqlStyle ? "\n" : " .\n");
        }
        w.print("\n");
    }

    /** Writes triples (any order in) as Turtle subject blocks; indent for TriG graph bodies. */
    public void turtleBlocks(List<Triple> triples, String indent) {
        List<Triple> sorted = sorted(triples);
        Node subject = null;
        Node predicate = null;
        for (Triple t : sorted) {
            if (!t.getSubject().equals(subject)) {
                if (subject != null) w.print(" .\n\n");
                subject = t.getSubject();
                predicate = null;
                w.print(indent);
                ttl.format(w, subject);
            }
            if (!t.getPredicate().equals(predicate)) {
                w.print(predicate == null ? "\n" + indent + "    " : " ;\n" + indent + "    ");
                predicate = t.getPredicate();
                if (predicate.equals(RDF.type.asNode())) w.print("a");
                else ttl.format(w, predicate);
                w.print(" ");
            } else {
                w.print(" ,\n" + indent + "        ");
            }
            ttl.format(w, t.getObject());
        }
        if (subject != null) w.print(" .\n");
    }

    public void trigGraph(Node graph, List<Triple> triples) {
        ttl.format(w, graph);
        w.print(" {\n");
        turtleBlocks(triples, "    ");
        w.print("}\n\n");
    }

    /**
     * N-Triples (graph null) or N-Quads lines, sorted. Subjects, predicates and IRI objects repeat
     * within a document (each annotation's IRI starts a dozen lines), so their forms are made once.
     */
    public void lines(Node graph, List<Triple> triples) {
        String[] out = new String[triples.size()];
        String g = graph == null ? " .\n" : " " + nt(graph) + " .\n";
        java.util.Map<Node, String> forms = new java.util.HashMap<>();
        StringBuilder sb = new StringBuilder(256);
        int i = 0;
        for (Triple t : triples) {
            Node o = t.getObject();
            sb.setLength(0);
            sb.append(forms.computeIfAbsent(t.getSubject(), CanonicalRdf::nt)).append(' ')
                    .append(forms.computeIfAbsent(t.getPredicate(), CanonicalRdf::nt)).append(' ')
                    .append(o.isLiteral() ? nt(o) : forms.computeIfAbsent(o, CanonicalRdf::nt)).append(g);
            out[i++] = sb.toString();
        }
        java.util.Arrays.sort(out);
        for (String line : out) w.print(line);
    }

    public void blankLine() {
        w.print("\n");
    }

    public void flush() {
        w.flush();
    }
}
