package org.parc.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.sevenz.SevenZMethod;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * Files that pack other files: ZIP and 7-Zip archives, tar archives (plain or compressed with gzip,
 * bzip2, xz, Zstandard or lz4), one compressed file (a package of one: {@code story.html.gz!/story.html}), web
 * archives (WARC, plain, gzip or Zstandard with or without its dictionary), mailboxes (mbox: each message a member, named
 * {@code message-3.eml} by its place) and files of article records (JSON Lines, or CSV/TSV whose header names a body
 * column: each article record a member, {@code line-3.json}, {@code row-12.json}). A librarian who receives a batch of articles as
 * one such file means each article in it: each member becomes a source of its own, with its own
 * checksum, its path inside the package ({@code batch.zip!/2017/story.html}; of a web archive,
 * the captured URI) and the package it came in. Of a web archive, the members are the documents
 * it captured (successful responses of a page's, PDF's, text's or feed's type), each with the
 * address it was captured from; page requisites, redirects and errors are counted in one line.
 * Office documents, EPUB and other formats built on ZIP are documents, not packages (Tika's
 * container detection decides).
 * <p>
 * Members are copied to a temporary folder one at a time as ingest asks for them, mirroring their
 * paths so that a sidecar hint file ({@code story.html.json}) sits beside its document. Limits
 * hold for a package and everything inside it together: {@link #MAX_BYTES} unpacked (or {@link
 * #MAX_EXPANSION} times the package's size, when more), {@link
 * #MAX_MEMBERS} members, packages inside packages {@link #MAX_DEPTH} deep; past a limit the rest
 * is not unpacked and the package gets a failure naming the limit. Unsafe member names ("..",
 * links) are failures of their own; hidden members and macOS resource forks are left out as hidden
 * files are in folders.
 */
public final class Packages {
    /** Unpacked bytes of one package, all levels together. */
    public static final long MAX_BYTES = ZipGuard.MAX_TOTAL;
    public static final int MAX_MEMBERS = 100_000;
    /** Packages inside packages are unpacked to this depth; deeper ones are read as documents. */
    public static final int MAX_DEPTH = 3;

    private static final Detector DETECTOR = new DefaultDetector();
    /** A Unix mailbox: each message a member. */
    static final String MBOX = "application/mbox";
    /** Article records, one per line or row: each record a member ({@code line-3.json}, {@code row-12.json}). JSON Lines' media type is not registered; this is the name most tools send. */
    static final String JSON_LINES = "application/x-ndjson";
    static final String CSV = "text/csv";
    /** A record longer than this is not read (one line or cell of hundreds of megabytes would be built whole in memory). */
    static final int MAX_RECORD_CHARS = 8_000_000;
    static final String SEVEN_Z = "application/x-7z-compressed";

    private Packages() {}

    /**
     * A package file: where it is in the ingest (a path, or a member path of an outer package).
     *
     * @param sourceUrl where the package was fetched from (the user's hint, or a web archive's capture address), or null
     */
    public record Package(String relativePath, String sha256, long size, String mediaType, String sourceUrl, Package parent) {
        public String fileName() {
            return SourceFile.nameOf(relativePath);
        }
    }

    /**
     * One member, or one problem, found while unpacking.
     *
     * @param file         the member's temporary copy (null for a problem)
     * @param relativePath the package's path, "!/", the member's path (of a web archive's record, its URI)
     * @param pkg          the package it is a member of
     * @param url          where a web archive's record was captured from (its WARC-Target-URI), or null
     * @param skipped      why it is not ingested (a hint file, records of a web archive that are not articles), or null
     * @param failure      what went wrong, or null
     */
    public record Member(Path file, String relativePath, Package pkg, String url, String skipped, String failure) {
        static Member document(Path file, String relativePath, Package pkg, String url) {
            return new Member(file, relativePath, pkg, url, null, null);
        }

        static Member skipped(Path file, String relativePath, Package pkg, String reason) {
            return new Member(file, relativePath, pkg, null, reason, null);
        }

        static Member failed(String relativePath, Package pkg, String reason) {
            return new Member(null, relativePath, pkg, null, null, reason);
        }
    }

    /** Receives members in order; may block (ingest's window of jobs in flight). */
    public interface Sink {
        void accept(Member m);
    }

    /** The package's media type if this file is a package parc unpacks, else null. Reads a few bytes. */
    public static String packageType(Path file, String name) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(512);
        } catch (IOException e) {
            return null;
        }
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && (head[2] == 3 || head[2] == 5)) {
            Metadata md = new Metadata();
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
            try (TikaInputStream in = TikaInputStream.get(file)) {
                return "application/zip".equals(DETECTOR.detect(in, md).getBaseType().toString()) ? "application/zip" : null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        if (isTar(head)) return "application/x-tar";
        if (isWarc(head)) return "application/warc";
        if (Mbox.looksLike(head)) return MBOX;
        String records = recordsType(file, name, head);
        if (records != null) return records;
        if (is7z(head)) return SEVEN_Z;
        String compression = compression(head);
        if (compression == null) return null;
        try (InputStream in = decompress(Files.newInputStream(file), compression)) {
            byte[] inner = in.readNBytes(512);
            // a compressed tar, a compressed web archive, else one compressed file: a package of one
            if (isWarc(inner) && compression.equals("application/gzip")) return "application/warc+gz";
            if (isWarc(inner) && compression.equals(ZSTD)) return WARC_ZSTD;
            return compression;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A file of article records (JSON Lines, or CSV/TSV whose header names a body column) by its name
     * and first bytes: a crawl's or a dataset's articles, each one a source of its own (its own checksum,
     * transaction and worker), however many there are.
     */
    private static String recordsType(Path file, String name, byte[] head) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).replaceFirst("\\A\u00ef\u00bb\u00bf", "");
        if ((lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) && text.stripLeading().startsWith("{")) return JSON_LINES;
        if (!lower.endsWith(".csv") && !lower.endsWith(".tsv") && !lower.endsWith(".tab")) return null;
        String header = headerLine(file);
        return header != null && Feeds.csvHeaderHasBody(header, delimiter(name, header)) ? CSV : null;
    }

    /** A .csv file's delimiter is the one its header uses most of; a .tsv or .tab file's is the tab. */
    private static char delimiter(String name, String header) {
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? Feeds.csvDelimiter(header) : '\t';
    }

    /** A CSV's first line (up to 64 KB), decoded as its rows are; null if unreadable. */
    private static String headerLine(Path file) {
        try (var in = new java.io.BufferedReader(csvReader(file))) {
            String line = in.readLine();
            return line == null || line.length() > 65_536 ? null : line;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A CSV's text: UTF-8 when its first 64 KB are valid UTF-8 (a byte-order mark dropped), else
     * Windows-1252, the other encoding spreadsheets export in. Each record is bounded by {@link #MAX_RECORD_CHARS}.
     */
    private static RecordBound csvReader(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(65_536);
        }
        java.nio.charset.Charset cs = java.nio.charset.StandardCharsets.UTF_8;
        try {
            // a multi-byte character cut at the 64 KB mark is still UTF-8
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(head, 0, Math.max(0, head.length - (head.length == 65_536 ? 4 : 0))));
        } catch (java.nio.charset.CharacterCodingException e) {
            cs = java.nio.charset.Charset.forName("windows-1252");
        }
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file));
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) in.reset();
        return new RecordBound(new java.io.InputStreamReader(in, cs.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)));
    }

    /** Fails a read once {@link #MAX_RECORD_CHARS} characters have been read since the last {@link #next()}. */
    private static final class RecordBound extends java.io.FilterReader {
        private long sinceRecord;

        RecordBound(java.io.Reader in) {
            super(in);
        }

        void next() {
            sinceRecord = 0;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && (sinceRecord += n) > MAX_RECORD_CHARS) throw new RecordTooLong();
            return n;
        }
    }

    private static final class RecordTooLong extends IOException {
        RecordTooLong() {
            super("a record of more than " + MAX_RECORD_CHARS + " characters: it and the rest of the file are not read");
        }
    }

    /** Receives each article record of a record file, by its member name, and its bytes. */
    private interface RecordReader {
        void read(String name, byte[] bytes) throws IOException;

        /** The file cannot be read on from this record (named as a member would be); the records before it were read. */
        default void damaged(String name, String why) {}
    }

    /**
     * The article records of a JSON Lines or CSV file in order, as members: a line's own bytes
     * ({@code line-3.json}, by its line), a row as a JSON object of its cells ({@code row-12.json}, by its
     * spreadsheet row, the header being row 1). Records that are no article are counted, not read.
     */
    private static int eachRecord(Path file, String type, RecordReader reader) throws IOException {
        int[] notArticles = {0};
        if (type.equals(JSON_LINES)) {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                    java.nio.charset.StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)))) {
                int number = 0;
                for (String line; ; ) {
                    try {
                        line = boundedLine(in);
                    } catch (RecordTooLong e) {
                        reader.damaged("line-" + (number + 1) + ".json", e.getMessage());
                        break;
                    }
                    if (line == null) break;
                    number++;
                    if (line.isBlank()) continue;
                    var n = Feeds.line(line);
                    if (n == null || !Feeds.isArticle(n)) {
                        notArticles[0]++;
                        continue;
                    }
                    reader.read("line-" + number + ".json", line.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return notArticles[0];
        }
        try (RecordBound in = csvReader(file); var rows = new java.io.BufferedReader(in)) {
            // the header, read and given back: the file was taken as records for it (recordsType), so it is under 64 KB
            rows.mark(65_538);
            String header = rows.readLine();
            rows.reset();
            char delimiter = header == null ? ',' : delimiter(file.getFileName().toString(), header);
            long[] last = {1};
            try {
                Feeds.eachCsvRow(rows, delimiter, (row, n) -> {
                    in.next();
                    last[0] = row;
                    if (!Feeds.isArticle(n)) notArticles[0]++;
                    else reader.read("row-" + row + ".json", Feeds.json(n));
                    return true;
                });
            } catch (Feeds.Damaged e) {
                if (e.getCause() instanceof RecordTooLong tooLong) {
                    reader.damaged("row-" + (last[0] + 1) + ".json", tooLong.getMessage());
                    return notArticles[0];
                }
                String m = String.valueOf(e.getMessage());
                String what = m.contains("EOF reached before encapsulated token finished") ? "a quote never closed"
                        : m.contains("invalid char between encapsulated token and delimiter") ? "a stray quote" : m;
                reader.damaged("row-" + (last[0] + 1) + ".json", "the CSV is damaged after row " + last[0] + " (" + what
                        + "): the rest of the file is not read");
            }
        }
        return notArticles[0];
    }

    /** The next line, or null at the end; a line longer than {@link #MAX_RECORD_CHARS} fails the read. */
    private static String boundedLine(java.io.BufferedReader in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c; (c = in.read()) >= 0; ) {
            if (c == '\n') return b.toString();
            if (b.length() >= MAX_RECORD_CHARS) throw new RecordTooLong();
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    static final String ZSTD = "application/zstd";
    static final String LZ4 = "application/x-lz4";
    static final String WARC_ZSTD = "application/warc+zstd";

    /**
     * The skippable frame that opens a .warc.zst file holding the dictionary its records were
     * compressed with (the IIPC's WARC Zstandard format): magic 0x184D2A5D, little-endian.
     */
    private static boolean isZstdDictionary(byte[] b) {
        return b.length >= 4 && (b[0] & 0xff) == 0x5D && (b[1] & 0xff) == 0x2A && (b[2] & 0xff) == 0x4D && (b[3] & 0xff) == 0x18;
    }

    /** The largest dictionary a .warc.zst may declare (zstd's trainer makes 110 KB by default). */
    private static final int MAX_ZSTD_DICTIONARY = 16 << 20;

    /**
     * A Zstandard stream decompressed, with the dictionary its first, skippable frame may hold (the
     * form of .warc.zst files). Web archives too are decompressed here, not by jwarc: jwarc 0.36's
     * reader never sees the end of a Zstandard stream (it reads on forever after the last record).
     */
    private static InputStream zstd(InputStream raw) throws IOException {
        try {
            raw.mark(8);
            byte[] head = raw.readNBytes(8);
            byte[] dict = null;
            if (isZstdDictionary(head) && head.length == 8) {
                int size = java.nio.ByteBuffer.wrap(head, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
                if (size < 0 || size > MAX_ZSTD_DICTIONARY) throw new IOException("a Zstandard dictionary of " + Integer.toUnsignedString(size) + " bytes");
                dict = raw.readNBytes(size);
                if (dict.length < size) throw new java.io.EOFException("the file ends inside its Zstandard dictionary");
                if (ZSTD.equals(compression(dict))) { // the dictionary is itself compressed
                    long n = com.github.luben.zstd.Zstd.getFrameContentSize(dict);
                    if (n <= 0 || n > MAX_ZSTD_DICTIONARY) throw new IOException("a compressed Zstandard dictionary of unknown or excessive size");
                    dict = com.github.luben.zstd.Zstd.decompress(dict, (int) n);
                }
            } else {
                raw.reset();
            }
            var z = new com.github.luben.zstd.ZstdInputStream(raw);
            if (dict != null) z.setDict(dict);
            return z;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        } catch (LinkageError e) {
            // zstd-jni's native library, which it unpacks for this platform, did not load
            raw.close();
            throw new IOException("this system cannot load the Zstandard library (" + e.getMessage() + ")", e);
        }
    }

    private static boolean is7z(byte[] b) {
        return b.length >= 6 && b[0] == '7' && b[1] == 'z' && (b[2] & 0xff) == 0xBC && (b[3] & 0xff) == 0xAF && b[4] == 0x27 && b[5] == 0x1C;
    }

    private static boolean isCompressed(String type) {
        return type.equals("application/gzip") || type.equals("application/x-bzip2") || type.equals("application/x-xz")
                || type.equals(ZSTD) || type.equals(LZ4);
    }

    /** A compressed file that holds one file (story.html.gz), not a tar (story.tar.gz). */
    private static boolean holdsOneFile(Path file, String type) throws IOException {
        if (!isCompressed(type)) return false;
        try (InputStream in = decompress(Files.newInputStream(file), type)) {
            return !isTar(in.readNBytes(512));
        }
    }

    /** The one file in a compressed file: its name without the compression's extension (else gzip's stored name). */
    private static String singleName(String packageName, Path file, String type) {
        String lower = packageName.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".gz", ".gzip", ".z", ".bz2", ".bz", ".xz", ".zst", ".zstd", ".lz4")) {
            if (lower.endsWith(ext) && lower.length() > ext.length()) return packageName.substring(0, packageName.length() - ext.length());
        }
        if (type.equals("application/gzip")) {
            try (var gz = new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(Files.newInputStream(file))) {
                String stored = gz.getMetaData().getFileName();
                if (stored != null && stored.matches("[^/\\\\.][^/\\\\]{0,200}")) return stored;
            } catch (IOException | RuntimeException e) {
                // no stored name: the package's own name stands
            }
        }
        return packageName;
    }

    private static boolean isWarc(byte[] b) {
        return b.length >= 6 && b[0] == 'W' && b[1] == 'A' && b[2] == 'R' && b[3] == 'C' && b[4] == '/' && b[5] == '1';
    }

    private static boolean isTar(byte[] b) {
        return b.length >= 262 && b[257] == 'u' && b[258] == 's' && b[259] == 't' && b[260] == 'a' && b[261] == 'r';
    }

    /** The media type of a compressed file's compression, if it is one tar may be packed in. */
    private static String compression(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) return "application/gzip";
        if (b.length >= 3 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h') return "application/x-bzip2";
        if (b.length >= 6 && (b[0] & 0xff) == 0xfd && b[1] == '7' && b[2] == 'z' && b[3] == 'X' && b[4] == 'Z' && b[5] == 0) return "application/x-xz";
        // frame magics, little-endian: Zstandard 0xFD2FB528, LZ4 0x184D2204 (the frame format of the lz4 tool)
        if (b.length >= 4 && (b[0] & 0xff) == 0x28 && (b[1] & 0xff) == 0xB5 && (b[2] & 0xff) == 0x2F && (b[3] & 0xff) == 0xFD) return ZSTD;
        if (isZstdDictionary(b)) return ZSTD; // a skippable frame holding the dictionary the frames after it need
        if (b.length >= 4 && (b[0] & 0xff) == 0x04 && (b[1] & 0xff) == 0x22 && (b[2] & 0xff) == 0x4D && (b[3] & 0xff) == 0x18) return LZ4;
        return null;
    }

    private static InputStream decompress(InputStream in, String type) throws IOException {
        if (type.equals(ZSTD)) return zstd(new BufferedInputStream(in));
        String name = switch (type) {
            case "application/gzip" -> CompressorStreamFactory.GZIP;
            case "application/x-bzip2" -> CompressorStreamFactory.BZIP2;
            case LZ4 -> CompressorStreamFactory.LZ4_FRAMED;
            default -> CompressorStreamFactory.XZ;
        };
        try {
            // Concatenated gzip members (and lz4 frames) are one stream, as gunzip (lz4) reads them.
            return new CompressorStreamFactory(true).createCompressorInputStream(name, new BufferedInputStream(in));
        } catch (org.apache.commons.compress.compressors.CompressorException e) {
            in.close();
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Unpacked bytes a package may give, as a multiple of its own size, when that is over {@link #MAX_BYTES}. */
    static final long MAX_EXPANSION = 20;

    /**
     * What is left of a package's limits, shared by the packages inside it. The bytes: {@link #MAX_BYTES},
     * or {@link #MAX_EXPANSION} times the package's own size when that is more, so that a crawl's 1 GB
     * web archive or a 5 GB mailbox, which hold more than 2 GiB of pages and messages without expanding
     * beyond reason, are read whole, while a bomb's expansion is still stopped.
     */
    private static final class Budget {
        final long limit;
        long bytes;
        int members = MAX_MEMBERS;

        Budget(long packageSize) {
            limit = byteLimit(packageSize);
            bytes = limit;
        }
    }

    /** The bytes a package of this size and everything in it may unpack to. */
    static long byteLimit(long packageSize) {
        return Math.max(MAX_BYTES, packageSize > Long.MAX_VALUE / MAX_EXPANSION ? Long.MAX_VALUE : packageSize * MAX_EXPANSION);
    }

    /** A package's limit was reached: the rest of it is not unpacked. */
    private static final class LimitReached extends IOException {
        LimitReached(String message) {
            super(message);
        }
    }

    /**
     * Unpacks a package into {@code tmp} (a folder of its own, which the caller deletes), handing each
     * member and each problem to the sink in order. A member's copy may be deleted once it has been
     * read; hint files stay until the caller deletes the folder.
     *
     * @param sourceUrl where the package was fetched from, or null
     */
    public static void unpack(Path file, String relativePath, String mediaType, String sourceUrl, Path tmp, Sink sink) {
        Package pkg;
        try {
            pkg = new Package(relativePath, Checksums.sha256(file), Files.size(file), mediaType, sourceUrl, null);
        } catch (IOException e) {
            sink.accept(Member.failed(relativePath, null, "cannot read: " + e.getMessage()));
            return;
        }
        // The sink's own failures (the store's, say) are not the package's: they leave as they came.
        Sink guarded = m -> {
            try {
                sink.accept(m);
            } catch (RuntimeException e) {
                throw new SinkFailure(e);
            }
        };
        try {
            unpack(file, pkg, tmp, guarded, new Budget(pkg.size()), 1);
        } catch (SinkFailure e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private static final class SinkFailure extends RuntimeException {
        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    private static void unpack(Path file, Package pkg, Path tmp, Sink sink, Budget budget, int depth) {
        try {
            Files.createDirectories(tmp);
            boolean web = isWebArchive(pkg.mediaType());
            Listing listing = list(file, pkg.mediaType(), pkg.fileName());
            List<Listed> listed = listing.members();
            Map<String, String> urls = new HashMap<>();
            for (Listed l : listed) if (l.url() != null) urls.put(l.name(), l.url());
            if (listing.leftOut().notDocuments() > 0) {
                sink.accept(Member.skipped(null, pkg.relativePath(), pkg, isRecords(pkg.mediaType())
                        ? "records that are not articles (no text, or a short text with no title): " + listing.leftOut().notDocuments()
                        : listing.leftOut().notDocuments() + " of its captures are not documents (images, scripts, styles, redirects, errors)"));
            }
            if (listing.leftOut().revisits() > 0) {
                sink.accept(Member.skipped(null, pkg.relativePath(), pkg, listing.leftOut().revisits() + " of its captures are revisits "
                        + "(records that an address gave the same content as at an earlier capture), which hold no content to read"));
            }
            if (listed.isEmpty()) {
                // a file of records none of which is an article has said so above
                if (!isRecords(pkg.mediaType()) || listing.leftOut().notDocuments() == 0) {
                    sink.accept(Member.failed(pkg.relativePath(), pkg, isRecords(pkg.mediaType()) ? "no records in the file" : "no files in the package"));
                }
                return;
            }
            long declared = 0;
            for (Listed l : listed) declared += Math.max(0, l.size());
            if (declared > budget.bytes) {
                throw new LimitReached("suspected zip bomb (expands far beyond its size): its files would unpack to "
                        + declared + " bytes, over the " + budget.limit + " allowed for this package");
            }
            Set<String> names = new HashSet<>();
            for (Listed l : listed) if (l.problem() == null) names.add(l.name());
            // Hint files first, so that each is beside its document when the document is read.
            Set<String> sidecars = new HashSet<>();
            Set<String> documents = new HashSet<>();
            for (Listed l : listed) {
                if (l.problem() != null) {
                    sink.accept(Member.failed(member(pkg, l.name()), pkg, l.problem()));
                } else if (!web && l.name().endsWith(".json") && names.contains(l.name().substring(0, l.name().length() - 5))) {
                    sidecars.add(l.name());
                } else {
                    documents.add(l.name());
                }
            }
            if (!sidecars.isEmpty()) {
                read(file, pkg.mediaType(), sidecars, (name, in) -> {
                    Path copy = copy(in, tmp, name, budget);
                    if (copy != null) sink.accept(Member.skipped(copy, member(pkg, name), pkg, "hint file for " + name.substring(0, name.length() - 5)));
                    else sink.accept(Member.failed(member(pkg, name), pkg, "cannot unpack beside the package's other files"));
                });
            }
            if (documents.isEmpty()) return;
            read(file, pkg.mediaType(), documents, (name, in) -> {
                if (--budget.members < 0) throw new LimitReached("more than " + MAX_MEMBERS + " files in the package; the rest is not unpacked");
                // A web archive's records are named by URI: their copies get names of their own.
                Path copy = copy(in, tmp, web ? "record-" + budget.members : name, budget);
                if (copy == null) {
                    sink.accept(Member.failed(member(pkg, name), pkg, "cannot unpack beside the package's other files"));
                    return;
                }
                String inner = packageType(copy, name);
                if (inner == null) {
                    sink.accept(Member.document(copy, member(pkg, name), pkg, urls.get(name)));
                    return;
                }
                if (depth >= MAX_DEPTH) {
                    throw new LimitReached("suspected zip bomb: packages inside packages more than " + MAX_DEPTH + " deep; the rest is not unpacked");
                }
                Package nested = new Package(member(pkg, name), Checksums.sha256(copy), Files.size(copy), inner, urls.get(name), pkg);
                try {
                    unpack(copy, nested, tmp.resolve(".parc-" + budget.members), sink, budget, depth + 1);
                } finally {
                    Files.deleteIfExists(copy);
                }
            });
        } catch (LimitReached e) {
            // The outermost package reports it, once; the limits hold for everything inside it.
            if (pkg.parent() != null) throw new UncheckedLimit(e);
            sink.accept(Member.failed(pkg.relativePath(), pkg, e.getMessage()));
        } catch (UncheckedLimit e) {
            if (pkg.parent() != null) throw e;
            sink.accept(Member.failed(pkg.relativePath(), pkg, e.getCause().getMessage()));
        } catch (SinkFailure e) {
            throw e;
        } catch (org.apache.commons.compress.PasswordRequiredException e) {
            sink.accept(Member.failed(pkg.relativePath(), pkg, "encrypted: parc cannot read it without its password"));
        } catch (IOException | RuntimeException e) {
            // Messages may name the files: the temporary copies are nobody's business, the package is known by its path.
            String why = reason(e).replace(tmp.toString(), "").replace(file.toAbsolutePath().toString(), pkg.relativePath());
            sink.accept(Member.failed(pkg.relativePath(), pkg, "damaged package: " + why));
        }
    }

    /**
     * The SHA-256 of every member of a package, by its path inside it ("2017/a.html", and
     * "inner.zip!/b.html" for members of packages inside it), for fixity checks. The package is read
     * as ingest reads it ({@link #unpack}): the same members under the same names, within the same
     * limits; a member past a limit or in a damaged part has no checksum.
     *
     * @throws IOException when the file is not a package parc unpacks, or cannot be read
     */
    public static Map<String, String> checksums(Path file) throws IOException {
        String type = packageType(file, file.getFileName().toString());
        if (type == null) throw new IOException("not a package");
        Map<String, String> out = new HashMap<>();
        Path tmp = Files.createTempDirectory("parc-verify-");
        try {
            // Unpacked under the file's name (a compressed file's one member is named after it), each
            // member's path is that name, "!/" and its path inside.
            String name = file.getFileName().toString();
            unpack(file, name, type, null, tmp, m -> {
                if (m.file() == null) return;
                try {
                    out.put(m.relativePath().substring(name.length() + 2), Checksums.sha256(m.file()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            deleteTree(tmp);
        }
        return out;
    }

    /** Deletes a temporary folder and everything in it; what cannot be deleted stays for the system's temporary-file cleaning. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // as above
        }
    }

    /** Carries a limit reached inside a nested package out to the outermost, which stops too. */
    private static final class UncheckedLimit extends RuntimeException {
        UncheckedLimit(LimitReached cause) {
            super(cause);
        }
    }

    private static String reason(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }

    private static String member(Package pkg, String name) {
        return pkg.relativePath() + "!/" + name;
    }

    /** A member as the package's directory lists it: a file to read, or a problem. */
    private record Listed(String name, long size, String problem, String url) {
        Listed(String name, long size, String problem) {
            this(name, size, problem, null);
        }
    }

    private interface Reader {
        void read(String name, InputStream in) throws IOException;
    }

    /** A web archive's captures that are not read: not documents (page requisites, redirects, errors) and revisits. */
    private record LeftOut(int notDocuments, int revisits) {
        static final LeftOut NONE = new LeftOut(0, 0);
    }

    /** A package's members, and the web archive's captures left out. */
    private record Listing(List<Listed> members, LeftOut leftOut) {}

    /** The package's members in order (by name for ZIP, as stored for tar); hidden ones and folders left out. */
    private static Listing list(Path file, String type, String packageName) throws IOException {
        List<Listed> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        LeftOut left = LeftOut.NONE;
        if (isWebArchive(type)) {
            left = captures(file, type, (name, url, body) -> out.add(new Listed(name, -1, null, url)));
        } else if (type.equals(MBOX)) {
            Mbox.each(file, (n, message) -> out.add(new Listed(messageName(n), message.transferTo(OutputStream.nullOutputStream()), null, null)));
        } else if (isRecords(type)) {
            left = new LeftOut(eachRecord(file, type, new RecordReader() {
                @Override
                public void read(String name, byte[] bytes) {
                    out.add(new Listed(name, bytes.length, null));
                }

                @Override
                public void damaged(String name, String why) {
                    out.add(new Listed(name, -1, why));
                }
            }), 0);
        } else if (holdsOneFile(file, type)) {
            out.add(new Listed(singleName(packageName, file, type), -1, null));
        } else if (type.equals(SEVEN_Z)) {
            try (SevenZFile z = sevenZ(file)) {
                for (SevenZArchiveEntry e : z.getEntries()) {
                    if (e.isDirectory() || e.isAntiItem()) continue;
                    Listed l = listed(e.getName(), e.getSize(), encrypted(e) ? "encrypted: parc cannot read it without its password" : null, seen);
                    if (l != null) out.add(l);
                }
            }
        } else if (type.equals("application/zip")) {
            try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
                for (ZipArchiveEntry e : byName(zip)) {
                    if (e.isDirectory()) continue;
                    Listed l = listed(e.getName(), e.getSize(), e.isUnixSymlink() ? "a symbolic link in the package"
                            : !zip.canReadEntryData(e) ? "encrypted, or packed with a method parc cannot unpack" : null, seen);
                    if (l != null) out.add(l);
                }
            }
        } else {
            try (TarArchiveInputStream tar = tar(file, type)) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    if (e.isDirectory()) continue;
                    String problem = e.isSymbolicLink() || e.isLink() ? "a link in the package"
                            : !e.isFile() || e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO() ? "not a regular file (a device or fifo in the package)" : null;
                    Listed l = listed(e.getName(), e.getSize(), problem, seen);
                    if (l != null) out.add(l);
                }
            }
        }
        return new Listing(out, left);
    }

    private static Listed listed(String raw, long size, String problem, Set<String> seen) {
        String name = raw.replace('\\', '/');
        while (name.startsWith("/") || name.startsWith("./")) name = name.substring(name.startsWith("/") ? 1 : 2);
        List<String> parts = new ArrayList<>();
        for (String p : name.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.startsWith(".") && !p.equals("..") || p.equals("__MACOSX")) return null; // hidden, as in folders
            parts.add(p);
        }
        if (parts.isEmpty()) return null;
        name = String.join("/", parts);
        if (parts.contains("..")) return new Listed(name, size, "a member name that leaves the package (..)");
        if (!seen.add(name)) return new Listed(name + " (again)", size, "a second member of the same name");
        return new Listed(name, size, problem);
    }

    private static TarArchiveInputStream tar(Path file, String type) throws IOException {
        InputStream in = Files.newInputStream(file);
        return new TarArchiveInputStream(type.equals("application/x-tar") ? new BufferedInputStream(in)
                : new RatioGuard(decompress(in, type), Files.size(file)));
    }

    /** LZMA's dictionary is allocated as the archive says: a 7z file may not ask for more than this. */
    private static final int SEVEN_Z_MEMORY_KIB = 256 * 1024;

    private static SevenZFile sevenZ(Path file) throws IOException {
        return SevenZFile.builder().setPath(file).setMaxMemoryLimitKiB(SEVEN_Z_MEMORY_KIB).get();
    }

    private static boolean encrypted(SevenZArchiveEntry e) {
        var methods = e.getContentMethods(); // null for an entry without content
        if (methods == null) return false;
        for (var m : methods) if (m.getMethod() == SevenZMethod.AES256SHA256) return true;
        return false;
    }

    /**
     * A decompressed stream that ends the package once it has given over {@link ZipGuard#MAX_RATIO}
     * times the compressed file's size (and more than {@link ZipGuard#LARGE_ENTRY}): text compresses
     * three to ten times; a bomb of zeros a thousand.
     */
    private static final class RatioGuard extends java.io.FilterInputStream {
        private final long packed;
        private final long limit;
        private long read;

        RatioGuard(InputStream in, long packed) {
            super(in);
            this.packed = packed;
            this.limit = Math.max(ZipGuard.LARGE_ENTRY, Math.multiplyExact(Math.max(packed, 1), ZipGuard.MAX_RATIO));
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws LimitReached {
            read += n;
            if (read > limit) {
                throw new LimitReached("suspected zip bomb (expands far beyond its size): it unpacks to over " + ZipGuard.MAX_RATIO
                        + " times its " + packed + " bytes; the rest is not unpacked");
            }
        }
    }

    /** A ZIP's entries by name: its directory's order is the writer's, not one a reader can follow. */
    private static List<ZipArchiveEntry> byName(ZipFile zip) {
        List<ZipArchiveEntry> entries = new ArrayList<>();
        zip.getEntries().asIterator().forEachRemaining(entries::add);
        entries.sort(Comparator.comparing(ZipArchiveEntry::getName));
        return entries;
    }

    /** Reads the wanted members, in the package's order, each once. */
    private static void read(Path file, String type, Set<String> wanted, Reader reader) throws IOException {
        Set<String> done = new HashSet<>();
        if (isWebArchive(type)) {
            captures(file, type, (name, url, body) -> {
                if (wanted.contains(name) && done.add(name)) reader.read(name, body.stream());
            });
        } else if (type.equals(MBOX)) {
            Mbox.each(file, (n, message) -> {
                String name = messageName(n);
                if (wanted.contains(name) && done.add(name)) reader.read(name, message);
            });
        } else if (isRecords(type)) {
            eachRecord(file, type, (name, bytes) -> {
                if (wanted.contains(name) && done.add(name)) reader.read(name, new java.io.ByteArrayInputStream(bytes));
            });
        } else if (holdsOneFile(file, type)) {
            try (InputStream in = new RatioGuard(decompress(Files.newInputStream(file), type), Files.size(file))) {
                reader.read(wanted.iterator().next(), in);
            }
        } else if (type.equals(SEVEN_Z)) {
            try (SevenZFile z = sevenZ(file)) {
                for (SevenZArchiveEntry e; (e = z.getNextEntry()) != null; ) {
                    String name = clean(e.getName());
                    if (e.isDirectory() || e.isAntiItem() || !wanted.contains(name) || !done.add(name)) continue;
                    try (InputStream in = z.getInputStream(e)) {
                        reader.read(name, in);
                    }
                }
            }
        } else if (type.equals("application/zip")) {
            try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
                for (ZipArchiveEntry e : byName(zip)) {
                    String name = clean(e.getName());
                    if (e.isDirectory() || !wanted.contains(name) || !done.add(name)) continue;
                    try (InputStream in = zip.getInputStream(e)) {
                        reader.read(name, in);
                    }
                }
            }
        } else {
            try (TarArchiveInputStream tar = tar(file, type)) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    String name = clean(e.getName());
                    if (!e.isFile() || !wanted.contains(name) || !done.add(name)) continue;
                    reader.read(name, tar);
                }
            }
        }
    }

    /** A mailbox's messages are named by their place in it: an appended message does not rename the others. */
    static boolean isRecords(String type) {
        return type.equals(JSON_LINES) || type.equals(CSV);
    }

    private static String messageName(int n) {
        return "message-" + n + ".eml";
    }

    static boolean isWebArchive(String type) {
        return type.startsWith("application/warc");
    }

    private interface Capture {
        void visit(String name, String url, MessageBody body) throws IOException;
    }

    /**
     * The documents a web archive captured, in its order: successful HTTP responses and resource
     * records whose type is a document's (a page, a PDF, a text, a feed), each named by its URI (and
     * its capture time when the URI was captured before). Returns how many responses and resources
     * were left out: page requisites (images, scripts, styles), redirects and errors; and how many
     * revisits there were (a crawler's note that an address gave the same content as at an earlier
     * capture, without the content).
     */
    private static LeftOut captures(Path file, String packageType, Capture visit) throws IOException {
        int left = 0;
        int revisits = 0;
        Set<String> seen = new HashSet<>();
        try (WarcReader warc = packageType.equals(WARC_ZSTD) ? new WarcReader(decompress(Files.newInputStream(file), ZSTD)) : new WarcReader(file)) {
            warc.setLenient(true);
            for (WarcRecord r : warc) {
                if (r instanceof WarcRevisit) {
                    revisits++;
                    continue;
                }
                if (!(r instanceof WarcResponse) && !(r instanceof WarcResource)) continue;
                String type;
                MessageBody body;
                if (r instanceof WarcResponse response) {
                    HttpResponse http;
                    try {
                        http = response.http();
                    } catch (IOException | RuntimeException e) {
                        left++; // not HTTP (DNS, Gemini), or an unreadable header
                        continue;
                    }
                    if (http.status() / 100 != 2) {
                        left++;
                        continue;
                    }
                    type = http.contentType().base().toString();
                    body = http.bodyDecoded();
                } else {
                    type = r.contentType().base().toString();
                    body = r.body();
                }
                if (!isDocumentType(type)) {
                    left++;
                    continue;
                }
                String url = ((WarcTargetRecord) r).target();
                String name = url;
                for (int n = 2; !seen.add(name); n++) name = url + " (capture " + n + ")";
                visit.visit(name, url, body);
            }
        }
        return new LeftOut(left, revisits);
    }

    /** The media types of documents parc reads (of a web archive's captures, the rest are page requisites). */
    private static boolean isDocumentType(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.startsWith("text/")) return !t.equals("text/css") && !t.equals("text/javascript") && !t.equals("text/ecmascript");
        return switch (t) {
            case "application/xhtml+xml", "application/pdf", "application/msword", "application/rtf",
                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "application/vnd.oasis.opendocument.text", "application/rss+xml", "application/atom+xml",
                 "application/rdf+xml", "application/xml", "message/rfc822" -> true;
            default -> false;
        };
    }

    private static String clean(String raw) {
        Listed l = listed(raw, 0, null, new HashSet<>());
        return l == null ? "" : l.name();
    }

    /**
     * Copies a member under tmp at its own path, counting its bytes against the package's budget; null
     * when its path cannot be made there (a member "a" beside a member "a/b").
     */
    private static Path copy(InputStream in, Path tmp, String name, Budget budget) throws IOException {
        Path target = tmp.resolve(name).normalize();
        if (!target.startsWith(tmp)) throw new IOException("member name leaves the package: " + name);
        try {
            Files.createDirectories(target.getParent());
            if (Files.isDirectory(target)) return null;
        } catch (java.nio.file.FileSystemException e) {
            return null;
        }
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                budget.bytes -= n;
                if (budget.bytes < 0) {
                    throw new LimitReached("suspected zip bomb (expands far beyond its size): its files unpack to over "
                            + budget.limit + " bytes; the rest is not unpacked");
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return target;
    }
}
