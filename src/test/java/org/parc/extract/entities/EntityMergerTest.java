package org.parc.extract.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parc.extract.Entity;
import org.parc.extract.EntityType;
import org.parc.extract.Evidence;
import org.parc.extract.Mention;

/** The merging rules on hand-made typed mentions: no models. */
class EntityMergerTest {
    static final EntityMerger MERGER = new EntityMerger(Aliases.shipped(), Set.of("iraqi", "russian", "russians"), PlaceGazetteer.shipped());
    static final Evidence EV = Evidence.of("test", "");

    /** Mentions of the given type at every occurrence of each name (whole words, first match wins). */
    static List<RawMention> at(String text, EntityType type, String... names) {
        List<RawMention> out = new ArrayList<>();
        for (String n : names) {
            for (int i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + 1)) out.add(new RawMention(type, i, i + n.length()));
        }
        return out;
    }

    static List<Entity> merge(String text, List<RawMention> raw) {
        List<Entity> out = MERGER.merge(text, raw, EV);
        for (Entity e : out) {
            for (Mention m : e.mentions()) assertEquals(m.text(), m.span().cut(text), "mention text = cut span");
            assertFalse(e.alternateNames().contains(e.name()));
            assertEquals(e.alternateNames().stream().sorted().toList(), e.alternateNames());
        }
        return out;
    }

    static Entity named(List<Entity> es, String name) {
        return es.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name + " not in " + es));
    }

    @Test
    void surnameJoinsFullName() {
        String t = "Last July, Nouri al-Maliki visited Moscow. Maliki told Lavrov that Baghdad would welcome it.";
        List<RawMention> raw = new ArrayList<>(at(t, EntityType.PERSON, "Nouri al-Maliki", "Lavrov"));
        raw.add(new RawMention(EntityType.PERSON, t.indexOf("Maliki told"), t.indexOf("Maliki told") + 6));
        List<Entity> es = merge(t, raw);
        Entity m = named(es, "Nouri al-Maliki");
        assertEquals(List.of("Maliki"), m.alternateNames());
        assertEquals(2, m.mentions().size());
        assertEquals("nouri-al-maliki", m.key());
    }

    @Test
    void surnameSharedByTwoIsKeptApartWithItsCandidates() {
        String t = "Haider al-Abadi met Ali al-Abadi. Abadi said yes. Later Hadi al-Amiri spoke. Amiri said no.";
        List<RawMention> raw = new ArrayList<>(at(t, EntityType.PERSON, "Haider al-Abadi", "Ali al-Abadi", "Hadi al-Amiri"));
        raw.addAll(at(t, EntityType.PERSON, "Amiri said", "Abadi said").stream().map(r -> new RawMention(r.type(), r.start(), r.start() + 5)).toList());
        List<Entity> es = merge(t, raw);
        assertEquals(List.of("Amiri"), named(es, "Hadi al-Amiri").alternateNames());
        assertTrue(named(es, "Hadi al-Amiri").evidence().detail().contains("Amiri: surname of Hadi al-Amiri"));
        assertEquals(List.of(), named(es, "Haider al-Abadi").alternateNames());
        assertEquals(List.of(), named(es, "Ali al-Abadi").alternateNames());
        assertTrue(named(es, "Abadi").evidence().detail().contains("could be Ali al-Abadi or Haider al-Abadi"), named(es, "Abadi").evidence().detail());
        assertEquals(4, es.size());
    }

    @Test
    void surnameAloneIsThePersonAlreadyNamedWhereItFirstAppears() {
        // "Mohamed" first appears when only Ahmed Mohamed has been named; his father is named later.
        String t = "Ahmed Mohamed built a clock. Mohamed was arrested. His father, Mohamed El-Hassan Mohamed, spoke. Mohamed went home.";
        List<RawMention> raw = new ArrayList<>(at(t, EntityType.PERSON, "Ahmed Mohamed", "Mohamed El-Hassan Mohamed"));
        for (String after : new String[] {"Mohamed was", "Mohamed went"}) {
            raw.addAll(at(t, EntityType.PERSON, after).stream().map(r -> new RawMention(r.type(), r.start(), r.start() + 7)).toList());
        }
        List<Entity> es = merge(t, raw);
        assertEquals(List.of("Mohamed"), named(es, "Ahmed Mohamed").alternateNames());
        assertEquals(3, named(es, "Ahmed Mohamed").mentions().size());
        assertTrue(named(es, "Ahmed Mohamed").evidence().detail().contains(
                "Mohamed: surname of Ahmed Mohamed (the only one named before it; Mohamed El-Hassan Mohamed later)"),
                named(es, "Ahmed Mohamed").evidence().detail());
        assertEquals(2, es.size());
    }

    @Test
    void identityEvidenceSaysHowTheKeyWasDecided() {
        String t = "The US and Baghdad. Officials in Washington D.C. agreed.";
        List<RawMention> raw = new ArrayList<>(at(t, EntityType.PLACE, "US", "Baghdad", "Washington D.C."));
        List<Entity> es = merge(t, raw);
        assertTrue(named(es, "United States").evidence().detail().contains("alias table: US -> United States"));
        assertTrue(named(es, "Baghdad").evidence().detail().contains("key baghdad from name \"Baghdad\""));
        assertEquals("washington-d-c", named(es, "Washington, D.C.").key());
        assertEquals("washington-d-c", EntityKeys.of("WASHINGTON DC").key());
        assertEquals("Washington, D.C.", EntityKeys.of("WASHINGTON DC").name());
    }

    @Test
    void transliterationVariants() {
        String t = "Moeen al-Kadhimi, a spokesman, spoke. Muen al-Kadhimi also said so. Sergei Lavrov and Sergey Lavrov.";
        List<Entity> es = merge(t, at(t, EntityType.PERSON, "Moeen al-Kadhimi", "Muen al-Kadhimi", "Sergei Lavrov", "Sergey Lavrov"));
        assertEquals(2, es.size(), es.toString());
        assertEquals(List.of("Muen al-Kadhimi"), named(es, "Moeen al-Kadhimi").alternateNames());
    }

    @Test
    void differentPeopleStayApart() {
        String t = "John Smith met Joan Smith and Mary Jones.";
        assertEquals(3, merge(t, at(t, EntityType.PERSON, "John Smith", "Joan Smith", "Mary Jones")).size());
    }

    @Test
    void parenthesizedAcronymsAndInitials() {
        String t = "the collapse of the Islamic State (ISIS/ISIL) in the region. Later ISIS lost Mosul. "
                + "The Popular Mobilization Forces (PMF) grew. With IS on the ropes, the PMF waited.";
        List<RawMention> raw = new ArrayList<>(at(t, EntityType.ORGANIZATION, "Islamic State", "Popular Mobilization Forces"));
        raw.add(new RawMention(EntityType.ORGANIZATION, t.indexOf("IS on"), t.indexOf("IS on") + 2));
        raw.addAll(at(t, EntityType.PLACE, "Mosul"));
        List<Entity> es = merge(t, raw);
        Entity is = named(es, "Islamic State");
        assertEquals(List.of("IS", "ISIL", "ISIS"), is.alternateNames());
        // ISIS twice (one found only as a repeat), ISIL once, IS once, the full name once
        assertEquals(5, is.mentions().size(), is.mentions().toString());
        Entity pmf = named(es, "Popular Mobilization Forces");
        assertEquals(List.of("PMF"), pmf.alternateNames());
        assertEquals(3, pmf.mentions().size());
        assertEquals(3, es.size());
    }

    @Test
    void datelineIsNotAnAlias() {
        String t = "WASHINGTON DC (Kurdistan 24) - on Saturday, officials met in New York (AP) - as we learned.";
        List<RawMention> raw = at(t, EntityType.PLACE, "WASHINGTON DC", "New York");
        List<Entity> es = merge(t, raw);
        assertEquals(2, es.size());
        // the outlet in the dateline's brackets is not taken as another name of the place
        assertTrue(es.stream().flatMap(e -> e.alternateNames().stream()).noneMatch(n -> n.contains("Kurdistan") || n.equals("AP")), es.toString());
    }

    @Test
    void countryAliasesFromTheTable() {
        String t = "The United States and the US agree; U.S. troops and America's allies. Washington D.C. is far.";
        List<Entity> es = merge(t, at(t, EntityType.PLACE, "United States", "US", "U.S", "America", "Washington D.C"));
        Entity us = named(es, "United States");
        assertEquals(List.of("America", "U.S.", "US"), us.alternateNames());
        assertEquals("united-states", us.key());
        // (the country's GeoNames link is checked in countriesLinkByEveryCommonName)
        // the abbreviation keeps its dot, the sentence's is not taken twice
        assertEquals(List.of("Washington D.C."), named(es, "Washington, D.C.").alternateNames());
        assertEquals(2, es.size());
    }

    @Test
    void shortAliasAloneGetsTheCanonicalKey() {
        String t = "Troops of the U.S. left.";
        Entity us = merge(t, at(t, EntityType.PLACE, "U.S.")).get(0);
        // the alias table's canonical form names it; the form the article used is kept
        assertEquals("United States", us.name());
        assertEquals(List.of("U.S."), us.alternateNames());
        assertEquals("united-states", us.key());
    }

    @Test
    void acronymThatIsAKnownAliasIsNotReadAsInitials() {
        String t = "The University of Sheffield and the US agree.";
        List<RawMention> raw = new ArrayList<>(at(t, EntityType.ORGANIZATION, "University of Sheffield"));
        raw.addAll(at(t, EntityType.PLACE, "US"));
        assertEquals(2, merge(t, raw).size());
    }

    @Test
    void possessivesAndLeadingTheAreStripped() {
        String t = "Iraq's relationship and Iraq’s ties; the Kremlin said. Reuters' report. The Hague Court.";
        List<RawMention> raw = new ArrayList<>(at(t, EntityType.PLACE, "Iraq's", "Iraq’s"));
        raw.addAll(at(t, EntityType.ORGANIZATION, "the Kremlin", "Reuters'"));
        List<Entity> es = merge(t, raw);
        Entity iraq = named(es, "Iraq");
        assertEquals(2, iraq.mentions().size());
        assertTrue(iraq.mentions().stream().allMatch(m -> m.text().equals("Iraq")));
        assertEquals("Kremlin", named(es, "Kremlin").mentions().get(0).text());
        assertEquals("Reuters", named(es, "Reuters").mentions().get(0).text());
    }

    @Test
    void demonymsAreNotPlaces() {
        String t = "The Iraqi government and Russian weapons; Russians in Iraq.";
        List<Entity> es = merge(t, at(t, EntityType.PLACE, "Iraqi", "Russian", "Iraq"));
        assertEquals(List.of("Iraq"), es.stream().map(Entity::name).toList());
    }

    @Test
    void placesDoNotMergeByPrefix() {
        String t = "From Mexico City to Mexico.";
        assertEquals(2, merge(t, at(t, EntityType.PLACE, "Mexico City", "Mexico")).size());
    }

    @Test
    void organizationsByLeadingOrTrailingWords() {
        String t = "The Church of Scientology sued. Scientology said no. The Labour Party and Labour. Google Science Fair at Google.";
        List<Entity> es = merge(t, at(t, EntityType.ORGANIZATION, "Church of Scientology", "Scientology", "Labour Party", "Labour", "Google Science Fair", "Google"));
        assertEquals(List.of("Scientology"), named(es, "Church of Scientology").alternateNames());
        assertEquals(List.of("Labour"), named(es, "Labour Party").alternateNames());
        assertEquals(List.of(), named(es, "Google Science Fair").alternateNames());
        assertNotNull(named(es, "Google"));
    }

    @Test
    void aLongerNameEndingInABodyNamesAnotherOrganization() {
        String t = "The University of Texas Arlington Muslim Student Association met at the University of Texas Arlington. "
                + "Food Standards Australia New Zealand said Food Standards Australia would act.";
        List<Entity> es = merge(t, at(t, EntityType.ORGANIZATION, "University of Texas Arlington Muslim Student Association",
                "University of Texas Arlington", "Food Standards Australia New Zealand", "Food Standards Australia"));
        assertEquals(List.of(), named(es, "University of Texas Arlington Muslim Student Association").alternateNames());
        assertNotNull(named(es, "University of Texas Arlington"));
        assertEquals(List.of("Food Standards Australia"), named(es, "Food Standards Australia New Zealand").alternateNames());
    }

    @Test
    void oneNameTaggedWithTwoTypesIsOneEntity() {
        String t = "Reuters reported. Later Reuters said. And Reuters added.";
        List<RawMention> raw = List.of(new RawMention(EntityType.ORGANIZATION, 0, 7),
                new RawMention(EntityType.ORGANIZATION, t.indexOf("Reuters said"), t.indexOf("Reuters said") + 7),
                new RawMention(EntityType.PERSON, t.lastIndexOf("Reuters"), t.lastIndexOf("Reuters") + 7),
                new RawMention(EntityType.ORGANIZATION, t.lastIndexOf("Reuters"), t.lastIndexOf("Reuters") + 7));
        List<Entity> es = merge(t, raw);
        assertEquals(1, es.size());
        assertEquals(EntityType.ORGANIZATION, es.get(0).type());
    }

    @Test
    void headlineTitleCaseOnlyKeepsKnownNames() {
        String t = "Iraq Asks Russia to Help It Join Astana Peace Process\n\nBaghdad wants Russia and Iraq to talk.";
        List<RawMention> raw = new ArrayList<>();
        raw.add(new RawMention(EntityType.PLACE, 0, 16)); // "Iraq Asks Russia"
        raw.addAll(at(t.substring(20), EntityType.PLACE).stream().toList());
        int body = t.indexOf("Baghdad");
        for (String n : List.of("Baghdad", "Russia", "Iraq")) {
            int i = t.indexOf(n, body);
            raw.add(new RawMention(EntityType.PLACE, i, i + n.length()));
        }
        List<Entity> es = merge(t, raw);
        assertEquals(Set.of("Baghdad", "Russia", "Iraq"), Set.copyOf(es.stream().map(Entity::name).toList()));
        assertEquals(2, named(es, "Iraq").mentions().size());
        assertEquals(0, named(es, "Iraq").mentions().get(0).span().start());
    }

    @Test
    void aCaptionIsRunningTextAndItsCreditNamesNoOne() {
        // most of the caption's words are capitalized, but a sentence ends in it: not a headline
        String t = "Ministers met on Monday.\n"
                + "The Border Force vessel HMC Searcher on The Solent on February 8, 2010. Image: Brian Burnell.\n"
                + "Crowds at the 501st Legion booth (Photo by Jane Doe/AP) on Friday.";
        List<RawMention> raw = new ArrayList<>(at(t, EntityType.ORGANIZATION, "Border Force", "AP"));
        raw.addAll(at(t, EntityType.PERSON, "Brian Burnell", "Jane Doe"));
        raw.addAll(at(t, EntityType.PLACE, "Solent"));
        List<Entity> es = merge(t, raw);
        assertEquals(Set.of("Border Force", "Solent"), Set.copyOf(es.stream().map(Entity::name).toList()));
    }

    @Test
    void aPictureOfSomeoneMentionsThem() {
        String t = "The crowd carried a picture of Saddam Hussein. In a photo Barack Obama posted, he smiles.";
        List<Entity> es = merge(t, at(t, EntityType.PERSON, "Saddam Hussein", "Barack Obama"));
        assertEquals(Set.of("Saddam Hussein", "Barack Obama"), Set.copyOf(es.stream().map(Entity::name).toList()));
        assertTrue(EntityMerger.credit("Image: Twitter / Barack Obama", 17));
        assertTrue(EntityMerger.credit("(Photo courtesy of Reuters)", 19));
    }

    @Test
    void sentencesAreToldFromHeadlines() {
        assertTrue(EntityMerger.sentences("Lady Cassandra from Doctor Who. Image: Nick Moreau."));
        assertTrue(EntityMerger.sentences("Iraq Asks Russia for Help Again."));
        assertFalse(EntityMerger.sentences("Iraq Asks Russia to Help It Join Astana Peace Process"));
        assertFalse(EntityMerger.sentences("Kerry Meets Lavrov as U.S. Weighs Options"));
        assertFalse(EntityMerger.sentences("Apple Inc. Buys Beats for $3 Billion"));
        assertFalse(EntityMerger.sentences("Will Iraq Join the Russia-Iran Alliance?"));
        assertFalse(EntityMerger.sentences("Iraq Wins Again!"));
        assertTrue(EntityMerger.sentences("Is It Over? Officials In Baghdad Say Not Yet"));
    }

    @Test
    void gazetteerLinks() {
        PlaceGazetteer g = PlaceGazetteer.shipped();
        // Baghdad: the capital, named like its governorate
        Entity.Link b = g.link(List.of("Baghdad")).get(0);
        assertEquals("https://sws.geonames.org/98182/", b.iri());
        assertTrue(b.accepted());
        // Georgia is also a US state: never accepted on the name alone
        List<Entity.Link> ge = g.link(List.of("Georgia"));
        assertTrue(ge.stream().noneMatch(Entity.Link::accepted));
        assertTrue(g.link(List.of("Atlantis")).isEmpty());
    }

    @Test
    void aPlaceWrittenOnlyInCapitalsTakesTheGazetteersSpelling() {
        String t = "CAIRO (Reuters) - Talks opened on Monday. SAO PAULO bureau. XYZZYVILLE was quiet. UK officials came.";
        List<Entity> es = merge(t, at(t, EntityType.PLACE, "CAIRO", "SAO PAULO", "XYZZYVILLE", "UK"));
        Entity cairo = named(es, "Cairo");
        assertEquals(List.of("CAIRO"), cairo.alternateNames());
        assertEquals("cairo", cairo.key(), "the identity does not change");
        assertEquals(List.of("CAIRO"), cairo.mentions().stream().map(m -> m.text()).toList(), "the quote stays as written");
        assertEquals(List.of("SAO PAULO"), named(es, "São Paulo").alternateNames(), "diacritics restored");
        assertEquals("XYZZYVILLE", named(es, "XYZZYVILLE").name(), "unknown to the gazetteer: as written");
        assertEquals("United Kingdom", named(es, "United Kingdom").name(), "aliases first");
        // an organization in capitals keeps them
        String o = "UNICEF met CAIRO HOLDINGS.";
        assertEquals(List.of("CAIRO HOLDINGS", "UNICEF"), merge(o, at(o, EntityType.ORGANIZATION, "UNICEF", "CAIRO HOLDINGS")).stream().map(Entity::name).sorted().toList());
    }

    @Test
    void aBareNameJoinsItsOneCompassQualifiedPlace() {
        String t = "South Korea beat Panama. Korea scored twice. South Sudan and Sudan signed a deal.";
        List<Entity> es = merge(t, at(t, EntityType.PLACE, "South Korea", "Panama", "Korea", "South Sudan", "Sudan"));
        assertEquals(List.of("Korea"), named(es, "South Korea").alternateNames());
        // Sudan is a country of its own
        assertEquals(2, es.stream().filter(e -> e.name().contains("Sudan")).count());
    }

    @Test
    void countriesLinkByEveryCommonName() {
        PlaceGazetteer g = PlaceGazetteer.shipped();
        // GeoNames' short and official names, the JDK's English name and parc's aliases
        for (String n : List.of("Iraq", "Republic of Iraq", "United States", "U.S.", "America", "United States of America")) {
            Entity.Link l = g.link(List.of(n)).get(0);
            assertTrue(l.accepted(), n);
            assertEquals(n.contains("Iraq") ? "https://sws.geonames.org/99237/" : "https://sws.geonames.org/6252001/", l.iri(), n);
        }
        assertEquals("https://sws.geonames.org/2635167/", g.link(List.of("Britain")).get(0).iri());
        // a country named like a city is read as the country, the city kept as a candidate
        List<Entity.Link> k = g.link(List.of("Armenia"));
        assertTrue(k.get(0).accepted());
        assertEquals("https://sws.geonames.org/174982/", k.get(0).iri());
        assertEquals("https://sws.geonames.org/3689560/", k.get(1).iri());
        assertTrue(!k.get(1).accepted());
    }

    @Test
    void utf16OffsetsWithAstralCharacters() {
        String t = "😀 Nouri al-Maliki met 😀 Maliki.";
        List<Entity> es = merge(t, at(t, EntityType.PERSON, "Nouri al-Maliki", "Maliki"));
        assertEquals(1, es.size());
        assertEquals(2, es.get(0).mentions().size());
        assertEquals(t.lastIndexOf("Maliki"), es.get(0).mentions().get(1).span().start());
    }
}
