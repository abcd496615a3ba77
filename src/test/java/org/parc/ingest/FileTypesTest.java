package org.parc.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** HTML, e-mail and Word files through the real CLI, Tika and TDB2: each described by its own kind of evidence. */
class FileTypesTest {
    @TempDir
    Path tmp;

    @Test
    void htmlEmailAndWordAreCatalogued() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("page.html"), """
                <!doctype html><html lang="fr"><head><title>Le port rouvre après la tempête | Le Journal</title>
                <meta property="og:site_name" content="Le Journal">
                <meta property="article:published_time" content="2021-03-04T09:00:00+01:00">
                <meta name="author" content="Claire Dubois"><link rel="canonical" href="https://journal.example.fr/2021/03/04/port"></head>
                <body><article><h1>Le port rouvre après la tempête</h1>
                <p>Le port a rouvert vendredi après une semaine de travaux sur la digue, a indiqué l'autorité portuaire.</p>
                </article></body></html>""");
        Files.writeString(in.resolve("tip.eml"), """
                From: Desk <desk@news.example.com>
                To: Archive <archive@news.example.com>
                Subject: Ferry strike ends after talks
                Date: Thu, 04 Mar 2021 09:00:00 +0000
                Content-Type: text/plain; charset=UTF-8

                Ferry workers ended a week-long strike on Sunday after talks with the operator in Portsmouth.
                """.replace("\n", "\r\n"));
        try (XWPFDocument d = new XWPFDocument(); OutputStream out = Files.newOutputStream(in.resolve("story.docx"))) {
            d.getProperties().getCoreProperties().setTitle("Harbour reopens after storm");
            d.createParagraph().createRun().setText("Harbour reopens after storm");
            d.createParagraph().createRun().setText("The harbour reopened on Friday after a week of repairs to the sea wall.");
            d.write(out);
        }
        // The story's photo beside it: a picture, skipped with a reason, not a failed article.
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(photo, "png", in.resolve("harbour.png").toFile());
        String out = ingestAndQuery(in, "ingested 3, unchanged 0, failed 0 (3 articles; 1 skipped", """
                SELECT ?name ?format ?title ?lang ?issued ?outlet WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:language ?lang ; prov:wasDerivedFrom ?f .
                  ?f schema:name ?name ; dcterms:format ?format .
                  OPTIONAL { ?a dcterms:issued ?issued } OPTIONAL { ?a dcterms:publisher/schema:name ?outlet }
                } ORDER BY ?name""");
        assertTrue(out.contains("\"page.html\"\t\"text/html\"\t\"Le port rouvre après la tempête\"\t\"fr\"\t\"2021-03-04\"^^"
                + "<http://www.w3.org/2001/XMLSchema#date>\t\"Le Journal\""), out);
        assertTrue(out.contains("\"story.docx\"\t\"application/vnd.openxmlformats-officedocument.wordprocessingml.document\"\t"
                + "\"Harbour reopens after storm\"\t\"en\""), out);
        assertTrue(out.contains("\"tip.eml\"\t\"message/rfc822\"\t\"Ferry strike ends after talks\"\t\"en\""), out);
        // A page's own address (its canonical link) is the article's, with its evidence; other documents have none.
        Run urls = TestArchives.parc("query", "--store", tmp.resolve("archive").toString(), "--format", "tsv", """
                SELECT ?url ?method ?detail WHERE { ?a schema:url ?url .
                  ?s rdf:subject ?a ; rdf:predicate schema:url ; parc:method ?method ; parc:detail ?detail }""");
        assertEquals("?url\t?method\t?detail\n<https://journal.example.fr/2021/03/04/port>\t\"html-meta\"\t\"link rel=canonical\"",
                urls.out().strip(), urls::toString);
    }
    @Test
    void eachItemOfANewsFeedIsAnArticle() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("feeds"));
        String body = "The harbour reopened on Friday after a week of repairs to the sea wall, the port authority said.";
        Files.writeString(in.resolve("wire.rss"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:media="http://search.yahoo.com/mrss/">
                <channel><title>Coast Wire</title><link>https://coast.example.com/</link><description>Harbour news</description>
                <image><title>Coast Wire logo</title><url>https://coast.example.com/logo.png</url></image>
                <item><title>Harbour reopens after storm</title><link>https://coast.example.com/2021/03/05/harbour</link>
                  <pubDate>Fri, 05 Mar 2021 09:00:00 GMT</pubDate><author>desk@coast.example.com (Mara Quill)</author>
                  <description>A teaser.</description><content:encoded><![CDATA[<p>%1$s</p><p>Ships queued &amp; waited.</p>]]></content:encoded>
                  <media:content url="https://coast.example.com/p.jpg"><media:title>Photo: the quay at dawn</media:title></media:content></item>
                <item><title>Ferry strike ends</title><guid>https://coast.example.com/2021/03/06/ferry</guid>
                  <dc:date>2021-03-06</dc:date><dc:creator>Ode Brand</dc:creator><description>Ferry workers&nbsp;ended a week-long strike on Sunday.</description></item>
                </channel></rss>""".formatted(body)); // &nbsp; undeclared, as web feeds use it: Tika refuses the file, parc reads it
        Files.writeString(in.resolve("wire.atom"), """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Courier</title><id>urn:valley</id><updated>2021-03-07T10:00:00Z</updated>
                <entry><title type="html">Council backs &lt;em&gt;new&lt;/em&gt; bridge</title><id>urn:valley:1</id>
                  <link rel="alternate" href="https://valley.example.org/bridge"/><link rel="enclosure" href="https://valley.example.org/b.mp3"/>
                  <published>2021-03-07T10:00:00Z</published><author><name>Lena Marsh</name><email>lena@valley.example.org</email></author>
                  <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The council voted for the bridge on Sunday.</p><p>Work starts in May.</p></div></content></entry>
                </feed>""");
        // a JSON Feed (jsonfeed.org); JSON that is no feed is data, skipped
        Files.writeString(in.resolve("wire.json"), """
                {"version": "https://jsonfeed.org/version/1.1", "title": "Hill Gazette", "items": [
                  {"id": "1", "url": "https://hill.example.net/mill", "title": "Mill reopens", "date_published": "2021-03-08T07:00:00Z",
                   "authors": [{"name": "Ivo Stern"}], "content_text": "The old mill reopened on Monday as a museum."}]}""");
        Files.writeString(in.resolve("figures.json"), "{\"harbour\": [1, 2, 3]}");
        String out = ingestAndQuery(in, "ingested 3, unchanged 0, failed 0 (4 articles", """
                SELECT ?title ?issued ?url ?outlet ?author ?text WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; schema:url ?url ; dcterms:publisher/schema:name ?outlet ;
                     dcterms:issued ?issued ; dcterms:creator/schema:name ?author ; parc:normalizedText/schema:text ?text .
                } ORDER BY ?issued""");
        String date = "\"^^<http://www.w3.org/2001/XMLSchema#date>";
        assertEquals(String.join("\n", "?title\t?issued\t?url\t?outlet\t?author\t?text",
                "\"Harbour reopens after storm\"\t\"2021-03-05" + date + "\t<https://coast.example.com/2021/03/05/harbour>\t\"Coast Wire\"\t\"Mara Quill\"\t"
                        + "\"Harbour reopens after storm\\n\\n" + body + "\\n\\nShips queued & waited.\"",
                "\"Ferry strike ends\"\t\"2021-03-06" + date + "\t<https://coast.example.com/2021/03/06/ferry>\t\"Coast Wire\"\t\"Ode Brand\"\t"
                        + "\"Ferry strike ends\\n\\nFerry workers ended a week-long strike on Sunday.\"",
                "\"Council backs new bridge\"\t\"2021-03-07" + date + "\t<https://valley.example.org/bridge>\t\"Valley Courier\"\t\"Lena Marsh\"\t"
                        + "\"Council backs new bridge\\n\\nThe council voted for the bridge on Sunday.\\n\\nWork starts in May.\"",
                "\"Mill reopens\"\t\"2021-03-08" + date + "\t<https://hill.example.net/mill>\t\"Hill Gazette\"\t\"Ivo Stern\"\t"
                        + "\"Mill reopens\\n\\nThe old mill reopened on Monday as a museum.\""),
                out.strip());
    }
    @Test
    void aWebPageSavedAsOneFileIsReadAsThePage() throws Exception {
        // as Chrome saves a page ("Save as: single file"): a MIME message of the page, quoted-printable, and its images
        String page = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour reopens after storm | Coast Wire</title>
                <meta property="og:site_name" content="Coast Wire"><meta property="article:published_time" content="2021-03-05T09:00:00Z">
                <meta name="author" content="Mara Quill"></head><body>
                <nav><a href="/">Home</a> <a href="/t">Taylor Swift tour dates</a></nav>
                <article><h1>Harbour reopens after storm</h1>
                <p>The harbour reopened on Friday after a week of repairs to the sea wall, the port authority said, and ships queued.</p>
                <p>Repairs cost two million euros, paid by the port, the town and a grant from the region, which had promised it in May.</p>
                <p>The port authority said that the ferries to the islands would keep their winter timetable until the end of the month.</p>
                <p>Fishermen, who had moored their boats in the next town for a week, said they were glad to be home before the season.</p>
                </article><footer><p>Copyright Coast Wire, all rights reserved, 2021 and every year before that one, by Elon Musk.</p></footer>
                </body></html>""";
        StringBuilder qp = new StringBuilder();
        for (String line : page.replace("=", "=3D").split("\n")) {
            for (int at = 0; at < line.length(); at += 70) {
                qp.append(line, at, Math.min(line.length(), at + 70)).append(at + 70 < line.length() ? "=\r\n" : "\r\n");
            }
        }
        String mhtml = "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://coast.example.com/harbour\r\n"
                + "Subject: Harbour reopens\r\nDate: Sat, 6 Mar 2021 10:00:00 -0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--x----\"\r\n\r\n\r\n"
                + "------MultipartBoundary--x----\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                + "Content-Location: https://coast.example.com/harbour\r\n\r\n" + qp
                + "\r\n------MultipartBoundary--x----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
                + "------MultipartBoundary--x------\r\n";
        Path in = Files.createDirectories(tmp.resolve("saved"));
        Files.writeString(in.resolve("harbour.mhtml"), mhtml);
        String out = ingestAndQuery(in, "ingested 1, unchanged 0, failed 0", """
                SELECT ?title ?issued ?outlet ?author ?text WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:issued ?issued ; dcterms:publisher/schema:name ?outlet ;
                     dcterms:creator/schema:name ?author ; parc:normalizedText/schema:text ?text .
                }""");
        String row = out.lines().skip(1).findFirst().orElse("");
        // the page describes the article, not the message around it (saved by Blink on the 6th)
        assertTrue(row.startsWith("\"Harbour reopens after storm\"\t\"2021-03-05\"^^<http://www.w3.org/2001/XMLSchema#date>\t\"Coast Wire\"\t\"Mara Quill\""), row);
        assertTrue(row.contains("ferries to the islands") && !row.contains("Taylor Swift") && !row.contains("Elon Musk"), row);
    }

    @Test
    void aSavedPagesFolderOfStylesScriptsFontsDrawingsAndRecordingsGivesNoArticles() throws Exception {
        // as a browser's "save page, complete" leaves it: the page, and beside it a folder of what the page loads
        Path in = Files.createDirectories(tmp.resolve("saved"));
        Files.writeString(in.resolve("harbour.html"), "<html><head><title>Harbour reopens</title><link rel=\"stylesheet\" href=\"harbour_files/site.css\">"
                + "</head><body><article><h1>Harbour reopens</h1><p>The harbour reopened on Friday after a week of repairs to the sea wall, "
                + "the port authority said.</p></article></body></html>");
        Path files = Files.createDirectories(in.resolve("harbour_files"));
        Files.writeString(files.resolve("site.css"), "body { font-family: \"Open Sans\"; color: #333 }\n/* Harbour, Coast Wire layout */\n");
        Files.writeString(files.resolve("app.js"), "function show() { document.title = 'Harbour reopens after storm'; }\nwindow.onload = show;\n");
        byte[] font = new byte[2048];
        System.arraycopy("wOF2".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, font, 0, 4);
        for (int i = 4; i < font.length; i++) font[i] = (byte) (i * 31);
        Files.write(files.resolve("open-sans.woff2"), font);
        Files.writeString(files.resolve("tides.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"80\">"
                + "<text x=\"10\" y=\"20\">High tide, Friday, 6.2 m</text><rect x=\"10\" y=\"30\" width=\"50\" height=\"40\"/></svg>");
        Files.write(files.resolve("bulletin.mp3"), mp3("Harbour bulletin", "Coast Radio"));
        Run r = ingest(in, "ingested 1, unchanged 0, failed 0 (1 articles; 5 skipped;");
        for (String line : List.of("harbour_files/site.css  (text/css is a style sheet, not a document)",
                "harbour_files/app.js  (text/javascript is a script, not a document)",
                "harbour_files/open-sans.woff2  (a .woff2 file is a font, not a document)",
                "harbour_files/tides.svg  (image/svg+xml is a drawing, not a document",
                "harbour_files/bulletin.mp3  (audio/mpeg is a recording, not a document")) {
            assertTrue(r.out().contains("skipped   " + line), () -> line + "\n" + r);
        }
    }

    @Test
    void aPageThatOnlySendsTheReaderElsewhereIsARedirectNotAnArticle() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(in.resolve("old-harbour.html"), "<html><head><title>Redirecting...</title>"
                + "<meta http-equiv=\"refresh\" content=\"0; URL=harbour.html\"></head><body><p>Redirecting to... "
                + "<a href=\"harbour.html\">harbour.html</a>.</p></body></html>");
        Files.writeString(in.resolve("gone.html"), "<html><head><meta http-equiv=\"Refresh\" content=\"2;url='https://coast.example.com/'\">"
                + "</head><body></body></html>");
        // a live page reloads itself every five minutes: an article
        Files.writeString(in.resolve("live.html"), "<html><head><title>Storm live</title><meta http-equiv=\"refresh\" content=\"300\"></head>"
                + "<body><p>The storm reached the coast at noon, the weather service said, and the ferries stayed in port.</p></body></html>");
        Run r = ingest(in, "ingested 1, unchanged 0, failed 0 (1 articles; 2 skipped;");
        assertTrue(r.out().contains("skipped   old-harbour.html  (a redirect to harbour.html (meta refresh), not a document)"), r::toString);
        assertTrue(r.out().contains("skipped   gone.html  (a redirect to https://coast.example.com/ (meta refresh), not a document)"), r::toString);
        assertTrue(r.out().contains("ingested  live.html"), r::toString);
    }

    @Test
    void aMirroredSitesSitemapAndRobotsFileAreNoArticles() throws Exception {
        // wget --mirror keeps them beside the pages
        Path in = Files.createDirectories(tmp.resolve("mirror"));
        Files.writeString(in.resolve("robots.txt"), "# rules\nUser-agent: *\nDisallow: /admin/\nSitemap: https://coast.example.com/sitemap.xml\n");
        Files.writeString(in.resolve("sitemap.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + "  <url><loc>https://coast.example.com/2021/03/05/harbour-reopens</loc><lastmod>2021-03-05</lastmod></url>\n</urlset>\n");
        // a text that happens to be called robots.txt is still read
        Path other = Files.createDirectories(in.resolve("stories"));
        Files.writeString(other.resolve("robots.txt"), "Robots at the harbour\n\nThe port authority said on Friday that two robots now check the sea wall.\n");
        Run r = ingest(in, "ingested 1, unchanged 0, failed 0 (1 articles; 2 skipped;");
        assertTrue(r.out().contains("skipped   robots.txt  (a robots.txt file (a site's rules for crawlers), not a document)"), r::toString);
        assertTrue(r.out().contains("skipped   sitemap.xml  (a sitemap (a site's list of its addresses), not a document)"), r::toString);
        assertTrue(r.out().contains("ingested  stories/robots.txt"), r::toString);
    }

    /** An MP3 file of silent frames after an ID3v2.3 tag with a title and an artist: Tika reads the tags as its text. */
    static byte[] mp3(String title, String artist) throws java.io.IOException {
        java.io.ByteArrayOutputStream frames = new java.io.ByteArrayOutputStream();
        for (String[] f : new String[][] {{"TIT2", title}, {"TPE1", artist}}) {
            byte[] data = ("\0" + f[1]).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            frames.write(f[0].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            frames.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
            frames.write(new byte[2]);
            frames.write(data);
        }
        int n = frames.size();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {'I', 'D', '3', 3, 0, 0, (byte) ((n >> 21) & 0x7f), (byte) ((n >> 14) & 0x7f), (byte) ((n >> 7) & 0x7f), (byte) (n & 0x7f)});
        frames.writeTo(out);
        byte[] frame = new byte[417];
        frame[0] = (byte) 0xff;
        frame[1] = (byte) 0xfb;
        frame[2] = (byte) 0x90;
        frame[3] = 0x64;
        for (int i = 0; i < 20; i++) out.write(frame);
        return out.toByteArray();
    }

    /** Ingests a folder through the CLI (no entities) into tmp/archive: exit 0 and the summary line. */
    private Run ingest(Path in, String summary) {
        Run r = TestArchives.parc("ingest", "--store", tmp.resolve("archive").toString(), "--no-entities", in.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains(summary), r::toString);
        return r;
    }

    /** Ingests a folder through the CLI (no entities), checks the summary line, and answers a query as TSV. */
    @Test
    void aNewsAgencysNitfFileIsCataloguedFromItsElements() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("CW-2021-0305-01.xml"), org.parc.source.FeedsTest.NITF.strip());
        String out = ingestAndQuery(in, "ingested 1, unchanged 0, failed 0 (1 articles;", """
                SELECT ?title ?issued ?outlet (GROUP_CONCAT(?creator; separator="|") AS ?creators) WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:issued ?issued ; dcterms:publisher/schema:name ?outlet ;
                     dcterms:creator/schema:name ?creator .
                } GROUP BY ?title ?issued ?outlet""");
        assertEquals("?title\t?issued\t?outlet\t?creators\n\"Harbour reopens after storm\"\t\"2021-03-05\"^^<http://www.w3.org/2001/XMLSchema#date>"
                + "\t\"Coast Wire\"\t\"Mara Quill|Ode Brand\"", out.strip().replaceAll("Ode Brand\\|Mara Quill", "Mara Quill|Ode Brand"));
        Run how = TestArchives.parc("query", "--store", tmp.resolve("archive").toString(), "--format", "tsv", """
                SELECT ?p ?method ?detail WHERE { ?s rdf:predicate ?p ; parc:method ?method ; parc:detail ?detail
                  FILTER(?p IN (dcterms:title, dcterms:issued, dcterms:publisher)) } ORDER BY ?p""");
        assertEquals(String.join("\n", "?p\t?method\t?detail",
                "<http://purl.org/dc/terms/issued>\t\"nitf\"\t\"NITF date 2021-03-05T09:00:00Z\"",
                "<http://purl.org/dc/terms/publisher>\t\"nitf\"\t\"NITF publisher\"",
                "<http://purl.org/dc/terms/title>\t\"nitf\"\t\"NITF headline\""), how.out().strip(), how::toString);
    }

    @Test
    void aNewsMlMessageGivesOneArticlePerTextItem() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("coastwire-20210305.xml"), org.parc.source.FeedsTest.NEWSML.strip());
        String out = ingestAndQuery(in, "ingested 1, unchanged 0, failed 0 (2 articles;", """
                SELECT ?title ?issued ?outlet ?creator ?detail WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:issued ?issued ; dcterms:publisher/schema:name ?outlet ;
                     dcterms:creator/schema:name ?creator .
                  ?s rdf:subject ?a ; rdf:predicate dcterms:title ; parc:method "newsml" ; parc:detail ?detail .
                } ORDER BY ?issued""");
        String date = "^^<http://www.w3.org/2001/XMLSchema#date>";
        assertEquals(String.join("\n", "?title\t?issued\t?outlet\t?creator\t?detail",
                "\"Harbour reopens after storm\"\t\"2021-03-05\"" + date + "\t\"Coast Wire\"\t\"Mara Quill\"\t\"NewsML-G2 item 1 headline\"",
                "\"Ferry strike ends\"\t\"2021-03-07\"" + date + "\t\"Coast Wire\"\t\"Ode Brand\"\t\"NewsML-G2 item 2 headline\""), out.strip());
    }

    @Test
    void aMarkdownPostIsCataloguedFromItsFrontMatterAndReadAsItsRenderedPage() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("2021-03-05-harbour.md"), """
                ---
                layout: post
                title: "Harbour reopens after storm"
                date: 2021-03-05 09:00:00 +0000
                authors: [Mara Quill, Ode Brand]
                lang: en
                publisher: Coast Wire
                canonical_url: https://coast.example.com/2021/03/05/harbour
                ---

                The harbour **reopened** on Friday after a week of repairs to the [sea wall](https://coast.example.com/wall), the port authority said.

                ## What comes next

                Ferries resume on Monday.
                """);
        // no front matter: the heading is the title, the file name (Jekyll's form) the date
        Files.writeString(in.resolve("2021-03-07-ferry.markdown"), """
                Ferry strike ends
                =================

                Ferry workers ended a week-long strike on Sunday after talks with the operator.
                """);
        String out = ingestAndQuery(in, "ingested 2, unchanged 0, failed 0 (2 articles;", """
                SELECT ?name ?format ?title ?lang ?issued ?outlet ?url (GROUP_CONCAT(?creator; separator="|") AS ?creators) WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:language ?lang ; dcterms:issued ?issued ; prov:wasDerivedFrom ?f .
                  ?f schema:name ?name ; dcterms:format ?format .
                  OPTIONAL { ?a dcterms:publisher/schema:name ?outlet } OPTIONAL { ?a schema:url ?url }
                  OPTIONAL { ?a dcterms:creator/schema:name ?creator }
                } GROUP BY ?name ?format ?title ?lang ?issued ?outlet ?url ORDER BY ?name""");
        String date = "^^<http://www.w3.org/2001/XMLSchema#date>";
        assertEquals(String.join("\n", "?name\t?format\t?title\t?lang\t?issued\t?outlet\t?url\t?creators",
                "\"2021-03-05-harbour.md\"\t\"text/markdown\"\t\"Harbour reopens after storm\"\t\"en\"\t\"2021-03-05\"" + date
                        + "\t\"Coast Wire\"\t<https://coast.example.com/2021/03/05/harbour>\t\"Mara Quill|Ode Brand\"",
                "\"2021-03-07-ferry.markdown\"\t\"text/markdown\"\t\"Ferry strike ends\"\t\"en\"\t\"2021-03-07\"" + date), // (no outlet, address or author: strip() ate their tabs)
                out.strip().replace("Ode Brand|Mara Quill", "Mara Quill|Ode Brand"));
        // every value says where it came from
        Run how = TestArchives.parc("query", "--store", tmp.resolve("archive").toString(), "--format", "tsv", """
                SELECT ?p ?method ?detail WHERE { ?s rdf:subject ?a ; rdf:predicate ?p ; parc:method ?method ; parc:detail ?detail .
                  ?a prov:wasDerivedFrom/schema:name ?name
                  FILTER(?p IN (dcterms:title, dcterms:issued, dcterms:publisher, dcterms:language, schema:url)) } ORDER BY ?name ?p""");
        assertEquals(String.join("\n", "?p\t?method\t?detail",
                "<http://purl.org/dc/terms/issued>\t\"front-matter\"\t\"YAML date 2021-03-05 09:00:00 +0000\"",
                "<http://purl.org/dc/terms/language>\t\"front-matter\"\t\"YAML lang\"",
                "<http://purl.org/dc/terms/publisher>\t\"front-matter\"\t\"YAML publisher\"",
                "<http://purl.org/dc/terms/title>\t\"front-matter\"\t\"YAML title\"",
                "<http://schema.org/url>\t\"front-matter\"\t\"YAML canonical_url\"",
                "<http://purl.org/dc/terms/issued>\t\"file-name\"\t\"Jekyll post name 2021-03-07-ferry.markdown\"",
                "<http://purl.org/dc/terms/language>\t\"language-detection\"\t\"function-words\"",
                "<http://purl.org/dc/terms/title>\t\"html-heading\"\t\"<h1>\""),
                how.out().strip(), how::toString);
        // the software that read it, with versions
        Run who = TestArchives.parc("query", "--store", tmp.resolve("archive").toString(), "--format", "tsv", """
                SELECT DISTINCT ?n WHERE { ?act parc:stage "normalize" ; prov:wasAssociatedWith/schema:name ?n } ORDER BY ?n""");
        assertEquals("?n\n\"Apache Tika\"\n\"commonmark-java\"\n\"parc\"", who.out().strip(), who::toString);
        // the text is the rendered page's: headline, paragraphs, no Markdown syntax or link targets
        Run text = TestArchives.parc("query", "--store", tmp.resolve("archive").toString(), "--format", "tsv",
                "SELECT ?t WHERE { ?a dcterms:title \"Harbour reopens after storm\" ; parc:normalizedText/schema:text ?t }");
        assertTrue(text.out().contains("\"Harbour reopens after storm\\n\\nThe harbour reopened on Friday after a week of repairs to the sea wall, "
                + "the port authority said.\\n\\nWhat comes next\\n\\nFerries resume on Monday.\""), text::toString);
    }

    @Test
    void articleRecordsInJsonAndJsonLinesAreArticlesWithTheirFieldsAsEvidence() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        // a crawler's output, one record per line (news-please's fields), one line damaged
        Files.writeString(in.resolve("coast.jsonl"), String.join("\n",
                "{\"title\": \"Harbour reopens after storm\", \"maintext\": \"The harbour reopened on Friday after a week of repairs.\", "
                        + "\"authors\": [\"Mara Quill\"], \"date_publish\": \"2021-03-05 09:00:00\", \"language\": \"en\", "
                        + "\"url\": \"https://coast.example.com/2021/03/05/harbour\"}",
                "{\"title\": \"Cut off",
                "{\"title\": \"Ferry strike ends\", \"maintext\": \"Ferry workers ended a week-long strike on Sunday.\", "
                        + "\"date_publish\": \"2021-03-07 10:00:00\", \"language\": \"en\"}", ""));
        // schema.org JSON-LD with the article's text; and JSON-LD that only describes (that is for parc import)
        Files.writeString(in.resolve("bridge.jsonld"), """
                {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Bridge closes",
                 "articleBody": "The bridge closed on Monday as winds reached 120 km/h, the council said.",
                 "author": {"@type": "Person", "name": "Ann Lee"}, "publisher": {"@type": "Organization", "name": "Valley Post"},
                 "datePublished": "2020-02-03T08:00:00Z", "inLanguage": "en"}""");
        Files.writeString(in.resolve("org.jsonld"), "{\"@context\": \"https://schema.org\", \"@type\": \"Organization\", \"name\": \"Valley Post\"}");
        // each record of the JSON Lines file is a source of its own (coast.jsonl!/line-1.json), the damaged line counted
        Run r = ingest(in, "ingested 3, unchanged 0, failed 0 (3 articles; 2 skipped");
        assertTrue(r.out().contains("ingested  coast.jsonl!/line-3.json  (1 article)")
                && r.out().contains("skipped   coast.jsonl  (records that are not articles (no text, or a short text with no title): 1)"), r::toString);
        assertTrue(r.out().contains("skipped   org.jsonld  (application/ld+json is structured data, not a document (it describes no article "
                + "with its text; to add its statements to the archive, use parc import))"), r::toString);
        Run q = TestArchives.parc("query", "--store", tmp.resolve("archive").toString(), "--format", "tsv", """
                SELECT ?name ?format ?title ?issued ?outlet ?creator ?detail WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:issued ?issued ; prov:wasDerivedFrom ?f .
                  ?f parc:path ?name ; dcterms:format ?format .
                  ?s rdf:subject ?a ; rdf:predicate dcterms:issued ; parc:method "json-record" ; parc:detail ?detail .
                  OPTIONAL { ?a dcterms:publisher/schema:name ?outlet } OPTIONAL { ?a dcterms:creator/schema:name ?creator }
                } ORDER BY ?name ?issued""");
        String date = "^^<http://www.w3.org/2001/XMLSchema#date>";
        assertEquals(String.join("\n", "?name\t?format\t?title\t?issued\t?outlet\t?creator\t?detail",
                "\"bridge.jsonld\"\t\"application/ld+json\"\t\"Bridge closes\"\t\"2020-02-03\"" + date
                        + "\t\"Valley Post\"\t\"Ann Lee\"\t\"record date 2020-02-03T08:00:00Z\"",
                "\"coast.jsonl!/line-1.json\"\t\"application/json\"\t\"Harbour reopens after storm\"\t\"2021-03-05\"" + date
                        + "\t\t\"Mara Quill\"\t\"line 1 date 2021-03-05 09:00:00\"",
                "\"coast.jsonl!/line-3.json\"\t\"application/json\"\t\"Ferry strike ends\"\t\"2021-03-07\"" + date
                        + "\t\t\t\"line 3 date 2021-03-07 10:00:00\""), q.out().strip(), q::toString);
    }

    @Test
    void articleRecordsInCsvAreArticlesNamedByTheirRow() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        // a news dataset's export (Kaggle's "All the News" columns), a body over two lines, two authors in one cell
        Files.writeString(in.resolve("all-the-news.csv"), String.join("\r\n",
                ",id,title,publication,author,date,year,month,url,content",
                "0,17283,House Republicans Fret About Winning Their Health Care Suit,New York Times,Carl Hulse,2016-12-31,2016.0,12.0,"
                        + "https://www.nytimes.com/2016/12/31/us/politics/house-republicans-health-care-suit.html,"
                        + "\"WASHINGTON — Congressional Republicans have a new fear about their health care lawsuit.\nThey might win.\"",
                "1,17284,Rift Between Officers and Residents in South Bronx,New York Times,Benjamin Mueller and Al Baker,2017-06-19,2017.0,6.0,,"
                        + "\"After the bullet shells get counted, people peer down from windows.\"", ""));
        // a table of figures is data, not articles
        Files.writeString(in.resolve("prices.csv"), "date,price,volume\n2021-01-01,3.2,100\n");
        // each row is a source of its own (all-the-news.csv!/row-2.json: the row's cells as a JSON object)
        Run r = ingest(in, "ingested 2, unchanged 0, failed 0 (2 articles; 1 skipped");
        assertTrue(r.out().contains("ingested  all-the-news.csv!/row-3.json  (1 article)"), r::toString);
        assertTrue(r.out().contains("skipped   prices.csv  (text/csv is structured data, not a document)"), r::toString);
        Run q = TestArchives.parc("query", "--store", tmp.resolve("archive").toString(), "--format", "tsv", """
                SELECT ?format ?title ?issued ?outlet ?detail (GROUP_CONCAT(?creator; separator="|") AS ?creators) WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:issued ?issued ; dcterms:publisher/schema:name ?outlet ;
                     dcterms:creator/schema:name ?creator ; prov:wasDerivedFrom/dcterms:format ?format .
                  ?s rdf:subject ?a ; rdf:predicate dcterms:title ; parc:method "csv-record" ; parc:detail ?detail .
                } GROUP BY ?format ?title ?issued ?outlet ?detail ORDER BY ?issued""");
        String date = "^^<http://www.w3.org/2001/XMLSchema#date>";
        assertEquals(String.join("\n", "?format\t?title\t?issued\t?outlet\t?detail\t?creators",
                "\"application/json\"\t\"House Republicans Fret About Winning Their Health Care Suit\"\t\"2016-12-31\"" + date
                        + "\t\"New York Times\"\t\"row 2 title\"\t\"Carl Hulse\"",
                "\"application/json\"\t\"Rift Between Officers and Residents in South Bronx\"\t\"2017-06-19\"" + date
                        + "\t\"New York Times\"\t\"row 3 title\"\t\"Al Baker|Benjamin Mueller\""),
                q.out().strip().replace("Benjamin Mueller|Al Baker", "Al Baker|Benjamin Mueller"), q::toString);
    }

    @Test
    void aDigitizedNewspaperPageInAltoGivesItsArticlesAndItsIssueDate() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("sn83030214/1912-04-16/ed-1/seq-1"));
        StringBuilder page = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v4#\">"
                + "<Description><sourceImageInformation><fileName>sn83030214/1912-04-16/ed-1/seq-1.jp2</fileName></sourceImageInformation>"
                + "</Description><Layout><Page><PrintSpace>");
        String[][] articles = {
                {"TITANIC SINKS AFTER STRIKING ICEBERG",
                        "The White Star liner Titanic struck an iceberg off the banks of Newfoundland on Sunday night and sank within hours, "
                                + "the company announced in New York yesterday.",
                        "More than fifteen hundred passengers and crew are feared lost, and the steamship Carpathia is bringing the survivors "
                                + "to port, where relatives have gathered at the pier since dawn."},
                {"SUFFRAGISTS MARCH ON FIFTH AVENUE",
                        "Thousands of women marched down Fifth Avenue on Saturday afternoon to demand the vote, in the largest parade "
                                + "the city has seen this year.",
                        "Police estimated the crowd along the route at half a million people, and the marchers were cheered from every "
                                + "window between Washington Square and Fifty-ninth Street."}};
        for (String[] a : articles) {
            for (String block : a) {
                page.append("<TextBlock>");
                String[] words = block.split(" ");
                for (int i = 0; i < words.length; i += 8) {
                    page.append("<TextLine>");
                    for (int j = i; j < Math.min(words.length, i + 8); j++) page.append("<String CONTENT=\"").append(words[j]).append("\"/><SP/>");
                    page.append("</TextLine>");
                }
                page.append("</TextBlock>");
            }
        }
        Files.writeString(in.resolve("ocr.xml"), page.append("</PrintSpace></Page></Layout></alto>"));
        // the issue's METS record describes its structure: no article
        Files.writeString(tmp.resolve("sn83030214/1912041601.xml"), "<?xml version=\"1.0\"?>\n<mets xmlns=\"http://www.loc.gov/METS/\">"
                + "<dmdSec><mdWrap><xmlData><mods xmlns=\"http://www.loc.gov/mods/v3\"><originInfo><dateIssued>1912-04-16</dateIssued>"
                + "</originInfo></mods></xmlData></mdWrap></dmdSec></mets>");
        // a page saved under its address without the image name in it: the issue date from the path
        Files.createDirectories(tmp.resolve("sn83030214/1912-04-17/ed-1/seq-1"));
        Files.writeString(tmp.resolve("sn83030214/1912-04-17/ed-1/seq-1/ocr.xml"), page.toString()
                .replace("sn83030214/1912-04-16/ed-1/seq-1.jp2", "0001.jp2").replace("CONTENT=\"TITANIC\"", "CONTENT=\"CARPATHIA\""));
        Run two = ingest(tmp.resolve("sn83030214"), "ingested 2, unchanged 0, failed 0 (4 articles; 1 skipped");
        assertTrue(two.out().contains("skipped   1912041601.xml  (a METS record of a digitized item"), two::toString);
        Run next = TestArchives.parc("query", "--store", tmp.resolve("archive").toString(), "--format", "tsv", """
                SELECT ?detail WHERE { ?a dcterms:title ?t FILTER(STRSTARTS(?t, "CARPATHIA"))
                  ?s rdf:subject ?a ; rdf:predicate dcterms:issued ; parc:method "alto" ; parc:detail ?detail }""");
        assertEquals("?detail\n\"file path 1912-04-17/ed-1/seq-1/ocr.xml\"", next.out().strip(), next::toString);
        String out = ingestAndQuery(tmp.resolve("sn83030214/1912-04-16"), "unchanged 1, failed 0 (0 articles;", """
                SELECT ?title ?issued ?detail ?text WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:issued ?issued ; parc:normalizedText/schema:text ?text .
                  ?s rdf:subject ?a ; rdf:predicate dcterms:issued ; parc:method "alto" ; parc:detail ?detail .
                  FILTER(?issued = "1912-04-16"^^xsd:date)
                } ORDER BY ?title""");
        String date = "^^<http://www.w3.org/2001/XMLSchema#date>";
        String how = "\"sourceImageInformation fileName sn83030214/1912-04-16/ed-1/seq-1.jp2\"";
        assertEquals(String.join("\n", "?title\t?issued\t?detail\t?text",
                "\"SUFFRAGISTS MARCH ON FIFTH AVENUE\"\t\"1912-04-16\"" + date + "\t" + how + "\t\"" + String.join("\\n\\n", articles[1]) + "\"",
                "\"TITANIC SINKS AFTER STRIKING ICEBERG\"\t\"1912-04-16\"" + date + "\t" + how + "\t\"" + String.join("\\n\\n", articles[0]) + "\""),
                out.strip());
    }

    @Test
    void aNewsDatabasesExportGivesOneArticlePerDocumentWithoutItsHeaderLines() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        // Nexis Uni's Word export (one paragraph per line, as the database writes it) and Factiva's text export
        try (XWPFDocument d = new XWPFDocument(); OutputStream out = Files.newOutputStream(in.resolve("Files (2).docx"))) {
            for (String line : org.parc.source.NewsExportsTest.sample("nexis-uni-export.txt").split("\n", -1)) {
                d.createParagraph().createRun().setText(line);
            }
            d.write(out);
        }
        Files.writeString(in.resolve("Factiva-20200318.txt"), org.parc.source.NewsExportsTest.sample("factiva-export.txt"));
        String out = ingestAndQuery(in, "ingested 2, unchanged 0, failed 0 (4 articles;", """
                SELECT ?title ?issued ?outlet ?method ?detail WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:issued ?issued ; dcterms:publisher/schema:name ?outlet .
                  ?s rdf:subject ?a ; rdf:predicate dcterms:title ; parc:method ?method ; parc:detail ?detail .
                } ORDER BY ?issued""");
        String date = "^^<http://www.w3.org/2001/XMLSchema#date>";
        assertEquals(String.join("\n", "?title\t?issued\t?outlet\t?method\t?detail",
                "\"Iraq Asks Russia to Help It Join Astana Peace Process\"\t\"2020-03-15\"" + date + "\t\"The New York Times\"\t\"nexis-uni\"\t\"document 1 title\"",
                "\"Russia Offers Iraq Air Defence Talks\"\t\"2020-03-16\"" + date + "\t\"The Guardian (London)\"\t\"nexis-uni\"\t\"document 2 title\"",
                "\"Iraq leans toward Russia in war on ISIS\"\t\"2020-03-17\"" + date + "\t\"Al-Monitor\"\t\"factiva\"\t\"document ALMONT0020200317eg3h0002t title\"",
                "\"Undeclared Truce in Iraq\"\t\"2020-03-18\"" + date + "\t\"Asharq Al-Awsat\"\t\"factiva\"\t\"document AAWSAT0020200318eg3i0000k title\""),
                out.strip());
    }

    private String ingestAndQuery(Path in, String summary, String sparql) {
        Run r = ingest(in, summary);
        assertTrue(!summary.contains("skipped") || r.out().contains("skipped   harbour.png  (image/png with no text: a picture or recording, not a document"), r::toString);
        Run q = TestArchives.parc("query", "--store", tmp.resolve("archive").toString(), "--format", "tsv", sparql);
        assertEquals(0, q.code(), q::toString);
        return q.out();
    }
}
