package org.parc.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parc.extract.DateMention;
import org.parc.extract.PartialDate;
import org.parc.extract.text.RuleDateExtractor;

/**
 * Scores {@link RuleDateExtractor} on the GUM news dev texts: distinct normalized date values per article
 * against the gold "dates" lists, and against a hand-made silver list (src/test/resources/eval) because the
 * gold lists may be empty. Runs once with issued = the gold "published" date and once with issued = null.
 * Then prints what it finds in the seeds. Prints; never fails on a low score.
 */
class DatesEval {

    private final RuleDateExtractor extractor = new RuleDateExtractor();

    static Path evalDir() {
        Path rel = Path.of("..", "shared", "eval");
        return Files.isDirectory(rel) ? rel : Path.of("/work/shared/eval");
    }

    static Path seedsDir() {
        Path local = Path.of("seeds");
        return Files.isDirectory(local) ? local : Path.of("/work/shared/seeds");
    }

    record Doc(String file, String text, PartialDate published, TreeSet<String> gold) {}

    @Test
    void gum() throws IOException {
        Path dir = evalDir().resolve("gum-news-entities");
        assumeTrue(Files.isRegularFile(dir.resolve("gold.json")), "no GUM eval data");
        JsonNode root = new ObjectMapper().readTree(dir.resolve("gold.json").toFile());
        Map<String, TreeSet<String>> silver = silver();
        List<Doc> docs = new ArrayList<>();
        int goldCount = 0;
        for (JsonNode d : root.get("documents")) {
            String file = d.get("file").asText();
            String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
            JsonNode a = d.get("articles").get(0);
            TreeSet<String> gold = new TreeSet<>();
            for (JsonNode g : a.path("dates")) gold.add(goldValue(g));
            goldCount += gold.size();
            String pub = a.path("published").asText(null);
            docs.add(new Doc(file, text, pub == null ? null : PartialDate.parse(pub.substring(0, 10)), gold));
        }
        System.out.println("== DatesEval: GUM news (" + docs.size() + " articles), gold.json lists " + goldCount
                + " dates in all");
        if (goldCount > 0) {
            score("gold, issued=published", docs, d -> d.gold(), true);
            score("gold, issued=null", docs, d -> d.gold(), false);
        } else {
            System.out.println("   gold.json 'dates' lists are all empty: no gold score possible; scoring on silver");
        }
        if (!silver.isEmpty()) {
            score("silver, issued=published", docs, d -> silver.getOrDefault(d.file(), new TreeSet<>()), true);
            score("silver, issued=null", docs, d -> silver.getOrDefault(d.file(), new TreeSet<>()), false);
        }
        System.out.println("-- all mentions, issued=published");
        for (Doc d : docs) {
            System.out.println("   " + d.file() + " (published " + d.published() + ")");
            for (DateMention m : extractor.extract(d.text(), d.published())) System.out.println("      " + show(m));
        }
    }

    private void score(String label, List<Doc> docs, java.util.function.Function<Doc, TreeSet<String>> goldOf,
            boolean withIssued) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int mentions = 0;
        List<String> notes = new ArrayList<>();
        for (Doc d : docs) {
            List<DateMention> found = extractor.extract(d.text(), withIssued ? d.published() : null);
            mentions += found.size();
            TreeSet<String> got = new TreeSet<>();
            for (DateMention m : found) {
                if (!Objects.equals(m.span().cut(d.text()), m.text())) throw new AssertionError("span/text " + m);
                got.add(m.date().toString());
            }
            TreeSet<String> gold = goldOf.apply(d);
            for (String g : got) {
                if (gold.contains(g)) tp++;
                else {
                    fp++;
                    notes.add("   false " + d.file() + ": " + g + " <- " + textsOf(found, g));
                }
            }
            for (String g : gold) {
                if (!got.contains(g)) {
                    fn++;
                    notes.add("   miss  " + d.file() + ": " + g);
                }
            }
        }
        double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        System.out.printf("-- %s: mentions=%d values: tp=%d fp=%d fn=%d  P=%.3f R=%.3f F1=%.3f%n", label, mentions,
                tp, fp, fn, p, r, f);
        notes.forEach(System.out::println);
    }

    private static String textsOf(List<DateMention> found, String value) {
        List<String> t = new ArrayList<>();
        for (DateMention m : found) if (m.date().toString().equals(value)) t.add('"' + m.text() + '"');
        return String.join(", ", t);
    }

    /** A gold date as a normalized string, whether given as a string or an object with a value. */
    private static String goldValue(JsonNode g) {
        if (g.isTextual()) return g.asText();
        for (String k : List.of("value", "date", "normalized")) if (g.has(k)) return g.get(k).asText();
        return g.toString();
    }

    private static Map<String, TreeSet<String>> silver() throws IOException {
        Map<String, TreeSet<String>> out = new LinkedHashMap<>();
        try (InputStream in = DatesEval.class.getResourceAsStream("/eval/gum-dates-silver.tsv")) {
            if (in == null) return out;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.computeIfAbsent(f[0], k -> new TreeSet<>()).add(f[1].strip());
            }
        }
        return out;
    }

    @Test
    void seeds() throws IOException {
        Path dir = seedsDir();
        assumeTrue(Files.isDirectory(dir), "no seeds");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        System.out.println("== DatesEval: seeds (no gold; issued unknown, so null: relative dates are left out;"
                + " then with issued = the latest full date the text names, only to eyeball resolution)");
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            List<DateMention> abs = extractor.extract(text, null);
            PartialDate assumed = abs.stream().map(DateMention::date).filter(PartialDate::isDay)
                    .max(PartialDate::compareTo).orElse(null);
            System.out.println("   " + f.getFileName() + ": issued=null");
            for (DateMention m : abs) System.out.println("      " + show(m));
            if (assumed != null) {
                System.out.println("   " + f.getFileName() + ": issued assumed " + assumed);
                for (DateMention m : extractor.extract(text, assumed)) System.out.println("      " + show(m));
            }
        }
    }

    private static String show(DateMention m) {
        return String.format("%-10s %-9s \"%s\" [%s]", m.date(), m.span(), m.text(), m.evidence().detail());
    }
}
