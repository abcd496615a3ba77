package org.parc.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.parc.extract.ArticleMetadata;
import org.parc.extract.Credit;
import org.parc.extract.Hints;
import org.parc.extract.PartialDate;
import org.parc.extract.SingleStorySplitter;
import org.parc.extract.Story;
import org.parc.extract.meta.CatalogueMetadataExtractor;
import org.parc.source.Checksums;
import org.parc.source.Limits;
import org.parc.source.NormalizedDocument;
import org.parc.source.SourceFile;
import org.parc.source.TikaNormalizer;

/**
 * Scores the metadata extractor on the dev sets through the real path (Tika, splitter, extractor).
 * Run: {@code mvn -B -o -Peval test -Dtest=MetadataEval}. Prints scores; never fails on a low one.
 *
 * <p>Scoring. Strings compare after trimming, collapsing white space and case-folding. A gold null
 * is right iff we give nothing; each field is reported over all pages and over the pages whose gold
 * is not null. Bylines: a hit when the gold, with a leading "by"/"par"/"por"/"von" dropped on both
 * sides, equals our names joined by ", " or our raw credit text. Titles are also reported
 * "tolerant": a hit when the gold is our title plus a " | Site"-style suffix or vice versa. Dates
 * compare on the calendar day as written; a date where the gold has none is a false date.
 */
class MetadataEval {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TikaNormalizer normalizer = new TikaNormalizer(Limits.DEFAULT);
    private final CatalogueMetadataExtractor extractor = new CatalogueMetadataExtractor();

    static Path evalDir() {
        Path p = Path.of("..", "shared", "eval");
        if (Files.isDirectory(p)) return p;
        p = Path.of("/work/shared/eval");
        Assumptions.assumeTrue(Files.isDirectory(p), "no eval data");
        return p;
    }

    ArticleMetadata run(Path file, Hints hints) throws Exception {
        SourceFile sf = new SourceFile(file, file.getFileName().toString(), Files.size(file), Checksums.sha256(file));
        NormalizedDocument doc = normalizer.normalize(sf);
        Story story = new SingleStorySplitter().split(doc).get(0);
        return extractor.extract(doc, story, hints);
    }

    @Test
    void readability() throws Exception {
        Path dir = evalDir().resolve("readability-metadata");
        JsonNode gold = JSON.readTree(dir.resolve("gold.json").toFile());
        Score title = new Score("title"), titleTol = new Score("title (tolerant)"), byline = new Score("byline"),
                site = new Score("siteName"), date = new Score("publishedTime"), lang = new Score("lang");
        int falseDates = 0;
        List<String> misses = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            JsonNode g = e.getValue();
            ArticleMetadata m;
            try {
                m = run(dir.resolve(name), Hints.NONE);
            } catch (Exception ex) {
                misses.add(name + " FAILED " + ex);
                continue;
            }
            String gt = str(g, "title");
            String ot = m.title() == null ? null : m.title().value();
            title.add(gt, eq(gt, ot), name, ot, misses, m.title() == null ? "" : m.title().evidence().toString());
            titleTol.add(gt, eq(gt, ot) || tolerantTitle(gt, ot), null, ot, null, null);

            String gb = str(g, "byline");
            String names = m.credits().isEmpty() ? null
                    : m.credits().stream().map(Credit::name).collect(Collectors.joining(", "));
            String raw = m.creditText() == null ? null : m.creditText().value();
            boolean bOk = gb == null ? names == null : eq(noBy(gb), noBy(names)) || eq(noBy(gb), noBy(raw));
            byline.add(gb, bOk, name, names + " [raw " + raw + "]", misses,
                    m.credits().isEmpty() ? "" : m.credits().get(0).evidence() + " " + m.credits().stream().map(c -> c.role() + (c.organization() ? "/org" : "")).toList());

            String gs = str(g, "siteName");
            String os = m.outlet() == null ? null : m.outlet().value();
            site.add(gs, gs == null ? os == null : eq(gs, os), name, os, misses, m.outlet() == null ? "" : m.outlet().evidence().toString());

            String gd = str(g, "publishedTime");
            PartialDate od = m.issued() == null ? null : m.issued().value();
            if (gd == null) {
                if (od != null) {
                    falseDates++;
                    misses.add(name + " publishedTime FALSE DATE got=" + od + " {" + m.issued().evidence() + "}");
                }
            } else {
                date.add(gd, od != null && gd.substring(0, 10).equals(od.toString()), name, String.valueOf(od), misses,
                        m.issued() == null ? "" : m.issued().evidence().toString());
            }
            String gl = str(g, "lang");
            String ol = m.language() == null ? null : m.language().value();
            if (gl != null) lang.add(gl, ol != null && primary(gl).equals(primary(ol)), name, ol, misses,
                    m.language() == null ? "" : m.language().evidence().toString());
        }
        System.out.println("\n=== readability-metadata (" + gold.size() + " pages)");
        for (Score s : List.of(title, titleTol, byline, site, date, lang)) System.out.println(s);
        System.out.println("publishedTime: false dates (gold null, we gave one): " + falseDates);
        System.out.println("--- misses");
        misses.forEach(x -> System.out.println("  " + x));
    }

    @Test
    void htmldate() throws Exception {
        Path dir = evalDir().resolve("htmldate-dates");
        JsonNode gold = JSON.readTree(dir.resolve("gold.json").toFile());
        int n = 0;
        int[] ok = new int[2], wrong = new int[2], none = new int[2];
        List<String> misses = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = gold.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            String gd = e.getValue().get("published").asText();
            String url = str(e.getValue(), "url");
            n++;
            for (int withUrl = 0; withUrl < 2; withUrl++) {
                Hints h = withUrl == 1 ? new Hints(url, null, null, List.of(), "--source-url") : Hints.NONE;
                ArticleMetadata m;
                try {
                    m = run(dir.resolve(name), h);
                } catch (Exception ex) {
                    none[withUrl]++;
                    misses.add(name + " FAILED " + ex);
                    continue;
                }
                PartialDate od = m.issued() == null ? null : m.issued().value();
                if (od == null) none[withUrl]++;
                else if (od.toString().equals(gd)) ok[withUrl]++;
                else wrong[withUrl]++;
                if (od == null || !od.toString().equals(gd)) {
                    misses.add(name + (withUrl == 1 ? " [url]" : "") + " expected=" + gd + " got=" + od
                            + (m.issued() == null ? "" : " {" + m.issued().evidence() + "}"));
                }
            }
        }
        System.out.println("\n=== htmldate-dates (" + n + " pages), day accuracy");
        String[] label = {"without URL", "with URL   "};
        for (int i = 0; i < 2; i++) {
            System.out.printf(Locale.ROOT, "%s: %.3f (%d/%d right, %d wrong dates, %d none)%n",
                    label[i], ok[i] / (double) n, ok[i], n, wrong[i], none[i]);
        }
        System.out.println("--- misses");
        misses.forEach(x -> System.out.println("  " + x));
    }

    /** Plain text: headline and the date line under it (GUM gold "published" is informative only). */
    @Test
    void gumPlainText() throws Exception {
        Path dir = evalDir().resolve("gum-news-entities");
        JsonNode gold = JSON.readTree(dir.resolve("gold.json").toFile());
        Score title = new Score("title"), date = new Score("date (day)");
        List<String> misses = new ArrayList<>();
        for (JsonNode d : gold.get("documents")) {
            String file = d.get("file").asText();
            JsonNode a = d.get("articles").get(0);
            ArticleMetadata m = run(dir.resolve(file), Hints.NONE);
            String ot = m.title() == null ? null : m.title().value();
            title.add(str(a, "title"), eq(str(a, "title"), ot), file, ot, misses, m.title() == null ? "" : m.title().evidence().toString());
            String od = m.issued() == null ? null : m.issued().value().toString();
            date.add(str(a, "published"), str(a, "published").equals(od), file, od, misses,
                    m.issued() == null ? "" : m.issued().evidence().toString());
        }
        System.out.println("\n=== gum-news-entities (plain text, " + gold.get("documents").size() + " files)");
        System.out.println(title);
        System.out.println(date);
        misses.forEach(x -> System.out.println("  " + x));
    }

    /** The seeds have no gold: print what we extract so a reader can judge. */
    @Test
    void seeds() throws Exception {
        Path dir = evalDir().getParent().resolve("seeds");
        Assumptions.assumeTrue(Files.isDirectory(dir));
        System.out.println("\n=== seeds (no gold; for reading)");
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                ArticleMetadata m = run(f, Hints.NONE);
                System.out.println(f.getFileName());
                System.out.println("  title    " + m.title());
                System.out.println("  language " + m.language());
                System.out.println("  issued   " + m.issued());
                System.out.println("  outlet   " + m.outlet());
                System.out.println("  dateline " + m.dateline());
                System.out.println("  credits  " + m.credits());
                System.out.println("  raw      " + m.creditText());
            }
        }
    }

    static boolean tolerantTitle(String gold, String ours) {
        if (gold == null || ours == null) return false;
        String g = norm(gold), o = norm(ours);
        return g.startsWith(o) && g.substring(o.length()).matches("\\s*(\\||-|–|—|::|_|@|·).*")
                || o.startsWith(g) && o.substring(g.length()).matches("\\s*(\\||-|–|—|::|_|@|·).*");
    }

    static String primary(String tag) {
        return tag.toLowerCase(Locale.ROOT).split("[-_]")[0];
    }

    static String noBy(String s) {
        return s == null ? null : norm(s).replaceFirst("^(by|par|por|von|di|door)\\s+", "");
    }

    static String norm(String s) {
        return s == null ? null : s.replaceAll("[\\s\\u00a0]+", " ").strip().toLowerCase(Locale.ROOT);
    }

    static boolean eq(String a, String b) {
        return a != null && b != null && norm(a).equals(norm(b));
    }

    static String str(JsonNode n, String k) {
        JsonNode v = n.get(k);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Hits over all pages and over pages whose gold is not null. */
    static final class Score {
        final String field;
        int all, allOk, nonNull, nonNullOk;

        Score(String field) {
            this.field = field;
        }

        void add(String gold, boolean ok, String file, String got, List<String> misses, String evidence) {
            all++;
            if (ok) allOk++;
            if (gold != null) {
                nonNull++;
                if (ok) nonNullOk++;
            }
            if (!ok && misses != null) {
                misses.add(file + " " + field + " expected=" + gold + " got=" + got + " {" + evidence + "}");
            }
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-17s all pages %.3f (%d/%d)   gold not null %.3f (%d/%d)",
                    field, allOk / (double) Math.max(1, all), allOk, all, nonNullOk / (double) Math.max(1, nonNull),
                    nonNullOk, nonNull);
        }
    }
}
