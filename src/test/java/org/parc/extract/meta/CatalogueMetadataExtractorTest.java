package org.parc.extract.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parc.extract.ArticleMetadata;
import org.parc.extract.Credit;
import org.parc.extract.Hints;
import org.parc.extract.PartialDate;
import org.parc.extract.Role;
import org.parc.extract.Span;
import org.parc.extract.Story;
import org.parc.source.NormalizedDocument;

class CatalogueMetadataExtractorTest {
    private final CatalogueMetadataExtractor x = new CatalogueMetadataExtractor();

    static NormalizedDocument html(String markup, String text) {
        return new NormalizedDocument(null, "text/html", text, Map.of(), false, markup);
    }

    static NormalizedDocument doc(String mediaType, String text, Map<String, List<String>> md) {
        return new NormalizedDocument(null, mediaType, text, md, false, null);
    }

    static Story whole(String text) {
        return new Story(1, new Span(0, text.length()), text);
    }

    ArticleMetadata run(NormalizedDocument d) {
        return x.extract(d, whole(d.text()), Hints.NONE);
    }

    @Test
    void htmlJsonLdAndMeta() {
        String markup = """
                <html lang="en-GB"><head><title>Storm closes harbour for a week | Coast Gazette</title>
                <meta property="og:site_name" content="Coast Gazette">
                <meta property="og:title" content="Storm closes harbour for a week | Coast Gazette">
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
                 "headline":"Storm closes harbour for a week","datePublished":"2021-03-04T09:15:00+00:00",
                 "author":[{"@type":"Person","name":"Mara Quill"},{"@type":"Person","name":"Ode Brand"}],
                 "publisher":{"@type":"Organization","name":"Coast Gazette Ltd"}}</script></head>
                <body><h1>Storm closes harbour for a week</h1><p>The harbour stays shut.</p></body></html>""";
        ArticleMetadata m = run(html(markup, "Storm closes harbour for a week\nThe harbour stays shut."));
        assertEquals("Storm closes harbour for a week", m.title().value());
        assertEquals("json-ld", m.title().evidence().method());
        assertEquals("Coast Gazette Ltd", m.outlet().value());
        assertEquals(PartialDate.parse("2021-03-04"), m.issued().value());
        assertEquals("json-ld", m.issued().evidence().method());
        assertEquals(List.of("Mara Quill", "Ode Brand"), m.credits().stream().map(Credit::name).toList());
        assertEquals("en-GB", m.language().value());
        assertEquals("html-lang", m.language().evidence().method());
    }

    @Test
    void characterReferencesInJsonLdAndMetaTitlesAreDecoded() {
        // as a real page had it: the headline HTML-escaped inside JSON-LD, og:title escaped twice
        String markup = """
                <html><head><title>Goldman Sachs says India’s GDP may plummet</title>
                <meta property="og:title" content="Goldman Sachs says India&amp;rsquo;s GDP may plummet">
                <script type="application/ld+json">{"@type":"NewsArticle","headline":"Goldman Sachs says India&rsquo;s GDP may plummet"}</script>
                </head><body><h1>Goldman Sachs says India’s GDP may plummet</h1><p>Text.</p></body></html>""";
        ArticleMetadata m = run(html(markup, "Goldman Sachs says India’s GDP may plummet\nText."));
        assertEquals("Goldman Sachs says India’s GDP may plummet", m.title().value());
        assertEquals("json-ld", m.title().evidence().method());
        String meta = markup.replaceFirst("(?s)<script.*</script>", "");
        assertEquals("Goldman Sachs says India’s GDP may plummet", run(html(meta, "Goldman Sachs says India’s GDP may plummet\nText.")).title().value());
        assertEquals("R&D and Q&A: AT&T's plan", HtmlRules.cleanTitle("R&D and Q&A: AT&T's plan", "", null, false));
    }

    @Test
    void titleElementLosesSiteSuffixAndMetaDatesWork() {
        String markup = """
                <html><head><title>Council votes to rebuild the old bridge - Valley Courier</title>
                <meta property="og:site_name" content="Valley Courier">
                <meta property="article:published_time" content="2019-11-02T18:00:00-05:00">
                <meta name="author" content="By LENA MARSH, Staff Writer">
                <meta http-equiv="content-language" content="de"></head><body><p>x</p></body></html>""";
        ArticleMetadata m = run(html(markup, "Council votes to rebuild the old bridge"));
        assertEquals("Council votes to rebuild the old bridge", m.title().value());
        assertEquals("Valley Courier", m.outlet().value());
        assertEquals("2019-11-02", m.issued().value().toString());
        assertEquals("article:published_time", m.issued().evidence().detail());
        assertEquals("Lena Marsh", m.credits().get(0).name());
        assertEquals("By LENA MARSH, Staff Writer", m.creditText().value());
        assertEquals("de", m.language().value());
    }

    @Test
    void utcInstantYieldsToThePrintedLocalDay() {
        String markup = """
                <html><head><meta property="article:published_time" content="2020-05-02T02:54:29.000Z"></head>
                <body><article><h1>Late night vote passes budget</h1>
                <span class="article-date">1 May 2020</span><p>Text.</p></article></body></html>""";
        ArticleMetadata m = run(html(markup, "Late night vote passes budget\n1 May 2020\nText."));
        assertEquals("2020-05-01", m.issued().value().toString());
    }

    @Test
    void garbageMetaGivesNothingRatherThanWrongValues() {
        String markup = """
                <html lang="xx-123-garbage-that-is-too-long"><head>
                <meta property="article:published_time" content="not a date">
                <meta name="date" content="2999-01-01">
                <meta name="author" content="https://example.org/people/42">
                <script type="application/ld+json">{ this is not json </script>
                </head><body></body></html>""";
        ArticleMetadata m = run(html(markup, "Short line"));
        assertNull(m.issued());
        assertTrue(m.credits().isEmpty());
        assertNull(m.outlet());
        assertEquals("Short line", m.title().value());
    }

    @Test
    void htmlWithoutHead() {
        String markup = "<p>Lorem ipsum</p>";
        ArticleMetadata m = run(html(markup, "Lorem ipsum"));
        assertEquals("Lorem ipsum", m.title().value());
        assertNull(m.issued());
        assertNull(m.outlet());
        assertTrue(m.credits().isEmpty());
    }

    @Test
    void noTitleInEmptyText() {
        ArticleMetadata m = run(doc("text/plain", "", Map.of()));
        assertNull(m.title());
        assertNull(m.issued());
        assertNull(m.language());
    }

    static final String WIRE = """
            Ferry strike ends after talks

            Workers return to the boats on Monday.

            LISBON, Portugal (Harbour News) - Ferry workers ended a week-long strike on Sunday after the port \
            authority agreed to review shift patterns, union leaders said in a statement.

            The strike had stranded thousands of commuters.

            Editing by Nadia Rowe; Photos: Ivo Tamm
            """;

    @Test
    void plainTextDatelineAndClosingCredits() {
        ArticleMetadata m = run(doc("text/plain", WIRE.strip(), Map.of()));
        assertEquals("Ferry strike ends after talks", m.title().value());
        assertEquals("first-line", m.title().evidence().method());
        assertNotNull(m.dateline());
        assertEquals("LISBON", m.dateline().place());
        assertEquals("Harbour News", m.dateline().outlet());
        assertEquals(m.dateline().raw(), m.dateline().span().cut(WIRE.strip()));
        assertEquals("Harbour News", m.outlet().value());
        assertEquals(List.of(Role.EDITOR, Role.PHOTOGRAPHER), m.credits().stream().map(Credit::role).toList());
        assertEquals("Nadia Rowe", m.credits().get(0).name());
        assertEquals("Ivo Tamm", m.credits().get(1).name());
        assertNull(m.issued()); // no date printed: none rather than a guess
    }

    @Test
    void leadInOutletAndByOutletCredit() {
        String t = """
                Rivers rise across the north

                Tidewatch- Heavy rain has pushed rivers in the north above their banks for the third time this \
                month, officials said on Thursday, warning of more to come.

                By Tidewatch""";
        ArticleMetadata m = run(doc("text/plain", t, Map.of()));
        assertEquals("Tidewatch", m.outlet().value());
        assertEquals("Tidewatch", m.dateline().outlet());
        Credit c = m.credits().get(0);
        assertEquals("Tidewatch", c.name());
        assertTrue(c.organization());
    }

    @Test
    void agencyDatelineCreditsTheAgency() {
        String t = "Talks resume\n\nGENEVA, March 3 (Reuters) - Negotiators resumed talks on Tuesday over the "
                + "future of the treaty, two diplomats said, after a pause of several weeks.";
        ArticleMetadata m = run(doc("text/plain", t, Map.of()));
        assertEquals("GENEVA", m.dateline().place());
        assertEquals("Reuters", m.credits().get(0).name());
        assertTrue(m.credits().get(0).organization());
    }

    @Test
    void pdfMetadataTitleAndCreatedOnlyWhenPrinted() {
        String text = "A report\nPublished 12 June 2018\nBody text of the report.";
        ArticleMetadata m = run(doc("application/pdf", text, Map.of(
                "dc:title", List.of("Quarterly fisheries review"),
                "dc:creator", List.of("Ana Sol"),
                "dcterms:created", List.of("2022-01-05T10:00:00Z"))));
        assertEquals("Quarterly fisheries review", m.title().value());
        assertEquals("dc:title", m.title().evidence().detail());
        assertEquals("2018-06-12", m.issued().value().toString()); // the printed date, not the file's
        assertEquals("Ana Sol", m.credits().get(0).name());

        ArticleMetadata bare = run(doc("application/pdf", "A report\nBody text of the report without dates.",
                Map.of("dc:title", List.of("Microsoft Word - draft3.docx"), "dc:creator", List.of("admin"),
                        "dcterms:created", List.of("2022-01-05T10:00:00Z"))));
        assertEquals("A report", bare.title().value());
        assertNull(bare.issued()); // creation time of the file is not the issue date
        assertTrue(bare.credits().isEmpty());
    }

    @Test
    void emailSubjectAndSentDate() {
        ArticleMetadata m = run(doc("message/rfc822", "Hello all,\nthe newsletter follows.", Map.of(
                "dc:title", List.of("Fwd: Weekly harbour bulletin"),
                "dcterms:created", List.of("2023-02-14T08:30:00Z"),
                "Message:From-Name", List.of("Harbour Desk"))));
        assertEquals("Weekly harbour bulletin", m.title().value());
        assertEquals("2023-02-14", m.issued().value().toString());
        assertEquals("Harbour Desk", m.credits().get(0).name());
        // a mailing list's archive (Mailman's): the list's tag before the subject, the sender's name as a comment
        ArticleMetadata list = run(doc("message/rfc822", "The harbour reopened on Friday.", Map.of(
                "dc:title", List.of("Re: [press] Fwd: Harbour reopens after storm"),
                "Message-From", List.of("mara at coast.example.org (Mara Quill)"))));
        assertEquals("Harbour reopens after storm", list.title().value());
        assertEquals("Mara Quill", list.credits().get(0).name());
        ArticleMetadata address = run(doc("message/rfc822", "The harbour reopened on Friday.", Map.of(
                "dc:title", List.of("[BREAKING] Harbour reopens"), "Message-From", List.of("mara at coast.example.org"))));
        assertTrue(address.credits().isEmpty(), "an address alone names nobody");
        assertEquals("Harbour reopens", address.title().value());
    }

    @Test
    void laterStoryTakesItsOwnHeadline() {
        String text = "First story\nbody one\n\nSecond story headline\nbody two";
        NormalizedDocument d = doc("application/pdf", text, Map.of("dc:title", List.of("Newsletter issue 4")));
        int at = text.indexOf("Second");
        Story s2 = new Story(2, new Span(at, text.length()), text.substring(at));
        assertEquals("Second story headline", x.extract(d, s2, Hints.NONE).title().value());
        assertEquals("Newsletter issue 4", x.extract(d, whole(text), Hints.NONE).title().value());
    }

    @Test
    void hintsWinAndSayWhereTheyCameFrom() {
        Hints h = new Hints("https://example.org/2020/01/13/x", "Given Outlet", PartialDate.parse("2020-02-01"),
                List.of(new Credit("Given Person", Role.AUTHOR, false, null)), "sidecar a.txt.json");
        ArticleMetadata m = x.extract(doc("text/plain", WIRE.strip(), Map.of()), whole(WIRE.strip()), h);
        assertEquals("Given Outlet", m.outlet().value());
        assertEquals("hint", m.outlet().evidence().method());
        assertEquals("2020-02-01", m.issued().value().toString());
        assertEquals("hint", m.issued().evidence().method());
        assertEquals("Given Person", m.credits().get(0).name());
        assertEquals("hint", m.credits().get(0).evidence().method());
    }

    @Test
    void sourceUrlGivesTheDateWhenNothingElseDoes() {
        Hints h = new Hints("https://example.org/news/2020/01/13/story-slug", null, null, List.of(), "--source-url");
        ArticleMetadata m = x.extract(doc("text/plain", "Headline\nBody.", Map.of()), whole("Headline\nBody."), h);
        assertEquals("2020-01-13", m.issued().value().toString());
        assertEquals("url-pattern", m.issued().evidence().method());
        assertFalse(m.issued().evidence().detail().isEmpty());
    }
}
