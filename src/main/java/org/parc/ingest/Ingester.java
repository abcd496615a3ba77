package org.parc.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.parc.extract.Hints;
import org.parc.rdf.DocumentRecord;
import org.parc.rdf.RecordMapper;
import org.parc.rdf.Vocab;
import org.parc.source.Checksums;
import org.parc.source.SourceException;
import org.parc.source.SourceFile;
import org.parc.store.Archive;

/**
 * Ingests files into an archive: checksums and the unchanged check on the calling thread, parsing
 * and recognition on a pool of workers, and every write from the calling thread, in input order.
 * Writes are batched: up to {@code batchDocs} documents or {@code batchMillis} of waiting share one
 * transaction, because a commit costs several fsyncs (about 20 ms each here) and, TDB2's B+trees being
 * copy-on-write, leaves rewritten blocks behind on disk: per-document commits ran at two thirds of the
 * speed and made a store ten times larger (bench/RESULTS.md). Each document is still all or nothing
 * (a batch commits whole or not at all), and its outcome is reported only once it is committed; a
 * killed run loses at most the uncommitted batch, which the next run ingests again.
 */
public final class Ingester {
    private final Archive archive;
    private final Pipeline pipeline;
    private final int threads;
    private final BiFunction<Path, String, Hints> hintsFor;
    private final Clock clock;
    private final int batchDocs;
    private final long batchMillis;

    /** Documents per write transaction (1: one commit per document); -Dparc.ingest.batchDocs overrides. */
    public static final int DEFAULT_BATCH_DOCS = 128;
    /** The longest a described document waits for its batch to commit; -Dparc.ingest.batchMillis overrides. */
    public static final long DEFAULT_BATCH_MILLIS = 5000;

    /**
     * @param hintsFor the user's hints for a file (sidecar, --source-url); may return {@link Hints#NONE}
     */
    public Ingester(Archive archive, Pipeline pipeline, int threads, BiFunction<Path, String, Hints> hintsFor) {
        this.archive = archive;
        this.pipeline = pipeline;
        this.threads = Math.max(1, threads);
        this.hintsFor = hintsFor;
        this.clock = Clock.systemUTC();
        this.batchDocs = Math.max(1, Integer.getInteger("parc.ingest.batchDocs", DEFAULT_BATCH_DOCS));
        this.batchMillis = Math.max(0, Long.getLong("parc.ingest.batchMillis", DEFAULT_BATCH_MILLIS));
    }

    private record Job(FileWalker.Entry entry, SourceFile file, Future<Object> result) {}

    /** Described documents not yet committed, and the outcomes waiting for that commit (in order). */
    private final class Batch {
        final Map<String, Model> graphs = new LinkedHashMap<>();
        final List<Outcome> outcomes = new ArrayList<>();
        long firstNanos;

        void add(String graph, Model m, Outcome o) {
            if (graphs.isEmpty()) firstNanos = System.nanoTime();
            graphs.put(graph, m);
            outcomes.add(o);
        }

        /** Milliseconds left before the batch must be committed. */
        long remainingMillis() {
            return batchMillis - (System.nanoTime() - firstNanos) / 1_000_000;
        }

        boolean due() {
            return graphs.size() >= batchDocs || remainingMillis() <= 0;
        }

        void commit(IngestListener listener, Counter c) {
            if (!graphs.isEmpty()) archive.replaceGraphs(graphs);
            graphs.clear();
            for (Outcome o : outcomes) c.report(listener, o);
            outcomes.clear();
        }
    }

    public IngestSummary ingest(List<Path> roots, IngestListener listener) {
        Instant start = clock.instant();
        RecordMapper mapper = new RecordMapper(archive.iris());
        Counter c = new Counter();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parc-ingest");
            t.setDaemon(true);
            return t;
        });
        Deque<Job> window = new ArrayDeque<>();
        Set<String> inFlight = new HashSet<>();
        Batch batch = new Batch();
        try {
            for (FileWalker.Entry e : FileWalker.walk(roots)) {
                if (e.failure() != null) {
                    c.report(listener, new Outcome.Failed(e.relativePath(), e.failure()));
                    continue;
                }
                if (isSidecar(e.path())) {
                    c.report(listener, new Outcome.Skipped(e.relativePath(), "hint file for " + e.path().getFileName().toString().replaceFirst("\\.json$", "")));
                    continue;
                }
                SourceFile file;
                try {
                    file = new SourceFile(e.path(), e.relativePath(), Files.size(e.path()), Checksums.sha256(e.path()));
                } catch (IOException | RuntimeException ex) {
                    c.report(listener, new Outcome.Failed(e.relativePath(), "cannot read: " + describe(ex)));
                    continue;
                }
                if (!inFlight.add(file.sha256()) || archive.containsGraph(archive.iris().graph(file.sha256()))) {
                    c.report(listener, new Outcome.Unchanged(e.relativePath(), file.sha256()));
                    continue;
                }
                String previous = previousVersion(file.relativePath());
                Hints hints = hintsFor.apply(e.path(), e.relativePath());
                Future<Object> f = pool.submit(() -> {
                    try {
                        return pipeline.process(file, hints, previous);
                    } catch (SourceException ex) {
                        return new Outcome.Failed(file.relativePath(), ex.getMessage());
                    } catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
                        return new Outcome.Failed(file.relativePath(), "internal error while describing: " + describe(ex));
                    }
                });
                window.add(new Job(e, file, f));
                while (window.size() >= threads * 2) drain(window.poll(), mapper, batch, listener, c);
            }
            while (!window.isEmpty()) drain(window.poll(), mapper, batch, listener, c);
            batch.commit(listener, c);
        } finally {
            pool.shutdownNow();
        }
        return new IngestSummary(c.ingested, c.unchanged, c.skipped, c.failures.size(), c.articles,
                Duration.between(start, clock.instant()), List.copyOf(c.failures));
    }

    private void drain(Job job, RecordMapper mapper, Batch batch, IngestListener listener, Counter c) {
        Object r;
        try {
            while (true) {
                // Never keep described documents waiting longer than batchMillis for a slow parse.
                if (batch.graphs.isEmpty()) {
                    r = job.result().get();
                    break;
                }
                try {
                    r = job.result().get(Math.max(0, batch.remainingMillis()), TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException e) {
                    batch.commit(listener, c);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            r = new Outcome.Failed(job.file().relativePath(), "internal error: " + describe(e.getCause()));
        }
        if (r instanceof Outcome.Failed failed) {
            if (batch.graphs.isEmpty()) c.report(listener, failed);
            else batch.outcomes.add(failed);
            return;
        }
        DocumentRecord rec = (DocumentRecord) r;
        Model m = mapper.map(rec);
        batch.add(mapper.iris().graph(job.file().sha256()), m, new Outcome.Ingested(job.file().relativePath(),
                job.file().sha256(), rec.articles().size(), rec.previousSha256() != null));
        if (batch.due()) batch.commit(listener, c);
    }

    /** The newest earlier version of a file at a relative path (?path): the one no other revises. Parsed once. */
    private static final org.apache.jena.query.Query PREVIOUS = org.apache.jena.query.QueryFactory.create(
            "PREFIX parc: <" + Vocab.PARC + "> PREFIX schema: <" + Vocab.SCHEMA + "> PREFIX prov: <" + Vocab.PROV + ">\n"
            + "SELECT ?sha WHERE { GRAPH ?g { ?s parc:path ?path ; schema:sha256 ?sha ; a parc:SourceFile }\n"
            + " FILTER NOT EXISTS { GRAPH ?g2 { ?newer prov:wasRevisionOf ?s } } } ORDER BY ?sha LIMIT 1");

    private String previousVersion(String relativePath) {
        var path = org.apache.jena.rdf.model.ResourceFactory.createStringLiteral(relativePath);
        return archive.read(conn -> {
            try (QueryExecution qe = conn.newQuery().query(PREVIOUS).substitution("path", path).build()) {
                ResultSet rs = qe.execSelect();
                return rs.hasNext() ? rs.next().getLiteral("sha").getString() : null;
            }
        });
    }

    /** FILE.json beside FILE carries hints for FILE; it is not a source itself. */
    static boolean isSidecar(Path p) {
        String n = p.getFileName().toString();
        if (!n.endsWith(".json") || n.length() <= 5) return false;
        return Files.isRegularFile(p.resolveSibling(n.substring(0, n.length() - 5)));
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    private static final class Counter {
        int ingested, unchanged, skipped, articles;
        final List<Outcome.Failed> failures = new ArrayList<>();

        void report(IngestListener l, Outcome o) {
            if (o instanceof Outcome.Ingested i) {
                ingested++;
                articles += i.articles();
            } else if (o instanceof Outcome.Unchanged) {
                unchanged++;
            } else if (o instanceof Outcome.Skipped) {
                skipped++;
            } else if (o instanceof Outcome.Failed f) {
                failures.add(f);
            }
            l.on(o);
        }
    }
}
