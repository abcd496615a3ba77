package org.parc.serve;

import java.time.Duration;
import java.util.Objects;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.eclipse.jetty.server.AbstractNetworkConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.parc.query.JsonResultsWriter;
import org.parc.store.Tdb2Archive;

/**
 * A read-only SPARQL server over an embedded archive: Apache Jena Fuseki (embedded Jetty) with
 * the SPARQL query endpoint {@code /parc/sparql} (also {@code /parc/query} and {@code /parc}),
 * the Graph Store Protocol read endpoint {@code /parc/data} (also {@code /parc/get}), no update
 * and no upload, a query timeout, and dereferencing of archive IRIs under {@code /KIND/...} (see
 * {@link ResourceServlet}), and the answers of repeated queries kept in memory ({@link QueryCache}).
 * The default graph of queries is the union of the named graphs (the archive's TDB2 dataset carries
 * that setting). {@link #start} then {@link #stop}; thread-safe.
 */
public final class ParcServer implements AutoCloseable {
    public static final String DATASET = "parc";
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Answers of repeated queries kept: 64 MiB, a few hundred answers of a 10,000-article archive's saved queries. */
    public static final long DEFAULT_CACHE_BYTES = 64L << 20;
    /**
     * The response buffer of each request. Fuseki asks Jetty for 5 MiB, more than Jetty's buffer pool
     * keeps, so every response allocated and zeroed a fresh 5 MiB direct buffer: 17 to 20 ms on every
     * request, a ping included (bench/RESULTS.md, session 11). 64 KiB is the largest size the pool
     * keeps. The price: a query stopped by the timeout after 64 KiB of results were sent (5 MiB
     * before) can no longer get an error status; Fuseki ends the body with its "Incomplete results"
     * marker instead, so the result does not parse. Queries that sort or group time out before the
     * first row.
     */
    static final int OUTPUT_BUFFER_BYTES = 64 * 1024;

    /**
     * @param host    the address to bind, e.g. 127.0.0.1 (loopback only) or 0.0.0.0 (every interface)
     * @param port    the port, or 0 for a free one
     * @param timeout the longest a query may run
     * @param cors    answer cross-origin requests from browsers (CORS headers)
     * @param cacheBytes the memory for answers of repeated queries ({@link QueryCache}), 0 for none
     */
    public record Options(String host, int port, Duration timeout, boolean cors, long cacheBytes) {
        public Options {
            Objects.requireNonNull(host);
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port);
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout " + timeout);
            if (cacheBytes < 0) throw new IllegalArgumentException("cache " + cacheBytes);
        }

        public Options(String host, int port, Duration timeout, boolean cors) {
            this(host, port, timeout, cors, DEFAULT_CACHE_BYTES);
        }

        public static Options defaults() {
            return new Options("127.0.0.1", DEFAULT_PORT, DEFAULT_TIMEOUT, false);
        }
    }

    private final FusekiServer server;
    private final String host;
    private final QueryCache cache;
    private boolean stopped;

    private ParcServer(FusekiServer server, String host, QueryCache cache) {
        this.server = server;
        this.host = host;
        this.cache = cache;
    }

    /** Builds and starts the server; the archive stays open until the caller closes it (after {@link #stop}). */
    public static ParcServer start(Tdb2Archive archive, Options o) {
        JsonResultsWriter.install(); // Fuseki's JSON results too
        DatasetGraph dsg = archive.datasetGraph();
        // Fuseki's query executions take their timeout from the dataset's context.
        dsg.getContext().set(ARQ.queryTimeout, Long.toString(o.timeout().toMillis()));
        DataService service = DataService.newBuilder(dsg)
                .addEndpoint(Operation.Query)               // /parc?query=
                .addEndpoint(Operation.Query, "sparql")
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R)               // /parc?graph= , /parc?default
                .addEndpoint(Operation.GSP_R, "data")
                .addEndpoint(Operation.GSP_R, "get")
                .build();
        Resources resources = new Resources(archive.iris().base());
        ResourceServlet servlet = new ResourceServlet(new Describer(archive, o.timeout().toMillis()), resources,
                new Pages(resources, "/" + DATASET + "/sparql"));
        FusekiServer.Builder b = FusekiServer.create()
                .port(o.port())
                .add("/" + DATASET, service)
                .enableCors(o.cors(), null)
                .enablePing(true)
                .enableStats(false)
                .enableMetrics(false)
                .enableTasks(false)
                .enableCompact(false)
                .verbose(false);
        QueryCache cache = null;
        if (o.cacheBytes() > 0) {
            // Looked up on each request: compaction replaces the store's coordinator.
            cache = new QueryCache("/" + DATASET, () -> TDBInternal.getTransactionCoordinator(dsg).countBeginWrite(), o.cacheBytes());
            b.addFilter("/" + DATASET + "/*", cache);
        }
        for (String kind : Resources.KINDS) b.addServlet("/" + kind + "/*", servlet);
        b.addServlet("", servlet);
        FusekiServer server = b.build();
        for (Connector c : server.getJettyServer().getConnectors()) {
            if (c instanceof AbstractNetworkConnector nc) nc.setHost(o.host());
            HttpConnectionFactory http = c.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_BYTES);
        }
        try {
            server.start();
        } catch (RuntimeException e) {
            try {
                server.stop();
            } catch (RuntimeException ignored) {
                // nothing was started
            }
            throw e;
        }
        return new ParcServer(server, o.host(), cache);
    }

    /** The port bound (the real one when 0 was asked for). */
    public int port() {
        for (Connector c : server.getJettyServer().getConnectors()) {
            if (c instanceof AbstractNetworkConnector nc && nc.getLocalPort() > 0) return nc.getLocalPort();
        }
        return server.getHttpPort();
    }

    /** http://HOST:PORT (IPv6 literals in brackets). */
    public String baseUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        if (h.equals("0.0.0.0") || h.equals("[::]")) h = "127.0.0.1";
        return "http://" + h + ":" + port();
    }

    /** The SPARQL query endpoint, e.g. http://127.0.0.1:3030/parc/sparql. */
    public String sparqlEndpoint() {
        return baseUrl() + "/" + DATASET + "/sparql";
    }

    /** Queries answered from the cache, and computed (0 and 0 without a cache). */
    public long cacheHits() {
        return cache == null ? 0 : cache.hits();
    }

    public long cacheMisses() {
        return cache == null ? 0 : cache.misses();
    }

    /** Blocks until the server stops. */
    public void join() {
        server.join();
    }

    public synchronized void stop() {
        if (stopped) return;
        stopped = true;
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
