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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
import org.parc.source.Packages;
import org.parc.source.SourceException;
import org.parc.source.SourceFile;
import org.parc.store.Archive;

/**
 * Ingests files into an archive: checksums, the unchanged check, parsing, recognition and mapping
 * on a pool of workers; identities across documents on the calling thread, in input order; every
 * write from one writer thread, in input order, while the workers go on.
 *
 * <p>Each source file's graph is written whole inside a transaction, so a crash never leaves half a
 * document. Documents are committed in groups (see {@link Batch}): one commit (one fsync) per file
 * made ingest I/O-bound at a few files a second. An outcome is reported only after its document is
 * committed, so "ingested" on screen means durable; a killed ingest loses at most the uncommitted
 * group, which a rerun ingests again (files already archived are "unchanged").
 */
public final class Ingester {
    static final int BATCH_DOCS = 4096;
    /** Documents per commit; the system property parc.ingest.batchDocs overrides it (benchmarks, tests). */
    private final int batchDocs = Integer.getInteger("parc.ingest.batchDocs", BATCH_DOCS);
    /** Quads per commit: bounds the work a killed ingest loses, not the heap (documents stream into the transaction). */
    static final long BATCH_QUADS = Long.getLong("parc.ingest.batchQuads", 2_000_000);
    static final Duration BATCH_TIME = Duration.ofSeconds(Long.getLong("parc.ingest.batchSeconds", 60));
    /**
     * On a large archive a group may grow to this fraction of the archive's quads (all three limits
     * scale alike): a commit rewrites index blocks across whole indexes there, whatever the group's
     * size, so fixed-size groups would leave disk to reclaim in proportion to the archive's size
     * times the number of commits, which grows with the square of the archive.
     */
    static final double BATCH_GROWTH = 0.25;

    private final Archive archive;
    private final Pipeline pipeline;
    private final int threads;
    private final HintSource hintsFor;
    private final Clock clock;
    private boolean reextract;

    /**
     * @param hintsFor the user's hints for a file (sidecar, --source-url); may return {@link Hints#NONE}
     */
    public Ingester(Archive archive, Pipeline pipeline, int threads, HintSource hintsFor) {
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

    /** The user's hints for one file, or for one member of a package. */
    @FunctionalInterface
    public interface HintSource {
        /**
         * @param member true for a package's member: its hint file (unpacked beside it) applies, but
         *               an address given for the file the user named is the package's, not the member's
         */
        Hints forFile(Path file, String relativePath, boolean member);
    }

    /** One input in order: either an outcome known at once, or a file being processed by a worker. */
    private record Job(String relativePath, Outcome known, Future<Object> result) {
        static Job known(Outcome o) {
            return new Job(o.file(), o, null);
        }
    }

    /** A worker's finished document: its graph, ready to be written. */
    private record Mapped(String sha256, String graph, Model model, Outcome.Ingested outcome) {}

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
        Path unpacked = null;
        try (Batch batch = new Batch(c, identities, mapper.iris())) {
            int packages = 0;
            for (FileWalker.Entry e : FileWalker.walk(roots)) {
                String packed = e.failure() == null && e.skipped() == null && !isSidecar(e.path())
                        ? Packages.packageType(e.path(), e.path().getFileName().toString()) : null;
                if (packed == null) {
                    enqueue(submit(e, null, mapper, corrections, pool), window, thisRun, batch);
                    continue;
                }
                // A ZIP or tar of articles: each member is a source of its own, unpacked as the window takes it.
                // The package's hints: its address is recorded on the package, its hint file's outlet, date
                // and creators apply to each member without a hint file of its own.
                Hints pkgHints;
                try {
                    pkgHints = hintsFor.forFile(e.path(), e.relativePath(), false);
                } catch (RuntimeException ex) {
                    enqueue(Job.known(new Outcome.Failed(e.relativePath(), "bad hints: " + describe(ex))), window, thisRun, batch);
                    continue;
                }
                if (unpacked == null) unpacked = Files.createTempDirectory("parc-unpack-");
                Path dir = unpacked.resolve(Integer.toString(++packages));
                Packages.unpack(e.path(), e.relativePath(), packed, pkgHints.sourceUrl(), dir, m -> enqueue(m.skipped() != null
                        ? Job.known(new Outcome.Skipped(m.relativePath(), m.skipped()))
                        : submit(new FileWalker.Entry(m.file(), m.relativePath(), m.failure(), m.pkg(), m.url()), pkgHints, mapper, corrections, pool),
                        window, thisRun, batch));
                // Its members' copies (and hint files) are read by the jobs still in flight.
                while (!window.isEmpty()) drain(window.poll(), thisRun, batch);
                Packages.deleteTree(dir);
            }
            while (!window.isEmpty()) drain(window.poll(), thisRun, batch);
            batch.finish();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot make a temporary folder to unpack packages in", e);
        } finally {
            pool.shutdownNow();
            if (unpacked != null) Packages.deleteTree(unpacked);
        }
        return new IngestSummary(c.ingested, c.unchanged, c.skipped, c.failures.size(), c.articles,
                Duration.between(start, clock.instant()), List.copyOf(c.failures));
    }

    /** Adds a job to the window and, when the window is full, writes the oldest (in input order). */
    private void enqueue(Job job, Deque<Job> window, Set<String> thisRun, Batch batch) {
        window.add(job);
        while (window.size() >= threads * 4) drain(window.poll(), thisRun, batch);
    }

    /**
     * Hands one walked entry to the workers: checksum, the unchanged check and the previous version
     * (read transactions, which TDB2 runs beside the writer), parsing, recognition and mapping all
     * run there, so that the calling thread only writes.
     */
    private Job submit(FileWalker.Entry e, Hints pkgHints, RecordMapper mapper, Corrections corrections, ExecutorService pool) {
        if (e.failure() != null) return Job.known(new Outcome.Failed(e.relativePath(), e.failure()));
        if (e.skipped() != null) return Job.known(new Outcome.Skipped(e.relativePath(), e.skipped()));
        if (isSidecar(e.path())) {
            return Job.known(new Outcome.Skipped(e.relativePath(), "hint file for "
                    + e.path().getFileName().toString().replaceFirst("\\.json$", "")));
        }
        Hints own;
        try {
            own = hintsFor.forFile(e.path(), e.relativePath(), e.pkg() != null);
        } catch (RuntimeException ex) {
            return Job.known(new Outcome.Failed(e.relativePath(), "bad hints: " + describe(ex)));
        }
        Hints hints = e.pkg() != null ? memberHints(own, pkgHints, e.url()) : own;
        return new Job(e.relativePath(), null, pool.submit(() -> {
            try {
                return process(e, hints, mapper, corrections);
            } catch (org.parc.source.NotADocument ex) {
                return new Outcome.Skipped(e.relativePath(), ex.getMessage());
            } catch (SourceException ex) {
                return new Outcome.Failed(e.relativePath(), ex.getMessage());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
                return new Outcome.Failed(e.relativePath(), "internal error while describing: " + describe(ex));
            } finally {
                // A package member's temporary copy is not needed once read.
                if (e.pkg() != null) e.path().toFile().delete();
            }
        }));
    }

    /**
     * A package member's hints: its own hint file, else the package's (outlet, date, creators; the
     * package's address is the package's own); and a web archive's capture address, unless its hint
     * file gives one.
     */
    static Hints memberHints(Hints own, Hints pkgHints, String captureUrl) {
        Hints h = !own.isEmpty() || pkgHints == null ? own : pkgHints.withUrl(null, null);
        return captureUrl == null || h.sourceUrl() != null ? h : h.withUrl(captureUrl, "WARC-Target-URI");
    }

    private Object process(FileWalker.Entry e, Hints hints, RecordMapper mapper, Corrections corrections) throws SourceException {
        SourceFile file;
        try {
            file = new SourceFile(e.path(), e.relativePath(), Files.size(e.path()), Checksums.sha256(e.path()), e.pkg());
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
        return new Mapped(file.sha256(), graph, m, new Outcome.Ingested(
                file.relativePath(), file.sha256(), rec.articles().size(), rec.previousSha256() != null));
    }

    /** Takes the oldest job's result, in input order; identical content met twice in one run is ingested once. */
    private void drain(Job job, Set<String> thisRun, Batch batch) {
        if (job.known() != null) {
            batch.outcome(job.known());
            return;
        }
        Object r = await(job);
        if (r instanceof Outcome o) {
            batch.outcome(o);
        } else if (r instanceof Mapped m) {
            if (thisRun.add(m.sha256())) batch.add(m.graph(), m.model(), m.outcome());
            else batch.outcome(new Outcome.Unchanged(m.outcome().file(), m.sha256()));
        }
    }

    /** Waits for a worker's result (the writer commits on its own clock meanwhile). */
    private static Object await(Job job) {
        try {
            return job.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            return new Outcome.Failed(job.relativePath(), "internal error: " + describe(e.getCause()));
        }
    }

    /**
     * How many times the base limits a group may take: 1 until the archive's quads times
     * {@link #BATCH_GROWTH} exceed {@link #BATCH_QUADS}, then in proportion to the archive. Its
     * quads are estimated from the articles it held before this run and the quads per article this
     * run has written (counting every quad of a large archive would take longer than a group).
     */
    static double batchScale(long articlesBefore, long quadsWritten, long articlesWritten) {
        if (articlesWritten == 0) return 1;
        double archiveQuads = quadsWritten + articlesBefore * ((double) quadsWritten / articlesWritten);
        return Math.max(1, BATCH_GROWTH * archiveQuads / BATCH_QUADS);
    }

    /**
     * The one writer: a thread that adds each mapped document to an open write transaction as it
     * arrives, in input order, and commits a group when it is full ({@link #BATCH_DOCS} documents,
     * {@link #BATCH_QUADS} quads, or {@link #BATCH_TIME} after its first document, each scaled up on
     * a large archive: {@link #BATCH_GROWTH}) or when input ends. A document's graph is written whole inside one transaction, so each stays
     * atomic; outcomes are reported after their group's commit, in input order. Documents go to the
     * store as they come instead of waiting in memory for their group, so the heap holds only a
     * short queue whatever the group's size, and groups can be large: each commit rewrites the
     * index blocks it touched (TDB2 never overwrites a block in place), so fewer, larger commits
     * cost the writer less work and the store less disk.
     */
    private final class Batch implements AutoCloseable {
        private sealed interface Item permits Doc, Report, End {}
        private record Doc(String graph, Model model, Outcome.Ingested outcome) implements Item {}
        private record Report(Outcome outcome) implements Item {}
        private record End() implements Item {}

        private final Counter counter;
        private final ArchiveIdentities identities;
        private final org.parc.rdf.Iris iris;
        /** Bounds the documents mapped but not yet written: the heap they hold. */
        private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(64);
        private final Thread writer;
        private volatile Throwable failure;
        /** Articles the archive held when the writer started (counted at the first commit), and what this run wrote. */
        private long articlesBefore = -1;
        private long quadsWritten;
        private long articlesWritten;

        Batch(Counter counter, ArchiveIdentities identities, org.parc.rdf.Iris iris) {
            this.counter = counter;
            this.identities = identities;
            this.iris = iris;
            this.writer = new Thread(this::run, "parc-commit");
            writer.setDaemon(true);
            writer.start();
        }

        void outcome(Outcome o) {
            put(new Report(o));
        }

        void add(String graph, Model m, Outcome.Ingested o) {
            // Here, on the calling thread and in input order: identity across documents is deterministic.
            identities.resolve(m, iris);
            put(new Doc(graph, m, o));
        }

        /** Writes what is left and waits until every outcome is reported. */
        void finish() {
            put(new End());
            join();
            rethrow();
        }

        private void put(Item item) {
            try {
                while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (!writer.isAlive()) rethrow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private void run() {
            try {
                List<Outcome> done = new ArrayList<>();
                Item next = queue.take();
                while (!(next instanceof End)) {
                    if (next instanceof Report r) {
                        // nothing uncommitted before it: report at once
                        counter.report(r.outcome());
                        next = queue.take();
                        continue;
                    }
                    Item[] left = {next};
                    archive.write(conn -> left[0] = fill(conn, left[0], done));
                    done.forEach(counter::report);
                    done.clear();
                    next = left[0] != null ? left[0] : queue.take();
                }
            } catch (Throwable t) {
                failure = t;
                queue.clear();
            }
        }

        /**
         * Writes items into the open transaction until the group is full, its time is up (waiting
         * for input included), or input ends; returns the item not yet taken (End), or null.
         */
        private Item fill(org.apache.jena.rdfconnection.RDFConnection conn, Item first, List<Outcome> done) {
            if (articlesBefore < 0) articlesBefore = articlesIn(conn);
            double scale = scale();
            long deadline = System.nanoTime() + (long) (BATCH_TIME.toNanos() * scale);
            long maxQuads = (long) (BATCH_QUADS * scale);
            long maxDocs = (long) (batchDocs * scale);
            long quads = 0;
            int docs = 0;
            Item it = first;
            while (true) {
                if (it instanceof End) return it;
                if (it instanceof Doc d) {
                    conn.put(d.graph(), d.model());
                    quads += d.model().size();
                    docs++;
                    quadsWritten += d.model().size();
                    articlesWritten += d.outcome().articles();
                }
                done.add(it instanceof Doc d ? d.outcome() : ((Report) it).outcome());
                long wait = deadline - System.nanoTime();
                if (docs >= maxDocs || quads >= maxQuads || wait <= 0) return null;
                try {
                    it = queue.poll(wait, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e); // aborts the group: none of it was reported
                }
                if (it == null) return null;
            }
        }

        private double scale() {
            return batchScale(articlesBefore, quadsWritten, articlesWritten);
        }

        private long articlesIn(org.apache.jena.rdfconnection.RDFConnection conn) {
            Query q = archive.forUnionDefaultGraph(QueryFactory.create("SELECT (COUNT(?a) AS ?n) WHERE { ?a a <" + Vocab.NewsArticle.getURI() + "> }"));
            try (QueryExecution qe = conn.query(q)) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        }

        private void join() {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }

        private void rethrow() {
            Throwable t = failure;
            if (t == null) return;
            if (t instanceof RuntimeException r) throw r;
            if (t instanceof Error err) throw err;
            throw new IllegalStateException(t);
        }

        /** Never leaves a write running behind the caller (the archive may be closed next). */
        @Override
        public void close() {
            if (writer.isAlive()) {
                queue.clear();
                queue.offer(new End());
                join();
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
