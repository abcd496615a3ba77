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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.parc.edit.Corrections;
import org.parc.extract.Hints;
import org.parc.rdf.DocumentRecord;
import org.parc.rdf.RecordMapper;
import org.parc.rdf.Software;
import org.parc.rdf.Vocab;
import org.parc.source.Checksums;
import org.parc.source.SourceException;
import org.parc.source.SourceFile;
import org.parc.store.Archive;

/**
 * Ingests files into an archive: checksums, the unchanged check, parsing, recognition and mapping
 * on a pool of workers; identities across documents on the calling thread, in input order; every
 * write from one committer thread, in input order, overlapping the next group's work.
 *
 * <p>Each source file's graph is written whole inside a transaction, so a crash never leaves half a
 * document. Documents are committed in groups (at most {@link #BATCH_DOCS} documents,
 * {@link #BATCH_QUADS} quads, about {@link #BATCH_CHARS} characters of text, or {@link #BATCH_TIME}
 * of work): one commit (one fsync) per file made ingest I/O-bound at a few files a second, and as
 * TDB2 never overwrites a block in place, every commit also leaves the index blocks it touched
 * behind on disk (until `parc compact`), so fewer, larger commits keep the store smaller. An outcome is reported only after its
 * document is committed, so "ingested" on screen means durable; a killed ingest loses at most the
 * uncommitted group, which a rerun ingests again (files already archived are "unchanged").
 */
public final class Ingester {
    static final int BATCH_DOCS = 1024;
    /** Bounds the heap a group holds (roughly 300 bytes a quad in Jena models; two groups live at once). */
    static final long BATCH_QUADS = 300_000;
    /** Documents per commit; the system property parc.ingest.batchDocs overrides it (benchmarks, tests). */
    private final int batchDocs = Integer.getInteger("parc.ingest.batchDocs", BATCH_DOCS);
    static final long BATCH_CHARS = 16_000_000;
    static final Duration BATCH_TIME = Duration.ofSeconds(20);

    private final Archive archive;
    private final Pipeline pipeline;
    private final int threads;
    private final BiFunction<Path, String, Hints> hintsFor;
    private final Clock clock;
    private boolean reextract;

    /**
     * @param hintsFor the user's hints for a file (sidecar, --source-url); may return {@link Hints#NONE}
     */
    public Ingester(Archive archive, Pipeline pipeline, int threads, BiFunction<Path, String, Hints> hintsFor) {
        this.archive = archive;
        this.pipeline = pipeline;
        this.threads = Math.max(1, threads);
        this.hintsFor = hintsFor;
        this.clock = Clock.systemUTC();
    }

    /**
     * Extract again files already archived with the same checksum (after a parc upgrade, say);
     * librarians' corrections are re-applied to the new document graph.
     */
    public Ingester reextract(boolean on) {
        this.reextract = on;
        return this;
    }

    /** One input in order: either an outcome known at once, or a file being processed by a worker. */
    private record Job(String relativePath, Outcome known, Future<Object> result) {
        static Job known(Outcome o) {
            return new Job(o.file(), o, null);
        }
    }

    /** A worker's finished document: its graph, ready to be written. */
    private record Mapped(String sha256, String graph, Model model, long textChars, Outcome.Ingested outcome) {}

    public IngestSummary ingest(List<Path> roots, IngestListener listener) {
        Instant start = clock.instant();
        RecordMapper mapper = new RecordMapper(archive.iris());
        // Librarians' corrections live in their own graphs; they are replayed onto every graph ingest writes.
        Corrections corrections = Corrections.load(archive);
        ArchiveIdentities identities = ArchiveIdentities.load(archive);
        Counter c = new Counter(listener);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parc-ingest");
            t.setDaemon(true);
            return t;
        });
        Deque<Job> window = new ArrayDeque<>();
        Set<String> thisRun = new HashSet<>();
        try (Batch batch = new Batch(c, identities, mapper.iris())) {
            for (FileWalker.Entry e : FileWalker.walk(roots)) {
                window.add(submit(e, mapper, corrections, pool));
                while (window.size() >= threads * 4) drain(window.poll(), thisRun, batch);
            }
            while (!window.isEmpty()) drain(window.poll(), thisRun, batch);
            batch.finish();
        } finally {
            pool.shutdownNow();
        }
        return new IngestSummary(c.ingested, c.unchanged, c.skipped, c.failures.size(), c.articles,
                Duration.between(start, clock.instant()), List.copyOf(c.failures));
    }

    /**
     * Hands one walked entry to the workers: checksum, the unchanged check and the previous version
     * (read transactions, which TDB2 runs beside the writer), parsing, recognition and mapping all
     * run there, so that the calling thread only writes.
     */
    private Job submit(FileWalker.Entry e, RecordMapper mapper, Corrections corrections, ExecutorService pool) {
        if (e.failure() != null) return Job.known(new Outcome.Failed(e.relativePath(), e.failure()));
        if (isSidecar(e.path())) {
            return Job.known(new Outcome.Skipped(e.relativePath(), "hint file for "
                    + e.path().getFileName().toString().replaceFirst("\\.json$", "")));
        }
        Hints hints;
        try {
            hints = hintsFor.apply(e.path(), e.relativePath());
        } catch (RuntimeException ex) {
            return Job.known(new Outcome.Failed(e.relativePath(), "bad hints: " + describe(ex)));
        }
        return new Job(e.relativePath(), null, pool.submit(() -> {
            try {
                return process(e, hints, mapper, corrections);
            } catch (SourceException ex) {
                return new Outcome.Failed(e.relativePath(), ex.getMessage());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
                return new Outcome.Failed(e.relativePath(), "internal error while describing: " + describe(ex));
            }
        }));
    }

    private Object process(FileWalker.Entry e, Hints hints, RecordMapper mapper, Corrections corrections) throws SourceException {
        SourceFile file;
        try {
            file = new SourceFile(e.path(), e.relativePath(), Files.size(e.path()), Checksums.sha256(e.path()));
        } catch (IOException | java.io.UncheckedIOException ex) {
            return new Outcome.Failed(e.relativePath(), FileWalker.ioReason(ex));
        }
        String graph = mapper.iris().graph(file.sha256());
        boolean archived = archive.containsGraph(graph);
        // Unchanged: same bytes, described by this parc version. Another version's graph is described again.
        if (archived && !reextract && describedByThisVersion(graph)) return new Outcome.Unchanged(e.relativePath(), file.sha256());
        String previous = archived ? previousOf(file.sha256()) : previousVersion(file.relativePath(), file.sha256());
        DocumentRecord rec = pipeline.process(file, hints, previous);
        Model m;
        try {
            m = corrections.apply(mapper.map(rec));
        } catch (RuntimeException | StackOverflowError ex) {
            return new Outcome.Failed(e.relativePath(), "internal error while mapping to RDF: " + describe(ex));
        }
        return new Mapped(file.sha256(), graph, m, rec.doc().text().length(), new Outcome.Ingested(
                file.relativePath(), file.sha256(), rec.articles().size(), rec.previousSha256() != null));
    }

    /** Takes the oldest job's result, in input order; identical content met twice in one run is ingested once. */
    private void drain(Job job, Set<String> thisRun, Batch batch) {
        if (job.known() != null) {
            batch.outcome(job.known());
            return;
        }
        Object r = await(job, batch);
        if (r instanceof Outcome o) {
            batch.outcome(o);
        } else if (r instanceof Mapped m) {
            if (thisRun.add(m.sha256())) batch.add(m.graph(), m.model(), m.textChars(), m.outcome());
            else batch.outcome(new Outcome.Unchanged(m.outcome().file(), m.sha256()));
        }
    }

    /** Waits for a worker's result; commits the pending group first if the wait would hold it too long. */
    private static Object await(Job job, Batch batch) {
        Future<Object> f = job.result();
        try {
            if (!f.isDone() && batch.pending()) {
                try {
                    return f.get(batch.remainingMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    batch.commit();
                }
            }
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            return new Outcome.Failed(job.relativePath(), "internal error: " + describe(e.getCause()));
        }
    }

    /**
     * Documents mapped but not yet committed, and the outcomes that wait for them (to keep input
     * order and to report only what is durable). A full group is written by a committer thread
     * while the next one fills, so that the workers keep both cores busy during a commit; at most
     * one group is being written and one filling. The committer reports outcomes, in input order,
     * after their group's commit.
     */
    private final class Batch implements AutoCloseable {
        private final Counter counter;
        private final ArchiveIdentities identities;
        private final org.parc.rdf.Iris iris;
        private final List<String> graphs = new ArrayList<>();
        private final List<Model> models = new ArrayList<>();
        private final List<Outcome> outcomes = new ArrayList<>();
        private final ExecutorService committer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "parc-commit");
            t.setDaemon(true);
            return t;
        });
        /** The last write handed to the committer, and the last task of any kind. */
        private Future<?> writing, last;
        private long chars;
        private long quads;
        private long since;

        Batch(Counter counter, ArchiveIdentities identities, org.parc.rdf.Iris iris) {
            this.counter = counter;
            this.identities = identities;
            this.iris = iris;
        }

        boolean pending() {
            return !graphs.isEmpty();
        }

        long remainingMillis() {
            return Math.max(1, BATCH_TIME.toMillis() - (System.nanoTime() - since) / 1_000_000);
        }

        void outcome(Outcome o) {
            outcomes.add(o);
            // nothing to write: report it after what is being written, in order
            if (!pending()) commit();
        }

        void add(String graph, Model m, long textChars, Outcome.Ingested o) {
            // Here, on the one writer thread and in input order: identity across documents is deterministic.
            identities.resolve(m, iris);
            if (!pending()) since = System.nanoTime();
            graphs.add(graph);
            models.add(m);
            outcomes.add(o);
            chars += textChars;
            quads += m.size();
            if (graphs.size() >= batchDocs || quads >= BATCH_QUADS || chars >= BATCH_CHARS || remainingMillis() <= 1) commit();
        }

        /** Hands the group to the committer, after the write before it has finished. */
        void commit() {
            if (graphs.isEmpty() && outcomes.isEmpty()) return;
            List<String> gs = List.copyOf(graphs);
            List<Model> ms = List.copyOf(models);
            List<Outcome> done = List.copyOf(outcomes);
            graphs.clear();
            models.clear();
            outcomes.clear();
            chars = 0;
            quads = 0;
            if (gs.isEmpty()) {
                last = committer.submit(() -> done.forEach(counter::report));
                return;
            }
            await(writing);
            writing = committer.submit(() -> {
                archive.write(conn -> {
                    for (int i = 0; i < gs.size(); i++) conn.put(gs.get(i), ms.get(i));
                });
                done.forEach(counter::report);
            });
            last = writing;
        }

        /** Commits what is left and waits until every outcome is reported. */
        void finish() {
            commit();
            await(last);
        }

        private void await(Future<?> f) {
            if (f == null) return;
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            }
        }

        /** Never leaves a write running behind the caller (the archive may be closed next). */
        @Override
        public void close() {
            committer.shutdown();
            try {
                committer.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final Query PREVIOUS = QueryFactory.create("PREFIX parc: <" + Vocab.PARC + "> PREFIX schema: <" + Vocab.SCHEMA
            + "> PREFIX prov: <" + Vocab.PROV + ">\n"
            + "SELECT ?sha WHERE { GRAPH ?g { ?s parc:path ?path ; schema:sha256 ?sha ; a parc:SourceFile }\n"
            + " FILTER(?sha != ?self) FILTER NOT EXISTS { GRAPH ?g2 { ?newer prov:wasRevisionOf ?s } } } ORDER BY ?sha LIMIT 1");

    private static final Query BY_THIS_VERSION = QueryFactory.create("ASK { GRAPH ?g { ?agent a <" + Vocab.SoftwareAgent.getURI()
            + "> ; <" + Vocab.name.getURI() + "> \"" + Software.PARC.name() + "\" ; <" + Vocab.softwareVersion.getURI()
            + "> \"" + Software.PARC.version() + "\" } }");

    /** True when this parc version wrote the graph. */
    private boolean describedByThisVersion(String graph) {
        return archive.read(conn -> {
            try (QueryExecution qe = conn.newQuery().query(BY_THIS_VERSION)
                    .substitution("g", org.apache.jena.rdf.model.ResourceFactory.createResource(graph)).build()) {
                return qe.execAsk();
            }
        });
    }

    /** The version an archived source file revises, as its graph records it (for re-extraction). */
    private String previousOf(String sha256) {
        String q = "SELECT ?p WHERE { GRAPH <" + archive.iris().graph(sha256) + "> { <" + archive.iris().source(sha256)
                + "> <" + Vocab.wasRevisionOf.getURI() + "> ?p } } ORDER BY ?p LIMIT 1";
        String prefix = archive.iris().source("");
        return archive.read(conn -> {
            try (QueryExecution qe = conn.query(q)) {
                ResultSet rs = qe.execSelect();
                if (!rs.hasNext()) return null;
                String iri = rs.next().getResource("p").getURI();
                return iri.startsWith(prefix) ? iri.substring(prefix.length()) : null;
            }
        });
    }

    /** The newest earlier version of the file at the same relative path (not itself): the one no other revises. */
    private String previousVersion(String relativePath, String sha) {
        // Parsed once; the path is substituted (parsing SPARQL per file cost more than the lookup).
        return archive.read(conn -> {
            try (QueryExecution qe = conn.newQuery().query(PREVIOUS)
                    .substitution("path", org.apache.jena.rdf.model.ResourceFactory.createStringLiteral(relativePath))
                    .substitution("self", org.apache.jena.rdf.model.ResourceFactory.createStringLiteral(sha)).build()) {
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
        private final IngestListener l;
        int ingested, unchanged, skipped, articles;
        final List<Outcome.Failed> failures = new ArrayList<>();

        Counter(IngestListener l) {
            this.l = l;
        }

        void report(Outcome o) {
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
