package org.parc.extract.entities;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk index of the Wikipedia name dictionary, built from small hand-made dictionaries. */
class WikiDictTest {
    @TempDir
    Path dir;

    static byte[] gz(String lines) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(lines.getBytes(UTF_8));
        }
        return b.toByteArray();
    }

    static WikiDict dict(Path dir, String lines) throws IOException {
        Path idx = dir.resolve("d.idx");
        WikiDict.build(new ByteArrayInputStream(gz(lines)), idx);
        return WikiDict.open(idx);
    }

    @Test
    void looksUpNamesAsWritten() throws IOException {
        WikiDict d = dict(dir, """
                Harry Kane\tHarry_Kane\t0.888889
                Harry Kane\tHarry_Kane_(disambiguation)\t0.111111
                Google\tGoogle\t0.913979
                GOOGLE\tApplication_programming_interface\t1.0
                Nouri al-Maliki\tNouri_al-Maliki\t0.995652
                Kendrick Moxon\tMoxon_&_Kobrin\t1.0
                Hernán Darío Gómez\tHernán_Darío_Gómez\t1.0
                Rare\tSomething\t0.3
                hipster doofus\t!!!\t1.0
                Wikipedia: !!! (Chk Chk Chk)\t!!!\t1.0
                List of things\tList_of_things\t1.0
                Malformed line without tabs
                Bad Score\tBad\tx
                Too\tMany\tTabs\t1.0
                """);
        assertEquals(Optional.of(new WikiDict.Title("Harry_Kane", 0.888889)), d.lookup("Harry Kane"));
        assertEquals(Optional.of(new WikiDict.Title("Harry_Kane", 0.888889)), d.lookup(" Harry   Kane "), "spacing is normalized");
        // case is not folded: a rare capitalized variant must not decide for the usual name
        assertEquals("Google", d.lookup("Google").orElseThrow().title());
        assertEquals("Application_programming_interface", d.lookup("GOOGLE").orElseThrow().title());
        assertEquals("Nouri_al-Maliki", d.lookup("Nouri al-Maliki").orElseThrow().title());
        assertEquals("Hernán_Darío_Gómez", d.lookup("Hernán Darío Gómez").orElseThrow().title());
        assertTrue(d.lookup("Rare").isEmpty(), "below P 0.5: not kept");
        assertTrue(d.lookup("hipster doofus").isEmpty(), "not a name");
        assertTrue(d.lookup("List of things").isEmpty(), "a list page");
        assertTrue(d.lookup("Bad Score").isEmpty());
        assertTrue(d.lookup("Nobody Known").isEmpty());
        assertTrue(d.lookup("").isEmpty());
    }

    @Test
    void namesAndTitles() {
        assertTrue(WikiDict.nameLike("Council on American-Islamic Relations"));
        assertTrue(WikiDict.nameLike("Nouri al-Maliki"));
        assertTrue(WikiDict.nameLike("Ibrahim al-Jaafari"));
        assertTrue(WikiDict.nameLike("Valéry Giscard d'Estaing"));
        assertTrue(WikiDict.nameLike("7-Eleven") == false, "a capital first");
        assertFalse(WikiDict.nameLike("http://en.wikipedia.org/wiki/!!!"));
        assertFalse(WikiDict.nameLike("the Brooklyn/Sacramento/Portland-based octet"));
        assertFalse(WikiDict.nameLike("Images for Chk Chk Chk from Wikipedia.org"));
        assertFalse(WikiDict.nameLike("One Two Three Four Five Six Seven"));
        assertFalse(WikiDict.nameLike("Arlington, Texas"));
        assertTrue(WikiDict.articleTitle("Kim_Min-Woo_(footballer)"));
        assertFalse(WikiDict.articleTitle("Mercury_(disambiguation)"));
        assertFalse(WikiDict.articleTitle("Category:Living_people"));
        assertFalse(WikiDict.articleTitle("Two words"));
    }

    /** Seeded random dictionaries: every kept name is found with its best title, in whichever bucket it lands. */
    @Test
    void randomDictionariesRoundTrip() throws IOException {
        Random r = new Random(20261205);
        StringBuilder lines = new StringBuilder();
        Map<String, WikiDict.Title> expected = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String name = "N" + Integer.toString(r.nextInt(1_000_000), 36) + " " + (char) ('A' + r.nextInt(26)) + "x" + i % 97;
            double p = 0.5 + r.nextInt(500) / 1000.0;
            String title = name.replace(' ', '_') + (r.nextBoolean() ? "" : "_(person)");
            lines.append(name).append('\t').append(title).append('\t').append(p).append('\n');
            WikiDict.Title t = new WikiDict.Title(title, p);
            expected.merge(name, t, (a, b) -> a.score() >= b.score() ? a : b);
            names.add(name);
        }
        WikiDict d = dict(dir, lines.toString());
        for (String n : names) assertEquals(Optional.of(expected.get(n)), d.lookup(n), n);
        assertTrue(d.lookup("Nzzzz Qx1").isEmpty());
    }

    @Test
    void aDamagedIndexIsRefusedNotMisread() throws IOException {
        Path idx = dir.resolve("d.idx");
        WikiDict.build(new ByteArrayInputStream(gz("Harry Kane\tHarry_Kane\t0.9\n")), idx);
        try (RandomAccessFile f = new RandomAccessFile(idx.toFile(), "rw")) {
            f.setLength(f.length() - 3);
        }
        IOException e = assertThrows(IOException.class, () -> WikiDict.open(idx));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Files.writeString(idx, "not an index at all");
        assertThrows(IOException.class, () -> WikiDict.open(idx));
    }

    @Test
    void aDamagedIndexInTheCacheIsBuiltAgain() throws IOException {
        Path idx = dir.resolve("cache").resolve("d.idx");
        byte[] dict = gz("Harry Kane\tHarry_Kane\t0.9\n");
        int[] builds = {0};
        WikiDict.Source source = () -> {
            builds[0]++;
            return new ByteArrayInputStream(dict);
        };
        assertTrue(WikiDict.openOrBuild(idx, source).lookup("Harry Kane").isPresent());
        assertTrue(WikiDict.openOrBuild(idx, source).lookup("Harry Kane").isPresent());
        assertEquals(1, builds[0], "built once, then opened");
        // a killed build's leftovers an hour old go; a damaged index is built again
        Path leftover = idx.getParent().resolve("wikidict123.tmp");
        Files.writeString(leftover, "partial");
        Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 7_200_000));
        Files.writeString(idx, "damaged");
        assertTrue(WikiDict.openOrBuild(idx, source).lookup("Harry Kane").isPresent());
        assertEquals(2, builds[0]);
        assertFalse(Files.exists(leftover));
    }

    @Test
    void aFailedBuildLeavesNoIndexAndNoTemporaryFiles() throws IOException {
        Path idx = dir.resolve("sub").resolve("d.idx");
        byte[] truncated = java.util.Arrays.copyOf(gz("Harry Kane\tHarry_Kane\t0.9\n".repeat(1000)), 40);
        assertThrows(IOException.class, () -> WikiDict.build(new ByteArrayInputStream(truncated), idx));
        assertFalse(Files.exists(idx));
        try (var s = Files.list(idx.getParent())) {
            assertEquals(0, s.count(), "temporary files removed");
        }
    }
}
