package org.parc.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.Test;
import org.parc.extract.EntityRecognizer;
import org.parc.extract.Languages;
import org.parc.ingest.Pipelines;
import org.parc.query.QueryService;
import org.parc.source.Checksums;
import org.parc.source.Limits;
import org.parc.source.NormalizedDocument;
import org.parc.source.SourceFile;
import org.parc.extract.text.HeuristicStorySplitter;
import org.parc.source.TikaNormalizer;
import org.parc.store.Tdb2Archive;

/**
 * The throughput and memory bench (not a unit test: run with {@code mvn -B -Pbench verify}, or
 * {@code mvn -B -o -Pbench test -Dtest=IngestBench}). For each N of {@code -Dparc.bench.n=1000,10000}
 * it builds a corpus of N varied real articles and prints: Tika parsing alone and entity
 * recognition alone (all cores, in-process), {@code parc ingest} into a real TDB2 store in a child
 * JVM with -Xmx1g (docs/s, peak heap, peak RSS, store bytes per article), per-document vs batched
 * commits, export throughput of parc against Jena's own writers, warm query latencies in-process
 * through QueryService, and the cold {@code parc query} wall time with and without a CDS archive.
 * Figures go to stdout and to target/bench/results-N.md.
 */
class IngestBench {
    private static final Path WORK = Path.of("target", "bench");
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    private static final String XMX = System.getProperty("parc.bench.xmx", "1g");
    /** The collector the launcher (./parc) gives the commands that ingest: ingest is measured as users run it. */
    private static final String INGEST_GC = "-XX:+UseParallelGC";
    /** The launcher compiles a load of this many files or more with C2 alone (see ./parc). */
    private static final int LARGE_LOAD_FILES = 1000;
    private static final String LARGE_LOAD_JIT = "-XX:-TieredCompilation";
    /** Each served query runs at least this long before it is timed. */
    private static final long WARM_SERVED_NS = 3_000_000_000L;

    private final StringBuilder report = new StringBuilder();

    @Test
    void bench() throws Exception {
        Files.createDirectories(WORK);
        line("# parc bench " + Instant.now());
        line(machine());
        line("bench JVM (parse and recognition alone are timed here): " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()
                .stream().filter(a -> a.startsWith("-Xmx") || a.startsWith("-XX:")).toList()));
        // -Dparc.bench.entities=false: no recognition anywhere (ingest --no-entities), for a quick run at large N
        EntityRecognizer rec = Boolean.parseBoolean(System.getProperty("parc.bench.entities", "true")) ? Pipelines.recognizer() : EntityRecognizer.NONE;
        line("recognizer: " + (rec == EntityRecognizer.NONE ? "NONE (-Dparc.bench.entities=false: recognition not timed, ingest --no-entities)"
                : rec.getClass().getName()));
        for (String s : System.getProperty("parc.bench.n", "1000,10000").split(",")) {
            int n = Integer.parseInt(s.strip().replace("_", ""));
            runOne(n, rec);
        }
        Files.writeString(WORK.resolve("results.md"), report.toString(), StandardCharsets.UTF_8);
    }

    private void runOne(int n, EntityRecognizer rec) throws Exception {
        line("");
        line("## N = " + n);
        long t0 = System.nanoTime();
        Path store = WORK.resolve("store-" + n);
        if (Boolean.getBoolean("parc.bench.skipIngest") && Files.isDirectory(store)) {
            // -Dparc.bench.skipIngest=true: export and query figures on the store of an earlier run
            line("(parse, recognition and ingest skipped: the store of an earlier run is reused)");
            // -Dparc.bench.skipExport=true: the query figures alone
            if (!Boolean.getBoolean("parc.bench.skipExport")) export(n, store);
            String synthetic = enrichIfBare(store);
            queries(store, synthetic);
            served(store);
            cold(store);
            return;
        }
        // Built only when ingesting: a 100,000-file corpus takes 10 GB beside its store.
        List<Path> files = BenchCorpus.build(WORK.resolve("corpus-" + n), n);
        line(String.format(Locale.ROOT, "corpus: %d files, %.1f MB (%.1f s to build or reuse)", files.size(),
                BenchCorpus.sizeOf(WORK.resolve("corpus-" + n)) / 1e6, secs(t0)));

        // Tika alone, on all cores.
        TikaNormalizer tika = new TikaNormalizer(Limits.DEFAULT);
        String[] texts = new String[files.size()];
        // Warm the JIT first (the first few hundred documents run several times slower): a steady-state figure.
        int warm = Math.min(files.size(), 300);
        parallel(warm, i -> {
            Path p = files.get(i);
            tika.normalize(new SourceFile(p, p.getFileName().toString(), Files.size(p), Checksums.sha256(p)));
        });
        // Two passes, the faster counts: the first may read the files from disk while ingest, run
        // after it, reads them from the page cache (session 4: 239.8 docs/s in the bench, 363.5 and
        // 546.3 in two passes run alone right after), and a slow parse figure flatters the ratio.
        double[] passes = new double[2];
        for (int pass = 0; pass < passes.length; pass++) {
            t0 = System.nanoTime();
            parallel(files.size(), i -> {
                Path p = files.get(i);
                SourceFile f = new SourceFile(p, p.getFileName().toString(), Files.size(p), Checksums.sha256(p));
                NormalizedDocument d = tika.normalize(f);
                texts[i] = d.text();
            });
            passes[pass] = files.size() / secs(t0);
        }
        double parseRate = Math.max(passes[0], passes[1]);
        line(String.format(Locale.ROOT, "parse (Tika, sha256 included, %d threads, after a warm-up on %d documents; the faster of 2 passes: %.1f, %.1f): %.1f docs/s",
                CORES, warm, passes[0], passes[1], parseRate));

        // Recognition alone, on the texts ingest recognizes: each story's text (of a web page, its headline
        // and body, not the whole page), found in an untimed pass, all cores.
        double recogRate = Double.POSITIVE_INFINITY;
        if (rec == EntityRecognizer.NONE) {
            line("recognize: recognizer: NONE (no-op; not timed)");
        } else {
            HeuristicStorySplitter splitter = new HeuristicStorySplitter();
            String[][] stories = new String[files.size()][];
            long[] chars = new long[2];
            parallel(files.size(), i -> {
                Path p = files.get(i);
                NormalizedDocument d = tika.normalize(new SourceFile(p, p.getFileName().toString(), Files.size(p), "0".repeat(64)));
                stories[i] = splitter.split(d).stream().map(org.parc.extract.Story::text).toArray(String[]::new);
            });
            for (int i = 0; i < texts.length; i++) {
                chars[0] += texts[i].length();
                for (String st : stories[i]) chars[1] += st.length();
            }
            Arrays.fill(texts, null);
            String[][] langs = new String[stories.length][];
            for (int i = 0; i < stories.length; i++) langs[i] = Arrays.stream(stories[i]).map(Languages::detect).toArray(String[]::new);
            t0 = System.nanoTime();
            rec.recognize(stories[0][0], langs[0][0]);
            line(String.format(Locale.ROOT, "recognize: first call (model loading) %.1f s", secs(t0)));
            t0 = System.nanoTime();
            parallel(stories.length, i -> {
                for (int k = 0; k < stories[i].length; k++) rec.recognize(stories[i][k], langs[i][k]);
            });
            recogRate = stories.length / secs(t0);
            line(String.format(Locale.ROOT, "recognize (%s, %d threads, on the stories' texts: %.1f of the documents' %.1f million characters): %.2f docs/s",
                    rec.getClass().getSimpleName(), CORES, chars[1] / 1e6, chars[0] / 1e6, recogRate));
        }
        Arrays.fill(texts, null);
        double combined = 1 / (1 / parseRate + 1 / recogRate);

        // parc ingest in a child JVM, batched commits (the default) and one commit per document.
        // The Wikipedia name dictionary is indexed once per machine, before: not a cost of this ingest.
        if (rec != EntityRecognizer.NONE) {
            t0 = System.nanoTime();
            boolean dict = org.parc.extract.entities.WikiDict.shared().isPresent();
            line(String.format(Locale.ROOT, "Wikipedia name dictionary %s (%.1f s; indexed once per machine)",
                    dict ? "ready" : "ABSENT: no Wikipedia links", secs(t0)));
        }
        BenchCorpus.deleteTree(store);
        // The flags are written twice, here and in the launcher: a bench measuring another collector or compiler than users get is wrong.
        String launcher = Files.readString(Path.of("parc"));
        if (!launcher.contains("gc=(" + INGEST_GC + ")")) {
            throw new IllegalStateException("the launcher ./parc no longer gives ingest " + INGEST_GC + ": update INGEST_GC");
        }
        if (!launcher.contains("jit=(" + LARGE_LOAD_JIT + ")") || !launcher.contains("head -n " + LARGE_LOAD_FILES + " ")) {
            throw new IllegalStateException("the launcher ./parc no longer gives loads of " + LARGE_LOAD_FILES + " files " + LARGE_LOAD_JIT
                    + ": update LARGE_LOAD_FILES and LARGE_LOAD_JIT");
        }
        // What the launcher gives an ingest of this corpus.
        List<String> jvm = n >= LARGE_LOAD_FILES ? List.of("-Xmx" + XMX, INGEST_GC, LARGE_LOAD_JIT) : List.of("-Xmx" + XMX, INGEST_GC);
        Child ingest = rec == EntityRecognizer.NONE
                ? child(jvm, "parc", "ingest", "--store", store.toString(), "-q", "--no-entities", WORK.resolve("corpus-" + n).toString())
                : child(jvm, "parc", "ingest", "--store", store.toString(), "-q", WORK.resolve("corpus-" + n).toString());
        double ingestRate = n / (ingest.ms / 1000.0);
        long storeBytes = BenchCorpus.sizeOf(store);
        long storeAllocated = allocated(store);
        line(String.format(Locale.ROOT, "ingest (child JVM %s, %d threads, batched commits): %.1f docs/s (%.1f s; exit %d; %s)",
                String.join(" ", jvm), CORES, ingestRate, ingest.ms / 1000.0, ingest.code, ingest.lastOut));
        Matcher steady = Pattern.compile("; ([\\d.]+) s\\)$").matcher(ingest.lastOut);
        if (steady.find()) {
            double s = Double.parseDouble(steady.group(1));
            line(String.format(Locale.ROOT, "ingest without its start-up (Tika configuration, store opening; from the ingest summary): "
                    + "%.1f docs/s (%.1f s); ratio to parse %.2f", n / s, s, n / s / (1 / (1 / parseRate + 1 / recogRate))));
        }
        line("ingest CPU: " + cpuLine(ingest));
        if (rec != EntityRecognizer.NONE) line("ingest CPU beyond parse and recognition alone: " + beyondLine(ingest, n, parseRate, recogRate));
        line(String.format(Locale.ROOT, "ingest heap: peak in use %s (pools' peak sum %s), largest after a GC %s; peak RSS %s (includes TDB2's memory-mapped files)",
                mb(ingest.heapSampledMax), mb(ingest.heapPeak), mb(ingest.heapAfterGc), mb(ingest.rss)));
        line(String.format(Locale.ROOT, "ratio ingest / (1/(1/parse + 1/recognize)) = %.1f / %.1f = %.2f (target >= 0.5)",
                ingestRate, combined, ingestRate / combined));
        line(String.format(Locale.ROOT, "store: %.1f MB on disk (du; apparent %.1f MB: TDB2 grows its files in 8 MB steps), %.1f KB per article",
                storeAllocated / 1e6, storeBytes / 1e6, storeAllocated / 1e3 / n));
        Child compact = child(List.of("-Xmx" + XMX), "parc", "compact", "--store", store.toString());
        long compacted = allocated(store);
        line(String.format(Locale.ROOT, "parc compact (child JVM -Xmx%s): %.1f s, exit %d; store %.1f MB -> %.1f MB on disk (du), %.1f KB per article; heap after GC %s",
                XMX, compact.ms / 1000.0, compact.code, storeAllocated / 1e6, compacted / 1e6, compacted / 1e3 / n, mb(compact.heapAfterGc)));
        if (n <= Integer.getInteger("parc.bench.commitCompareMax", 1000)) {
            Path perDoc = WORK.resolve("store-" + n + "-perdoc");
            BenchCorpus.deleteTree(perDoc);
            List<String> perDocJvm = new ArrayList<>(jvm);
            perDocJvm.add("-Dparc.ingest.batchDocs=1");
            Child single = child(perDocJvm, "parc", "ingest", "--store",
                    perDoc.toString(), "-q", WORK.resolve("corpus-" + n).toString());
            line(String.format(Locale.ROOT, "ingest with one commit per document: %.1f docs/s (%.1f s; exit %d); store %.1f MB (du)",
                    n / (single.ms / 1000.0), single.ms / 1000.0, single.code, allocated(perDoc) / 1e6));
            BenchCorpus.deleteTree(perDoc);
        }

        export(n, store);
        String synthetic = enrichIfBare(store);
        queries(store, synthetic);
        served(store);
        cold(store);
    }

    private void export(int n, Path store) throws Exception {
        Path out = WORK.resolve("export-" + n);
        Files.createDirectories(out);
        Map<String, Child> runs = new LinkedHashMap<>();
        runs.put("parc turtle", exportChild("parc", "turtle", store, out.resolve("parc.ttl")));
        runs.put("jena TURTLE_BLOCKS", exportChild("jena", "turtle", store, out.resolve("jena.ttl")));
        runs.put("parc n-quads", exportChild("parc", "n-quads", store, out.resolve("parc.nq")));
        runs.put("jena NQUADS", exportChild("jena", "nquads", store, out.resolve("jena.nq")));
        runs.put("parc json-ld", exportChild("parc", "json-ld", store, out.resolve("parc.jsonld")));
        long quads;
        try (Stream<String> l = Files.lines(out.resolve("jena.nq"))) {
            quads = l.count();
        }
        line(String.format(Locale.ROOT, "export: %d quads (%.0f per article)", quads, (double) quads / n));
        String[] files = {"parc.ttl", "jena.ttl", "parc.nq", "jena.nq", "parc.jsonld"};
        int i = 0;
        Map<String, Double> rate = new LinkedHashMap<>();
        for (var e : runs.entrySet()) {
            Child c = e.getValue();
            long bytes = Files.exists(out.resolve(files[i])) ? Files.size(out.resolve(files[i])) : 0;
            i++;
            double tps = quads / (c.ms / 1000.0);
            rate.put(e.getKey(), tps);
            line(String.format(Locale.ROOT, "  %-20s %8.0f triples/s  %6.1f MB/s  (%.1f s, %.1f MB, exit %d, -Xmx%s) heap peak %s, after GC %s; RSS %s",
                    e.getKey(), tps, bytes / 1e6 / (c.ms / 1000.0), c.ms / 1000.0, bytes / 1e6, c.code, c.xmx,
                    mb(c.heapSampledMax), mb(c.heapAfterGc), mb(c.rss)));
        }
        line(String.format(Locale.ROOT, "  parc/jena: turtle %.2f, n-quads %.2f (target >= 0.8)",
                rate.get("parc turtle") / rate.get("jena TURTLE_BLOCKS"), rate.get("parc n-quads") / rate.get("jena NQUADS")));
        BenchCorpus.deleteTree(out);
    }

    private Child exportChild(String who, String format, Path store, Path out) throws Exception {
        String[] args = who.equals("parc")
                ? new String[] {"parc", "export", "--store", store.toString(), "--format", format, "--out", out.toString()}
                : new String[] {"jena", format, store.toString(), out.toString()};
        Child c = child(List.of("-Xmx" + XMX), args);
        if (c.code != 0) {
            line("  (" + who + " " + format + " failed at -Xmx" + XMX + ": " + c.lastErr + "; again at -Xmx4g)");
            c = child(List.of("-Xmx4g"), args);
        }
        return c;
    }

    /** Warm latencies, in-process through QueryService (the server is another helper's). */
    /**
     * The pipeline may not extract dates, outlets or entities yet; then the query figures would time
     * empty answers. In that case the bench adds, after the export, a plausible issued date, outlet and
     * 6-10 mentioned people, organizations and places to each article's graph (from the corpus' name
     * lists, skewed so that some are common), and says so.
     */
    private String enrichIfBare(Path store) throws Exception {
        try (Tdb2Archive archive = Tdb2Archive.open(store)) {
            boolean hasMentions = first(archive, "SELECT ?a WHERE { ?a schema:mentions ?e } LIMIT 1") != null;
            boolean hasIssued = first(archive, "SELECT ?a WHERE { ?a dcterms:issued ?d } LIMIT 1") != null;
            boolean hasOutlet = first(archive, "SELECT ?a WHERE { ?a dcterms:publisher ?o } LIMIT 1") != null;
            if (hasMentions && hasIssued && hasOutlet) return "";
            List<String[]> articles = new ArrayList<>();
            archive.read(c -> {
                try (QueryExecution qe = c.query(QueryService.parse("SELECT ?g ?a WHERE { GRAPH ?g { ?a a schema:NewsArticle } } ORDER BY ?a"))) {
                    qe.execSelect().forEachRemaining(r -> articles.add(new String[] {r.getResource("g").getURI(), r.getResource("a").getURI()}));
                }
                return null;
            });
            java.util.Random rnd = new java.util.Random(42);
            String base = archive.iris().base();
            for (int from = 0; from < articles.size(); from += 500) {
                List<String[]> part = articles.subList(from, Math.min(articles.size(), from + 500));
                archive.write(c -> {
                    for (String[] ga : part) {
                        org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
                        var a = m.createResource(ga[1]);
                        if (!hasIssued) a.addLiteral(m.createProperty(org.parc.rdf.Vocab.DCTERMS + "issued"), m.createTypedLiteral(
                                String.format(Locale.ROOT, "%d-%02d-%02d", 2015 + rnd.nextInt(10), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)),
                                org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate));
                        if (!hasOutlet) {
                            String outlet = "Outlet " + (char) ('A' + skewed(rnd, 20));
                            a.addProperty(m.createProperty(org.parc.rdf.Vocab.DCTERMS + "publisher"), m.createResource(base + "outlet/"
                                    + outlet.toLowerCase(Locale.ROOT).replace(' ', '-')).addProperty(m.createProperty(org.parc.rdf.Vocab.SCHEMA + "name"), outlet));
                        }
                        if (!hasMentions) {
                            int k = 6 + rnd.nextInt(5);
                            for (int i = 0; i < k; i++) {
                                String[] e = BenchCorpus.entity(skewed(rnd, 1000));
                                var r = m.createResource(base + e[0] + "/" + e[1].toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))
                                        .addProperty(org.apache.jena.vocabulary.RDF.type, m.createResource(org.parc.rdf.Vocab.SCHEMA + e[2]))
                                        .addProperty(m.createProperty(org.parc.rdf.Vocab.SCHEMA + "name"), e[1]);
                                a.addProperty(m.createProperty(org.parc.rdf.Vocab.SCHEMA + "mentions"), r);
                            }
                        }
                        c.load(ga[0], m);
                    }
                });
            }
            return "synthetic issued dates, outlets and mentions added by the bench (the pipeline extracted "
                    + (hasIssued ? "" : "no dates, ") + (hasOutlet ? "" : "no outlets, ") + (hasMentions ? "" : "no entities, ")
                    + "so the queries would otherwise time empty answers)";
        }
    }

    /** 0..n-1, small values far more often (a long tail, as names in news are). */
    private static int skewed(java.util.Random rnd, int n) {
        return (int) Math.min(n - 1, Math.floor(n * Math.pow(rnd.nextDouble(), 2)));
    }

    private void queries(Path store, String synthetic) throws Exception {
        if (!synthetic.isEmpty()) line("queries on an archive with " + synthetic + ":");
        try (Tdb2Archive archive = Tdb2Archive.open(store)) {
            String article = first(archive, "SELECT ?a WHERE { ?a a schema:NewsArticle } ORDER BY ?a LIMIT 1 OFFSET 7");
            String entity = first(archive, "SELECT ?name WHERE { ?a schema:mentions ?e . ?e schema:name ?name } "
                    + "GROUP BY ?name ORDER BY DESC(COUNT(?a)) ?name LIMIT 1");
            String outlet = first(archive, "SELECT ?name WHERE { ?a dcterms:publisher/schema:name ?name } "
                    + "GROUP BY ?name ORDER BY DESC(COUNT(?a)) ?name LIMIT 1");
            entity = entity == null ? "Baghdad" : entity;
            outlet = outlet == null ? "Reuters" : outlet;
            Map<String, String> qs = new LinkedHashMap<>();
            qs.put("articles by outlet and date", "SELECT ?a ?title ?issued WHERE { ?a dcterms:publisher/schema:name " + lit(outlet)
                    + " ; dcterms:title ?title ; dcterms:issued ?issued FILTER(?issued >= \"2015-01-01\"^^xsd:date) } ORDER BY ?issued LIMIT 100");
            qs.put("articles by date (any outlet)", "SELECT ?a ?title ?issued WHERE { ?a a schema:NewsArticle ; dcterms:title ?title ; "
                    + "dcterms:issued ?issued FILTER(?issued >= \"2017-01-01\"^^xsd:date && ?issued < \"2018-01-01\"^^xsd:date) } ORDER BY ?issued LIMIT 100");
            qs.put("entities an article mentions", "SELECT ?e ?type ?name WHERE { <" + article + "> schema:mentions ?e . ?e a ?type ; schema:name ?name }");
            qs.put("articles mentioning an entity", "SELECT ?a ?title WHERE { ?a schema:mentions ?e ; dcterms:title ?title . ?e schema:name "
                    + lit(entity) + " } LIMIT 100");
            qs.put("co-occurring, grouped before names", "SELECT ?name ?n WHERE { { SELECT ?o (COUNT(DISTINCT ?a) AS ?n) WHERE { ?e schema:name "
                    + lit(entity) + " . ?a schema:mentions ?e , ?o FILTER(?o != ?e) } GROUP BY ?o ORDER BY DESC(?n) LIMIT 20 } ?o schema:name ?name } ORDER BY DESC(?n)");
            qs.put("article count by language", "SELECT ?lang (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle ; dcterms:language ?lang } GROUP BY ?lang");
            String mentioning = first(archive, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions ?e . ?e schema:name " + lit(entity) + " }");
            line("queries (warm, in-process through QueryService on the TDB2 archive, csv output; article <" + article
                    + ">, entity " + lit(entity) + " (the most mentioned: in " + mentioning + " articles), outlet " + lit(outlet) + "):");
            for (var e : qs.entrySet()) {
                Query q = QueryService.parse(e.getValue());
                CountingOut rows = new CountingOut();
                for (int i = 0; i < 5; i++) QueryService.run(archive, q, "csv", rows.reset(), 60_000);
                long[] ms = timed(() -> QueryService.run(archive, q, "csv", rows.reset(), 60_000));
                long n = archive.read(c -> {
                    try (QueryExecution qe = c.query(q)) {
                        long k = 0;
                        for (var rs = qe.execSelect(); rs.hasNext(); rs.next()) k++;
                        return k;
                    }
                });
                line(String.format(Locale.ROOT, "  %-32s p50 %7.2f ms  p95 %7.2f ms  (%d rows)", e.getKey(),
                        ms[ms.length / 2] / 1e6, ms[(int) Math.ceil(ms.length * 0.95) - 1] / 1e6, n));
            }
        }
    }

    /** Cold `parc query` as the launcher runs it: JVM start-up included, with and without the CDS archive. */
    /**
     * The shipped saved queries through `parc serve` (the read-only Fuseki of ParcServer on a store opened as serve opens it, on
     * loopback), warm, p50 and p95 over HTTP, with parameters taken from the archive: the most
     * mentioned entity, an article, the busiest outlet, one year of issue dates.
     */
    private void served(Path store) throws Exception {
        try (Tdb2Archive archive = Tdb2Archive.openForServing(store)) {
            String article = first(archive, "SELECT ?a WHERE { ?a a schema:NewsArticle } ORDER BY ?a LIMIT 1 OFFSET 7");
            String entity = first(archive, "SELECT ?e WHERE { ?a schema:mentions ?e } GROUP BY ?e ORDER BY DESC(COUNT(?a)) ?e LIMIT 1");
            String entityName = first(archive, "SELECT ?n WHERE { <" + entity + "> schema:name ?n } ORDER BY ?n LIMIT 1");
            // and a typical one: mentioned in 5 to 20 articles
            String typical = first(archive, "SELECT ?e WHERE { ?a schema:mentions ?e } GROUP BY ?e HAVING (COUNT(?a) >= 5 && COUNT(?a) <= 20) ORDER BY DESC(COUNT(?a)) ?e LIMIT 1");
            String typicalName = first(archive, "SELECT ?n WHERE { <" + typical + "> schema:name ?n } ORDER BY ?n LIMIT 1");
            String typicalCount = first(archive, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions <" + typical + "> }");
            String outlet = first(archive, "SELECT ?name WHERE { ?a dcterms:publisher/schema:name ?name } GROUP BY ?name ORDER BY DESC(COUNT(?a)) ?name LIMIT 1");
            String year = first(archive, "SELECT ?y WHERE { ?a dcterms:issued ?d BIND(SUBSTR(STR(?d), 1, 4) AS ?y) } GROUP BY ?y ORDER BY DESC(COUNT(?a)) ?y LIMIT 1");
            String mentioning = first(archive, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a schema:mentions <" + entity + "> }");
            line("saved queries through `parc serve` (HTTP on 127.0.0.1, JSON results, warm: at least 5 runs and " + WARM_SERVED_NS / 1_000_000_000 + " s per query, then 30 timed); entity <" + entity
                    + "> (the most mentioned: in " + mentioning + " articles), typical entity <" + typical + "> (in " + typicalCount + "), article <" + article + ">, outlet " + lit(String.valueOf(outlet))
                    + ", year " + year + ":");
            Map<String, Map<String, String>> runs = new LinkedHashMap<>();
            runs.put("article-entities", Map.of("article", article));
            runs.put("articles-by-outlet", outlet == null ? Map.of("from", year, "to", year) : Map.of("outlet", outlet, "from", year, "to", year));
            runs.put("articles-by-outlet (one year, any outlet)", Map.of("from", year, "to", year));
            runs.put("articles-mentioning", Map.of("entity", entity));
            runs.put("articles-mentioning (by name)", Map.of("name", String.valueOf(entityName)));
            runs.put("entity-timeline", Map.of("entity", entity));
            runs.put("co-occurrence", Map.of("entity", entity));
            runs.put("articles-mentioning (typical entity)", Map.of("entity", typical));
            runs.put("articles-mentioning (typical, by name)", Map.of("name", String.valueOf(typicalName)));
            runs.put("entity-timeline (typical entity)", Map.of("entity", typical));
            runs.put("co-occurrence (typical entity)", Map.of("entity", typical));
            runs.put("librarian-corrections", Map.of());
            runs.put("value-provenance", Map.of("subject", article));
            runs.put("shared-authority", Map.of());
            // Computed on every request (--cache 0), then as `parc serve` answers by default: a repeated
            // query from its cache (the store cannot change while it is served).
            for (long cache : new long[] {0, org.parc.serve.ParcServer.DEFAULT_CACHE_BYTES}) {
                try (org.parc.serve.ParcServer server = org.parc.serve.ParcServer.start(archive,
                        new org.parc.serve.ParcServer.Options("127.0.0.1", 0, java.time.Duration.ofSeconds(120), false, cache))) {
                    line(cache == 0 ? " computed on every request (--cache 0):" : " repeated queries answered from the cache (the default, --cache " + (cache >> 20) + "):");
                    served(server, runs);
                    if (cache > 0) line(String.format(Locale.ROOT, "  (cache: %d hits, %d computed)", server.cacheHits(), server.cacheMisses()));
                }
            }
        }
    }

    private void served(org.parc.serve.ParcServer server, Map<String, Map<String, String>> runs) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        for (var e : runs.entrySet()) {
            String name = e.getKey().replaceFirst(" \\(.*", "");
            Query q = org.parc.query.SavedQueries.shipped().get(name).bind(e.getValue());
            java.net.URI uri = java.net.URI.create(server.sparqlEndpoint() + "?query="
                    + java.net.URLEncoder.encode(q.toString(), StandardCharsets.UTF_8));
            var req = java.net.http.HttpRequest.newBuilder(uri).header("Accept", "application/sparql-results+json").build();
            String body = "";
            int status = 0;
            long first = System.nanoTime();
            long firstNs = 0;
            // Warm until the JIT has compiled the server's and the query's paths: a fresh server's first
            // few hundred requests ran 3 to 4 times slower than later ones (session 11), which 5 runs hid.
            for (int i = 0; i < 5 || (System.nanoTime() - first < WARM_SERVED_NS && i < 2_000); i++) {
                var resp = http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
                body = resp.body();
                status = resp.statusCode();
                if (i == 0) firstNs = System.nanoTime() - first;
                if (i == 0 && System.nanoTime() - first > 5_000_000_000L) break;
            }
            if (System.nanoTime() - first > 5_000_000_000L) {
                line(String.format(Locale.ROOT, "  %-44s first run %.1f s (HTTP %d): too slow to time 35 runs", e.getKey(), secs(first), status));
                continue;
            }
            long[] ms = timed(() -> http.send(req, java.net.http.HttpResponse.BodyHandlers.ofString()));
            long rows = status == 200 ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("results").path("bindings").size() : -1;
            line(String.format(Locale.ROOT, "  %-44s p50 %7.1f ms  p95 %7.1f ms  first %7.1f ms  (%d rows, HTTP %d)", e.getKey(), ms[ms.length / 2] / 1e6,
                    ms[(int) Math.ceil(ms.length * 0.95) - 1] / 1e6, firstNs / 1e6, rows, status));
        }
    }

    /** Nanoseconds of 30 runs, sorted (index 15 is the median, 28 the 95th percentile). */
    private interface Step {
        void run() throws Exception;
    }

    private static long[] timed(Step run) throws Exception {
        long[] ns = new long[30];
        for (int i = 0; i < ns.length; i++) {
            long t = System.nanoTime();
            run.run();
            ns[i] = System.nanoTime() - t;
        }
        Arrays.sort(ns);
        return ns;
    }

    private void cold(Path store) throws Exception {
        List<String> cp = launcherClasspath();
        String q = "SELECT ?title WHERE { ?a a schema:NewsArticle ; dcterms:title ?title } ORDER BY ?title LIMIT 10";
        Path jsa = WORK.resolve("parc.jsa").toAbsolutePath();
        Files.deleteIfExists(jsa);
        // The same training run as the launcher's: a query against a fresh, empty archive.
        Path training = WORK.resolve("cds-training");
        BenchCorpus.deleteTree(training);
        run(List.of(java(), "-cp", cp.get(0), "org.parc.cli.Parc", "init", "--store", training.toString()));
        run(List.of(java(), "-XX:ArchiveClassesAtExit=" + jsa, "-cp", cp.get(0), "org.parc.cli.Parc", "query",
                "--store", training.toString(), "ASK { ?s ?p ?o }"));
        BenchCorpus.deleteTree(training);
        for (boolean cds : new boolean[] {false, true}) {
            if (cds && !Files.exists(jsa)) {
                line("cold query with CDS: no archive was made");
                continue;
            }
            long[] ms = new long[5];
            for (int i = 0; i < ms.length; i++) {
                List<String> cmd = new ArrayList<>(List.of(java()));
                if (cds) cmd.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xshare:auto"));
                cmd.addAll(List.of("-cp", cp.get(0), "org.parc.cli.Parc", "query", "--store", store.toString(), q));
                long t = System.nanoTime();
                run(cmd);
                ms[i] = (System.nanoTime() - t) / 1_000_000;
            }
            Arrays.sort(ms);
            line(String.format(Locale.ROOT, "cold `parc query` (%s, %s): median %d ms, min %d ms over %d runs",
                    cp.get(1), cds ? "with CDS archive" : "without CDS", ms[ms.length / 2], ms[0], ms.length));
        }
        // A query must never load the NLP models.
        String verbose = run(List.of(java(), "-verbose:class", "-cp", cp.get(0), "org.parc.cli.Parc", "query", "--store",
                store.toString(), q));
        long stanford = verbose.lines().filter(l -> l.contains("edu.stanford")).count();
        long tika = verbose.lines().filter(l -> l.contains("org.apache.tika")).count();
        long all = verbose.lines().filter(l -> l.contains("[class,load]")).count();
        line("cold query loads " + all + " classes: " + stanford + " from edu.stanford (CoreNLP), " + tika + " from org.apache.tika");
        Files.deleteIfExists(jsa);
    }

    /** The launcher's classpath (target/parc.jar + target/lib/*) when packaged, else the test classpath; and a label. */
    private static List<String> launcherClasspath() {
        Path jar = Path.of("target", "parc.jar");
        Path lib = Path.of("target", "lib");
        if (Files.isRegularFile(jar) && Files.isDirectory(lib)) {
            return List.of(jar.toAbsolutePath() + java.io.File.pathSeparator + lib.toAbsolutePath() + "/*", "target/parc.jar:target/lib/*");
        }
        return List.of(testClasspath(), "test classpath (no target/parc.jar: run mvn package first)");
    }

    // ---- child processes

    private record Child(long ms, int code, long heapPeak, long heapSampledMax, long rss, long heapAfterGc, String cpu, String xmx, String lastOut, String lastErr) {}

    private static final Pattern BENCH = Pattern.compile("BENCH ms=(\\d+) code=(-?\\d+) heapPeak=(\\d+) heapSampledMax=(\\d+) rss=(-?\\d+) heapAfterGcMax=(\\d+) cpu=(\\S+)");

    private Child child(List<String> jvmArgs, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmArgs);
        // the children use this JVM's cache (the Wikipedia name index built above)
        if (System.getProperty("parc.cache") != null) cmd.add("-Dparc.cache=" + System.getProperty("parc.cache"));
        cmd.addAll(List.of("-cp", testClasspath(), Measured.class.getName()));
        cmd.addAll(List.of(args));
        Path outFile = Files.createTempFile(WORK, "child", ".out");
        Path errFile = Files.createTempFile(WORK, "child", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
        if (!p.waitFor(60, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("child timed out: " + cmd);
        }
        String out = Files.readString(outFile);
        String err = Files.readString(errFile);
        Files.delete(outFile);
        Files.delete(errFile);
        String xmx = jvmArgs.stream().filter(a -> a.startsWith("-Xmx")).map(a -> a.substring(4)).findFirst().orElse("default");
        Matcher m = BENCH.matcher(err);
        if (!m.find()) return new Child(Long.MAX_VALUE / 2, p.exitValue(), -1, -1, -1, -1, "-", xmx, lastLine(out), lastLine(err));
        return new Child(Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), m.group(7), xmx, lastLine(out),
                lastLine(err.replace(m.group(), "")));
    }

    /** The child's CPU seconds by kind of thread, and how many cores that kept busy. */
    private static String cpuLine(Child c) {
        String[] f = c.cpu().split(":");
        if (f.length != 6) return "not measured (not Linux)";
        double total = Double.parseDouble(f[0]);
        return String.format(Locale.ROOT, "%.0f s in all = %.2f cores busy over the run; workers (parse, extraction, recognition) %s s, "
                + "writer %s s, garbage collection %s s, JIT compilers %s s, other %s s", total, total / (c.ms() / 1000.0),
                f[1], f[2], f[3], f[4], f[5]);
    }

    /**
     * Where ingest's CPU goes beyond what parsing and recognition alone take (their rates times the
     * threads that ran them): the part of the ratio's gap that is ingest's own work.
     */
    private static String beyondLine(Child c, int n, double parseRate, double recogRate) {
        String[] f = c.cpu().split(":");
        if (f.length != 6) return "not measured (not Linux)";
        double alone = CORES * (n / parseRate + n / recogRate);
        double total = Double.parseDouble(f[0]);
        double workersExtra = Double.parseDouble(f[1]) - alone;
        return String.format(Locale.ROOT, "parse and recognition alone %.0f s of CPU (%d threads); ingest %.0f s, %.0f s more: "
                + "workers' other stages (splitting, metadata, dates, linking, mapping) %.0f s, writer %s s, JIT %s s, GC %s s, other %s s. "
                + "At the same cores busy, a ratio of 0.5 allows %.0f s more", alone, CORES, total, total - alone, workersExtra,
                f[2], f[4], f[3], f[5], alone * (total / (c.ms() / 1000.0)) / CORES * 2 - alone);
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    /** Disk blocks in use (du -sk), which is what a sparse, preallocated TDB2 store really costs. */
    private static long allocated(Path dir) throws Exception {
        String out = run(List.of("du", "-sk", dir.toString())).strip();
        try {
            return Long.parseLong(out.split("\\s+")[0]) * 1024;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClasspath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    // ---- helpers

    private interface Task {
        void run(int i) throws Exception;
    }

    private static void parallel(int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CORES);
        try {
            List<Future<?>> fs = new ArrayList<>();
            int chunk = Math.max(1, n / (CORES * 16));
            for (int start = 0; start < n; start += chunk) {
                int s = start;
                int e = Math.min(n, start + chunk);
                fs.add(pool.submit(() -> {
                    for (int i = s; i < e; i++) task.run(i);
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private static String first(Tdb2Archive archive, String select) {
        Query q = QueryService.parse(select);
        return archive.read(c -> {
            try (QueryExecution qe = c.query(q)) {
                var rs = qe.execSelect();
                if (!rs.hasNext()) return null;
                QuerySolution s = rs.next();
                var v = s.get(rs.getResultVars().get(0));
                return v.isLiteral() ? v.asLiteral().getLexicalForm() : v.toString();
            }
        });
    }

    private static String lit(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String lastLine(String s) {
        String[] ls = s.strip().split("\n");
        return ls.length == 0 ? "" : ls[ls.length - 1];
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }

    private String machine() throws IOException {
        String cpu = "?";
        for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (l.startsWith("model name")) {
                cpu = l.substring(l.indexOf(':') + 1).strip();
                break;
            }
        }
        String mem = "?";
        for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (l.startsWith("MemTotal")) mem = l.replaceAll("\\D+", "").isEmpty() ? "?" : (Long.parseLong(l.replaceAll("\\D+", "")) / 1024 / 1024) + " GiB";
        }
        double[] load = {0};
        try {
            load[0] = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            load[0] = -1;
        }
        return String.format(Locale.ROOT, "machine: nproc %d, memory %s, CPU %s, java %s (%s), load average at start %.2f",
                CORES, mem, cpu, System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"), load[0]);
    }

    private void line(String s) {
        System.out.println(s);
        System.out.flush();
        report.append(s).append('\n');
        try {
            Files.writeString(WORK.resolve("results.md"), report.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Discards output and counts lines (result rows). */
    private static final class CountingOut extends OutputStream {
        long lines;

        CountingOut reset() {
            lines = 0;
            return this;
        }

        @Override
        public void write(int b) {
            if (b == '\n') lines++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) if (b[i] == '\n') lines++;
        }
    }
}
