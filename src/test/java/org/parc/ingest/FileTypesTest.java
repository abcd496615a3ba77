package org.parc.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
                <meta name="author" content="Claire Dubois"></head>
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
        String store = tmp.resolve("archive").toString();
        Run r = TestArchives.parc("ingest", "--store", store, "--no-entities", in.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("ingested 3, unchanged 0, failed 0"), r::toString);
        Run q = TestArchives.parc("query", "--store", store, "--format", "tsv", """
                SELECT ?name ?format ?title ?lang ?issued ?outlet WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:language ?lang ; prov:wasDerivedFrom ?f .
                  ?f schema:name ?name ; dcterms:format ?format .
                  OPTIONAL { ?a dcterms:issued ?issued } OPTIONAL { ?a dcterms:publisher/schema:name ?outlet }
                } ORDER BY ?name""");
        assertEquals(0, q.code(), q::toString);
        String out = q.out();
        assertTrue(out.contains("\"page.html\"\t\"text/html\"\t\"Le port rouvre après la tempête\"\t\"fr\"\t\"2021-03-04\"^^"
                + "<http://www.w3.org/2001/XMLSchema#date>\t\"Le Journal\""), out);
        assertTrue(out.contains("\"story.docx\"\t\"application/vnd.openxmlformats-officedocument.wordprocessingml.document\"\t"
                + "\"Harbour reopens after storm\"\t\"en\""), out);
        assertTrue(out.contains("\"tip.eml\"\t\"message/rfc822\"\t\"Ferry strike ends after talks\"\t\"en\""), out);
    }
}
