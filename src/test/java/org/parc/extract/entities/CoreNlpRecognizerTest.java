package org.parc.extract.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parc.extract.Entity;
import org.parc.extract.EntityType;
import org.parc.extract.Mention;

/** The recognizer with the real CoreNLP models, loaded once for the class. */
class CoreNlpRecognizerTest {
    static CoreNlpRecognizer rec;

    static final String IRAQ = """
            Iraq leans toward Russia in war on ISIS

            Shiite-led Baghdad is growing closer to the Iran-Russia coalition, as the collapse of the Islamic State (ISIS/ISIL) in the region appears imminent. The Iraqi government welcomed Russian strikes.

            The following day, Iraq's Vice President Nouri al-Maliki told Russian Foreign Minister Sergey Lavrov in Moscow that Baghdad would welcome Russia playing a bigger role in Iraq. Maliki told Lavrov that the United States had failed.

            Moeen al-Kadhimi, a spokesman for the Badr Corps, said "We welcome Russian airstrikes in Iraq." Muen al-Kadhimi also added that the government relied on the US. U.S. President Donald Trump has accused Iran, a close friend of America's rival Russia. With IS on the ropes, Iraq’s relations with Turkey improved.
            """;

    @BeforeAll
    static void load() {
        rec = CoreNlpRecognizer.shared();
        rec.load();
        assertTrue(rec.loadMillis() >= 0);
    }

    static List<Entity> recognize(String text) {
        List<Entity> es = rec.recognize(text, "en");
        for (Entity e : es) {
            assertFalse(e.mentions().isEmpty());
            for (Mention m : e.mentions()) assertEquals(m.text(), m.span().cut(text), "mention text = cut span: " + m);
            assertEquals(e.key(), org.parc.rdf.Iris.slug(e.key()));
        }
        return es;
    }

    static Entity named(List<Entity> es, String name) {
        return es.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + names(es)));
    }

    static List<String> names(List<Entity> es) {
        return es.stream().map(e -> e.type().slug() + ":" + e.name() + e.alternateNames()).toList();
    }

    @Test
    void aLongTextIsReadInPiecesWithTheSameMentions() {
        String longText = (IRAQ + "\n").repeat(200);
        assertTrue(longText.length() > CoreNlpRecognizer.CHUNK_CHARS);
        List<RawMention> pieces = rec.mentions(longText);
        assertEquals(rec.mentions(longText, Integer.MAX_VALUE), pieces);
        assertEquals(200 * rec.mentions(IRAQ).size(), pieces.size());
        // pieces end after a line break; a text of one long line ends them between words, never inside a surrogate pair
        String text = "ab\ncd ef\ngh";
        assertEquals(3, CoreNlpRecognizer.chunkEnd(text, 0, 8));
        assertEquals(text.length(), CoreNlpRecognizer.chunkEnd(text, 3, 8));
        assertEquals(6, CoreNlpRecognizer.chunkEnd("abcde fghij", 0, 8));
        assertEquals(3, CoreNlpRecognizer.chunkEnd("abc\uD83D\uDE00def", 0, 4));
    }

    @Test
    void sharedInstance() {
        assertSame(CoreNlpRecognizer.shared(), CoreNlpRecognizer.shared());
        assertEquals(CoreNlpRecognizer.DEFAULT_CONFIG, rec.config());
    }

    @Test
    void mergesTheNamesOfOneThing() {
        List<Entity> es = recognize(IRAQ);
        Entity maliki = named(es, "Nouri al-Maliki");
        assertEquals(EntityType.PERSON, maliki.type());
        assertTrue(maliki.alternateNames().contains("Maliki"), names(es).toString());
        assertEquals(List.of("Muen al-Kadhimi"), named(es, "Moeen al-Kadhimi").alternateNames());
        Entity is = named(es, "Islamic State");
        assertTrue(is.alternateNames().containsAll(List.of("IS", "ISIS", "ISIL")), names(es).toString());
        Entity us = named(es, "United States");
        assertEquals(EntityType.PLACE, us.type());
        assertTrue(us.alternateNames().containsAll(List.of("US", "U.S.", "America")), names(es).toString());
        assertEquals("united-states", us.key());
        // each name once
        assertEquals(es.size(), Set.copyOf(es.stream().map(Entity::key).toList()).size(), names(es).toString());
    }

    @Test
    void possessivesAndTheAreNotPartOfNames() {
        List<Entity> es = recognize(IRAQ);
        Entity iraq = named(es, "Iraq");
        assertEquals(5, iraq.mentions().size(), iraq.mentions().toString());
        assertTrue(iraq.mentions().stream().allMatch(m -> m.text().equals("Iraq")));
        for (Entity e : es) {
            for (Mention m : e.mentions()) {
                assertFalse(m.text().endsWith("'s") || m.text().endsWith("’s") || m.text().toLowerCase().startsWith("the "), m.toString());
            }
        }
    }

    @Test
    void demonymsAreNotPlaces() {
        List<Entity> es = recognize(IRAQ);
        assertTrue(es.stream().noneMatch(e -> Set.of("Iraqi", "Russian").contains(e.name())), names(es).toString());
        assertTrue(es.stream().flatMap(e -> e.mentions().stream()).noneMatch(m -> m.text().equals("Iraqi") || m.text().equals("Russian")));
    }

    @Test
    void headlineNamesAreTheKnownOnes() {
        List<Entity> es = recognize(IRAQ);
        // the title-case headline yields mentions of Iraq, Russia and ISIS, not "Iraq Leans"
        assertTrue(es.stream().allMatch(e -> e.mentions().stream().noneMatch(m -> m.text().contains("leans"))));
        assertEquals(0, named(es, "Iraq").mentions().get(0).span().start());
    }

    @Test
    void nonEnglishAndEmptyGiveNothing() {
        assertEquals(List.of(), rec.recognize("Angela Merkel besuchte Paris am Montag.", "de"));
        assertEquals(List.of(), rec.recognize("  ", "en"));
        assertFalse(rec.recognize("Angela Merkel visited Paris on Monday.", "en-GB").isEmpty());
        assertFalse(rec.recognize("Angela Merkel visited Paris on Monday.", null).isEmpty());
    }

    @Test
    void utf16Offsets() {
        String t = "Fans 😀😀 cheered as Angela Merkel visited Paris. Merkel smiled 😀 in Paris.";
        List<Entity> es = recognize(t);
        assertEquals(2, named(es, "Angela Merkel").mentions().size());
        assertEquals(2, named(es, "Paris").mentions().size());
    }

    /**
     * CoreNLP's CRF can learn, as it tags, which words it has seen in lower case (knownLCWords; CoreNLP
     * issues #414, #669): an archive's entities would then depend on the order its files were read in.
     * The 3class model's flags keep none, so the same text gives the same mentions after any other.
     */
    @Test
    void earlierTextsDoNotChangeTheMentions() {
        List<RawMention> first = rec.mentions(IRAQ);
        rec.mentions(IRAQ.toLowerCase(java.util.Locale.ROOT) + "\nbaghdad badr corps kadhimi maliki lavrov moscow russia");
        assertEquals(first, rec.mentions(IRAQ));
    }

    @Test
    void threadSafe() throws Exception {
        List<String> texts = List.of(IRAQ, "Angela Merkel visited Paris and met Emmanuel Macron at the Elysee.",
                "Microsoft and Google compete in California; Satya Nadella spoke in Seattle.", IRAQ.replace("Moscow", "Minsk"));
        List<List<Entity>> sequential = new ArrayList<>();
        for (String t : texts) sequential.add(recognize(t));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Entity>>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String t : texts) futures.add(pool.submit(() -> recognize(t)));
            }
            for (int i = 0; i < futures.size(); i++) assertEquals(sequential.get(i % texts.size()), futures.get(i).get());
        } finally {
            pool.shutdown();
        }
    }
}
