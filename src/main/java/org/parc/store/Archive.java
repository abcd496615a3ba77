package org.parc.store;

import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdfconnection.RDFConnection;
import org.parc.rdf.Iris;

/**
 * An archive: parc's named graphs in a store. Hides whether the store is embedded TDB2 or a
 * remote SPARQL 1.1 endpoint; every write is one transaction.
 */
public interface Archive extends AutoCloseable {
    /** The graph holding the archive's own settings (base IRI). */
    String CONFIG_GRAPH = "urn:x-parc:archive";

    /** Where the store is, for messages: a folder or an endpoint URL. */
    String location();

    /** IRIs under this archive's base. */
    Iris iris();

    /** The base IRI recorded by `parc init`, or null when the archive uses the default. */
    String storedBase();

    /** Records the archive's base IRI. */
    void setBase(String base);

    boolean containsGraph(String graphIri);

    /** Replaces one named graph with the model, atomically. */
    void replaceGraph(String graphIri, Model content);

    /**
     * Replaces several named graphs, each with its model: one transaction on an embedded store (all or
     * none), one atomic replacement per graph on a remote one. Either way each graph is whole or absent.
     */
    void replaceGraphs(java.util.Map<String, Model> graphs);

    /** Runs writes in one transaction. */
    void write(Consumer<RDFConnection> action);

    /** Runs reads in one read transaction; queries see the union of named graphs as the default graph. */
    <T> T read(Function<RDFConnection, T> action);

    /** True when the default graph of queries is the union of the named graphs. */
    boolean unionDefaultGraph();

    /**
     * The query to send so that its default graph is the union of the named graphs: the query
     * itself where the store does that already, else a rewrite (see {@link RemoteArchive}).
     */
    default org.apache.jena.query.Query forUnionDefaultGraph(org.apache.jena.query.Query query) {
        return query;
    }

    @Override
    void close();
}
