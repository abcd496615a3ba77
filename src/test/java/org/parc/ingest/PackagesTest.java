package org.parc.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;
import org.junit.jupiter.api.io.TempDir;
import org.parc.source.Checksums;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** ZIP and tar files of articles through the real CLI, Tika and TDB2: each member a source of its own. */
class PackagesTest {
    @TempDir
    Path tmp;

    static final String BODY = "The harbour reopened on Friday after a week of repairs to the sea wall, the port authority said.";

    static Map<String, byte[]> articles() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("2021/harbour.html", ("<!doctype html><html lang=\"en\"><head><title>Harbour reopens after storm | Coast Wire</title>"
                + "<meta property=\"og:site_name\" content=\"Coast Wire\"><meta property=\"article:published_time\" content=\"2021-03-05T09:00:00Z\">"
                + "</head><body><article><h1>Harbour reopens after storm</h1><p>" + BODY + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8));
        m.put("2021/ferry.txt", ("Ferry strike ends\n\nFerry workers ended a week-long strike on Sunday after talks with the operator.\n").getBytes(StandardCharsets.UTF_8));
        m.put("2021/ferry.txt.json", "{\"outlet\": \"Valley Courier\", \"date\": \"2021-03-07\"}".getBytes(StandardCharsets.UTF_8));
        m.put("bridge.txt", ("Council backs new bridge\n\nThe council voted for the bridge on Sunday. Work starts in May.\n").getBytes(StandardCharsets.UTF_8));
        m.put(".DS_Store", new byte[] {0, 0, 0, 1});
        m.put("__MACOSX/2021/._ferry.txt", new byte[] {0, 5, 22, 7});
        return m;
    }

    static Path zip(Path file, Map<String, byte[]> members) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (var e : members.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    static byte[] tar(Map<String, byte[]> members) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var e : members.entrySet()) {
                TarArchiveEntry t = new TarArchiveEntry(e.getKey());
                t.setSize(e.getValue().length);
                tar.putArchiveEntry(t);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static String query(Path store, String sparql) {
        Run q = TestArchives.parc("query", "--store", store.toString(), "--format", "tsv", sparql);
        assertEquals(0, q.code(), q::toString);
        return q.out();
    }

    @Test
    void eachArticleInAZipIsASourceOfItsOwnInsideItsPackage() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path zip = zip(in.resolve("batch.zip"), articles());
        Path store = tmp.resolve("archive");
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("ingested  batch.zip!/2021/harbour.html  (1 article)"), r::toString);
        assertTrue(r.out().contains("skipped   batch.zip!/2021/ferry.txt.json  (hint file for 2021/ferry.txt)"), r::toString);
        assertTrue(r.out().contains("ingested 3, unchanged 0, failed 0 (3 articles; 1 skipped"), r::toString);
        assertFalse(r.out().contains("DS_Store") || r.out().contains("MACOSX"), r::toString);

        String out = query(store, """
                SELECT ?path ?name ?title ?outlet ?issued ?pkgPath ?pkgSha ?pkgType WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; prov:wasDerivedFrom ?f .
                  ?f a parc:SourceFile ; parc:path ?path ; schema:name ?name ; dcterms:isPartOf ?p .
                  ?p a parc:Package ; parc:path ?pkgPath ; schema:sha256 ?pkgSha ; dcterms:format ?pkgType .
                  OPTIONAL { ?a dcterms:publisher/schema:name ?outlet } OPTIONAL { ?a dcterms:issued ?issued }
                } ORDER BY ?path""");
        String sha = Checksums.sha256(zip);
        String date = "^^<http://www.w3.org/2001/XMLSchema#date>";
        String pkg = "\t\"batch.zip\"\t\"" + sha + "\"\t\"application/zip\"";
        assertEquals(String.join("\n", "?path\t?name\t?title\t?outlet\t?issued\t?pkgPath\t?pkgSha\t?pkgType",
                "\"batch.zip!/2021/ferry.txt\"\t\"ferry.txt\"\t\"Ferry strike ends\"\t\"Valley Courier\"\t\"2021-03-07\"" + date + pkg,
                "\"batch.zip!/2021/harbour.html\"\t\"harbour.html\"\t\"Harbour reopens after storm\"\t\"Coast Wire\"\t\"2021-03-05\"" + date + pkg,
                "\"batch.zip!/bridge.txt\"\t\"bridge.txt\"\t\"Council backs new bridge\"\t\t" + pkg), out.strip());
        Run v = TestArchives.parc("validate", "--store", store.toString());
        assertEquals(0, v.code(), v::toString);

        // The same package again: nothing new. Fixity checks each member inside the package.
        Run again = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString());
        assertTrue(again.out().contains("ingested 0, unchanged 3, failed 0"), again::toString);
        Run ok = TestArchives.parc("verify", "--store", store.toString(), in.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertTrue(ok.out().contains("ok       batch.zip!/2021/harbour.html"), ok::toString);
        Map<String, byte[]> edited = articles();
        edited.put("bridge.txt", "Council rejects new bridge\n\nThe vote failed.\n".getBytes(StandardCharsets.UTF_8));
        zip(zip, edited);
        Run changed = TestArchives.parc("verify", "--store", store.toString(), in.toString());
        assertEquals(1, changed.code(), changed::toString);
        assertTrue(changed.out().contains("changed  batch.zip!/bridge.txt"), changed::toString);
        assertTrue(changed.out().contains("ok       batch.zip!/2021/ferry.txt"), changed::toString);
    }

    static String message(String from, String date, String subject, String body) {
        return "From desk@example.org " + date + "\nFrom: " + from + "\nSubject: " + subject + "\nDate: " + date
                + "\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n\n";
    }

    @Test
    void eachMessageInAMailboxIsASourceOfItsOwn() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path mbox = in.resolve("desk.mbox");
        Files.writeString(mbox, message("Mara Quill <mara@example.org>", "Fri, 05 Mar 2021 09:00:00 +0000", "Harbour reopens after storm", BODY)
                + message("Ode Brand <ode@example.org>", "Sun, 07 Mar 2021 10:00:00 +0000", "Ferry strike ends",
                        "Ferry workers ended a week-long strike on Sunday.\n>From the quay, the first ferry left at noon."));
        Path store = tmp.resolve("archive");
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("ingested 2, unchanged 0, failed 0 (2 articles"), r::toString);
        String out = query(store, """
                SELECT ?path ?title ?issued ?author ?pkgType ?text WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:issued ?issued ; dcterms:creator/schema:name ?author ;
                     parc:normalizedText/schema:text ?text ; prov:wasDerivedFrom ?f .
                  ?f parc:path ?path ; dcterms:isPartOf/dcterms:format ?pkgType .
                } ORDER BY ?path""");
        String date = "^^<http://www.w3.org/2001/XMLSchema#date>";
        assertEquals(String.join("\n", "?path\t?title\t?issued\t?author\t?pkgType\t?text",
                "\"desk.mbox!/message-1.eml\"\t\"Harbour reopens after storm\"\t\"2021-03-05\"" + date + "\t\"Mara Quill\"\t\"application/mbox\"\t\""
                        + BODY + "\"",
                "\"desk.mbox!/message-2.eml\"\t\"Ferry strike ends\"\t\"2021-03-07\"" + date + "\t\"Ode Brand\"\t\"application/mbox\"\t\""
                        + "Ferry workers ended a week-long strike on Sunday.\\nFrom the quay, the first ferry left at noon.\""),
                out.strip());

        // A mailbox grows at its end: the messages archived before are unchanged, the new one is ingested.
        Files.writeString(mbox, message("Lena Marsh <lena@example.org>", "Mon, 08 Mar 2021 08:00:00 +0000", "Council backs new bridge",
                "The council voted for the bridge on Sunday."), java.nio.file.StandardOpenOption.APPEND);
        Run again = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString());
        assertTrue(again.out().contains("ingested 1, unchanged 2, failed 0"), again::toString);
        Run ok = TestArchives.parc("verify", "--store", store.toString(), in.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertTrue(ok.out().contains("ok       desk.mbox!/message-1.eml"), ok::toString);

        // A mailing list's archive as Mailman publishes it: a gzipped mailbox, addresses spelled out, the list's tag in subjects.
        Path list = Files.createDirectories(tmp.resolve("list"));
        try (OutputStream gz = new GzipCompressorOutputStream(Files.newOutputStream(list.resolve("2021-March.txt.gz")))) {
            gz.write(message("lena at valley.example.org (Lena Marsh)", "Mon, 08 Mar 2021 08:00:00 +0000", "[press] Council backs new bridge",
                    "The council voted for the new bridge on Sunday, and work starts in May.").getBytes(StandardCharsets.UTF_8));
        }
        Run archive = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", list.toString());
        assertTrue(archive.out().contains("ingested  2021-March.txt.gz!/2021-March.txt!/message-1.eml  (1 article)"), archive::toString);
        assertEquals("?title\t?author\n\"Council backs new bridge\"\t\"Lena Marsh\"", query(store, """
                SELECT ?title ?author WHERE { ?a dcterms:title ?title ; dcterms:creator/schema:name ?author ;
                  prov:wasDerivedFrom/parc:path "2021-March.txt.gz!/2021-March.txt!/message-1.eml" }""").strip());
    }

    /** An article with a line added: content of its own (the same bytes twice are ingested once). */
    static byte[] variant(String article, String line) {
        return (new String(articles().get(article), StandardCharsets.UTF_8) + "\n" + line + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void tarsCompressedOrNotAndPackagesInsidePackagesAreUnpacked() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Map<String, byte[]> a = new LinkedHashMap<>();
        a.put("bridge.txt", articles().get("bridge.txt"));
        byte[] plain = tar(a);
        Files.write(in.resolve("plain.tar"), plain);
        try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(in.resolve("b.tar.bz2")))) {
            out.write(tar(Map.of("ferry.txt", articles().get("2021/ferry.txt"))));
        }
        // a .tgz holding a ZIP holding an article
        Path inner = zip(tmp.resolve("inner.zip"), Map.of("harbour.html", articles().get("2021/harbour.html")));
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(in.resolve("nested.tgz")))) {
            out.write(tar(Map.of("inner.zip", Files.readAllBytes(inner))));
        }
        // one compressed file is a package of one, read as the file it holds (before: Tika's text, titled "harbour.html")
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(in.resolve("harbour.html.gz")))) {
            out.write(variant("2021/harbour.html", "<!-- gzip -->"));
        }
        try (OutputStream out = new org.apache.commons.compress.compressors.xz.XZCompressorOutputStream(Files.newOutputStream(in.resolve("bridge.txt.xz")))) {
            out.write(variant("bridge.txt", "Sent as xz."));
        }
        // a 7-Zip archive (before: one source, its files run together and titled by their names)
        try (var z = new org.apache.commons.compress.archivers.sevenz.SevenZOutputFile(in.resolve("batch.7z").toFile())) {
            for (String name : new String[] {"2021/ferry.txt", "bridge.txt"}) {
                var e = new org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry();
                e.setName(name);
                z.putArchiveEntry(e);
                z.write(variant(name, "Sent as 7z."));
                z.closeArchiveEntry();
            }
        }
        Path store = tmp.resolve("archive");
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("ingested 7, unchanged 0, failed 0"), r::toString);
        String out = query(store, """
                SELECT ?path ?pkgPath ?pkgType ?outerPath WHERE {
                  ?f a parc:SourceFile ; parc:path ?path ; dcterms:isPartOf ?p . ?p parc:path ?pkgPath ; dcterms:format ?pkgType .
                  OPTIONAL { ?p dcterms:isPartOf/parc:path ?outerPath }
                } ORDER BY ?path""");
        assertEquals(String.join("\n", "?path\t?pkgPath\t?pkgType\t?outerPath",
                "\"b.tar.bz2!/ferry.txt\"\t\"b.tar.bz2\"\t\"application/x-bzip2\"\t",
                "\"batch.7z!/2021/ferry.txt\"\t\"batch.7z\"\t\"application/x-7z-compressed\"\t",
                "\"batch.7z!/bridge.txt\"\t\"batch.7z\"\t\"application/x-7z-compressed\"\t",
                "\"bridge.txt.xz!/bridge.txt\"\t\"bridge.txt.xz\"\t\"application/x-xz\"\t",
                "\"harbour.html.gz!/harbour.html\"\t\"harbour.html.gz\"\t\"application/gzip\"\t",
                "\"nested.tgz!/inner.zip!/harbour.html\"\t\"nested.tgz!/inner.zip\"\t\"application/zip\"\t\"nested.tgz\"",
                "\"plain.tar!/bridge.txt\"\t\"plain.tar\"\t\"application/x-tar\"\t").strip(), out.strip());
        Run ok = TestArchives.parc("verify", "--store", store.toString(), in.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertTrue(ok.out().contains("ok       nested.tgz!/inner.zip!/harbour.html"), ok::toString);
        assertTrue(ok.out().contains("ok       batch.7z!/2021/ferry.txt"), ok::toString);
        assertEquals("?title\n\"Harbour reopens after storm\"", query(store,
                "SELECT ?title WHERE { ?a dcterms:title ?title ; prov:wasDerivedFrom/parc:path \"harbour.html.gz!/harbour.html\" }").strip());
    }

    @Test
    void badMembersAndBadPackagesFailOnOneLineEachAndTheRestGoesOn() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("../escape.txt", articles().get("bridge.txt"));
        m.put("good.txt", articles().get("2021/ferry.txt"));
        zip(in.resolve("climb.zip"), m);
        // A member flagged as encrypted (traditional PKWARE encryption): parc cannot read it. Writers
        // refuse to make one, so the flag is set in the written headers.
        byte[] locked = Files.readAllBytes(zip(tmp.resolve("locked.zip"), Map.of("secret.txt", "ciphertext".getBytes(StandardCharsets.UTF_8))));
        for (int i = 0; i + 8 < locked.length; i++) {
            if (locked[i] == 'P' && locked[i + 1] == 'K' && locked[i + 2] == 3 && locked[i + 3] == 4) locked[i + 6] |= 1;
            if (locked[i] == 'P' && locked[i + 1] == 'K' && locked[i + 2] == 1 && locked[i + 3] == 2) locked[i + 8] |= 1;
        }
        Files.write(in.resolve("locked.zip"), locked);
        // A tar with a symbolic link.
        var bytes = new java.io.ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry link = new TarArchiveEntry("passwd", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        Files.write(in.resolve("link.tar"), bytes.toByteArray());
        zip(in.resolve("empty.zip"), Map.of());
        byte[] whole = Files.readAllBytes(zip(tmp.resolve("whole.zip"), articles()));
        Files.write(in.resolve("cut.zip"), Arrays.copyOf(whole, whole.length / 2));
        Files.writeString(in.resolve("fine.txt"), "Fine\n\n" + BODY + "\n");
        // a gzip bomb: 200 MB of zeros in a file of 200 KB, stopped at 100 times its size
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(in.resolve("zeros.txt.gz")))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) out.write(zeros);
        }
        // lzip, which parc has no reader for: its magic and version, then a stream (not decoded, only named)
        Files.write(in.resolve("note.txt.lz"), java.util.HexFormat.of().parseHex(
                "4c5a4950010c002a1a08a7a5b8f7d5b1a2f3a35f6dd2c6e9b3a2ffff5b3c0000"));
        Path store = tmp.resolve("archive");
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString());
        assertEquals(1, r.code(), r::toString);
        String err = r.err();
        assertTrue(err.contains("parc: climb.zip!/../escape.txt: a member name that leaves the package (..)"), r::toString);
        assertTrue(err.contains("parc: locked.zip!/secret.txt: encrypted, or packed with a method parc cannot unpack"), r::toString);
        assertTrue(err.contains("parc: link.tar!/passwd: a link in the package"), r::toString);
        assertTrue(err.contains("parc: empty.zip: no files in the package"), r::toString);
        assertTrue(err.contains("parc: cut.zip: damaged package: "), r::toString);
        assertTrue(err.contains("parc: zeros.txt.gz: suspected zip bomb (expands far beyond its size): it unpacks to over 100 times its "), r::toString);
        assertTrue(err.contains("parc: note.txt.lz: packed or compressed as application/x-lzip, which parc cannot unpack: unpack it and ingest its files"), r::toString);
        assertEquals(7, err.lines().filter(l -> l.startsWith("parc: ") && !l.matches("parc: \\d+ files? done.*")).count(), r::toString);
        assertTrue(r.out().contains("ingested  climb.zip!/good.txt"), r::toString);
        assertTrue(r.out().contains("ingested  fine.txt"), r::toString);
        assertTrue(r.out().contains("ingested 2, unchanged 0, failed 7"), r::toString);
        for (String bad : new String[] {"escape", "passwd", "secret"}) assertFalse(query(store,
                "SELECT ?p WHERE { ?f parc:path ?p FILTER(CONTAINS(?p, \"" + bad + "\")) }").contains(bad), bad);
    }

    static WarcResponse capture(String url, int status, String type, byte[] body, String when) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Moved Permanently")
                .body(MediaType.parse(type), body).build();
        return new WarcResponse.Builder(url).date(Instant.parse(when)).body(http).build();
    }

    // A reader that misses a stream's end spins (jwarc 0.36 on .warc.zst did) and ignores interrupts: fail from another thread.
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void zstandardAndLz4FilesTarsAndWebArchivesAreUnpacked() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (OutputStream out = new ZstdCompressorOutputStream(Files.newOutputStream(in.resolve("harbour.html.zst")))) {
            out.write(variant("2021/harbour.html", "<!-- zstd -->"));
        }
        try (OutputStream out = new ZstdCompressorOutputStream(Files.newOutputStream(in.resolve("b.tar.zst")))) {
            out.write(tar(Map.of("ferry.txt", variant("2021/ferry.txt", "Sent as tar.zst."))));
        }
        // lz4's frame format, as the lz4 tool writes it
        try (OutputStream out = new FramedLZ4CompressorOutputStream(Files.newOutputStream(in.resolve("bridge.txt.lz4")))) {
            out.write(variant("bridge.txt", "Sent as lz4."));
        }
        try (OutputStream out = new FramedLZ4CompressorOutputStream(Files.newOutputStream(in.resolve("c.tar.lz4")))) {
            out.write(tar(Map.of("bridge.txt", variant("bridge.txt", "Sent as tar.lz4."))));
        }
        // Web archives: one Zstandard frame, and the IIPC's .warc.zst (a skippable frame holding the
        // dictionary, then the records compressed with it)
        String url = "https://coast.example.com/2021/03/05/harbour/";
        byte[] warc = warc(capture(url, 200, "text/html; charset=utf-8", variant("2021/harbour.html", "<!-- warc.zst -->"), "2021-03-05T10:00:00Z"),
                capture("https://coast.example.com/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "2021-03-05T10:00:01Z"));
        Files.write(in.resolve("plain.warc.zst"), com.github.luben.zstd.Zstd.compress(warc));
        byte[] dict = "<!doctype html><html lang=\"en\"><head><title>Harbour | Coast Wire</title></head><body>".repeat(8).getBytes(StandardCharsets.UTF_8);
        byte[] records = com.github.luben.zstd.Zstd.compress(
                warc(capture(url, 200, "text/html", variant("2021/harbour.html", "<!-- warc.zst with its dictionary -->"), "2021-03-06T10:00:00Z")),
                new com.github.luben.zstd.ZstdDictCompress(dict, 3));
        var withDict = java.nio.ByteBuffer.allocate(8 + dict.length + records.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        withDict.putInt(0x184D2A5D).putInt(dict.length).put(dict).put(records);
        Files.write(in.resolve("dict.warc.zst"), withDict.array());
        // Hostile: a Zstandard bomb (200 MB of zeros in a few kilobytes), a cut stream, and a file that
        // only starts like one
        try (OutputStream out = new ZstdCompressorOutputStream(Files.newOutputStream(in.resolve("zeros.txt.zst")))) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) out.write(zeros);
        }
        byte[] whole = Files.readAllBytes(in.resolve("harbour.html.zst"));
        Files.write(in.resolve("cut.html.zst"), Arrays.copyOf(whole, whole.length - 8));
        Files.write(in.resolve("fake.txt.zst"), java.util.HexFormat.of().parseHex("28b52ffd" + "00".repeat(60)));

        Path store = tmp.resolve("archive");
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString());
        assertEquals(1, r.code(), r::toString);
        String out = query(store, """
                SELECT ?path ?pkgType WHERE { ?f a parc:SourceFile ; parc:path ?path ; dcterms:isPartOf/dcterms:format ?pkgType } ORDER BY ?path""");
        assertEquals(String.join("\n", "?path\t?pkgType",
                "\"b.tar.zst!/ferry.txt\"\t\"application/zstd\"",
                "\"bridge.txt.lz4!/bridge.txt\"\t\"application/x-lz4\"",
                "\"c.tar.lz4!/bridge.txt\"\t\"application/x-lz4\"",
                "\"dict.warc.zst!/" + url + "\"\t\"application/warc+zstd\"",
                "\"harbour.html.zst!/harbour.html\"\t\"application/zstd\"",
                "\"plain.warc.zst!/" + url + "\"\t\"application/warc+zstd\""), out.strip());
        assertEquals("?title\n\"Harbour reopens after storm\"", query(store,
                "SELECT ?title WHERE { ?a dcterms:title ?title ; prov:wasDerivedFrom/parc:path \"dict.warc.zst!/" + url + "\" }").strip());
        String err = r.err();
        assertTrue(err.contains("parc: zeros.txt.zst: suspected zip bomb (expands far beyond its size)"), r::toString);
        assertTrue(err.contains("parc: cut.html.zst"), r::toString);
        assertTrue(err.contains("parc: fake.txt.zst"), r::toString);
        assertTrue(r.out().contains("ingested 6, unchanged 0, failed 3"), r::toString);
        Run ok = TestArchives.parc("verify", "--store", store.toString(), in.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertTrue(ok.out().contains("ok       dict.warc.zst!/" + url), ok::toString);
        assertTrue(ok.out().contains("ok       c.tar.lz4!/bridge.txt"), ok::toString);
    }

    static byte[] warc(WarcResponse... records) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (WarcWriter w = new WarcWriter(java.nio.channels.Channels.newChannel(bytes), WarcCompression.NONE)) {
            for (WarcResponse rec : records) w.write(rec);
        }
        return bytes.toByteArray();
    }

    @Test
    void eachPageAWebArchiveCapturedIsASourceWithItsAddress() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        byte[] page = articles().get("2021/harbour.html");
        String url = "https://coast.example.com/2021/03/05/harbour/";
        try (FileChannel ch = FileChannel.open(in.resolve("crawl.warc.gz"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WarcWriter warc = new WarcWriter(ch, WarcCompression.GZIP)) {
            warc.write(capture(url, 200, "text/html; charset=utf-8", page, "2021-03-05T10:00:00Z"));
            warc.write(capture("https://coast.example.com/style.css", 200, "text/css", "body { margin: 0 }".getBytes(StandardCharsets.UTF_8), "2021-03-05T10:00:01Z"));
            warc.write(capture("https://coast.example.com/logo.png", 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "2021-03-05T10:00:01Z"));
            warc.write(capture("https://coast.example.com/old", 301, "text/html", "moved".getBytes(StandardCharsets.UTF_8), "2021-03-05T10:00:02Z"));
            // A crawler's note that the page had not changed an hour later: no content to read.
            warc.write(new WarcRevisit.Builder(url, WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1).date(Instant.parse("2021-03-05T11:00:00Z"))
                    .refersTo(java.net.URI.create(url), url, Instant.parse("2021-03-05T10:00:00Z")).build());
            // The page captured again the next day, its headline changed.
            warc.write(capture(url, 200, "text/html", new String(page, StandardCharsets.UTF_8)
                    .replace("Harbour reopens after storm", "Harbour reopens after storm, ships queue").getBytes(StandardCharsets.UTF_8), "2021-03-06T10:00:00Z"));
        }
        Path store = tmp.resolve("archive");
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("skipped   crawl.warc.gz  (3 of its captures are not documents"), r::toString);
        assertTrue(r.out().contains("skipped   crawl.warc.gz  (1 of its captures are revisits (records that an address gave the same content"), r::toString);
        assertTrue(r.out().contains("ingested  crawl.warc.gz!/" + url + "  (1 article)"), r::toString);
        assertTrue(r.out().contains("ingested  crawl.warc.gz!/" + url + " (capture 2)  (1 article)"), r::toString);
        assertTrue(r.out().contains("ingested 2, unchanged 0, failed 0"), r::toString);
        String out = query(store, """
                SELECT ?name ?url ?title ?issued ?pkgType WHERE {
                  ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:issued ?issued ; prov:wasDerivedFrom ?f .
                  ?f schema:name ?name ; parc:sourceUrl ?url ; dcterms:isPartOf/dcterms:format ?pkgType .
                } ORDER BY ?title""");
        String date = "\"2021-03-05\"^^<http://www.w3.org/2001/XMLSchema#date>";
        assertEquals(String.join("\n", "?name\t?url\t?title\t?issued\t?pkgType",
                "\"harbour\"\t<" + url + ">\t\"Harbour reopens after storm\"\t" + date + "\t\"application/warc+gz\"",
                "\"harbour\"\t<" + url + ">\t\"Harbour reopens after storm, ships queue\"\t" + date + "\t\"application/warc+gz\""), out.strip());
        // The page names no address of its own: the capture's is the article's.
        String urls = query(store, "SELECT DISTINCT ?url ?detail WHERE { ?a schema:url ?url . ?s rdf:subject ?a ; rdf:predicate schema:url ; parc:detail ?detail }");
        assertEquals("?url\t?detail\n<" + url + ">\t\"WARC-Target-URI\"", urls.strip());
        Run ok = TestArchives.parc("verify", "--store", store.toString(), in.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertTrue(ok.out().contains("checked 2: ok 2"), ok::toString);
    }

    @Test
    void aPackagesHintFileAppliesToItsMembersAndItsAddressIsThePackagesOwn() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        zip(in.resolve("batch.zip"), articles());
        Files.writeString(in.resolve("batch.zip.json"), "{\"url\": \"https://files.example.org/batch.zip\", \"outlet\": \"Harbour Press\"}");
        Path store = tmp.resolve("archive");
        Run r = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().contains("skipped   batch.zip.json  (hint file for batch.zip)"), r::toString);
        // A member without a hint file of its own takes the package's; ferry.txt keeps its own.
        String outlets = query(store, """
                SELECT ?path ?outlet ?detail WHERE {
                  ?a dcterms:publisher/schema:name ?outlet ; prov:wasDerivedFrom/parc:path ?path .
                  ?s rdf:subject ?a ; rdf:predicate dcterms:publisher ; parc:detail ?detail .
                } ORDER BY ?path""");
        assertEquals(String.join("\n", "?path\t?outlet\t?detail",
                "\"batch.zip!/2021/ferry.txt\"\t\"Valley Courier\"\t\"sidecar ferry.txt.json\"",
                "\"batch.zip!/2021/harbour.html\"\t\"Harbour Press\"\t\"sidecar batch.zip.json\"",
                "\"batch.zip!/bridge.txt\"\t\"Harbour Press\"\t\"sidecar batch.zip.json\""), outlets.strip());
        // The address is where the package came from: recorded on the package, not on its members or their articles.
        String urls = query(store, "SELECT ?type ?url WHERE { ?x parc:sourceUrl ?url ; a ?type FILTER(?type IN (parc:Package, parc:SourceFile)) } ORDER BY ?type");
        assertEquals("?type\t?url\n<https://w3id.org/parc/ns#Package>\t<https://files.example.org/batch.zip>", urls.strip());
        assertEquals("?n\n0", query(store, "SELECT (COUNT(?u) AS ?n) WHERE { ?a schema:url ?u }").strip());

        // A web archive given alone with --source-url: the address is the archive's; its captures keep their own.
        Path warcIn = Files.createDirectories(tmp.resolve("warc"));
        String url = "https://coast.example.com/2021/03/05/harbour/";
        try (FileChannel ch = FileChannel.open(warcIn.resolve("crawl.warc"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WarcWriter warc = new WarcWriter(ch, WarcCompression.NONE)) {
            warc.write(capture(url, 200, "text/html", articles().get("2021/harbour.html"), "2021-03-05T10:00:00Z"));
        }
        Path store2 = tmp.resolve("archive2");
        Run w = TestArchives.parc("ingest", "--store", store2.toString(), "--no-entities",
                "--source-url", "https://files.example.org/crawl.warc", warcIn.resolve("crawl.warc").toString());
        assertEquals(0, w.code(), w::toString);
        String pageUrls = query(store2, """
                SELECT ?pkgUrl ?fileUrl ?url WHERE {
                  ?a schema:url ?url ; prov:wasDerivedFrom ?f . ?f parc:sourceUrl ?fileUrl ; dcterms:isPartOf/parc:sourceUrl ?pkgUrl }""");
        assertEquals("?pkgUrl\t?fileUrl\t?url\n<https://files.example.org/crawl.warc>\t<" + url + ">\t<" + url + ">", pageUrls.strip());
    }
}
