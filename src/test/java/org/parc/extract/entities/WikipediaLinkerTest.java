package org.parc.extract.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.extract.Entity;
import org.parc.extract.EntityType;
import org.parc.extract.Evidence;

/** When a Wikipedia link is asserted, offered as a candidate, or not made: a hand-made dictionary, no models. */
class WikipediaLinkerTest {
    @TempDir
    static Path dir;
    static WikipediaLinker linker;

    @BeforeAll
    static void dictionary() throws IOException {
        Path idx = dir.resolve("d.idx");
        WikiDict.build(new ByteArrayInputStream(WikiDictTest.gz("""
                Harry Kane\tHarry_Kane\t0.888889
                Jessica Rare\tJessica_Rare\t0.6
                Sergei Lavrov\tSergey_Lavrov\t1.0
                Dean Kamen\tDean_L._Kamen\t0.999
                John Kerry\tThe_Electras\t0.985223
                Kendrick Moxon\tMoxon_&_Kobrin\t1.0
                Islamic State\tIslamic_state\t0.944444
                Straits Times\tThe_Straits_Times\t1.0
                BBC News\tBBC_Weekend_News\t0.975665
                Google\tGoogle\t0.913979
                Maliki\tMaliki\t0.914729
                Kim Min-Woo\tKim_Min-Woo_(footballer)\t1.0
                Mark Ruffalo\tMark_Ruffalo_(film)\t1.0
                Bad <Title>\tBad_<Title>\t1.0
                """)), idx);
        WikiDict d = WikiDict.open(idx);
        linker = new WikipediaLinker(() -> Optional.of(d), "test dictionary");
    }

    static Entity entity(EntityType type, String name, String... alternates) {
        return new Entity(type, name.toLowerCase().replace(' ', '-'), name, List.of(alternates), List.of(), List.of(), Evidence.of("test", ""));
    }

    static Optional<Entity.Link> link(EntityType type, String name, String... alternates) {
        List<Entity.Link> links = linker.link(List.of(entity(type, name, alternates))).get(0).links();
        assertTrue(links.size() <= 1);
        return links.stream().findFirst();
    }

    @Test
    void theNameAsTitleIsAsserted() {
        Entity.Link l = link(EntityType.PERSON, "Harry Kane").orElseThrow();
        assertEquals("http://dbpedia.org/resource/Harry_Kane", l.iri());
        assertTrue(l.accepted());
        assertEquals(0.889, l.confidence());
        assertEquals("wikidict", l.evidence().method());
        assertTrue(l.evidence().detail().contains("P(Harry_Kane | name) = 0.889"), l.evidence().detail());
        assertTrue(link(EntityType.ORGANIZATION, "Google").orElseThrow().accepted());
        assertTrue(link(EntityType.PERSON, "Kim Min-Woo").orElseThrow().accepted(), "a qualifier that fits a person");
    }

    @Test
    void aVariantTitleIsAssertedOnlyWhenItAgreesWithTheName() {
        assertTrue(link(EntityType.PERSON, "Sergei Lavrov").orElseThrow().accepted());
        assertTrue(link(EntityType.PERSON, "Dean Kamen").orElseThrow().accepted());
        assertTrue(link(EntityType.ORGANIZATION, "Straits Times").orElseThrow().accepted());
        // looser readings stay candidates, at half their share; a title with no word of the name goes
        Entity.Link moxon = link(EntityType.PERSON, "Kendrick Moxon").orElseThrow();
        assertFalse(moxon.accepted());
        assertEquals(0.5, moxon.confidence());
        assertTrue(moxon.evidence().detail().endsWith("a candidate: the title is not the name"), moxon.evidence().detail());
        assertTrue(link(EntityType.PERSON, "John Kerry").isEmpty(), "John Kerry → The_Electras: the dictionary's mistake");
        assertFalse(link(EntityType.ORGANIZATION, "BBC News").orElseThrow().accepted());
    }

    @Test
    void weakOrConceptualReadingsAreCandidates() {
        assertFalse(link(EntityType.PERSON, "Jessica Rare").orElseThrow().accepted(), "P 0.6");
        assertFalse(link(EntityType.ORGANIZATION, "Islamic State").orElseThrow().accepted(), "only the case differs: the concept");
    }

    @Test
    void noLinkWhereTheNameCannotTell() {
        assertTrue(link(EntityType.PERSON, "Maliki").isEmpty(), "a surname alone");
        assertTrue(link(EntityType.PERSON, "Nouri al-Maliki", "Maliki").isEmpty(), "short forms are not looked up");
        assertTrue(link(EntityType.PERSON, "Mark Ruffalo").isEmpty(), "an article on a work");
        assertTrue(link(EntityType.PLACE, "Google").isEmpty(), "places are GeoNames' part");
        assertTrue(link(EntityType.ORGANIZATION, "Nobody Knows Inc").isEmpty());
    }

    @Test
    void aWorkIsNoPersonOrBodyWhateverComesBeforeItsKind() {
        assertFalse(WikipediaLinker.fits(EntityType.ORGANIZATION, "Border_Force_(UK_TV_series)"));
        assertFalse(WikipediaLinker.fits(EntityType.PERSON, "Crash_(2004_film)"));
        assertFalse(WikipediaLinker.fits(EntityType.ORGANIZATION, "Sea_Org_(film)"));
        assertTrue(WikipediaLinker.fits(EntityType.ORGANIZATION, "Anonymous_(group)"));
        assertTrue(WikipediaLinker.fits(EntityType.ORGANIZATION, "Cloud9_(esports)"));
        assertTrue(WikipediaLinker.fits(EntityType.PERSON, "John_Smith_(explorer)"));
    }

    @Test
    void iriSafeTitlesAndEntitiesAlreadyLinkedAreLeftAlone() {
        assertEquals("Bad_%3CTitle%3E", WikipediaLinker.iriSafe("Bad_<Title>"));
        assertEquals("100%25_Pure", WikipediaLinker.iriSafe("100%_Pure"));
        assertEquals("AT%26T", WikipediaLinker.iriSafe("AT%26T"));
        Entity.Link geo = new Entity.Link("https://sws.geonames.org/1/", 0.9, true, Evidence.of("x", ""));
        Entity e = new Entity(EntityType.ORGANIZATION, "google", "Google", List.of(), List.of(), List.of(geo), Evidence.of("t", ""));
        assertEquals(List.of(geo), linker.link(List.of(e)).get(0).links());
    }

    @Test
    void withoutTheDictionaryNothingIsLinked() {
        WikipediaLinker none = new WikipediaLinker(Optional::empty, "none");
        Entity e = entity(EntityType.PERSON, "Harry Kane");
        assertEquals(List.of(e), none.link(List.of(e)));
    }
}
