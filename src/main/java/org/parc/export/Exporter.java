package org.parc.export;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.parc.ParcException;
import org.parc.rdf.Vocab;
import org.parc.store.Archive;
import org.parc.store.Tdb2Archive;

/**
 * Writes an archive (or one document's graph) in an export format. Quad formats keep the
 * per-document graphs; triple formats write their union. Output is deterministic: graphs in IRI
 * order, triples in canonical order, and resources that several documents share (people,
 * places, outlets, software) once, at the end.
 */
public final class Exporter {
    /** IRI path segments of resources that belong to one document. */
    private static final List<String> DOCUMENT_LOCAL = List.of(
            "graph/", "source/", "article/", "annotation/", "activity/", "statement/", "text/");

    private final Archive archive;

    public Exporter(Archive archive) {
        this.archive = archive;
    }

    /** The document graphs to export: all, or the one holding {@code docIri} (an article, source or graph IRI). */
    public List<String> graphs(String docIri) {
        String q = docIri == null
                ? "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <" + Archive.CONFIG_GRAPH + ">) } ORDER BY ?g"
                : "SELECT DISTINCT ?g WHERE { { GRAPH ?g { <" + docIri + "> ?p ?o } } UNION { GRAPH ?g { ?s ?p ?o } FILTER(?g = <"
                  + docIri + ">) } FILTER(?g != <" + Archive.CONFIG_GRAPH + ">) "
                  + "FILTER NOT EXISTS { GRAPH ?g { <" + docIri + "> a ?t } FILTER(?t IN (<" + Vocab.Person.getURI() + ">, <"
                  + Vocab.Place.getURI() + ">, <" + Vocab.Organization.getURI() + ">)) } } ORDER BY ?g";
        List<String> out = new ArrayList<>();
        archive.read(c -> {
            try (QueryExecution qe = c.query(q)) {
                qe.execSelect().forEachRemaining(s -> out.add(s.getResource("g").getURI()));
            }
            return null;
        });
        if (docIri != null && out.isEmpty()) throw ParcException.usage("no article, source or document graph " + docIri + " in the archive");
        return out;
    }

    public void export(ExportFormat format, OutputStream out, String docIri) {
        if (archive instanceof Tdb2Archive tdb) {
            // One read transaction: a consistent snapshot, and the quads read straight from the indexes.
            DatasetGraph dsg = tdb.datasetGraph();
            Txn.executeRead(dsg, () -> {
                List<String> graphs = docIri == null ? graphNames(dsg) : graphs(docIri);
                write(format, graphs, out, g -> {
                    List<Triple> ts = new ArrayList<>();
                    dsg.find(NodeFactory.createURI(g), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> ts.add(q.asTriple()));
                    return ts;
                });
            });
        } else {
            write(format, graphs(docIri), out, this::graphTriples);
        }
    }

    /** The document graphs of an embedded store, in IRI order (what {@link #graphs} answers, without a scan of every triple). */
    private static List<String> graphNames(DatasetGraph dsg) {
        List<String> out = new ArrayList<>();
        dsg.listGraphNodes().forEachRemaining(n -> {
            if (n.isURI() && !n.getURI().equals(Archive.CONFIG_GRAPH)) out.add(n.getURI());
        });
        out.sort(null);
        return out;
    }

    private void write(ExportFormat format, List<String> graphs, OutputStream out, Function<String, List<Triple>> triplesOf) {
        switch (format) {
            case TRIG, NQUADS -> quads(format, graphs, out, triplesOf);
            case TURTLE, NTRIPLES -> triples(format, graphs, out, triplesOf);
            default -> jenaWriter(format, graphs, out, triplesOf);
        }
    }

    private List<Triple> graphTriples(String g) {
        return archive.read(c -> {
            List<Triple> ts = new ArrayList<>();
            Model m = c.fetch(g);
            m.getGraph().find().forEachRemaining(ts::add);
            return ts;
        });
    }

    private void quads(ExportFormat format, List<String> graphs, OutputStream out, Function<String, List<Triple>> triplesOf) {
        CanonicalRdf w = new CanonicalRdf(out);
        if (format == ExportFormat.TRIG) w.prefixes(false);
        for (String g : graphs) {
            List<Triple> ts = triplesOf.apply(g);
            Node gn = NodeFactory.createURI(g);
            if (format == ExportFormat.TRIG) w.trigGraph(gn, ts);
            else w.lines(gn, ts);
        }
        w.flush();
    }

    /** Streams document graphs one by one; shared resources are gathered and written once at the end. */
    private void triples(ExportFormat format, List<String> graphs, OutputStream out, Function<String, List<Triple>> triplesOf) {
        CanonicalRdf w = new CanonicalRdf(out);
        boolean turtle = format == ExportFormat.TURTLE;
        if (turtle) w.prefixes(false);
        // Shared resources, deduplicated; their order is set when they are written.
        Set<Triple> shared = new HashSet<>();
        String base = archive.iris().base();
        for (String g : graphs) {
            List<Triple> local = new ArrayList<>();
            for (Triple t : triplesOf.apply(g)) {
                if (isLocal(t.getSubject(), base)) local.add(t);
                else shared.add(t);
            }
            if (turtle) {
                w.turtleBlocks(local, "");
                if (!local.isEmpty()) w.blankLine();
            } else {
                w.lines(null, local);
            }
        }
        List<Triple> rest = new ArrayList<>(shared);
        if (turtle) w.turtleBlocks(rest, "");
        else w.lines(null, rest);
        w.flush();
    }

    private static boolean isLocal(Node subject, String base) {
        if (!subject.isURI()) return true;
        String iri = subject.getURI();
        if (!iri.startsWith(base)) return false;
        String rest = iri.substring(base.length());
        for (String p : DOCUMENT_LOCAL) if (rest.startsWith(p)) return true;
        return false;
    }

    /** Formats Jena writes itself: fed the union in canonical order so that its output is stable. */
    private void jenaWriter(ExportFormat format, List<String> graphs, OutputStream out, Function<String, List<Triple>> triplesOf) {
        Set<Triple> union = new HashSet<>();
        for (String g : graphs) union.addAll(triplesOf.apply(g));
        List<Triple> all = CanonicalRdf.sorted(union);
        union = null;
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.PREFIXES);
        for (Iterator<Triple> it = all.iterator(); it.hasNext(); ) m.getGraph().add(it.next());
        RDFFormat f = format == ExportFormat.RDFXML ? RDFFormat.RDFXML_PLAIN : RDFFormat.JSONLD11_PRETTY;
        RDFDataMgr.write(out, m, f);
    }
}
