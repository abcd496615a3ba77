package org.parc.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** Ingest behaviour on real files into a real TDB2 store: revisions, failures, skipped files. */
class IngestTest {
    @TempDir
    Path tmp;

    @Test
    void changedFileAtSamePathRevisesTheOldRecordAndKeepsIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Path f = dir.resolve("story.txt");
        Files.writeString(f, "Headline one\n\nBAGHDAD - The first version of the story, long enough to be English text.");
        String store = tmp.resolve("archive").toString();
        assertEquals(0, TestArchives.parc("ingest", "--store", store, "--no-entities", dir.toString()).code());
        Files.writeString(f, "Headline one, corrected\n\nBAGHDAD - The second version of the story, long enough to be English text.");
        Run second = TestArchives.parc("ingest", "--store", store, "--no-entities", dir.toString());
        assertEquals(0, second.code(), second::toString);
        assertTrue(second.out().contains("revised   story.txt"), second::toString);
        Run q = TestArchives.parc("query", "--store", store, "--format", "csv",
                "SELECT ?new ?old ?oldTitle WHERE { ?new prov:wasRevisionOf ?old ; a schema:NewsArticle . ?old dcterms:title ?oldTitle }");
        assertTrue(q.out().contains("Headline one\r\n") || q.out().contains(",Headline one"), q::toString);
        Run count = TestArchives.parc("query", "--store", store, "--format", "csv",
                "SELECT (COUNT(?s) AS ?n) WHERE { ?s a parc:SourceFile }");
        assertTrue(count.out().contains("\n2"), count::toString);
    }

    @Test
    void aBadFileGetsOneLineTheBatchGoesOnAndExitIsOne() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Files.writeString(dir.resolve("good.txt"), "A good headline\n\nSome text of a good article that parc can read.");
        Files.writeString(dir.resolve(".hidden.txt"), "not to be ingested");
        Path report = tmp.resolve("report.json");
        Run r = TestArchives.parc("ingest", "--store", tmp.resolve("archive").toString(), "--no-entities",
                "--report", report.toString(), dir.toString());
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("parc: empty.txt: empty file"), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.out().contains("ingested 1, unchanged 0, failed 1"), r::toString);
        assertTrue(Files.readString(report).contains("\"reason\" : \"empty file\""));
    }

    @Test
    void theArchivesOwnStoreInsideTheFolderIsLeftOutWithALine() throws Exception {
        // `parc ingest --store collection/archive collection`: the second run meets the store among the sources
        Path dir = Files.createDirectories(tmp.resolve("collection"));
        Files.writeString(dir.resolve("a.txt"), "A headline\n\nThe text of the article, in English, long enough.");
        String store = dir.resolve("archive").toString();
        assertEquals(0, TestArchives.parc("ingest", "--store", store, "--no-entities", dir.toString()).code());
        Files.writeString(dir.resolve("b.txt"), "Another headline\n\nThe text of another article, in English, long enough.");
        Run again = TestArchives.parc("ingest", "--store", store, "--no-entities", dir.toString());
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("skipped   archive  (an archive's own store (a TDB2 database), not sources: left out)"), again::toString);
        assertTrue(again.out().contains("ingested 1, unchanged 1, failed 0 (1 articles; 1 skipped"), again::toString);
        Run root = TestArchives.parc("ingest", "--store", tmp.resolve("other").toString(), "--no-entities", store);
        assertTrue(root.out().contains("ingested 0, unchanged 0, failed 0 (0 articles; 1 skipped"), root::toString);
    }

    @Test
    void sidecarJsonIsAHintNotASource() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(dir.resolve("a.txt"), "A headline\n\nThe text of the article, in English, long enough.");
        Files.writeString(dir.resolve("a.txt.json"), "{\"url\": \"https://news.example.com/2024/01/09/a\"}");
        Run r = TestArchives.parc("ingest", "--store", tmp.resolve("archive").toString(), "--no-entities", dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("ingested 1, unchanged 0, failed 0"), r::toString);
    }

    @Test
    void structuredDataIsSkippedNotCataloguedAsAnArticle() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(dir.resolve("a.txt"), "A headline\n\nThe text of the article, in English, long enough.");
        Files.writeString(dir.resolve("gold.json"), "{\"documents\": [{\"file\": \"a.txt\", \"title\": \"A headline\"}]}");
        StringBuilder csv = new StringBuilder("id,place,mentions,date\n");
        for (int i = 1; i <= 40; i++) csv.append(i).append(",Place ").append(i).append(',').append(i * 7 % 13).append(",2020-01-").append(10 + i % 20).append('\n');
        // (Tika reads a three-line CSV as plain text: it calls a file CSV when its columns are regular)
        Files.writeString(dir.resolve("table.csv"), csv);
        Path report = tmp.resolve("report.json");
        String store = tmp.resolve("archive").toString();
        Run r = TestArchives.parc("ingest", "--store", store, "--no-entities", "--report", report.toString(), dir.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("skipped   gold.json  (application/json is structured data, not a document)"), r::toString);
        assertTrue(r.out().contains("skipped   table.csv  (text/csv is structured data, not a document)"), r::toString);
        assertTrue(r.out().contains("ingested 1, unchanged 0, failed 0 (1 articles; 2 skipped;"), r::toString);
        assertTrue(Files.readString(report).contains("\"skipped\" : 2"), () -> report.toString());
        Run q = TestArchives.parc("query", "--store", store, "--format", "csv", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a schema:NewsArticle }");
        assertTrue(q.out().contains("\n1"), q::toString);
    }
}
