package org.parc.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/**
 * Hostile and messy files, generated here: each gets either a correct record or exactly one clear
 * error line naming it, the batch goes on, the exit code is 1, and --report lists the failures.
 */
class HostileInputTest {
    @TempDir
    Path tmp;

    private static final String BODY = OddFiles.BODY;

    @Test
    void oddFilesGetARecordOrOneClearLineAndTheBatchGoesOn() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        // expected: file -> null (a record) or a fragment of the failure reason
        Map<String, String> expected = new TreeMap<>();

        OddFiles.bytes(in.resolve("empty.txt"), new byte[0]);
        expected.put("empty.txt", "empty file");
        OddFiles.bytes(in.resolve("garbage.txt"), OddFiles.garbage(8192, 42));
        expected.put("garbage.txt", "binary data, not text");
        OddFiles.utf16(in.resolve("utf16.txt"), "Straßenbahn in Zürich\n\nDie Straßenbahn fährt jeden Morgen durch Zürich, "
                + "über die Brücke und an den Geschäften der Altstadt vorbei, wo die Bäcker schon früh öffnen.");
        expected.put("utf16.txt", null);
        OddFiles.text(in.resolve("cp1252.txt"), "Café society\n\nAt the café on the square they served crème brûlée, "
                + "and the owner said: \u201cwe have done so for forty years\u201d \u2013 a claim nobody doubted. " + BODY,
                Charset.forName("windows-1252"));
        expected.put("cp1252.txt", null);
        // a page saved as UTF-8 that still declares its original charset, and a page truly in that charset
        String polish = "Grupa Lotos. Nowym prezesem będzie Paweł Jan Majewski";
        String page = "<html><head><meta charset=\"ISO-8859-2\"><title>" + polish + "</title></head><body><h1>" + polish
                + "</h1><p>Zarząd spółki wybrał nowego prezesa. " + BODY + "</p></body></html>";
        OddFiles.text(in.resolve("utf8-declared-latin2.html"), page, StandardCharsets.UTF_8);
        expected.put("utf8-declared-latin2.html", null);
        OddFiles.text(in.resolve("latin2.html"), page, Charset.forName("ISO-8859-2"));
        expected.put("latin2.html", null);
        // pages that declare euc-kr and gb2312 but use characters only Windows' code pages have, as browsers read them
        String korean = "서울 똠방각하 펲시콜라. 대한민국 정부는 오늘 새로운 경제 정책을 발표했습니다. 서울시는 내일 교통 대책을 발표할 예정입니다.";
        OddFiles.text(in.resolve("euc-kr.html"), "<html><head><meta charset=\"euc-kr\"><title>뉴스</title></head><body><p>" + korean
                + "</p></body></html>", Charset.forName("x-windows-949"));
        expected.put("euc-kr.html", null);
        String chinese = "国务院总理朱镕基今天在北京发表讲话，介绍了政府的经济政策和改革计划。";
        OddFiles.text(in.resolve("gb2312.html"), "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
                + "<title>新闻</title></head><body><p>" + chinese + "</p></body></html>", Charset.forName("GBK"));
        expected.put("gb2312.html", null);
        // a short text in Korean Windows-949 that Tika takes for Big5: refused with the reason, not archived as nonsense
        OddFiles.text(in.resolve("cp949.txt"), "똠방각하 펲시콜라 ㉯㉯납!! 因九月패믤릔궈 ⓡⓖ훀¿¿¿ 긍뒙 ⓔ뎨 ㉯. . 亞영ⓔ능횹 . . . . 서울뤄 뎐학乙 家훀 ! ! !ㅠ.ㅠ "
                + "흐흐흐 ㄱㄱㄱ☆ㅠ_ㅠ 어릴 씨 뭘 봐 펲시콜라 똠방각하\n", Charset.forName("x-windows-949"));
        expected.put("cp949.txt", "text in an encoding parc could not tell: ");
        OddFiles.invalidUtf8(in.resolve("invalid-utf8.txt"), "Budget night\n\n" + BODY + " ", " The meeting ended at midnight.");
        expected.put("invalid-utf8.txt", null);
        OddFiles.bytes(in.resolve("encrypted.pdf"), OddFiles.pdf(new String[]{"Secret minutes", BODY.substring(0, 80)}, "s3cret"));
        expected.put("encrypted.pdf", "encrypted");
        byte[] pdf = OddFiles.pdf(new String[]{"Council minutes", BODY.substring(0, 80), BODY.substring(80, 160)}, null);
        OddFiles.bytes(in.resolve("whole.pdf"), pdf);
        expected.put("whole.pdf", null);
        OddFiles.bytes(in.resolve("truncated.pdf"), OddFiles.cut(pdf, 0.5));
        expected.put("truncated.pdf", "?"); // a record of what survives, or a clear failure
        // a page with no text on it, as a scanner makes (its picture left out here)
        try (org.apache.pdfbox.pdmodel.PDDocument scan = new org.apache.pdfbox.pdmodel.PDDocument()) {
            scan.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            scan.save(in.resolve("scan.pdf").toFile());
        }
        expected.put("scan.pdf", "no text found in application/pdf content (a scanned PDF's pages are pictures: parc does no OCR)");
        byte[] docx = OddFiles.docx("Council minutes", BODY, BODY);
        OddFiles.bytes(in.resolve("whole.docx"), docx);
        expected.put("whole.docx", null);
        OddFiles.bytes(in.resolve("truncated.docx"), OddFiles.cut(docx, 0.6));
        expected.put("truncated.docx", "?");
        OddFiles.text(in.resolve("no-body.html"), "<html><head><title>Only a title</title></head></html>", StandardCharsets.UTF_8);
        expected.put("no-body.html", "?");
        OddFiles.text(in.resolve("no-tags.html"), "<p>Budget night</p><p>" + BODY + "</p>", StandardCharsets.UTF_8);
        expected.put("no-tags.html", null);
        OddFiles.text(in.resolve("with space.txt"), "Spaces\n\n" + BODY, StandardCharsets.UTF_8);
        expected.put("with space.txt", null);
        OddFiles.text(in.resolve("Zürich Straße ünïcödé.txt"), "Letters\n\n" + BODY + " Zürich.", StandardCharsets.UTF_8);
        expected.put("Zürich Straße ünïcödé.txt", null);
        OddFiles.text(in.resolve("new\nline.txt"), "Newline\n\n" + BODY + " Newline.", StandardCharsets.UTF_8);
        expected.put("new\nline.txt", null);
        // news feeds: an external entity (XXE) and an entity expansion bomb are refused, a cut-off feed gives what survives
        String item = "<item><title>Harbour reopens</title><description>" + BODY + "</description></item>";
        OddFiles.text(in.resolve("xxe.rss"), "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY s SYSTEM \"file:///etc/passwd\">]>\n"
                + "<rss version=\"2.0\"><channel><title>Wire &s;</title>" + item + "</channel></rss>", StandardCharsets.UTF_8);
        expected.put("xxe.rss", "DOCTYPE is disallowed");
        StringBuilder laughs = new StringBuilder("<!ENTITY a0 \"laugh\">");
        for (int i = 1; i < 10; i++) laughs.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        OddFiles.text(in.resolve("laughs.rss"), "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [" + laughs + "]>\n"
                + "<rss version=\"2.0\"><channel><title>Wire &a9;</title>" + item + "</channel></rss>", StandardCharsets.UTF_8);
        expected.put("laughs.rss", "DOCTYPE is disallowed");
        // RSS 0.91 names Netscape's DTD: read without it (and without the network)
        OddFiles.text(in.resolve("rss091.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"><channel><title>Wire</title>" + item
                + "</channel></rss>", StandardCharsets.UTF_8);
        expected.put("rss091.xml", null);
        String feed = "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire</title>" + item + item.replace("Harbour", "Ferry") + "</channel></rss>";
        OddFiles.text(in.resolve("cut.rss"), feed.substring(0, feed.length() - 60), StandardCharsets.UTF_8);
        expected.put("cut.rss", "?");
        // Markdown: quotes nested past Tika's guard, a YAML alias bomb in the front matter (aliases are
        // not expanded), a header never closed (text), Latin-1 bytes, a 9 MB list nested 3,000 deep
        OddFiles.text(in.resolve("deep-quotes.md"), ">".repeat(100_000) + " deep\n", StandardCharsets.UTF_8);
        expected.put("deep-quotes.md", "Markdown nested too deeply");
        StringBuilder yamlBomb = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) yamlBomb.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ",").repeat(8))
                .append('*').append((char) (c - 1)).append("]\n");
        OddFiles.text(in.resolve("yaml-bomb.md"), yamlBomb + "title: Budget night\n---\n\n" + BODY + "\n", StandardCharsets.UTF_8);
        expected.put("yaml-bomb.md", null);
        OddFiles.text(in.resolve("unclosed.md"), "---\ntitle: Never closed\n\n" + BODY + "\n", StandardCharsets.UTF_8);
        expected.put("unclosed.md", null);
        OddFiles.text(in.resolve("latin1.md"), "# Café society\n\nAt the café they served crème brûlée. " + BODY + "\n",
                StandardCharsets.ISO_8859_1);
        expected.put("latin1.md", null);
        StringBuilder lists = new StringBuilder();
        for (int i = 0; i < 3000; i++) lists.append("  ".repeat(i)).append("- item\n");
        OddFiles.text(in.resolve("deep-lists.md"), lists.toString(), StandardCharsets.UTF_8);
        expected.put("deep-lists.md", "Markdown nested too deeply");
        // ALTO (a digitized page's OCR): an external entity in a word is never read; a page cut off keeps its words
        OddFiles.text(in.resolve("xxe-alto.xml"), "<?xml version=\"1.0\"?>\n<!DOCTYPE alto [<!ENTITY s SYSTEM \"file:///etc/passwd\">]>\n"
                + "<alto><Layout><Page><PrintSpace><TextBlock><TextLine><String CONTENT=\"&s;\"/></TextLine></TextBlock>"
                + "</PrintSpace></Page></Layout></alto>", StandardCharsets.UTF_8);
        expected.put("xxe-alto.xml", "?");
        String words = "<String CONTENT=\"council\"/><SP/><String CONTENT=\"budget\"/><SP/>".repeat(40);
        OddFiles.text(in.resolve("cut-alto.xml"), "<alto><Layout><Page><PrintSpace><TextBlock><TextLine>" + words + "</TextLine></TextBlock>"
                + "<TextBlock><TextLine>" + words.substring(0, words.length() / 2), StandardCharsets.UTF_8);
        expected.put("cut-alto.xml", null);
        Files.createSymbolicLink(Files.createDirectories(in.resolve("sub")).resolve("loop"), in);
        expected.put("sub/loop", "symbolic link loop");
        Files.createSymbolicLink(in.resolve("self.txt"), Path.of("self.txt"));
        expected.put("self.txt", "?");
        Files.createSymbolicLink(in.resolve("dangling.txt"), in.resolve("nowhere.txt"));
        expected.put("dangling.txt", "broken");

        Path store = tmp.resolve("archive");
        Path report = tmp.resolve("out/report.json");
        long t0 = System.nanoTime();
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", "--threads", "2",
                "--report", report.toString(), in.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1, r.code(), r::toString);
        assertTrue(ms < 60_000, "took " + ms + " ms");

        Map<String, Archives.Doc> docs = Archives.docs(store);
        JsonNode rep = new ObjectMapper().readTree(report.toFile());
        Map<String, String> failures = new TreeMap<>();
        rep.get("failures").forEach(f -> failures.put(f.get("file").asText(), f.get("reason").asText()));

        List<String> errLines = r.err().lines().filter(l -> !l.startsWith("parc: ") || !l.contains("files done")).toList();
        assertEquals(failures.size(), errLines.size(), "one error line per failure\n" + r);
        Set<String> seen = new TreeSet<>();
        seen.addAll(docs.keySet());
        seen.addAll(failures.keySet());
        assertEquals(expected.keySet(), seen, "every file is accounted for\n" + r);
        for (var e : expected.entrySet()) {
            String file = e.getKey();
            String want = e.getValue();
            boolean recorded = docs.containsKey(file);
            assertTrue(recorded ^ failures.containsKey(file), file + ": exactly one of record or failure\n" + r);
            if (want == null) {
                assertTrue(recorded, file + " should be ingested: " + failures.get(file));
            } else if (!want.equals("?")) {
                assertTrue(!recorded && failures.get(file).contains(want), file + ": " + failures.get(file) + "\n" + r);
            }
            if (!recorded) {
                String shown = file.replace("\n", "\\n");
                long lines = errLines.stream().filter(l -> l.startsWith("parc: " + shown + ": ")).count();
                assertEquals(1, lines, "one line naming " + shown + "\n" + r);
            } else {
                assertFalse(docs.get(file).text().isBlank(), file);
            }
        }
        assertEquals(docs.size(), rep.get("ingested").asInt());
        assertTrue(r.out().contains("ingested  new\\nline.txt"), r::toString);

        // The right characters survive each encoding.
        assertTrue(docs.get("utf16.txt").text().contains("Straßenbahn fährt jeden Morgen durch Zürich"), docs.get("utf16.txt")::text);
        String cp = docs.get("cp1252.txt").text();
        assertTrue(cp.contains("crème brûlée") && cp.contains("\u201cwe have done so for forty years\u201d \u2013"), cp);
        assertTrue(docs.get("utf8-declared-latin2.html").text().contains(polish), docs.get("utf8-declared-latin2.html")::text);
        assertTrue(docs.get("latin2.html").text().contains(polish), docs.get("latin2.html")::text);
        assertTrue(docs.get("euc-kr.html").text().contains(korean), docs.get("euc-kr.html")::text);
        assertTrue(docs.get("gb2312.html").text().contains(chinese), docs.get("gb2312.html")::text);
        String bad = docs.get("invalid-utf8.txt").text();
        assertTrue(bad.contains("parking in the centre.") && bad.contains("The meeting ended at midnight."), bad);
        assertTrue(docs.get("whole.pdf").text().contains("Council minutes"));
        assertTrue(docs.get("whole.docx").text().contains("Council minutes"));
        assertTrue(docs.get("Zürich Straße ünïcödé.txt").text().endsWith("Zürich."));
        assertEquals("application/pdf", docs.get("whole.pdf").mediaType());
        assertTrue(docs.get("latin1.md").text().startsWith("Café society\n\nAt the café they served crème brûlée."), docs.get("latin1.md")::text);
        assertTrue(docs.get("yaml-bomb.md").text().startsWith("Budget night\n\n" + BODY), docs.get("yaml-bomb.md")::text);
        assertTrue(docs.get("unclosed.md").text().startsWith("title: Never closed"), docs.get("unclosed.md")::text);
        assertTrue(docs.get("cut-alto.xml").truncated() && docs.get("cut-alto.xml").text().startsWith("council budget council"), docs.get("cut-alto.xml")::toString);
        docs.values().forEach(d -> assertFalse(d.text().contains("root:"), d::toString));
    }

    @Test
    void aFiftyMegabyteSingleLineIsCutAtTheWriteLimitAndMarkedTruncated() throws Exception {
        Path big = OddFiles.bigSingleLine(tmp.resolve("big.txt"), 50L * 1024 * 1024);
        Path store = tmp.resolve("archive");
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", "--write-limit", "1000000", big.toString());
        Files.delete(big);
        assertEquals(0, r.code(), r::toString);
        Archives.Doc d = Archives.docs(store).get("big.txt");
        assertTrue(d.truncated(), d::toString);
        assertTrue(d.text().length() <= 1_000_000 && d.text().length() > 900_000, () -> "length " + d.text().length());
    }

    @Test
    void aRecordOverTheWriteLimitIsCutAndOneOverEightMillionCharactersEndsTheFileOnOneLine() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        // rows of a dataset: one of 3 MB (over the write limit: cut), one ordinary, one cell of 50 MB (not read, nor what follows)
        Path cell = OddFiles.bigSingleLine(tmp.resolve("cell.txt"), 50L * 1024 * 1024);
        String row = "\nAn ordinary record,\"" + BODY + "\"\n";
        try (var out = Files.newOutputStream(in.resolve("big.csv"))) {
            out.write("title,text\nA long record,".getBytes(StandardCharsets.US_ASCII));
            try (var c = Files.newInputStream(cell)) {
                out.write(c.readNBytes(3 * 1024 * 1024));
            }
            out.write(row.getBytes(StandardCharsets.US_ASCII));
            out.write("A huge record,".getBytes(StandardCharsets.US_ASCII));
            Files.copy(cell, out);
            out.write(row.getBytes(StandardCharsets.US_ASCII));
        }
        try (var out = Files.newOutputStream(in.resolve("big.jsonl"))) {
            out.write(("{\"title\": \"An ordinary line\", \"text\": \"" + BODY + "\"}\n{\"title\": \"A huge line\", \"text\": \"")
                    .getBytes(StandardCharsets.US_ASCII));
            Files.copy(cell, out);
            out.write("\"}\n".getBytes(StandardCharsets.US_ASCII));
        }
        Files.delete(cell);
        Path store = tmp.resolve("archive");
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", "--write-limit", "1000000", in.toString());
        assertEquals(1, r.code(), r::toString);
        Map<String, Archives.Doc> docs = Archives.docs(store);
        Archives.Doc cut = docs.get("big.csv!/row-2.json");
        assertTrue(cut != null && cut.truncated() && cut.text().startsWith("A long record\n\nHeadline of a very long line word word"),
                () -> cut + "\n" + r);
        assertTrue(cut.text().length() <= 1_000_000 && cut.text().length() > 900_000, () -> "length " + cut.text().length());
        assertFalse(docs.get("big.csv!/row-3.json").truncated());
        assertTrue(docs.containsKey("big.jsonl!/line-1.json"), docs::toString);
        assertEquals(3, docs.size(), docs::toString);
        String tooLong = ": a record of more than 8000000 characters: it and the rest of the file are not read";
        assertTrue(r.err().contains("parc: big.csv!/row-4.json" + tooLong) && r.err().contains("parc: big.jsonl!/line-2.json" + tooLong), r::toString);
    }

    @Test
    void filesOverTheSizeLimitAreRefusedUnread() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        OddFiles.text(in.resolve("small.txt"), "Small\n\n" + BODY, StandardCharsets.UTF_8);
        OddFiles.text(in.resolve("large.txt"), "Large\n\n" + BODY.repeat(20), StandardCharsets.UTF_8);
        Run r = TestArchives.parc("ingest", "--store", tmp.resolve("archive").toString(), "--no-entities",
                "--max-file-size", "2000", in.toString());
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("parc: large.txt: file is ") && r.err().contains("(--max-file-size)"), r::toString);
        assertTrue(r.out().contains("ingested 1, unchanged 0, failed 1"), r::toString);
    }

    @Test
    void zipBombsAreStoppedQuickly() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        // 1 GB of XML in a file of about a megabyte: POI's inflate-ratio guard must refuse it.
        OddFiles.docxBomb(in.resolve("bomb.docx"), 1L << 30);
        assertTrue(Files.size(in.resolve("bomb.docx")) < 20_000_000);
        // 10^4 copies of 10 MB: 100 GB of text if unpacked.
        OddFiles.nestedZipBomb(in.resolve("nested.zip"), 5, 10, 10 << 20);
        OddFiles.text(in.resolve("good.txt"), "Good\n\n" + BODY, StandardCharsets.UTF_8);
        Path store = tmp.resolve("archive");
        long t0 = System.nanoTime();
        Runtime rt = Runtime.getRuntime();
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 30_000, "took " + ms + " ms\n" + r);
        assertTrue(r.err().contains("parc: bomb.docx: suspected zip bomb"), r::toString);
        // The nested bomb is a package of packages: unpacked level by level until it goes deeper than
        // packages may, then refused on one line, never unpacked in full.
        Map<String, Archives.Doc> docs = Archives.docs(store);
        assertTrue(r.err().contains("parc: nested.zip: suspected zip bomb: packages inside packages more than 3 deep"), r::toString);
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("parc: nested.zip")).count(), r::toString);
        assertTrue(docs.containsKey("good.txt"), r::toString);
        assertTrue(rt.totalMemory() - rt.freeMemory() < 2_500_000_000L);
    }

    @Test
    void anUnreadableFileIsAFailureNamingIt() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path secret = OddFiles.text(in.resolve("secret.txt"), "Secret\n\n" + BODY, StandardCharsets.UTF_8);
        Path closed = Files.createDirectories(in.resolve("closed"));
        OddFiles.text(closed.resolve("inside.txt"), "Inside\n\n" + BODY, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try {
            // Permissions do not bind root (tests in containers often run as root).
            assumeFalse(Files.isReadable(secret), "running as a user that permissions do not restrict");
            OddFiles.text(in.resolve("ok.txt"), "Fine\n\n" + BODY, StandardCharsets.UTF_8);
            Run r = TestArchives.parc("ingest", "--store", tmp.resolve("archive").toString(), "--no-entities", in.toString());
            assertEquals(1, r.code(), r::toString);
            assertTrue(r.err().contains("parc: secret.txt: permission denied"), r::toString);
            assertTrue(r.err().contains("parc: closed: ") && r.err().contains("permission denied"), r::toString);
            assertFalse(r.err().contains(tmp.toString()), "no absolute paths in reasons\n" + r);
            assertTrue(r.out().contains("ingested 1,"), r::toString);
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aFifoIsReportedNotWaitedOn() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path fifo = in.resolve("pipe.txt");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo not available");
        OddFiles.text(in.resolve("ok.txt"), "Fine\n\n" + BODY, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("ingest", "--store", tmp.resolve("archive").toString(), "--no-entities"));
        args.add(in.toString());
        Run r = TestArchives.parc(args.toArray(String[]::new));
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.err().contains("parc: pipe.txt: not a regular file"), r::toString);
        Run direct = TestArchives.parc("ingest", "--store", tmp.resolve("archive").toString(), "--no-entities", fifo.toString());
        assertEquals(1, direct.code(), direct::toString);
        assertNotNull(direct.err());
    }
}
