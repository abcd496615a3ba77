package org.parc.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feed reader on the shapes feeds come in: RSS 2.0 with modules, Atom, limits, refused entities. */
public class FeedsTest {
    private static Feeds.Feed read(String xml) {
        return Feeds.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    public static final String NITF = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">
            <nitf><head><title>HARBOUR-REOPENS</title>
              <docdata><doc-id id-string="CW-2021-0305-01"/><date.issue norm="20210305T090000Z"/>
                <doc.copyright year="2021" holder="Coast Wire Agency"/></docdata>
              <pubdata type="web" name="Coast Wire"/></head>
            <body><body.head><hedline><hl1>Harbour reopens after storm</hl1></hedline>
              <byline>By <person>Mara Quill</person> and <person>Ode Brand</person>, <byttl>Coast Wire Writers</byttl></byline>
              <dateline><location>PORTSMOUTH</location></dateline></body.head>
            <body.content><p>The <org>port authority</org> reopened the harbour in <location>Portsmouth</location> on Friday.</p>
              <media media-type="image"><media-caption>Ships at the quay.</media-caption></media>
              <hl2>Repairs</hl2><p>Work on the sea wall took a week.</p></body.content></body></nitf>""";

    public static final String NEWSML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
              <header><sent>2021-03-05T10:00:00Z</sent></header>
              <itemSet>
                <newsItem guid="urn:newsml:coastwire.example:20210305:harbour" version="1" standard="NewsML-G2" standardversion="2.29">
                  <rightsInfo><copyrightHolder literal="Coast Wire Agency"/></rightsInfo>
                  <itemMeta><itemClass qcode="ninat:text"/><provider literal="Coast Wire"/>
                    <versionCreated>2021-03-05T09:30:00Z</versionCreated><firstCreated>2021-03-05T09:00:00Z</firstCreated></itemMeta>
                  <contentMeta><contentCreated>2021-03-05T08:45:00Z</contentCreated>
                    <located qcode="geo:portsmouth"><name>Portsmouth</name></located>
                    <creator role="crol:author"><name>Mara Quill</name></creator>
                    <headline>Harbour reopens after storm</headline><by>By Mara Quill</by><dateline>PORTSMOUTH</dateline></contentMeta>
                  <contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>
                    <p>The <org>port authority</org> reopened the harbour on Friday.</p><p>Work on the sea wall took a week.</p>
                  </body.content></body></nitf></inlineXML></contentSet>
                </newsItem>
                <newsItem guid="urn:newsml:coastwire.example:20210305:photo" version="1" standard="NewsML-G2">
                  <itemMeta><itemClass qcode="ninat:picture"/><provider literal="Coast Wire"/></itemMeta>
                  <contentSet><remoteContent href="https://coastwire.example/p.jpg" contenttype="image/jpeg"/></contentSet>
                </newsItem>
                <newsItem guid="urn:newsml:coastwire.example:20210305:ferry" version="1" standard="NewsML-G2">
                  <itemMeta><itemClass qcode="ninat:text"/><provider literal="Coast Wire"/><firstCreated>2021-03-07T12:00:00Z</firstCreated></itemMeta>
                  <contentMeta><headline>Ferry strike ends</headline><by>By Ode Brand</by></contentMeta>
                  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
                    <h1>Ferry strike ends</h1><p>Ferry workers ended a <em>week-long</em> strike on Sunday.</p></body></html></inlineXML></contentSet>
                </newsItem>
              </itemSet>
            </newsMessage>""";

    @Test
    void aNewsMlMessageGivesEachTextItemAsAnArticle() {
        Feeds.Feed f = read(NEWSML.strip());
        assertEquals("NewsML-G2", f.agencyFormat());
        assertEquals(2, f.items().size(), "the picture item has no text");
        Feeds.Item h = f.items().get(0);
        assertEquals("Harbour reopens after storm", h.title());
        assertEquals("2021-03-05T08:45:00Z", h.published(), "the content's creation, before first and version created");
        assertEquals(List.of("Mara Quill"), h.authors());
        assertEquals("Coast Wire", h.channel());
        assertEquals("The port authority reopened the harbour on Friday.\n\nWork on the sea wall took a week.", h.body());
        Feeds.Item ferry = f.items().get(1);
        assertEquals("2021-03-07T12:00:00Z", ferry.published());
        assertEquals(List.of("By Ode Brand"), ferry.authors(), "no creator element: the by line");
        assertEquals("Ferry strike ends\n\nFerry workers ended a week-long strike on Sunday.", ferry.body());
    }

    @Test
    void aNitfDocumentIsOneItemWithItsHeadlineDateBylineAndPublication() {
        Feeds.Feed f = read(NITF.strip());
        assertEquals("NITF", f.agencyFormat());
        assertEquals(1, f.items().size());
        Feeds.Item i = f.items().get(0);
        assertEquals("Harbour reopens after storm", i.title(), "the headline, not the slug in head/title");
        assertEquals("2021-03-05T09:00:00Z", i.published());
        assertEquals(List.of("Mara Quill", "Ode Brand"), i.authors());
        assertEquals("Coast Wire", i.channel());
        assertEquals("The port authority reopened the harbour in Portsmouth on Friday.\n\nRepairs\n\nWork on the sea wall took a week.", i.body(),
                "inline markup (org, location) stays in its paragraph; a photo's caption is not the article's text");
        assertEquals("2021-03-05", Feeds.nitfDate("20210305"));
        assertEquals("2021-03-05T09:00:00-05:00", Feeds.nitfDate("20210305T0900-0500"));
        assertNull(read("<nitf><head><title></title></head><body/></nitf>"));
    }

    @Test
    void anItemsOwnElementsNotThoseOfItsImages() {
        Feeds.Feed f = read("""
                <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel><title>Coast &amp; Valley Wire</title><image><title>Logo</title></image>
                <item><title>Harbour reopens</title><guid isPermaLink="true">https://coast.example.com/h</guid>
                  <author>desk@coast.example.com (Mara Quill)</author><dc:creator>Ode Brand</dc:creator>
                  <media:content url="https://coast.example.com/p.jpg"><media:title>Photo caption</media:title>
                    <media:description>A photo</media:description></media:content>
                  <description>&lt;p&gt;Ships queued.&lt;/p&gt;&lt;p&gt;Then they sailed.&lt;/p&gt;</description></item>
                </channel></rss>""");
        assertEquals("Coast & Valley Wire", f.title());
        Feeds.Item i = f.items().get(0);
        assertEquals("Harbour reopens", i.title());
        assertEquals("https://coast.example.com/h", i.link(), "a permalink guid stands in for a missing link");
        assertEquals(List.of("desk@coast.example.com (Mara Quill)", "Ode Brand"), i.authors());
        assertEquals("Ships queued.\n\nThen they sailed.", i.body());
        assertEquals("Harbour reopens\n\nShips queued.\n\nThen they sailed.", i.text());
        assertFalse(f.cut());
    }

    @Test
    void atomEntriesWithHtmlTitlesAndXhtmlContent() {
        Feeds.Feed f = read("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Valley &lt;b&gt;Courier&lt;/b&gt;</title>
                <entry><title>Bridge</title><link rel="self" href="https://v.example.org/self"/><link href="https://v.example.org/b"/>
                  <updated>2021-03-08T00:00:00Z</updated><published>2021-03-07T10:00:00Z</published>
                  <author><name>Lena Marsh</name><email>l@v.example.org</email></author>
                  <summary>Short.</summary>
                  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The council voted.</p><p>Work starts in May.</p></div></content>
                </entry></feed>""");
        assertEquals("Valley Courier", f.title());
        Feeds.Item i = f.items().get(0);
        assertEquals("https://v.example.org/b", i.link(), "the alternate link, not self");
        assertEquals("2021-03-07T10:00:00Z", i.published(), "published before updated");
        assertEquals(List.of("Lena Marsh"), i.authors());
        assertEquals("The council voted.\n\nWork starts in May.", i.body(), "the fuller of summary and content");
    }

    @Test
    void htmlNamedReferencesAreReadAsTheirCharacters() {
        // web feeds and NITF use &mdash; and &nbsp; without declaring them (NITF's DTD does, and is not read)
        Feeds.Feed f = read("""
                <rss version="2.0"><channel><title>Harbour &amp; Coast Gazette</title>
                <item><title>Harbour reopens &mdash; ferries return</title>
                  <description>The port&rsquo;s harbour reopened.&nbsp;Ferries resumed.</description></item>
                </channel></rss>""");
        assertEquals("Harbour & Coast Gazette", f.title());
        assertEquals("Harbour reopens \u2014 ferries return", f.items().get(0).title());
        assertEquals("The port\u2019s harbour reopened. Ferries resumed.", f.items().get(0).body());
        Feeds.Feed nitf = read(NITF.strip().replace("Work on the sea wall", "Work&nbsp;on the sea&mdash;wall"));
        assertEquals("NITF", nitf.agencyFormat());
        assertTrue(nitf.items().get(0).body().endsWith("Work on the sea\u2014wall took a week."), nitf.items().get(0).body());
        assertNull(read("<!DOCTYPE rss [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]><rss><channel><item><title>&lol2;</title></item></channel></rss>"),
                "an entity the document declares is still refused");
    }

    private static Feeds.Feed readJson(String json) {
        return Feeds.readJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aJsonFeedsItemsWithTheFeedsAuthorsForItemsWithoutTheirOwn() {
        Feeds.Feed f = readJson("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "Coast Wire", "authors": [{"name": "Coast Wire Desk"}],
                 "items": [
                  {"id": "1", "url": "https://coast.example.com/h", "title": "Harbour reopens", "date_published": "2021-03-05T09:00:00Z",
                   "authors": [{"name": "Mara Quill"}, {"url": "https://x.example"}], "content_html": "<p>Ships queued.</p><p>Then &amp; they sailed.</p>"},
                  {"id": "2", "external_url": "https://other.example.org/f", "date_modified": "2021-03-07", "content_text": "Ferry workers ended a strike.\\n\\nTalks lasted all night."},
                  {"id": "3"}]}""");
        assertEquals("Coast Wire", f.title());
        assertEquals(2, f.items().size(), "an item without title or text is left out");
        Feeds.Item h = f.items().get(0);
        assertEquals("Harbour reopens", h.title());
        assertEquals("https://coast.example.com/h", h.link());
        assertEquals("2021-03-05T09:00:00Z", h.published());
        assertEquals(List.of("Mara Quill"), h.authors());
        assertEquals("Ships queued.\n\nThen & they sailed.", h.body());
        Feeds.Item ferry = f.items().get(1);
        assertNull(ferry.title());
        assertEquals("https://other.example.org/f", ferry.link());
        assertEquals("2021-03-07", ferry.published());
        assertEquals(List.of("Coast Wire Desk"), ferry.authors());
        assertEquals("Ferry workers ended a strike.\n\nTalks lasted all night.", ferry.body());
        // version 1's single author; not a JSON Feed; not JSON
        assertEquals(List.of("Lena Marsh"), readJson("""
                {"version": "https://jsonfeed.org/version/1", "author": {"name": "Lena Marsh"}, "items": [{"id": "1", "summary": "Council backs bridge."}]}""")
                .items().get(0).authors());
        assertNull(readJson("{\"name\": \"data\", \"items\": [{\"title\": \"x\"}]}"));
        assertNull(readJson("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"));
        assertNull(readJson("[1, 2"));
    }

    @Test
    void articleRecordsInJsonAsCrawlersNewsApisAndCmsExportsWriteThem() {
        // news-please / newspaper3k: one object
        Feeds.Feed one = readJson("""
                {"title": "Harbour reopens", "maintext": "The harbour reopened on Friday.\\nShips queued.", "authors": ["Mara Quill"],
                 "date_publish": "2021-03-05 09:00:00", "language": "en", "url": "https://coast.example.com/h", "source_domain": "coast.example.com"}""");
        assertEquals(Feeds.JSON_RECORDS, one.agencyFormat());
        Feeds.Item h = one.items().get(0);
        assertEquals(List.of("Harbour reopens", "2021-03-05 09:00:00", "Mara Quill", "https://coast.example.com/h", "en"),
                List.of(h.title(), h.published(), h.authors().get(0), h.link(), h.language()));
        assertEquals("Harbour reopens\n\nThe harbour reopened on Friday.\n\nShips queued.", h.text());
        assertNull(h.channel(), "a domain is no outlet's name");
        // WordPress's REST API: rendered HTML, an author id (no name), entities in the title
        Feeds.Feed wp = readJson("""
                [{"id": 7, "date": "2021-03-05T09:00:00", "link": "https://coast.example.com/?p=7", "author": 3,
                  "title": {"rendered": "Harbour reopens &#8211; at last"},
                  "content": {"rendered": "<p>The harbour reopened on Friday.</p>\\n<p>Ships queued &amp; waited.</p>"}}]""");
        Feeds.Item w = wp.items().get(0);
        assertEquals("Harbour reopens \u2013 at last\n\nThe harbour reopened on Friday.\n\nShips queued & waited.", w.text());
        assertEquals(List.of(), w.authors());
        // NewsAPI's envelope with its source's name; The Guardian's response.results with fields.bodyText
        Feeds.Feed api = readJson("""
                {"status": "ok", "articles": [{"source": {"id": "bbc-news", "name": "BBC News"}, "author": "Ann Lee", "title": "Bridge closes",
                  "content": "The bridge closed on Monday as winds reached 120 km/h.", "publishedAt": "2020-02-03T08:00:00Z"}]}""");
        assertEquals("BBC News", api.items().get(0).channel());
        Feeds.Feed guardian = readJson("""
                {"response": {"status": "ok", "results": [{"webTitle": "Ferry strike ends", "webPublicationDate": "2021-03-07T10:00:00Z",
                  "webUrl": "https://www.theguardian.com/x", "fields": {"bodyText": "Ferry workers ended a week-long strike."}}]}}""");
        assertEquals(List.of("Ferry strike ends", "2021-03-07T10:00:00Z"), List.of(guardian.items().get(0).title(), guardian.items().get(0).published()));
        // schema.org JSON-LD
        Feeds.Feed ld = readJson("""
                {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge closes", "articleBody": "The bridge closed.",
                 "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chen"}], "publisher": {"name": "Valley Post"},
                 "inLanguage": "en-GB", "datePublished": "2020-02-03"}""");
        assertEquals(List.of("Ann Lee", "Bo Chen"), ld.items().get(0).authors());
        assertEquals("Valley Post", ld.items().get(0).channel());
        // data that is not articles: no body, or a short text with no title (a label, a message)
        assertNull(readJson("{\"name\": \"parc\", \"version\": \"1.0\", \"description\": \"An archive.\"}"));
        assertNull(readJson("[{\"id\": 1, \"text\": \"OK\"}, {\"id\": 2, \"text\": \"Cancel\"}]"));
    }

    /** The rows eachCsvRow gives, as "row N: title|authors|date|link|text" of the record parc reads. */
    private static List<String> rows(String csv, char delimiter) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        boolean body = Feeds.eachCsvRow(new java.io.StringReader(csv), delimiter, (row, n) -> {
            Feeds.Feed f = Feeds.records(n);
            Feeds.Item i = f == null ? null : f.items().get(0);
            out.add("row " + row + ": " + (i == null ? "no article"
                    : i.title() + "|" + i.authors() + "|" + i.published() + "|" + i.link() + "|" + i.text().replace("\n", "/")));
            return true;
        });
        if (!body) out.add("no body column");
        return out;
    }

    @Test
    void articleRecordsInCsvOneARowUnderAHeaderThatNamesABodyColumn() throws Exception {
        String csv = String.join("\n",
                "Title,Text,Authors,Date Published,URL,Section",
                "Bridge closes,\"The bridge closed on Monday.\nWinds reached 120 km/h.\",\"['Ann Lee', 'Bo Chen']\",2020-02-03,https://valley.example.com/b,Local",
                ",,,,,",
                "Ferry strike ends,Ferry workers ended a week-long strike.,Ode Brand,2021-03-07,/relative,Local", "");
        assertEquals(List.of(
                "row 2: Bridge closes|[Ann Lee, Bo Chen]|2020-02-03|https://valley.example.com/b|Bridge closes//The bridge closed on Monday.//Winds reached 120 km/h.",
                "row 3: no article",
                "row 4: Ferry strike ends|[Ode Brand]|2021-03-07|null|Ferry strike ends//Ferry workers ended a week-long strike."),
                rows(csv, ','), "the spreadsheet's rows (header 1); a Python list in a cell; a relative address is not the article's");
        // the cells keep the columns parc does not read, under their own names
        Feeds.eachCsvRow(new java.io.StringReader(csv), ',', (row, n) -> {
            assertEquals("Local", n.get("Section").asText());
            return false;
        });
        // semicolons, as spreadsheets in many locales write; a quote never closed ends the rows, those before it visited
        List<String> seen = new java.util.ArrayList<>();
        org.junit.jupiter.api.Assertions.assertThrows(Feeds.Damaged.class, () -> Feeds.eachCsvRow(
                new java.io.StringReader("headline;body\nA title;A body.\nB title;\"never closed\n"), ';', (row, n) -> seen.add("row " + row)));
        assertEquals(List.of("row 2"), seen);
        assertEquals(';', Feeds.csvDelimiter("headline;body;date"));
        // a table with no body column is data
        assertEquals(List.of("no body column"), rows("date,price\n2021-01-01,3.2\n", ','));
        assertFalse(Feeds.csvHeaderHasBody("date,price", ','));
        assertTrue(Feeds.csvHeaderHasBody("Title;Article Text;Date", ';'), "article_text, however spelled");
        assertFalse(Feeds.csvHeaderHasBody("Title;Summary;Date", ';'));
        assertTrue(Feeds.csvHeaderHasBody("title;content", ';'));
    }

    @Test
    void notAFeedOrNotWellFormedOrUsingDeclaredEntitiesIsNull() {
        assertNull(read("<html><body><p>Hello</p></body></html>"));
        assertNull(read("<rss><channel><title>Wire</title></channel></rss>"), "no items");
        assertNull(read("<rss><channel><item><title>Cut"));
        assertNull(read("<!DOCTYPE rss [<!ENTITY s SYSTEM \"file:///etc/passwd\">]><rss><channel><item><title>&s;</title></item></channel></rss>"));
        Feeds.Feed old = read("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\"><rss version=\"0.91\"><channel><title>Wire</title>"
                + "<item><title>Old</title><description>Kept.</description></item></channel></rss>");
        assertEquals("Old\n\nKept.", old.items().get(0).text(), "the DTD is ignored, not fetched");
    }

    @Test
    void itemsPastTheLimitAreLeftOutAndTheFeedSaysSo() {
        StringBuilder sb = new StringBuilder("<rss><channel><title>Wire</title>");
        for (int i = 0; i <= Feeds.MAX_ITEMS; i++) sb.append("<item><title>Item ").append(i).append("</title></item>");
        Feeds.Feed f = read(sb.append("</channel></rss>").toString());
        assertEquals(Feeds.MAX_ITEMS, f.items().size());
        assertTrue(f.cut());
        // a news agency's message of too many items, likewise
        StringBuilder msg = new StringBuilder("<newsMessage><itemSet>");
        for (int i = 0; i <= Feeds.MAX_ITEMS; i++) msg.append("<newsItem><contentMeta><headline>Item ").append(i).append("</headline></contentMeta></newsItem>");
        Feeds.Feed m = read(msg.append("</itemSet></newsMessage>").toString());
        assertEquals(Feeds.MAX_ITEMS, m.items().size());
        assertTrue(m.cut());
    }
}
