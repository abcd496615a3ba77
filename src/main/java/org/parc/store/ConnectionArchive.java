package org.parc.store;

import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.parc.rdf.Iris;
import org.parc.rdf.Vocab;

/** What embedded and remote archives share: an RDFConnection and the archive's settings graph. */
abstract class ConnectionArchive implements Archive {
    protected final RDFConnection conn;
    private final String location;
    private Iris iris;

    ConnectionArchive(RDFConnection conn, String location) {
        this.conn = conn;
        this.location = location;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public synchronized Iris iris() {
        if (iris == null) {
            String base = storedBase();
            iris = new Iris(base == null ? Iris.DEFAULT_BASE : base);
        }
        return iris;
    }

    @Override
    public String storedBase() {
        String q = "SELECT ?b WHERE { GRAPH <" + CONFIG_GRAPH + "> { ?a <" + Vocab.baseIri.getURI() + "> ?b } }";
        return read(c -> {
            try (QueryExecution qe = c.query(q)) {
                ResultSet rs = qe.execSelect();
                if (!rs.hasNext()) return null;
                QuerySolution s = rs.next();
                return s.get("b").toString();
            }
        });
    }

    @Override
    public void setBase(String base) {
        Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
        m.createResource(CONFIG_GRAPH).addProperty(org.apache.jena.vocabulary.RDF.type, Vocab.Archive)
                .addProperty(Vocab.baseIri, new Iris(base).base());
        replaceGraph(CONFIG_GRAPH, m);
        synchronized (this) {
            iris = new Iris(base);
        }
    }

    @Override
    public boolean containsGraph(String graphIri) {
        return read(c -> {
            try (QueryExecution qe = c.query("ASK { GRAPH <" + graphIri + "> { ?s ?p ?o } }")) {
                return qe.execAsk();
            }
        });
    }

    @Override
    public void replaceGraph(String graphIri, Model content) {
        write(c -> c.put(graphIri, content));
    }

    @Override
    public void replaceGraphs(java.util.Map<String, Model> graphs) {
        if (graphs.isEmpty()) return;
        write(c -> graphs.forEach(c::put));
    }

    @Override
    public void write(Consumer<RDFConnection> action) {
        conn.executeWrite(() -> action.accept(conn));
    }

    @Override
    public <T> T read(Function<RDFConnection, T> action) {
        return conn.calculateRead(() -> action.apply(conn));
    }

    @Override
    public void close() {
        conn.close();
    }
}
