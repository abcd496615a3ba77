package org.parc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A corpus of N articles made from real texts (the seeds, the GUM news texts, the HTML pages of
 * the eval sets), varied so that every file has its own checksum and names: body paragraphs
 * shuffled and mixed across documents, a paragraph naming people, organizations and places drawn
 * from lists, and a counter line. Half plain text, half HTML. Deterministic for a given N.
 */
final class BenchCorpus {
    private static final String[] FIRST = {"Amira", "Boris", "Chen", "Dalia", "Emeka", "Farah", "Gustavo", "Hana", "Igor",
            "Jamal", "Kateryna", "Luis", "Mariam", "Nikolai", "Olga", "Pedro", "Qasim", "Rania", "Sergei", "Tamar",
            "Umar", "Vera", "Walid", "Ximena", "Yusuf", "Zeynep", "Hassan", "Leila", "Daniel", "Sofia"};
    private static final String[] LAST = {"Haddad", "Petrov", "Wang", "Mansour", "Okafor", "Rahimi", "Silva", "Kimura",
            "Volkov", "Barzani", "Shevchenko", "Moreno", "Khalil", "Ivanov", "Sokolova", "Costa", "Hussein", "Nasser",
            "Lavrov", "Avraham", "Farouk", "Novak", "Jumblatt", "Ortega", "Demir", "Aksoy", "Karimi", "Said", "Weber", "Rossi"};
    private static final String[] ORG = {"Ministry of Foreign Affairs", "United Nations Development Programme",
            "World Health Organization", "Central Bank", "Red Crescent Society", "National Oil Company",
            "International Monetary Fund", "Supreme Court", "Electoral Commission", "Chamber of Commerce",
            "Ministry of Water Resources", "Arab League", "European Commission", "African Union", "Reuters"};
    private static final String[] PLACE = {"Baghdad", "Erbil", "Basra", "Mosul", "Amman", "Beirut", "Damascus", "Cairo",
            "Ankara", "Tehran", "Moscow", "Geneva", "Brussels", "Washington", "Nairobi", "Lagos", "Istanbul", "Doha",
            "Riyadh", "Kabul", "Tripoli", "Tunis", "Algiers", "Khartoum", "Sanaa"};

    private BenchCorpus() {}

    /** The eval folder: ../shared/eval relative to the project, else /work/shared/eval. */
    static Path evalDir() {
        Path p = Path.of("..", "shared", "eval");
        return Files.isDirectory(p) ? p : Path.of("/work/shared/eval");
    }

    static Path seedsDir() {
        Path p = Path.of("seeds");
        return Files.isDirectory(p) ? p : Path.of("..", "shared", "seeds");
    }

    /** Builds (or reuses, when complete) the corpus of n files under dir; returns the files. */
    static List<Path> build(Path dir, int n) throws IOException {
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) return files(dir);
        if (Files.exists(dir)) deleteTree(dir);
        Files.createDirectories(dir);
        List<String> texts = new ArrayList<>();
        for (Path p : list(seedsDir(), ".txt")) texts.add(Files.readString(p, StandardCharsets.UTF_8));
        for (Path p : list(evalDir().resolve("gum-news-entities"), ".txt")) texts.add(Files.readString(p, StandardCharsets.UTF_8));
        List<Path> html = new ArrayList<>(list(evalDir().resolve("readability-metadata"), ".html"));
        html.addAll(list(evalDir().resolve("htmldate-dates"), ".html"));
        if (texts.isEmpty() || html.isEmpty()) throw new IOException("no source texts under " + seedsDir() + " / " + evalDir());
        List<byte[]> pages = new ArrayList<>();
        for (Path p : html) pages.add(Files.readAllBytes(p));
        List<List<String>> paragraphs = texts.stream().map(BenchCorpus::paragraphs).toList();

        Random rnd = new Random(20240109L + n);
        for (int i = 0; i < n; i++) {
            // 100 files a folder, as an inbox of feeds would be.
            Path sub = Files.createDirectories(dir.resolve(String.format("%03d", i / 100)));
            String extra = namesParagraph(rnd) + "\n\nCorpus item " + i + " of " + n + ".";
            if (i % 2 == 0) {
                int t = (i / 2) % texts.size();
                List<String> own = paragraphs.get(t);
                List<String> body = new ArrayList<>(own.subList(1, own.size()));
                List<String> other = paragraphs.get(rnd.nextInt(paragraphs.size()));
                if (other.size() > 2) body.add(other.get(1 + rnd.nextInt(other.size() - 1)));
                Collections.shuffle(body, rnd);
                body.add(rnd.nextInt(body.size() + 1), extra);
                String doc = own.get(0) + "\n\n" + String.join("\n\n", body) + "\n";
                Files.writeString(sub.resolve(String.format("a%05d.txt", i)), doc, StandardCharsets.UTF_8);
            } else {
                int h = (i / 2) % pages.size();
                byte[] page = pages.get(h);
                String insert = "<p>" + extra.replace("\n\n", "</p><p>") + "</p>\n";
                byte[] withExtra = insertBeforeBodyEnd(page, insert.getBytes(StandardCharsets.UTF_8));
                Files.write(sub.resolve(String.format("a%05d.html", i)), withExtra);
            }
        }
        Files.writeString(done, "n=" + n + "\n");
        return files(dir);
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : text.replace("\r\n", "\n").split("\n\\s*\n")) if (!p.isBlank()) out.add(p.strip());
        if (out.size() < 2) out.add("");
        return out;
    }

    /** Entity number i of the lists: {IRI segment, name, schema.org type}; people, then organizations, then places. */
    static String[] entity(int i) {
        int k = i % (ORG.length + PLACE.length + 100);
        if (k < ORG.length) return new String[] {"organization", ORG[k], "Organization"};
        if (k < ORG.length + PLACE.length) return new String[] {"place", PLACE[k - ORG.length], "Place"};
        return new String[] {"person", FIRST[(i * 7) % FIRST.length] + " " + LAST[(i * 13 + i / FIRST.length) % LAST.length], "Person"};
    }

    private static String namesParagraph(Random rnd) {
        String person = pick(FIRST, rnd) + " " + pick(LAST, rnd);
        String other = pick(FIRST, rnd) + " " + pick(LAST, rnd);
        String org = pick(ORG, rnd);
        String place = pick(PLACE, rnd);
        return person + ", a spokesperson for the " + org + ", said in " + place + " on Tuesday that talks with "
                + other + " would continue in " + pick(PLACE, rnd) + " next month.";
    }

    private static String pick(String[] a, Random rnd) {
        return a[rnd.nextInt(a.length)];
    }

    /** The page with the insert before its last "</body" (or at the end); the page's own bytes are kept. */
    private static byte[] insertBeforeBodyEnd(byte[] page, byte[] insert) {
        String latin = new String(page, StandardCharsets.ISO_8859_1);
        int at = latin.toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body");
        if (at < 0) at = page.length;
        byte[] out = new byte[page.length + insert.length];
        System.arraycopy(page, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(page, at, out, at + insert.length, page.length - at);
        return out;
    }

    private static List<Path> list(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
