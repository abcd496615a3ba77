package org.parc.extract.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parc.extract.EntityType;

/** The mention corrections on hand-made tagger output: no models. */
class MentionRulesTest {
    static final MentionRules RULES = new MentionRules(PlaceNames.shipped(), PlaceGazetteer.shipped());

    static RawMention at(String text, EntityType type, String name) {
        int i = text.indexOf(name);
        if (i < 0) throw new AssertionError(name);
        return new RawMention(type, i, i + name.length());
    }

    static List<String> apply(String text, RawMention... raw) {
        List<String> out = new ArrayList<>();
        for (RawMention m : RULES.apply(text, List.of(raw))) {
            out.add(m.type().slug() + ":" + text.substring(m.start(), m.end()) + (m.nested() ? "(nested)" : ""));
        }
        return out;
    }

    @Test
    void datelineAndOutletBoundaries() {
        String t = "Russia's alliance\n\nWASHINGTON DC (Kurdistan 24) - On Saturday officials met.";
        assertEquals(List.of("place:Russia", "place:WASHINGTON DC", "organization:Kurdistan 24"),
                apply(t, at(t, EntityType.PLACE, "WASHINGTON"), at(t, EntityType.ORGANIZATION, "Kurdistan"),
                        at(t, EntityType.PLACE, "Russia")));
    }

    @Test
    void typesFromCountriesAndCues() {
        String t = "Talks with Turkey went on, reports Kurdish news outlet Rudaw. Troops at Harir base and fighting in Afrin and Idlib.";
        List<String> got = apply(t, at(t, EntityType.PERSON, "Turkey"), at(t, EntityType.PERSON, "Rudaw"),
                at(t, EntityType.PERSON, "Harir"), at(t, EntityType.ORGANIZATION, "Afrin"), at(t, EntityType.PLACE, "Idlib"));
        assertEquals(List.of("place:Turkey", "organization:Rudaw", "place:Harir", "place:Afrin", "place:Idlib"), got);
    }

    @Test
    void sourceCreditOpeningAParagraphIsAnOrganization() {
        String t = "Alwaght- Iraqis and Russians cooperate.\n\nBy Alwaght";
        assertEquals(List.of("organization:Alwaght"), apply(t, new RawMention(EntityType.PERSON, t.lastIndexOf("Alwaght"), t.length())));
    }

    @Test
    void knownPlacesTheTaggerMissed() {
        String t = "Strikes on targets in Deir ez-Zor went on. Nobody went to Mobile Street.";
        assertEquals(List.of("place:Deir ez-Zor"), apply(t));
    }

    @Test
    void nestedPlacesOnlyInsideOrganizationAndFacilityNames() {
        String t = "Experts of the University of Sheffield met in Mexico City at the Volgograd Arena.";
        List<String> got = apply(t, at(t, EntityType.ORGANIZATION, "University of Sheffield"), at(t, EntityType.PLACE, "Mexico City"),
                at(t, EntityType.ORGANIZATION, "Volgograd Arena"));
        assertTrue(got.contains("place:Sheffield(nested)"), got.toString());
        assertTrue(got.contains("place:Volgograd(nested)"), got.toString());
        assertTrue(got.contains("place:Volgograd Arena"), "a facility is a place: " + got);
        assertTrue(got.stream().noneMatch(g -> g.startsWith("place:Mexico(")), got.toString());
    }

    @Test
    void organizationsEndingInAHeadWord() {
        String t = "The boy was arrested by the Irving Police Department on Monday after a teacher thought his clock was a bomb.";
        assertEquals(List.of("organization:Irving Police Department", "place:Irving(nested)"), apply(t));
        // a name does not run on over a line break (a headline or a web page's block ends there)
        String lines = "Health officials in Oregon.\nThe Oregon Health Authority said on Tuesday that cases rose.";
        assertEquals(List.of("place:Oregon", "organization:Oregon Health Authority", "place:Oregon(nested)"), apply(lines));
    }

    @Test
    void organizationRunningIntoAPersonIsSplit() {
        String t = "A student at University of Texas Arlington Amneh Jafari heard of it. Jafari said so.";
        List<String> got = apply(t, at(t, EntityType.ORGANIZATION, "University of Texas Arlington Amneh Jafari"),
                new RawMention(EntityType.PERSON, t.lastIndexOf("Jafari"), t.lastIndexOf("Jafari") + 6));
        assertEquals(List.of("organization:University of Texas Arlington", "person:Amneh Jafari", "person:Jafari"), got);
    }

    @Test
    void titlesLeavePersonNames() {
        String t = "Ayatollah Ali al-Sistani objects. President Putin agreed.";
        assertEquals(List.of("person:Ali al-Sistani", "person:President Putin"),
                apply(t, at(t, EntityType.PERSON, "Ayatollah Ali al-Sistani"), at(t, EntityType.PERSON, "President Putin")));
    }

    @Test
    void organizationsBuiltOnAHeadWord() {
        String t = "The study was published in the Medical Journal of Australia this week, said the director of the museum.";
        List<String> got = apply(t, at(t, EntityType.ORGANIZATION, "Medical Journal"), at(t, EntityType.PLACE, "Australia"));
        assertTrue(got.contains("organization:Medical Journal of Australia"), got.toString());
        assertTrue(got.contains("place:Australia(nested)"), got.toString());
    }

    @Test
    void placeQualifiedByItsRegionWhenTheBareNameIsNotEnough() {
        String t = "The fair was held in Mountain View, California last week, and officials in Baghdad, Iraq agreed. "
                + "Teams came from Victoria, South Australia and Tasmania.";
        List<String> got = apply(t, at(t, EntityType.PLACE, "Mountain View"), at(t, EntityType.PLACE, "California"),
                at(t, EntityType.PLACE, "Baghdad"), at(t, EntityType.PLACE, "Iraq"), at(t, EntityType.PLACE, "Victoria"),
                at(t, EntityType.PLACE, "South Australia"), at(t, EntityType.PLACE, "Tasmania"));
        assertEquals(List.of("place:Mountain View, California", "place:California(nested)", "place:Baghdad", "place:Iraq",
                "place:Victoria", "place:South Australia", "place:Tasmania"), got);
    }

    @Test
    void givenNameAndOneMoreWordIsAPerson() {
        String t = "Attempts from John Stones early in the game, reports the Jordan Times.";
        assertEquals(List.of("person:John Stones", "organization:Jordan Times"),
                apply(t, at(t, EntityType.ORGANIZATION, "John Stones"), at(t, EntityType.ORGANIZATION, "Jordan Times")));
    }

    @Test
    void mentionsWithoutLettersAreDropped() {
        String t = "Officials - and Reuters - agreed.";
        assertEquals(List.of("organization:Reuters"), apply(t, new RawMention(EntityType.PERSON, t.indexOf('-'), t.indexOf('-') + 1),
                at(t, EntityType.ORGANIZATION, "Reuters")));
    }

    /** A one-word name inside a longer mention has no text between it and its neighbour (this threw). */
    @Test
    void oneWordNameInsideALongerMention() {
        String t = "Leaders of Kawa Harir and Afrin met.";
        List<String> got = apply(t, at(t, EntityType.ORGANIZATION, "Kawa Harir"), at(t, EntityType.PERSON, "Harir"),
                at(t, EntityType.PLACE, "Afrin"));
        assertTrue(got.contains("organization:Kawa Harir"), got.toString());
    }

    @Test
    void lineOpeningWithNameAndDash() {
        assertTrue(MentionRules.opensLineBeforeDash("Alwaght- Iraqis", "Alwaght"));
        assertTrue(MentionRules.opensLineBeforeDash("News.\nAlwaght – Iraqis", "Alwaght"));
        assertTrue(MentionRules.opensLineBeforeDash("By Alwaght\r\nAlwaght — x", "Alwaght"));
        assertTrue(!MentionRules.opensLineBeforeDash("By Alwaght - Iraqis", "Alwaght"));
        assertTrue(!MentionRules.opensLineBeforeDash("Alwaght said - no", "Alwaght"));
        assertTrue(!MentionRules.opensLineBeforeDash("Alwaghts- no", "Alwaght"));
    }
}
