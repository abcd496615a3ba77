package org.parc.store;

import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.rdfconnection.RDFConnectionRemote;
import org.parc.ParcException;

/**
 * A SPARQL 1.1 endpoint (Query, Update, Graph Store Protocol) such as Fuseki. Each graph
 * replacement is one Graph Store PUT, which the server applies atomically.
 */
public final class RemoteArchive extends ConnectionArchive {
    private RemoteArchive(RDFConnection conn, String url) {
        super(conn, url);
    }

    public static RemoteArchive connect(String url) {
        String dest = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        RDFConnection conn = RDFConnectionRemote.newBuilder()
                .destination(dest)
                .queryEndpoint("query")
                .updateEndpoint("update")
                .gspEndpoint("data")
                .build();
        RemoteArchive a = new RemoteArchive(conn, dest);
        try {
            a.containsGraph(CONFIG_GRAPH);
        } catch (RuntimeException e) {
            conn.close();
            throw ParcException.storeUnavailable("SPARQL endpoint " + dest + " is not reachable: " + e.getMessage(), e);
        }
        return a;
    }

    @Override
    public boolean unionDefaultGraph() {
        return false;
    }
}
