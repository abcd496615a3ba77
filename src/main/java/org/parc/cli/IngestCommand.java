package org.parc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.extract.Hints;
import org.parc.ingest.IngestSummary;
import org.parc.ingest.Ingester;
import org.parc.ingest.Outcome;
import org.parc.ingest.Pipelines;
import org.parc.source.Limits;
import org.parc.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Ingest files and folders (recursively) into the archive.",
                "Each file is parsed with Apache Tika, checksummed (SHA-256) and described as RDF in its own named graph, "
                        + "in one transaction. A file already archived with the same checksum is reported unchanged; a changed "
                        + "file at the same path becomes a new record that revises the old one. Structured data (JSON other than a JSON Feed, CSV, "
                        + "TSV), pictures with no text, recordings, style sheets, scripts, fonts and SVG drawings (a saved page's folder), redirect pages, sitemaps and robots.txt, "
                        + "hint files (story.html.json beside story.html) and an archive's own store among the sources are skipped, "
                        + "each with a line saying why. "
                        + "A ZIP, 7z or tar file (and one compressed file: story.html.gz) is a package: each file in it is ingested as a source of its own "
                        + "(batch.zip!/2017/story.html), part of the package; of a web archive (WARC), each page it captured; of a mailbox (mbox), each message.",
                "People, organizations and places mentioned are recognized (Stanford CoreNLP) and linked: places to "
                        + "GeoNames, people and organizations to Wikipedia. The first run on a machine indexes CoreNLP's "
                        + "Wikipedia name dictionary into ~/.cache/parc (about half a minute, once)."},
        footer = {"", "Example:", "  parc ingest --store ./archive seeds/ inbox/article.pdf", "", ExitCodes.HELP})
final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to ingest.")
    List<Path> paths;

    @Option(names = "--threads", description = "Parser threads (default: the number of cores, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--no-entities", description = "Skip entity recognition (faster; no NLP models loaded).")
    boolean noEntities;

    @Option(names = "--source-url", paramLabel = "URL", description = "Where the file was fetched from (a hint, recorded as such; for one file). "
            + "Of a package (ZIP, 7z, tar, WARC, mbox), where the package came from: its articles keep their own addresses.")
    String sourceUrl;

    @Option(names = "--max-file-size", paramLabel = "BYTES", description = "Refuse files larger than this (default ${DEFAULT-VALUE}).")
    long maxFileSize = Limits.DEFAULT.maxFileBytes();

    @Option(names = "--write-limit", paramLabel = "CHARS", description = "Keep at most this many characters of a file's text (default ${DEFAULT-VALUE}).")
    int writeLimit = Limits.DEFAULT.writeLimit();

    @Option(names = "--parse-timeout", paramLabel = "SECONDS", description = "Abandon a file whose parsing takes longer (default ${DEFAULT-VALUE}).")
    long parseTimeout = Limits.DEFAULT.parseTimeout().toSeconds();

    @Option(names = "--report", paramLabel = "FILE", description = "Write the failures as JSON to FILE.")
    Path report;

    @Option(names = "--force", description = "Extract again files already archived with the same checksum (e.g. after a parc upgrade). "
            + "Librarians' corrections (parc edit) are re-applied.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "Print only failures and the summary.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        if (maxFileSize <= 0 || writeLimit <= 0 || parseTimeout <= 0) throw ParcException.usage("limits must be positive");
        if (sourceUrl != null && (paths.size() != 1 || Files.isDirectory(paths.get(0)))) {
            throw ParcException.usage("--source-url names where one file came from: give exactly one file");
        }
        Limits limits = new Limits(maxFileSize, writeLimit, Duration.ofSeconds(parseTimeout));
        try (Archive archive = store.open(true)) {
            Ingester ingester = ingester(archive, limits, !noEntities, threads, sourceUrl).reextract(force);
            Progress progress = new Progress(parc.err);
            IngestSummary summary = ingester.ingest(paths, o -> {
                progress.tick();
                if (o instanceof Outcome.Failed f) {
                    parc.err.println(failure(f));
                } else if (!quiet) {
                    if (o instanceof Outcome.Ingested i) {
                        parc.out.println((i.revision() ? "revised   " : "ingested  ") + shown(i.file()) + "  (" + i.articles()
                                + (i.articles() == 1 ? " article)" : " articles)"));
                    } else if (o instanceof Outcome.Unchanged u) {
                        parc.out.println("unchanged " + shown(u.file()));
                    } else if (o instanceof Outcome.Skipped sk) {
                        parc.out.println("skipped   " + shown(sk.file()) + "  (" + shown(sk.reason()) + ")");
                    }
                }
            });
            parc.out.println(summary.line());
            parc.out.flush();
            if (report != null) writeReport(summary);
            return summary.failed() > 0 ? ExitCodes.FAILED_INPUTS : ExitCodes.OK;
        }
    }

    /** The standard pipeline as ingest and demo run it; sourceUrl (may be null) says where a single file came from. */
    static Ingester ingester(Archive archive, Limits limits, boolean entities, int threads, String sourceUrl) {
        return new Ingester(archive, Pipelines.standard(limits, entities, Pipelines.clock()), threads,
                (path, rel, member) -> Pipelines.hints(path, member ? null : sourceUrl));
    }

    /** A failed file's one-line error: control characters in its name or reason are escaped. */
    static String failure(Outcome.Failed f) {
        return "parc: " + shown(f.file()) + ": " + shown(f.reason());
    }

    /**
     * A file name or reason as one printable line: control characters (a newline in a file name)
     * are escaped so that every outcome stays on its own line. The report keeps the exact names.
     */
    static String shown(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n') sb.append("\\n");
            else if (cp == '\r') sb.append("\\r");
            else if (cp == '\t') sb.append("\\t");
            else if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) sb.append(String.format("\\u%04x", cp));
            else sb.appendCodePoint(cp);
        });
        return sb.toString();
    }

    private void writeReport(IngestSummary s) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ingested", s.ingested());
        r.put("unchanged", s.unchanged());
        r.put("skipped", s.skipped());
        r.put("failed", s.failed());
        r.put("failures", s.failures().stream().map(f -> Map.of("file", f.file(), "reason", f.reason())).toList());
        try {
            Path parent = report.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(report.toFile(), r);
        } catch (IOException e) {
            throw ParcException.usage("cannot write the report to " + report + ": " + org.parc.ingest.FileWalker.ioReason(e));
        }
    }

    /** A progress line on stderr every few seconds, only for runs long enough to need one. */
    static final class Progress {
        private final java.io.PrintStream err;
        private final long start = System.nanoTime();
        private long last = start;
        private int n;

        Progress(java.io.PrintStream err) {
            this.err = err;
        }

        void tick() {
            n++;
            long now = System.nanoTime();
            if (now - last > 5_000_000_000L) {
                last = now;
                double s = (now - start) / 1e9;
                // the first files wait for the models to load: a rate over a handful of them says nothing
                if (n < 10) err.printf(java.util.Locale.ROOT, "parc: %d file%s done (%.0f s)%n", n, n == 1 ? "" : "s", s);
                else err.printf(java.util.Locale.ROOT, "parc: %d files done (%.0f s, %.1f files/s)%n", n, s, n / s);
            }
        }
    }
}
