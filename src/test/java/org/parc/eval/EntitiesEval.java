package org.parc.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parc.extract.Entity;
import org.parc.extract.EntityType;
import org.parc.extract.Mention;
import org.parc.extract.entities.CoreNlpRecognizer;

/**
 * Entity recognition scores on ../shared/eval/gum-news-entities (README there): per type and
 * untyped precision, recall and F1, misses and false hits, warm ms/article and model load time; then
 * what is found in each seed article. Configurations to compare: -Dparc.ner.configs=3class,all,...
 *
 * <p>Run: mvn -B -o -Peval test -Dtest=EntitiesEval
 */
class EntitiesEval {

    record Gold(EntityType type, Set<String> names, String label) {}

    /** The linkers ingest runs after recognition: GeoNames for places, Wikipedia for people and organizations. */
    static final org.parc.extract.EntityLinker LINKER = org.parc.extract.entities.GazetteerLinker.shipped()
            .andThen(org.parc.extract.entities.WikipediaLinker.shipped("4.5.10"));

    /** Wikipedia links of people and organizations, judged against the gold's Wikipedia titles. */
    static final class LinkScore {
        int entities, accepted, acceptedRight, acceptedWrong, acceptedUnknown, candidates, candidatesRight;
        final List<String> lines = new ArrayList<>();

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "people and organizations matched to gold %d: accepted links %d (right %d, wrong %d; "
                    + "precision %.3f, recall %.3f); candidates %d (right %d); accepted links on entities the gold does not list %d",
                    entities, acceptedRight + acceptedWrong, acceptedRight, acceptedWrong,
                    acceptedRight + acceptedWrong == 0 ? 0 : (double) acceptedRight / (acceptedRight + acceptedWrong),
                    entities == 0 ? 0 : (double) acceptedRight / entities, candidates, candidatesRight, acceptedUnknown);
        }
    }

    /**
     * A link is right when its article's title is one of the gold entity's names: GUM's gold
     * entities are its Wikipedia links, and each lists the article's title among its names
     * ("Creswell Eastman", "Joker %28character%29") or has a name equal to it.
     */
    static boolean linkRight(Entity.Link l, Set<String> gold) {
        String local = l.iri().substring(org.parc.extract.entities.WikipediaLinker.DBPEDIA_PREFIX.length());
        String title = URLDecoder.decode(local.replace("+", "%2B"), StandardCharsets.UTF_8).replace('_', ' ');
        return gold.contains(norm(title));
    }

    static final class Score {
        int hits, falseHits, gold;

        double p() { return hits + falseHits == 0 ? 0 : (double) hits / (hits + falseHits); }
        double r() { return gold == 0 ? 0 : (double) hits / gold; }
        double f() { return p() + r() == 0 ? 0 : 2 * p() * r() / (p() + r()); }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P %.3f  R %.3f  F1 %.3f  (hits %d, false hits %d, gold %d)", p(), r(), f(), hits, falseHits, gold);
        }
    }

    static Path evalDir() {
        Path p = Path.of("..", "shared", "eval");
        return Files.isDirectory(p) ? p : Path.of("/work/shared/eval");
    }

    static Path seedsDir() {
        Path p = Path.of("..", "shared", "seeds");
        return Files.isDirectory(p) ? p : Path.of("/work/shared/seeds");
    }

    /** Case-folded, without a leading "the" and a trailing "'s", as the README says. */
    static String norm(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
        t = t.replaceFirst("^the\\s+", "").replaceFirst("\\s*'s$", "");
        // the gold names keep the corpus tokenization ("El - Hassan") where the text may not ("El-Hassan")
        t = t.replaceAll("\\s*-\\s*", "-").replaceAll("\\s+", " ");
        return t.strip();
    }

    static Set<String> goldNames(JsonNode names) {
        Set<String> out = new HashSet<>();
        for (JsonNode n : names) {
            out.add(norm(n.asText()));
            // some gold names are Wikipedia titles with %-escapes: "Washington%2C D.C."
            if (n.asText().contains("%")) {
                try {
                    out.add(norm(URLDecoder.decode(n.asText().replace("+", "%2B"), StandardCharsets.UTF_8)));
                } catch (IllegalArgumentException ignored) {
                    // not an escape
                }
            }
        }
        return out;
    }

    static Set<String> names(Entity e) {
        Set<String> out = new HashSet<>();
        out.add(norm(e.name()));
        for (String a : e.alternateNames()) out.add(norm(a));
        return out;
    }

    static boolean matches(Entity e, Set<String> gold) {
        for (String n : names(e)) if (gold.contains(n)) return true;
        return false;
    }

    @Test
    void scores() throws IOException {
        Path dir = evalDir().resolve("gum-news-entities");
        assumeTrue(Files.isRegularFile(dir.resolve("gold.json")), "no eval data at " + dir);
        JsonNode root = new ObjectMapper().readTree(dir.resolve("gold.json").toFile());
        String configs = System.getProperty("parc.ner.configs", CoreNlpRecognizer.DEFAULT_CONFIG);
        for (String config : configs.split(",")) {
            evaluate(CoreNlpRecognizer.withConfig(config.strip()), dir, root, configs.contains(","));
        }
        seeds(CoreNlpRecognizer.withConfig(configs.split(",")[0].strip()));
    }

    void evaluate(CoreNlpRecognizer rec, Path dir, JsonNode root, boolean brief) throws IOException {
        long t0 = System.nanoTime();
        rec.load();
        long load = (System.nanoTime() - t0) / 1_000_000;
        Map<String, String> texts = new LinkedHashMap<>();
        for (JsonNode d : root.get("documents")) {
            String file = d.get("file").asText();
            texts.put(file, Files.readString(dir.resolve(file)));
        }
        // warm up, then time
        for (String t : texts.values()) rec.recognize(t, "en");
        Map<String, List<Entity>> found = new LinkedHashMap<>();
        long chars = 0;
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t1 = System.nanoTime();
        int rounds = 3;
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, String> t : texts.entrySet()) {
                found.put(t.getKey(), rec.recognize(t.getValue(), "en"));
                if (r == 0) chars += t.getValue().length();
            }
        }
        double msPerArticle = (System.nanoTime() - t1) / 1e6 / rounds / texts.size();
        // CPU time of this thread: the cost on one core, whatever else the machine runs
        double cpuPerArticle = (mx.getCurrentThreadCpuTime() - cpu0) / 1e6 / rounds / texts.size();
        double msPerKb = (System.nanoTime() - t1) / 1e6 / rounds / (chars / 1000.0);

        // linking's cost, once the dictionary is open (the first call may index it: not timed)
        for (List<Entity> ents : found.values()) LINKER.link(ents);
        long l0 = System.nanoTime();
        for (int r = 0; r < 20; r++) for (List<Entity> ents : found.values()) LINKER.link(ents);
        double linkMsPerArticle = (System.nanoTime() - l0) / 1e6 / 20 / found.size();
        Map<EntityType, Score> typed = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) typed.put(t, new Score());
        Score untyped = new Score();
        LinkScore links = new LinkScore();
        List<String> report = new ArrayList<>();
        int badSpans = 0;
        int falseLinked = 0;
        for (JsonNode d : root.get("documents")) {
            String file = d.get("file").asText();
            String text = texts.get(file);
            List<Entity> ents = found.get(file);
            for (Entity e : ents) {
                for (Mention m : e.mentions()) if (!m.text().equals(m.span().cut(text))) badSpans++;
            }
            List<Gold> gold = new ArrayList<>();
            List<Set<String>> optional = new ArrayList<>();
            for (JsonNode a : d.get("articles")) {
                for (EntityType t : EntityType.values()) {
                    for (JsonNode g : a.path(t.slug())) gold.add(new Gold(t, goldNames(g), g.toString()));
                }
                for (JsonNode g : a.path("optional")) optional.add(goldNames(g));
            }
            report.add("== " + file);
            if (Boolean.getBoolean("parc.ner.verbose")) {
                for (Entity e : ents) report.add("  found  " + e.type().slug() + " " + e.name() + " " + e.alternateNames() + " x" + e.mentions().size());
            }
            // typed
            for (EntityType t : EntityType.values()) {
                Score s = typed.get(t);
                List<Gold> gt = gold.stream().filter(g -> g.type() == t).toList();
                s.gold += gt.size();
                Set<Gold> hit = new HashSet<>();
                for (Entity e : ents) {
                    if (e.type() != t) continue;
                    Gold g = gt.stream().filter(x -> matches(e, x.names()) && !hit.contains(x)).findFirst()
                            .orElse(gt.stream().filter(x -> matches(e, x.names())).findFirst().orElse(null));
                    if (g != null && hit.add(g)) {
                        s.hits++;
                    } else if (g != null || optional.stream().noneMatch(o -> matches(e, o))) {
                        s.falseHits++;
                    }
                }
            }
            // untyped
            untyped.gold += gold.size();
            Set<Gold> hit = new HashSet<>();
            for (Entity e : LINKER.link(ents)) {
                Gold g = gold.stream().filter(x -> matches(e, x.names()) && !hit.contains(x)).findFirst()
                        .orElse(gold.stream().filter(x -> matches(e, x.names())).findFirst().orElse(null));
                scoreLinks(links, e, g == null || hit.contains(g) ? null : g);
                if (g != null && hit.add(g)) {
                    untyped.hits++;
                    if (g.type() != e.type()) report.add("  type   " + e.type().slug() + " for " + g.type().slug() + ": " + e.name());
                } else if (g != null) {
                    untyped.falseHits++;
                    report.add("  DUP    " + e.type().slug() + " " + e.name() + " " + e.alternateNames() + " (same as " + g.label() + ")");
                } else if (optional.stream().noneMatch(o -> matches(e, o))) {
                    untyped.falseHits++;
                    boolean linked = e.links().stream().anyMatch(Entity.Link::accepted);
                    if (linked) falseLinked++;
                    report.add("  FALSE  " + e.type().slug() + " " + e.name() + " " + e.alternateNames() + (linked ? " (linked)" : ""));
                }
            }
            for (Gold g : gold) {
                if (!hit.contains(g)) report.add("  MISS   " + g.type().slug() + " " + g.label());
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "=== EntitiesEval config=%s  load %d ms  warm %.1f ms/article wall, %.1f ms/article CPU, %.1f ms/KB wall  (%d articles, %d chars)%n",
                rec.config(), load, msPerArticle, cpuPerArticle, msPerKb, texts.size(), chars);
        for (EntityType t : EntityType.values()) System.out.printf("  %-13s %s%n", t.slug(), typed.get(t));
        System.out.printf("  %-13s %s%n", "untyped", untyped);
        // The gold is GUM's Wikification layer (its names are Wikipedia titles: "Washington%2C D.C."): it lists
        // only entities that have a Wikipedia article, so a person the article names who has none counts as false.
        System.out.printf(Locale.ROOT, "  false hits with an accepted Wikipedia or GeoNames link %d, without %d%n",
                falseLinked, untyped.falseHits - falseLinked);
        System.out.println("  mentions whose text != span.cut(text): " + badSpans);
        System.out.println("  wikipedia links: " + links);
        System.out.printf(Locale.ROOT, "  linking (GeoNames and Wikipedia): %.3f ms/article%n", linkMsPerArticle);
        if (!brief) {
            report.forEach(System.out::println);
            System.out.println("--- wikipedia links (OK right, WRONG, ? candidate, NOGOLD on an entity the gold does not list)");
            links.lines.forEach(System.out::println);
        }
    }

    static void scoreLinks(LinkScore s, Entity e, Gold g) {
        if (e.type() == EntityType.PLACE) return;
        if (g != null) s.entities++;
        if (g != null && e.links().isEmpty()) s.lines.add(String.format(Locale.ROOT, "  %-8s %-12s %-30s %s", "NOLINK", e.type().slug(), e.name(), "  gold " + g.label()));
        for (Entity.Link l : e.links()) {
            boolean right = g != null && linkRight(l, g.names());
            String verdict;
            if (l.accepted()) {
                if (g == null) {
                    s.acceptedUnknown++;
                    verdict = "NOGOLD";
                } else if (right) {
                    s.acceptedRight++;
                    verdict = "OK";
                } else {
                    s.acceptedWrong++;
                    verdict = "WRONG";
                }
            } else {
                s.candidates++;
                if (right) s.candidatesRight++;
                verdict = "?" + (g == null ? " nogold" : right ? " right" : " wrong");
            }
            s.lines.add(String.format(Locale.ROOT, "  %-8s %-12s %-30s %s %.3f%s", verdict, e.type().slug(), e.name(), l.iri(),
                    l.confidence(), g == null ? "" : "  gold " + g.label()));
        }
    }

    void seeds(CoreNlpRecognizer rec) throws IOException {
        Path dir = seedsDir();
        if (!Files.isDirectory(dir)) return;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f);
            System.out.println();
            System.out.println("=== seed " + f.getFileName() + ": " + text.lines().findFirst().orElse(""));
            for (Entity e : LINKER.link(rec.recognize(text, "en"))) {
                StringBuilder links = new StringBuilder();
                for (Entity.Link l : e.links()) links.append(' ').append(l.iri()).append(l.accepted() ? "" : "?");
                String detail = e.evidence().detail();
                String how = detail == null || !detail.contains("identity: ") ? "" : detail.substring(detail.indexOf("identity: "));
                System.out.printf("  %-12s %-34s x%-3d %s%s  [%s]%n", e.type().slug(), e.name(), e.mentions().size(),
                        e.alternateNames().isEmpty() ? "" : e.alternateNames() + " ", links, how);
            }
        }
    }
}
