package org.parc.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.graph.GraphFactory;
import org.parc.ParcException;
import org.parc.rdf.Vocab;
import org.parc.store.Archive;
import org.parc.store.Tdb2Archive;
import org.apache.jena.system.Txn;

/**
 * Writes an archive, or a selection of it, in an export format. The selected document graphs are
 * read one at a time, so memory stays flat however large the archive: quad formats write each graph
 * under its name; triple formats write the union, with resources that several documents share
 * (people, places, outlets, software) gathered and written once, at the end; the framed and
 * bibliographic formats write each document's articles. Output is deterministic: graphs in IRI
 * order, triples (and JSON-LD keys and arrays) in canonical order.
 */
public final class Exporter {
    /** IRI path segments of resources that belong to one document (or one import). */
    private static final List<String> DOCUMENT_LOCAL = List.of(
            "graph/", "source/", "article/", "annotation/", "activity/", "statement/", "text/", "import/");

    private final Archive archive;

    public Exporter(Archive archive) {
        this.archive = archive;
    }

    /** The document graphs to export: all, or the one holding {@code docIri} (an article, source or graph IRI). */
    public List<String> graphs(String docIri) {
        if (docIri == null && archive instanceof Tdb2Archive tdb) return graphNames(tdb);
        String q = docIri == null
                ? "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + Archive.CONFIG_GRAPH + ">) } ORDER BY ?g"
                : "SELECT DISTINCT ?g WHERE { { GRAPH ?g { <" + docIri + "> ?p ?o } } UNION { GRAPH ?g { ?s ?p ?o } FILTER(?g = <"
                  + docIri + ">) } FILTER(?g != <" + Archive.CONFIG_GRAPH + ">) "
                  + "FILTER NOT EXISTS { GRAPH ?g { <" + docIri + "> a ?t } FILTER(?t IN (<" + Vocab.Person.getURI() + ">, <"
                  + Vocab.Place.getURI() + ">, <" + Vocab.Organization.getURI() + ">)) } } ORDER BY ?g";
        List<String> out = selectGraphs(q);
        if (docIri != null && out.isEmpty()) throw ParcException.usage("no article, source or document graph " + docIri + " in the archive");
        return out;
    }

    /** Every graph of an embedded store, from its graph index: no scan of every quad as the SPARQL form does. */
    private static List<String> graphNames(Tdb2Archive tdb) {
        return Txn.calculateRead(tdb.datasetGraph(), () -> {
            List<String> out = new ArrayList<>();
            tdb.datasetGraph().listGraphNodes().forEachRemaining(n -> {
                if (n.isURI() && !n.getURI().equals(Archive.CONFIG_GRAPH)) out.add(n.getURI());
            });
            out.sort(null);
            return out;
        });
    }

    /**
     * The graphs that arrived at or after {@code since}: documents whose normalize stage ended then
     * (prov:endedAtTime), imported graphs whose import ended then, and those imports' provenance graphs.
     */
    public List<String> graphsSince(java.time.Instant since) {
        String t = "\"" + since + "\"^^<" + Vocab.XSD + "dateTime>";
        String q = "PREFIX parc: <" + Vocab.PARC + "> PREFIX prov: <" + Vocab.PROV + ">\n"
                + "SELECT DISTINCT ?g WHERE {\n"
                + "  { GRAPH ?g { ?a parc:stage ?stage ; prov:endedAtTime ?t } FILTER(?stage IN (\"normalize\", \"import\")) }\n"
                + "  UNION { GRAPH ?pg { ?g prov:wasGeneratedBy ?a . ?a parc:stage \"import\" ; prov:endedAtTime ?t } }\n"
                + "  FILTER(?t >= " + t + ") FILTER(?g != <" + Archive.CONFIG_GRAPH + ">)\n"
                + "} ORDER BY ?g";
        return selectGraphs(q);
    }

    private List<String> selectGraphs(String q) {
        List<String> out = new ArrayList<>();
        archive.read(c -> {
            try (QueryExecution qe = c.query(q)) {
                qe.execSelect().forEachRemaining(s -> {
                    if (s.get("g").isURIResource()) out.add(s.getResource("g").getURI());
                });
            }
            return null;
        });
        return out;
    }

    public void export(ExportFormat format, OutputStream out, String docIri) {
        export(format, out, docIri == null ? Selection.ALL : Selection.doc(docIri));
    }

    public void export(ExportFormat format, OutputStream out, Selection sel) {
        if (archive instanceof Tdb2Archive tdb) {
            // One read transaction for the whole export: a consistent snapshot, and no per-graph transactions.
            Txn.executeRead(tdb.datasetGraph(), () -> write(format, out, sel));
        } else {
            write(format, out, sel);
        }
    }

    private void write(ExportFormat format, OutputStream out, Selection sel) {
        Chunks chunks = chunks(sel);
        switch (format) {
            case TRIG, NQUADS -> quads(format, chunks, out);
            case TURTLE, NTRIPLES -> {
                CanonicalRdf w = new CanonicalRdf(out);
                boolean turtle = format == ExportFormat.TURTLE;
                if (turtle) w.prefixes(false);
                union(chunks, (ts, last) -> {
                    if (turtle) {
                        w.turtleBlocks(ts, "");
                        if (!last) w.blankLine();
                    } else {
                        w.lines(null, ts);
                    }
                });
                w.flush();
            }
            case JSONLD, JSONLD_FRAMED -> {
                JsonLdWriter w = new JsonLdWriter(out, format == ExportFormat.JSONLD_FRAMED);
                w.begin();
                if (format == ExportFormat.JSONLD) union(chunks, (ts, last) -> w.chunk(ts));
                else chunks.forEach((g, ts) -> w.chunk(ts));
                w.end();
            }
            case RDFXML -> {
                RdfXmlWriter w = new RdfXmlWriter(out, chunks.predicates());
                w.begin();
                union(chunks, (ts, last) -> w.chunk(ts));
                w.end();
            }
            case CSL_JSON, BIBTEX, RIS -> {
                CitationWriter w = CitationWriter.of(format, out);
                w.begin();
                chunks.forEach((g, ts) -> {
                    Graph graph = GraphFactory.createDefaultGraph();
                    ts.forEach(graph::add);
                    Citations.of(graph).forEach(w::write);
                });
                w.end();
            }
        }
    }

    /** The selected triples in chunks: one per document graph (named), or one CONSTRUCT result (graph null). */
    private interface Chunks {
        void forEach(BiConsumer<Node, List<Triple>> sink);

        /** Every predicate the chunks may hold (a superset will do). */
        Set<String> predicates();
    }

    private Chunks chunks(Selection sel) {
        if (sel.construct() != null) {
            List<Triple> result = archive.read(c -> {
                try (QueryExecution qe = c.query(sel.construct())) {
                    List<Triple> ts = new ArrayList<>();
                    qe.execConstructTriples().forEachRemaining(ts::add);
                    return ts;
                }
            });
            TreeSet<Triple> sorted = new TreeSet<>(CanonicalRdf.TRIPLE_ORDER);
            sorted.addAll(result);
            List<Triple> distinct = new ArrayList<>(sorted);
            return new Chunks() {
                @Override
                public void forEach(BiConsumer<Node, List<Triple>> sink) {
                    sink.accept(null, distinct);
                }

                @Override
                public Set<String> predicates() {
                    Set<String> ps = new TreeSet<>();
                    distinct.forEach(t -> ps.add(t.getPredicate().getURI()));
                    return ps;
                }
            };
        }
        List<String> graphs = sel.since() != null ? graphsSince(sel.since()) : graphs(sel.docIri());
        return new Chunks() {
            @Override
            public void forEach(BiConsumer<Node, List<Triple>> sink) {
                for (String g : graphs) sink.accept(NodeFactory.createURI(g), graphTriples(g));
            }

            @Override
            public Set<String> predicates() {
                Set<String> ps = new TreeSet<>();
                archive.read(c -> {
                    try (QueryExecution qe = c.query("SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } }")) {
                        qe.execSelect().forEachRemaining(s -> ps.add(s.getResource("p").getURI()));
                    }
                    return null;
                });
                return ps;
            }
        };
    }

    private List<Triple> graphTriples(String g) {
        if (archive instanceof Tdb2Archive tdb) {
            // Straight from the indexes: no model copy per document.
            List<Triple> ts = new ArrayList<>();
            tdb.datasetGraph().find(NodeFactory.createURI(g), Node.ANY, Node.ANY, Node.ANY)
                    .forEachRemaining(q -> ts.add(q.asTriple()));
            return ts;
        }
        return archive.read(c -> {
            List<Triple> ts = new ArrayList<>();
            Model m = c.fetch(g);
            m.getGraph().find().forEachRemaining(ts::add);
            return ts;
        });
    }

    private void quads(ExportFormat format, Chunks chunks, OutputStream out) {
        CanonicalRdf w = new CanonicalRdf(out);
        if (format == ExportFormat.TRIG) w.prefixes(false);
        chunks.forEach((g, ts) -> {
            if (format == ExportFormat.NQUADS) {
                w.lines(g, ts);
            } else if (g != null) {
                w.trigGraph(g, ts);
            } else {
                w.turtleBlocks(ts, "");
            }
        });
        w.flush();
    }

    /**
     * Streams the union of the chunks: each chunk's document-local triples as they come, then the
     * triples about shared resources (gathered across chunks, each once) as a last chunk.
     */
    private void union(Chunks chunks, BiConsumer<List<Triple>, Boolean> sink) {
        TreeMap<String, Set<Triple>> shared = new TreeMap<>();
        String base = archive.iris().base();
        chunks.forEach((g, ts) -> {
            List<Triple> local = new ArrayList<>();
            for (Triple t : ts) {
                if (g == null || isLocal(t.getSubject(), base)) local.add(t);
                else shared.computeIfAbsent(t.getSubject().toString(), k -> new TreeSet<>(CanonicalRdf.TRIPLE_ORDER)).add(t);
            }
            if (!local.isEmpty()) sink.accept(local, false);
        });
        List<Triple> rest = new ArrayList<>();
        shared.values().forEach(rest::addAll);
        if (!rest.isEmpty()) sink.accept(rest, true);
    }

    private static boolean isLocal(Node subject, String base) {
        if (!subject.isURI()) return true;
        String iri = subject.getURI();
        if (!iri.startsWith(base)) return false;
        String rest = iri.substring(base.length());
        for (String p : DOCUMENT_LOCAL) if (rest.startsWith(p)) return true;
        return false;
    }
}
