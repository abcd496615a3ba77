package org.parc.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.serve.ParcServer;
import org.parc.store.Archive;
import org.parc.store.Tdb2Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the archive read-only over HTTP with Apache Jena Fuseki, until stopped (Ctrl-C).",
                "Prints the SPARQL endpoint URL as the first line on standard output. Endpoints: SPARQL query at /parc/sparql "
                        + "(also /parc/query), Graph Store Protocol read at /parc/data; no update. The default graph of queries is "
                        + "the union of the documents' graphs.",
                "Archive IRIs dereference here: GET /KIND/REST describes <BASE KIND/REST> (KIND is article, source, graph, text, "
                        + "activity, statement, annotation, person, organization, place, outlet, date or agent), as Turtle, JSON-LD, "
                        + "N-Triples, RDF/XML or an HTML page after the Accept header (or ?format=turtle|jsonld|html). GET / lists the articles."},
        footer = {"", "Examples:",
                "  parc serve --store ./archive      (prints http://127.0.0.1:3030/parc/sparql)",
                "  parc serve --port 0 --timeout 10  (a free port, 10 s query limit)",
                "  curl -H 'Accept: text/turtle' http://127.0.0.1:3030/article/54dce0720a519039-1",
                "", ExitCodes.HELP})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for every interface).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", description = "The port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = ParcServer.DEFAULT_PORT;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop a query running longer than this (default ${DEFAULT-VALUE}).")
    double timeout = ParcServer.DEFAULT_TIMEOUT.toSeconds();

    @Option(names = "--cache", paramLabel = "MB", description = "Memory for the answers of repeated queries, in MiB (default ${DEFAULT-VALUE}; 0 for none). "
            + "The archive cannot change while it is served, so a repeated query gets the answer computed the first time.")
    long cacheMb = ParcServer.DEFAULT_CACHE_BYTES >> 20;

    @Option(names = "--cors", description = "Allow cross-origin requests from web pages (CORS); off by default.")
    boolean cors;

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) throw ParcException.usage("--port must be between 0 and 65535");
        if (timeout <= 0) throw ParcException.usage("--timeout must be positive");
        if (host.isBlank()) throw ParcException.usage("--host must name an address");
        if (cacheMb < 0 || cacheMb > 1 << 20) throw ParcException.usage("--cache must be between 0 and 1048576 (MiB)");
        ParcServer.Options options = new ParcServer.Options(host, port, Duration.ofMillis((long) (timeout * 1000)), cors, cacheMb << 20);
        Archive archive = store.openForServing();
        if (!(archive instanceof Tdb2Archive tdb)) {
            archive.close();
            throw ParcException.usage("serve publishes an embedded archive (a folder); " + archive.location()
                    + " is a SPARQL endpoint already");
        }
        ParcServer server;
        try {
            server = ParcServer.start(tdb, options);
        } catch (RuntimeException e) {
            archive.close();
            throw new ParcException(ExitCodes.USAGE, "cannot listen on " + host + ":" + port + " (" + rootMessage(e)
                    + "); choose another --port, or --port 0 for a free one", e);
        }
        Shutdown shutdown = new Shutdown(server, archive);
        Thread hook = new Thread(shutdown::run, "parc-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        parc.out.println(server.sparqlEndpoint());
        parc.out.flush();
        parc.err.println("parc: serving " + archive.location() + " read-only; pages at " + server.baseUrl() + "/ ; Ctrl-C stops");
        parc.err.flush();
        boolean interrupted = false;
        try {
            shutdown.done.await();
        } catch (InterruptedException e) {
            // Stopped in-process (tests): shut down below (Jetty's stop must not see the interrupt) and return normally.
            interrupted = true;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException jvmShuttingDown) {
                // the hook is running or has run
            }
            shutdown.run();
            if (interrupted) Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** Stops the server and then closes the store, once, from whichever thread gets there first. */
    private static final class Shutdown {
        final CountDownLatch done = new CountDownLatch(1);
        private final ParcServer server;
        private final Archive archive;
        private boolean ran;

        Shutdown(ParcServer server, Archive archive) {
            this.server = server;
            this.archive = archive;
        }

        synchronized void run() {
            if (ran) return;
            ran = true;
            try {
                server.stop();
            } finally {
                archive.close();
                done.countDown();
            }
        }
    }
}
