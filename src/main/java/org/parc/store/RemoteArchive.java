package org.parc.store;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.parc.ParcException;

/**
 * A SPARQL 1.1 endpoint (Query, Update, Graph Store Protocol) such as Fuseki: the dataset URL
 * http://host:port/NAME, with the query service at NAME/query (Fuseki also answers NAME/sparql),
 * update at NAME/update and the Graph Store Protocol at NAME/data, as Fuseki names them. Each
 * graph replacement is one Graph Store PUT, which the server applies atomically.
 *
 * <p>parc's queries expect the default graph to be the union of the named graphs. On an Apache
 * Jena server (detected when connecting) every query is rewritten to ask
 * {@code GRAPH <urn:x-arq:UnionGraph>} for its default-graph patterns, so any Fuseki dataset
 * works, in memory or TDB2, with or without {@code tdb2:unionDefaultGraph}. Another server must
 * present the union of the named graphs as its default graph itself (as Virtuoso and GraphDB do
 * by default; Stardog with query.all.graphs=true).
 */
public final class RemoteArchive extends ConnectionArchive {
    /** afn:localname exists only in Apache Jena's ARQ: its answer tells a Jena server from others. */
    private static final String JENA_PROBE =
            "ASK { FILTER(<http://jena.apache.org/ARQ/function#localname>(<urn:x-parc:probe#jena>) = \"jena\") }";

    private final boolean jena;

    private RemoteArchive(RDFConnection conn, String url, boolean jena) {
        super(conn, url);
        this.jena = jena;
    }

    public static RemoteArchive connect(String url) {
        String dest = datasetUrl(url);
        RDFConnection conn = RDFConnectionRemote.newBuilder()
                .destination(dest)
                .queryEndpoint("query")
                .updateEndpoint("update")
                .gspEndpoint("data")
                .build();
        try {
            try (QueryExecution qe = conn.query("ASK { GRAPH <" + CONFIG_GRAPH + "> { ?s ?p ?o } }")) {
                qe.execAsk();
            }
        } catch (RuntimeException e) {
            conn.close();
            throw ParcException.storeUnavailable("SPARQL endpoint " + dest + " is not reachable: " + oneLine(e), e);
        }
        boolean jena;
        try (QueryExecution qe = conn.query(JENA_PROBE)) {
            jena = qe.execAsk();
        } catch (RuntimeException e) {
            jena = false; // an engine that rejects unknown functions is not Jena
        }
        return new RemoteArchive(conn, dest, jena);
    }

    /** The dataset URL from what a user may paste: with or without a trailing slash or /sparql, /query. */
    static String datasetUrl(String url) {
        String d = url.strip();
        while (d.endsWith("/")) d = d.substring(0, d.length() - 1);
        for (String suffix : new String[]{"/sparql", "/query"}) {
            if (d.endsWith(suffix)) d = d.substring(0, d.length() - suffix.length());
        }
        return d;
    }

    /** True when the server is Apache Jena and queries are rewritten to its union graph. */
    public boolean rewritesToUnionGraph() {
        return jena;
    }

    @Override
    public boolean unionDefaultGraph() {
        return false;
    }

    @Override
    public Query forUnionDefaultGraph(Query query) {
        return jena ? UnionGraphRewrite.rewrite(query) : query;
    }

    /** The deepest cause says what went wrong (connection refused, unknown host, HTTP 404). */
    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage() == null || root.getMessage().isBlank() ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
