package org.parc.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer.Form;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.TikaMemoryLimitException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.HttpHeaders;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Normalizes a source file with Tika's AutoDetectParser: media type, text (bounded by the write
 * limit), embedded metadata.
 *
 * <p>Hostile input is bounded four ways: files over the size limit are refused unread; the write
 * limit cuts the text (and marks it truncated); Tika's zip-bomb guard (SecureContentHandler, and POI's
 * inflate-ratio check for Office files) stops decompression bombs; at most {@value #MAX_EMBEDDED}
 * attachments or archive entries are parsed per file, and PDFBox keeps at most
 * {@value #PDF_MAX_MAIN_MEMORY} bytes of a PDF in memory. Parsing runs on a daemon thread so that
 * a parser that hangs is abandoned after the timeout instead of hanging the ingest; the abandoned
 * parse is then cancelled at its next SAX event, so a runaway parser that keeps producing output
 * stops by itself. (Java cannot safely kill a thread: a parser looping without output keeps its thread
 * until it ends; {@link #lingering()} counts those.)
 */
public final class TikaNormalizer implements Normalizer {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long MAX_MARKUP_BYTES = 32L * 1024 * 1024;
    /** Packages and compressions parc has no reader for (ZIP, tar, 7z, gzip, bzip2, xz, WARC and mbox it unpacks). */
    private static final Set<String> UNPACKED_ELSEWHERE = Set.of("application/zstd", "application/x-rar-compressed", "application/vnd.rar",
            "application/x-lz4", "application/x-lzip", "application/x-lzma", "application/x-brotli", "application/x-arj",
            "application/x-lzh-compressed", "application/x-compress", "application/x-iso9660-image", "application/x-cpio");
    /** Attachments and archive entries parsed per file; the rest are skipped (and the text marked truncated). */
    public static final int MAX_EMBEDDED = 1000;
    /** Bytes of a PDF PDFBox may hold in memory before it spills to temporary files. */
    public static final long PDF_MAX_MAIN_MEMORY = 128L * 1024 * 1024;

    private final Parser parser;
    private final Limits limits;
    private final AtomicInteger lingering = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "parc-tika-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public TikaNormalizer(Limits limits) {
        this(limits, new AutoDetectParser(TikaConfig.getDefaultConfig()));
    }

    /**
     * @param parser the parser to run; normally an AutoDetectParser (tests wrap it to inject faults such
     *               as a parser that hangs)
     */
    public TikaNormalizer(Limits limits, Parser parser) {
        this.parser = parser;
        this.limits = limits;
    }

    /** Parses abandoned after the timeout that are still running (a parser stuck without output). */
    public int lingering() {
        return lingering.get();
    }

    @Override
    public NormalizedDocument normalize(SourceFile file) throws SourceException {
        if (file.size() > limits.maxFileBytes()) {
            throw new SourceException("file is " + file.size() + " bytes, over the limit of "
                    + limits.maxFileBytes() + " (--max-file-size)");
        }
        if (file.size() == 0) throw new SourceException("empty file");
        ZipGuard.check(file.path());
        Run run = new Run();
        Future<NormalizedDocument> job = pool.submit(() -> {
            try {
                return parse(file, run);
            } finally {
                if (!run.finished.compareAndSet(false, true)) lingering.decrementAndGet();
            }
        });
        try {
            return job.get(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abandon(run, job);
            throw new SourceException("parsing took longer than " + seconds(limits.parseTimeout())
                    + " (--parse-timeout); abandoned");
        } catch (InterruptedException e) {
            abandon(run, job);
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SourceException se) throw se;
            throw new SourceException(reason(c), c);
        }
    }

    /** One parse's shared state: the cancel flag the abandoned parse checks, and who finished first. */
    private static final class Run {
        volatile boolean cancelled;
        final AtomicBoolean finished = new AtomicBoolean();
    }

    /** Marks the parse cancelled (it stops at its next SAX event) and interrupts its thread. */
    private void abandon(Run run, Future<?> job) {
        run.cancelled = true;
        if (run.finished.compareAndSet(false, true)) lingering.incrementAndGet();
        job.cancel(true);
    }

    /** JSON (and its +json kinds, and JSON Lines), CSV and TSV: data, whatever text Tika reads out of them. */
    static boolean isData(String mediaType) {
        return isJson(mediaType) || mediaType.equals("text/csv") || mediaType.equals("text/tab-separated-values");
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json") || mediaType.equals(Packages.JSON_LINES);
    }


    /**
     * JSON Lines, JSON-LD and CSV files, which Tika reads as plain text, by their name: ".jsonl"/".ndjson"
     * JSON Lines, ".jsonld" JSON-LD, ".json" JSON when their text is JSON; ".csv" CSV, ".tsv"/".tab" TSV.
     */
    private static String dataByName(String detected, SourceFile file) throws IOException {
        if (!detected.equals("text/plain") && !detected.equals("application/json")) return detected;
        String name = file.fileName().toLowerCase(Locale.ROOT);
        if (detected.equals("text/plain") && name.endsWith(".csv")) return "text/csv";
        if (detected.equals("text/plain") && (name.endsWith(".tsv") || name.endsWith(".tab"))) return "text/tab-separated-values";
        String named = name.endsWith(".jsonl") || name.endsWith(".ndjson") ? Packages.JSON_LINES
                : name.endsWith(".jsonld") ? "application/ld+json" : name.endsWith(".json") ? "application/json" : null;
        if (named == null || named.equals(detected)) return detected;
        String head = head(file.path(), 1024).stripLeading();
        if (head.startsWith("\u00ef\u00bb\u00bf")) head = head.substring(3); // UTF-8's byte-order mark, read as Latin-1
        return head.startsWith("{") || head.startsWith("[") ? named : detected;
    }

    private static final Set<String> SCRIPTS = Set.of("application/javascript", "text/javascript", "application/x-javascript",
            "application/ecmascript", "text/ecmascript", "application/wasm");
    private static final Set<String> FONT_EXTENSIONS = Set.of("woff", "woff2", "ttf", "otf", "eot");

    /**
     * Why a file is none of the articles it sits beside, whatever text Tika reads out of it, or null:
     * what a browser's "save page, complete" puts in the page's folder (style sheets, scripts, fonts,
     * drawings), pictures with no text, and recordings, whose text if any is their tags (a title, an artist).
     */
    static String notADocument(String mediaType, String fileName, boolean noText) {
        String ext = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        if (mediaType.equals("text/css")) return mediaType + " is a style sheet, not a document";
        if (SCRIPTS.contains(mediaType)) return mediaType + " is a script, not a document";
        if (mediaType.startsWith("font/") || mediaType.startsWith("application/font-") || mediaType.startsWith("application/x-font")
                || mediaType.equals("application/vnd.ms-fontobject")
                || (mediaType.equals("application/octet-stream") && FONT_EXTENSIONS.contains(ext))) {
            return (mediaType.equals("application/octet-stream") ? "a ." + ext + " file" : mediaType) + " is a font, not a document";
        }
        boolean recording = mediaType.startsWith("audio/") || mediaType.startsWith("video/");
        // A picture or a recording beside the articles is not a failed article: parc reads no text from them (no OCR).
        if (noText && (recording || mediaType.startsWith("image/"))) {
            return mediaType + " with no text: a picture or recording, not a document (parc does not read text out of images or sound)";
        }
        if (mediaType.equals("image/svg+xml")) {
            return mediaType + " is a drawing, not a document (its text is the drawing's labels)";
        }
        if (recording) {
            return mediaType + " is a recording, not a document (its text is its tags; parc does not read text out of sound)";
        }
        return null;
    }

    private static final java.util.regex.Pattern REFRESH = java.util.regex.Pattern.compile(
            "^\\s*(\\d{1,6})(?:\\.\\d*)?\\s*[;,]\\s*(?:url\\s*=\\s*)?['\"]?([^'\"\\s]+)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** The page's meta refresh: Tika names it by the http-equiv as written ("refresh", "Refresh"). */
    private static String refresh(Metadata md) {
        for (String n : md.names()) {
            if (n.equalsIgnoreCase("refresh")) return md.get(n);
        }
        return null;
    }

    /**
     * Why an HTML page is a redirect, not an article, or null: it sends the reader to another address
     * within 10 seconds (meta refresh, which Tika reports as "refresh") and says little else
     * ("Redirecting to… char.html."). A live page that reloads itself every few minutes is an article.
     */
    static String redirect(String refresh, String text) {
        if (refresh == null || text.length() > 500) return null;
        java.util.regex.Matcher m = REFRESH.matcher(refresh);
        if (!m.find() || Integer.parseInt(m.group(1)) > 10) return null;
        return "a redirect to " + m.group(2) + " (meta refresh), not a document";
    }

    private static final java.util.regex.Pattern SITEMAP = java.util.regex.Pattern.compile(
            "<(?:[\\w.-]+:)?(?:urlset|sitemapindex)\\b[^>]*sitemaps\\.org/schemas/sitemap");
    private static final java.util.regex.Pattern ROBOTS = java.util.regex.Pattern.compile(
            "(?i)^(?:\\s*(?:#[^\\n]*)?\\n)*\\s*user-agent\\s*:");

    /**
     * Why a file is a web site's list of addresses or rules for crawlers, not an article, or null: a
     * mirrored site (wget --mirror, a crawler's folder) holds its sitemap.xml and robots.txt beside its pages.
     */
    static String forCrawlers(SourceFile file, String mediaType, String text) throws IOException {
        // Tika names it text/x-robots by its name alone
        if ((mediaType.equals("text/x-robots") || mediaType.equals("text/plain")) && file.fileName().equalsIgnoreCase("robots.txt")
                && ROBOTS.matcher(text).find()) {
            return "a robots.txt file (a site's rules for crawlers), not a document";
        }
        if (mediaType.endsWith("/xml")) {
            if (SITEMAP.matcher(head(file.path(), 4096)).find()) {
                return "a sitemap (a site's list of its addresses), not a document";
            }
        }
        return null;
    }

    /** A file's first bytes, one character each (ISO-8859-1): enough to find markup or header names in. */
    private static String head(java.nio.file.Path file, int bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(bytes), StandardCharsets.ISO_8859_1);
        }
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private NormalizedDocument parse(SourceFile file, Run run) throws Exception {
        Metadata md = new Metadata();
        md.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.fileName());
        ParseContext ctx = new ParseContext();
        ctx.set(Parser.class, parser); // recurse into e-mail parts and attachments
        BoundedEmbedded embedded = new BoundedEmbedded(ctx, md);
        ctx.set(EmbeddedDocumentExtractor.class, embedded);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setMaxMainMemoryBytes(PDF_MAX_MAIN_MEMORY);
        ctx.set(PDFParserConfig.class, pdf);
        // Stream Word and PowerPoint XML through SAX instead of building a DOM of each part: a bomb's
        // output then meets the write limit and the cancel guard instead of filling the heap.
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        ctx.set(OfficeParserConfig.class, office);
        ctx.set(EncodingDetector.class, WEB_ENCODINGS);
        BodyContentHandler body = new BodyContentHandler(limits.writeLimit());
        Guard handler = new Guard(body, run);
        boolean truncated = false;
        try (InputStream in = TikaInputStream.get(file.path())) {
            parser.parse(in, handler, md, ctx);
        } catch (SAXException | TikaException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                // Tika refuses every feed with a DOCTYPE, also RSS 0.91's harmless Netscape one; parc's
                // reader ignores the DTD, so an entity it declares (XXE, an expansion bomb) still fails.
                NormalizedDocument feed = feed(file, mediaType(md), md, false);
                if (feed != null) return feed;
                // an ALTO page cut off is still its words up to the break
                if (mediaType(md).endsWith("/xml") && Alto.is(head(file.path(), 4096))) return alto(file, mediaType(md), md);
                throw e;
            }
            truncated = true;
        }
        if (run.cancelled) throw new SourceException("cancelled");
        // An attachment cut by the write limit (its exception swallowed by the embedded extractor),
        // or attachments skipped over the limit, also leave the text incomplete.
        truncated |= handler.characters > limits.writeLimit() || embedded.skipped > 0;
        String mediaType = dataByName(mediaType(md), file);
        if (isData(mediaType)) {
            // a JSON Feed is a feed of articles, and so are article records (one, many, or one per line); other JSON is data
            NormalizedDocument feed = isJson(mediaType) ? feed(file, mediaType, md, truncated) : null;
            if (feed != null) return feed;
            throw new NotADocument(mediaType + " is structured data, not a document" + (mediaType.equals("application/ld+json")
                    ? " (it describes no article with its text; to add its statements to the archive, use parc import)" : ""));
        }
        if (mediaType.endsWith("/xml")) {
            String head = head(file.path(), 4096);
            if (Alto.is(head)) return alto(file, mediaType, md);
            String record = Alto.catalogueRecord(head);
            if (record != null) throw new NotADocument(record);
        }
        String text = normalizeText(body.toString());
        String asset = notADocument(mediaType, file.fileName(), text.isBlank());
        if (asset == null && isHtml(mediaType)) asset = redirect(refresh(md), text);
        if (asset == null) asset = forCrawlers(file, mediaType, text);
        if (asset != null) throw new NotADocument(asset);
        if (text.isBlank()) {
            if (UNPACKED_ELSEWHERE.contains(mediaType)) {
                throw new SourceException("packed or compressed as " + mediaType + ", which parc cannot unpack: unpack it and ingest its files");
            }
            throw new SourceException("no text found in " + mediaType + " content"
                    + (mediaType.equals("application/pdf") ? " (a scanned PDF's pages are pictures: parc does no OCR)" : ""));
        }
        if (looksBinary(text)) {
            throw new SourceException("binary data, not text (read as " + mediaType + "; is the file name's extension wrong?)");
        }
        String undecodable = mediaType.startsWith("text/") || isHtml(mediaType) ? undecodable(text, md.get(HttpHeaders.CONTENT_ENCODING)) : null;
        if (undecodable != null) throw new SourceException(undecodable);
        // A feed's items are articles of their own; Tika's text runs them together (and has no Atom content).
        NormalizedDocument feed = feed(file, mediaType, md, truncated);
        if (feed != null) return feed;
        // a news database's export (Nexis Uni, Factiva): its articles, each without the database's header lines
        Feeds.Feed export = isHtml(mediaType) ? null : NewsExports.read(text);
        if (export != null) return new NormalizedDocument(file, mediaType, normalizeText(export.text()), toMap(md), truncated, null, export);
        if (mediaType.equals("message/rfc822")) rawFrom(file.path(), md);
        if (Markdown.is(mediaType, file.fileName()) && file.size() <= MAX_MARKUP_BYTES) return markdown(file, mediaType, md, run);
        String markup = file.size() > MAX_MARKUP_BYTES ? null
                : isHtml(mediaType) ? markup(file, md) : isSavedPage(file.fileName(), mediaType) ? savedPage(file) : null;
        return new NormalizedDocument(file, mediaType, text, toMap(md), truncated, markup);
    }

    /** A digitized newspaper page's OCR in ALTO: its words, not the XML's element text (see {@link Alto}). */
    private NormalizedDocument alto(SourceFile file, String mediaType, Metadata md) throws IOException, SourceException {
        Alto.Page page;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.path()))) {
            page = Alto.read(in, limits.writeLimit());
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new SourceException("could not read the ALTO page: " + firstLine(e.getMessage()));
        }
        String text = normalizeText(page.text());
        if (text.isBlank()) throw new SourceException("no text found in the ALTO page (no words were recognized on it)");
        Map<String, List<String>> meta = toMap(md);
        // the page's own image name, else where the page was saved (a mirror of the site keeps its addresses)
        String byPath = Alto.issueDate(file.relativePath());
        if (page.issued() != null || byPath != null) {
            meta.put(Alto.ISSUED, List.of(page.issued() != null ? page.issued() : byPath));
            meta.put(Alto.ISSUED_FROM, List.of(page.issued() != null ? "sourceImageInformation fileName " + page.imageFile()
                    : "file path " + file.relativePath()));
        }
        return new NormalizedDocument(file, mediaType, text, meta, page.cut(), (String) null);
    }

    /**
     * A Markdown file as the page it is written to become: its body rendered to HTML and read by Tika's
     * HTML parser like any page (so the text has no "#", "**" or link targets), its front matter kept in
     * the metadata (see {@link Markdown}). The media type stays the file's own.
     */
    private NormalizedDocument markdown(SourceFile file, String mediaType, Metadata md, Run run) throws Exception {
        Markdown.Result page = Markdown.read(markup(file, md));
        Metadata html = new Metadata();
        html.set(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8");
        BodyContentHandler body = new BodyContentHandler(limits.writeLimit());
        Guard handler = new Guard(body, run);
        boolean truncated = false;
        try (InputStream in = TikaInputStream.get(page.html().getBytes(StandardCharsets.UTF_8))) {
            parser.parse(in, handler, html, new ParseContext());
        } catch (SAXException | TikaException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                // Tika's guard counts the rendered page's nesting: that of the Markdown's lists and quotes
                for (Throwable c = e; c != null; c = c.getCause()) {
                    if (String.valueOf(c.getMessage()).contains("levels of XML element nesting")) {
                        throw new SourceException("Markdown nested too deeply (lists or quotes within each other about 100 levels deep)");
                    }
                }
                throw e;
            }
            truncated = true;
        }
        if (run.cancelled) throw new SourceException("cancelled");
        String text = normalizeText(body.toString());
        if (text.isBlank()) throw new SourceException("no text found in " + mediaType + " content");
        Map<String, List<String>> meta = toMap(md);
        meta.putAll(page.metadata());
        return new NormalizedDocument(file, Markdown.mediaType(mediaType), text, meta, truncated || handler.characters > limits.writeLimit(), page.html());
    }

    /**
     * An e-mail's From header as written ("Message:Raw-Header:From"): Tika keeps the address and drops a
     * comment, where old mailers and list archives put the sender's name ("ann at example.org (Ann Lee)").
     */
    private static void rawFrom(java.nio.file.Path file, Metadata md) throws IOException {
        String header = head(file, 64 * 1024);
        int end = header.indexOf("\n\n");
        int crlf = header.indexOf("\r\n\r\n");
        if (crlf >= 0 && (end < 0 || crlf < end)) end = crlf;
        if (end >= 0) header = header.substring(0, end);
        // unfolded: a line that starts with white space continues the one before
        for (String field : header.replaceAll("\r?\n[ \t]+", " ").split("\r?\n")) {
            if (field.regionMatches(true, 0, "From:", 0, 5)) {
                String v = org.apache.james.mime4j.codec.DecoderUtil.decodeEncodedWords(field.substring(5).strip(),
                        org.apache.james.mime4j.codec.DecodeMonitor.SILENT);
                if (!v.isEmpty()) md.set("Message:Raw-Header:From", v);
                return;
            }
        }
    }

    /** The file read as a news feed (its items, and their text as the text), or null when it is none. */
    private NormalizedDocument feed(SourceFile file, String mediaType, Metadata md, boolean truncated) throws IOException {
        // files of records (JSON Lines, CSV with a body column) are packages of their records (Packages); here, other
        // JSON is read whole, and other CSV is data
        boolean json = isJson(mediaType) && !mediaType.equals(Packages.JSON_LINES);
        if (!(json || Feeds.mayBe(mediaType)) || file.size() > MAX_MARKUP_BYTES) return null;
        Feeds.Feed feed;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file.path()))) {
            feed = json ? Feeds.readJson(in) : Feeds.read(in);
        }
        feed = placed(feed, file);
        if (feed == null) return null;
        String text = normalizeText(feed.text());
        boolean record = Feeds.JSON_RECORDS.equals(feed.agencyFormat()) || Feeds.CSV_RECORDS.equals(feed.agencyFormat());
        if (record && feed.items().size() == 1 && text.length() > limits.writeLimit()) {
            // one article record longer than the write limit: its text is cut there, as any document's
            feed = new Feeds.Feed(feed.title(), List.of(Feeds.fit(feed.items().get(0), limits.writeLimit())), true, feed.agencyFormat());
            text = normalizeText(feed.text());
        }
        if (text.isBlank() || text.length() > limits.writeLimit()) return null;
        // items past the limit are left out, and the record says the text is incomplete
        return new NormalizedDocument(file, mediaType, text, toMap(md), truncated || feed.cut(), null, feed);
    }

    private static final java.util.regex.Pattern RECORD_MEMBER = java.util.regex.Pattern.compile("(row|line)-(\\d+)\\.json");

    /** A record unpacked from a CSV or JSON Lines file ({@code row-12.json}) is placed where it was there ("row 12"), not "record". */
    private static Feeds.Feed placed(Feeds.Feed feed, SourceFile file) {
        if (feed == null || file.pkg() == null || !Packages.isRecords(file.pkg().mediaType()) || feed.items().size() != 1) return feed;
        java.util.regex.Matcher m = RECORD_MEMBER.matcher(file.fileName());
        if (!m.matches()) return feed;
        Feeds.Item i = feed.items().get(0);
        boolean row = m.group(1).equals("row");
        return new Feeds.Feed(feed.title(), List.of(new Feeds.Item(i.title(), i.link(), i.published(), i.authors(), i.body(), i.channel(),
                i.language(), m.group(1) + " " + m.group(2))), feed.cut(), row ? Feeds.CSV_RECORDS : Feeds.JSON_RECORDS);
    }

    /**
     * Passes SAX events on, counting characters, and ends an abandoned parse at its next event: the
     * exception unwinds the parser, whose own thread then finishes.
     */
    private static final class Guard extends ContentHandlerDecorator {
        private final Run run;
        long characters;

        Guard(ContentHandler handler, Run run) {
            super(handler);
            this.run = run;
        }

        private void check() throws SAXException {
            if (run.cancelled) throw new SAXException("parse abandoned after the timeout");
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
            check();
            super.startElement(uri, localName, name, atts);
        }

        @Override
        public void endElement(String uri, String localName, String name) throws SAXException {
            check();
            super.endElement(uri, localName, name);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            check();
            characters += length;
            super.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            check();
            super.ignorableWhitespace(ch, start, length);
        }
    }

    /**
     * Tika's embedded-document extractor, parsing at most {@link #MAX_EMBEDDED} attachments per file,
     * and none of a web page's: its embedded resources (scripts, inline images) hold no article text,
     * and detecting and parsing them was a fifth of ingest's CPU on HTML.
     */
    private static final class BoundedEmbedded extends ParsingEmbeddedDocumentExtractor {
        private final Metadata container;
        private int seen;
        int skipped;

        BoundedEmbedded(ParseContext ctx, Metadata container) {
            super(ctx);
            this.container = container;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            if (isHtml(mediaType(container))) return false;
            if (!super.shouldParseEmbedded(metadata)) return false;
            if (++seen <= MAX_EMBEDDED) return true;
            skipped++;
            return false;
        }
    }

    /**
     * A web page saved as one file by a browser ("Save as: single file", .mht/.mhtml): a MIME message of
     * the page and its images. Its markup, not the message's headers ("From: Saved by Blink", the day it
     * was saved), describes the article. Named by its extension: an e-mail with inline images has the
     * same structure.
     */
    private static boolean isSavedPage(String name, String type) {
        return name != null && name.toLowerCase(Locale.ROOT).matches(".*\\.mht(ml)?")
                && (type.equals("message/rfc822") || type.equals("multipart/related"));
    }

    private static boolean isHtml(String mediaType) {
        return mediaType.equals("text/html") || mediaType.equals("application/xhtml+xml");
    }

    private static String mediaType(Metadata md) {
        String ct = md.get(HttpHeaders.CONTENT_TYPE);
        if (ct == null) return "application/octet-stream";
        MediaType t = MediaType.parse(ct);
        return t == null ? ct : t.getBaseType().toString();
    }

    private static String markup(SourceFile file, Metadata md) throws IOException {
        byte[] bytes = Files.readAllBytes(file.path());
        Charset cs = StandardCharsets.UTF_8;
        String enc = md.get(HttpHeaders.CONTENT_ENCODING);
        if (enc != null) {
            try {
                // The web's "ISO-8859-1" means Windows-1252, its "EUC-KR" Windows-949 (WHATWG Encoding).
                cs = webSuperset(Charset.forName(enc));
            } catch (RuntimeException ignored) {
                // Tika guessed a charset this JVM lacks: UTF-8 is the web's default
            }
        }
        return new String(bytes, cs);
    }

    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** The markup of a saved web page: the first text/html part of the MIME message, decoded; null if none. */
    private static String savedPage(SourceFile file) throws IOException {
        String[] page = new String[1];
        MimeStreamParser mime = new MimeStreamParser(MimeConfig.PERMISSIVE);
        mime.setContentDecoding(true);
        mime.setContentHandler(new AbstractContentHandler() {
            @Override
            public void body(BodyDescriptor bd, InputStream is) throws IOException {
                if (page[0] != null || !isHtml(bd.getMimeType())) return;
                Metadata part = new Metadata();
                if (bd.getCharset() != null) part.set(HttpHeaders.CONTENT_TYPE, bd.getMimeType() + "; charset=" + bd.getCharset());
                byte[] bytes = is.readNBytes((int) MAX_MARKUP_BYTES);
                page[0] = decode(bytes, part);
            }
        });
        try (InputStream in = Files.newInputStream(file.path())) {
            mime.parse(in);
        } catch (MimeException | IOException e) {
            // a damaged message: the page if it was read before the damage, else Tika's text alone
        }
        return page[0];
    }

    /** A part's bytes as characters: its declared charset, else what the page says or its bytes suggest. */
    private static String decode(byte[] bytes, Metadata part) throws IOException {
        Charset cs = WEB_ENCODINGS.detect(new ByteArrayInputStream(bytes), part);
        return new String(bytes, cs == null ? StandardCharsets.UTF_8 : cs);
    }

    /**
     * Tika's encoding detection, with two corrections. Bytes that are valid UTF-8 and not all ASCII
     * are read as UTF-8 whatever the page declares: pages saved by crawlers and browsers are often
     * re-encoded to UTF-8 with the original {@code <meta charset>} kept (a Polish page declaring
     * ISO-8859-2 came out as "bÄdzie PaweĹ"), while text in a legacy encoding is almost never valid
     * UTF-8 once it has a few non-ASCII letters. And an encoding is read as the superset browsers
     * use ({@link #webSuperset}): ISO-8859-1 and US-ASCII as Windows-1252, since Tika guesses
     * ISO-8859-1 for Western text saved on Windows, which would lose its curly quotes, dashes and
     * euro signs; EUC-KR as Windows-949, GB2312 as GB18030, and so on.
     */
    private static final EncodingDetector WEB_ENCODINGS = new EncodingDetector() {
        private final EncodingDetector tika = TikaConfig.getDefaultConfig().getEncodingDetector();

        @Override
        public Charset detect(InputStream input, Metadata metadata) throws IOException {
            if (input != null && input.markSupported()) {
                input.mark(UTF8_LOOKAHEAD);
                byte[] head;
                try {
                    head = input.readNBytes(UTF8_LOOKAHEAD);
                } finally {
                    input.reset();
                }
                if (isUtf8(head, head.length == UTF8_LOOKAHEAD)) return StandardCharsets.UTF_8;
            }
            Charset cs = tika.detect(input, metadata);
            return cs == null ? null : webSuperset(cs);
        }
    };

    /**
     * The encoding a browser reads text labelled (or detected) as cs with (WHATWG Encoding): a
     * superset, so text that is valid in cs reads the same. News sites declared euc-kr and gb2312
     * for decades while writing syllables and characters only Windows' code pages have: Java's
     * strict EUC-KR and GB2312 turn them into U+FFFD (the name of China's premier Zhu Rongji, 朱镕基,
     * came out as "朱?基"). Shift_JIS gains the NEC and IBM rows (circled numbers ①).
     */
    static Charset webSuperset(Charset cs) {
        String to = switch (cs.name()) {
            case "ISO-8859-1", "US-ASCII" -> "windows-1252";
            case "EUC-KR" -> "x-windows-949";
            case "GB2312", "GBK" -> "GB18030";
            case "Big5" -> "Big5-HKSCS";
            case "Shift_JIS" -> "windows-31j";
            case "ISO-8859-9" -> "windows-1254";
            case "TIS-620", "x-iso-8859-11" -> "x-windows-874";
            default -> null;
        };
        return to != null && Charset.isSupported(to) ? Charset.forName(to) : cs;
    }

    /** Bytes the UTF-8 check reads from the start of a file. */
    private static final int UTF8_LOOKAHEAD = 64 * 1024;

    /**
     * True when the bytes hold at least one non-ASCII character and decode as UTF-8 without error;
     * a sequence cut by the end of the buffer counts as valid when the buffer is only the file's start.
     */
    static boolean isUtf8(byte[] b, boolean prefix) {
        boolean nonAscii = false;
        for (byte x : b) {
            if (x < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) return false;
        java.nio.charset.CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(b.length);
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(b);
        if (d.decode(in, out, !prefix).isError()) return false;
        // with endOfInput false, an incomplete last sequence stays unread: at most 3 bytes
        return prefix ? in.remaining() <= 3 : !d.flush(out).isError();
    }

    /**
     * C1 control characters (U+0080..U+009F) in extracted text are bytes of Windows-1252 text that
     * were decoded as ISO-8859-1 (Tika's guess for short Western text): curly quotes, dashes, the
     * euro sign. They are decoded again as Windows-1252, as browsers do (WHATWG Encoding).
     */
    static String windows1252(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) < 0x80 || s.charAt(i) > 0x9F)) i++;
        if (i == s.length()) return s;
        StringBuilder sb = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                char d = new String(new byte[]{(byte) c}, CP1252).charAt(0);
                sb.append(d == '\uFFFD' ? c : d);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Why a text's encoding was not the right one, or null: more than 2 % of its characters are
     * U+FFFD, bytes the encoding it was read as has no character for. Tika guesses the encoding of
     * a text that does not declare one, and a guess can be wrong (a short text in Korean Windows-949
     * taken for Big5): such a text would be archived as nonsense, so it is refused with the reason.
     */
    static String undecodable(String text, String encoding) {
        int n = Math.min(text.length(), 100_000);
        int bad = 0;
        for (int i = 0; i < n; i++) if (text.charAt(i) == '\uFFFD') bad++;
        if (n < 16 || bad * 50 <= n) return null;
        return "text in an encoding parc could not tell: " + bad + " of its " + (n < text.length() ? "first " : "") + n
                + " characters " + (bad == 1 ? "is" : "are") + " not valid in " + (encoding == null ? "the encoding it was read as" : encoding + ", the encoding it was read as")
                + "; save it as UTF-8 and ingest it again";
    }

    /**
     * True when the text is mostly not text: control characters, replacement characters or
     * unassigned code points in more than 5% of it. Random bytes decoded as a single-byte charset
     * (what a binary file named .txt becomes) give about 12%; real text, in any script, almost none.
     */
    static boolean looksBinary(String text) {
        int n = 0;
        int bad = 0;
        for (int i = 0; i < text.length() && n < 100_000; i++, n++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || c == '\f') continue;
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.PRIVATE_USE || c == '\uFFFD') bad++;
        }
        return n >= 16 && bad * 20 > n;
    }

    /** Line ends as \n, NFC, no BOM or NUL, no trailing blanks: offsets are stable from here on. */
    public static String normalizeText(String raw) {
        String s = windows1252(raw).replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "").replace("\u0000", "");
        s = java.text.Normalizer.normalize(s, Form.NFC);
        return s.strip();
    }

    private static Map<String, List<String>> toMap(Metadata md) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        String[] names = md.names();
        java.util.Arrays.sort(names);
        for (String n : names) m.put(n, List.of(md.getValues(n)));
        return m;
    }

    /** One line a librarian can act on, from whatever the parser threw. */
    static String reason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EncryptedDocumentException) return "encrypted document (password protected)";
            if (c instanceof ZeroByteFileException) return "empty file";
            String n = c.getClass().getSimpleName();
            String m = String.valueOf(c.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (n.contains("ZipBomb") || m.contains("zip bomb")) {
                return "suspected zip bomb (expands far beyond its size): " + firstLine(c.getMessage());
            }
            if (c instanceof TikaMemoryLimitException) return "too large to parse: " + firstLine(c.getMessage());
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = firstLine(root.getMessage());
        String what = t instanceof TikaException ? "could not parse" : "could not read";
        return what + ": " + root.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        s = s.strip();
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl);
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
