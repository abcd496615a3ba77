package org.parc.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.text.Normalizer.Form;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.HttpHeaders;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Normalizes a source file with Tika's AutoDetectParser: media type, text (bounded by the write
 * limit), embedded metadata. Parsing runs on a daemon thread so that a parser that hangs is
 * abandoned after the timeout instead of hanging the ingest.
 */
public final class TikaNormalizer implements Normalizer {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final long MAX_MARKUP_BYTES = 32L * 1024 * 1024;

    private final AutoDetectParser parser;
    private final Limits limits;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "parc-tika-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public TikaNormalizer(Limits limits) {
        this.parser = new AutoDetectParser(TikaConfig.getDefaultConfig());
        this.limits = limits;
    }

    @Override
    public NormalizedDocument normalize(SourceFile file) throws SourceException {
        if (file.size() > limits.maxFileBytes()) {
            throw new SourceException("file is " + file.size() + " bytes, over the limit of "
                    + limits.maxFileBytes() + " (--max-file-size)");
        }
        if (file.size() == 0) throw new SourceException("empty file");
        Future<NormalizedDocument> job = pool.submit(() -> parse(file));
        try {
            return job.get(limits.parseTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel(true);
            throw new SourceException("parsing took longer than " + limits.parseTimeout().toSeconds()
                    + " s (--parse-timeout); abandoned");
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceException("interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SourceException se) throw se;
            throw new SourceException(reason(c), c);
        }
    }

    private NormalizedDocument parse(SourceFile file) throws Exception {
        Metadata md = new Metadata();
        md.set(TikaCoreProperties.RESOURCE_NAME_KEY, file.fileName());
        ParseContext ctx = new ParseContext();
        ctx.set(Parser.class, parser); // recurse into e-mail parts and attachments
        BodyContentHandler handler = new BodyContentHandler(limits.writeLimit());
        boolean truncated = false;
        try (InputStream in = TikaInputStream.get(file.path())) {
            parser.parse(in, handler, md, ctx);
        } catch (SAXException | TikaException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) throw e;
            truncated = true;
        }
        String mediaType = mediaType(md);
        String text = normalizeText(handler.toString());
        if (text.isBlank()) {
            throw new SourceException("no text found in " + mediaType + " content");
        }
        String markup = isHtml(mediaType) && file.size() <= MAX_MARKUP_BYTES ? markup(file, md) : null;
        return new NormalizedDocument(file, mediaType, text, toMap(md), truncated, markup);
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
                cs = Charset.forName(enc);
            } catch (RuntimeException ignored) {
                // Tika guessed a charset this JVM lacks: UTF-8 is the web's default
            }
        }
        return new String(bytes, cs);
    }

    /** Line ends as \n, NFC, no BOM or NUL, no trailing blanks: offsets are stable from here on. */
    static String normalizeText(String raw) {
        String s = raw.replace("\r\n", "\n").replace('\r', '\n').replace("\uFEFF", "").replace("\u0000", "");
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
            if (n.contains("ZipBomb") || String.valueOf(c.getMessage()).contains("Suspected zip bomb")) {
                return "suspected zip bomb: " + firstLine(c.getMessage());
            }
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
