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
import java.util.function.BiFunction;
import org.apache.jena.query.QueryExecution;
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
 * Ingests files into an archive: checksums and the unchanged check on the calling thread, parsing
 * and recognition on a pool of workers, and every write from the calling thread, one transaction
 * per source file, in input order.
 */
public final class Ingester {
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

    private record Job(FileWalker.Entry entry, SourceFile file, Future<Object> result) {}

    public IngestSummary ingest(List<Path> roots, IngestListener listener) {
        Instant start = clock.instant();
        RecordMapper mapper = new RecordMapper(archive.iris());
        // Librarians' corrections live in their own graphs; they are replayed onto every graph ingest writes.
        Corrections corrections = Corrections.load(archive);
        Counter c = new Counter();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parc-ingest");
            t.setDaemon(true);
            return t;
        });
        Deque<Job> window = new ArrayDeque<>();
        Set<String> inFlight = new HashSet<>();
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
                boolean archived = archive.containsGraph(archive.iris().graph(file.sha256()));
                if (!inFlight.add(file.sha256()) || (archived && !reextract && describedByThisVersion(file.sha256()))) {
                    c.report(listener, new Outcome.Unchanged(e.relativePath(), file.sha256()));
                    continue;
                }
                Hints hints;
                try {
                    hints = hintsFor.apply(e.path(), e.relativePath());
                } catch (RuntimeException ex) {
                    c.report(listener, new Outcome.Failed(e.relativePath(), "unusable hint file " + e.path().getFileName()
                            + ".json: " + ex.getMessage()));
                    continue;
                }
                String previous = archived ? previousOf(file.sha256()) : previousVersion(file.relativePath(), file.sha256());
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
                while (window.size() >= threads * 2) drain(window.poll(), mapper, corrections, listener, c);
            }
            while (!window.isEmpty()) drain(window.poll(), mapper, corrections, listener, c);
        } finally {
            pool.shutdownNow();
        }
        return new IngestSummary(c.ingested, c.unchanged, c.skipped, c.failures.size(), c.articles,
                Duration.between(start, clock.instant()), List.copyOf(c.failures));
    }

    private void drain(Job job, RecordMapper mapper, Corrections corrections, IngestListener listener, Counter c) {
        Object r;
        try {
            r = job.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            r = new Outcome.Failed(job.file().relativePath(), "internal error: " + describe(e.getCause()));
        }
        if (r instanceof Outcome.Failed failed) {
            c.report(listener, failed);
            return;
        }
        DocumentRecord rec = (DocumentRecord) r;
        Model m = corrections.apply(mapper.map(rec));
        archive.replaceGraph(mapper.iris().graph(job.file().sha256()), m);
        c.report(listener, new Outcome.Ingested(job.file().relativePath(), job.file().sha256(),
                rec.articles().size(), rec.previousSha256() != null));
    }

    /**
     * True when the file's graph exists and this parc version wrote it. A graph written by another
     * version is described again (new extractors), in one transaction like any other.
     */
    private boolean describedByThisVersion(String sha) {
        String g = archive.iris().graph(sha);
        String q = "ASK { GRAPH <" + g + "> { ?agent a <" + Vocab.SoftwareAgent.getURI() + "> ; <" + Vocab.name.getURI()
                + "> \"" + Software.PARC.name() + "\" ; <" + Vocab.softwareVersion.getURI() + "> \"" + Software.PARC.version() + "\" } }";
        return archive.read(conn -> {
            try (QueryExecution qe = conn.query(q)) {
                return qe.execAsk();
            }
        });
    }

    /** The newest earlier version of the file at the same relative path: the one no other revises. */
    private String previousVersion(String relativePath, String sha) {
        String q = "PREFIX parc: <" + Vocab.PARC + "> PREFIX schema: <" + Vocab.SCHEMA + "> PREFIX prov: <" + Vocab.PROV + ">\n"
                + "SELECT ?sha WHERE { GRAPH ?g { ?s parc:path ?path ; schema:sha256 ?sha ; a parc:SourceFile }\n"
                + " FILTER(?sha != ?self) FILTER NOT EXISTS { GRAPH ?g2 { ?newer prov:wasRevisionOf ?s } } } ORDER BY ?sha LIMIT 1";
        var pss = new org.apache.jena.query.ParameterizedSparqlString(q);
        pss.setLiteral("path", relativePath);
        pss.setLiteral("self", sha);
        return archive.read(conn -> {
            try (QueryExecution qe = conn.query(pss.asQuery())) {
                ResultSet rs = qe.execSelect();
                return rs.hasNext() ? rs.next().getLiteral("sha").getString() : null;
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
