package org.parc.extract.entities;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Wikipedia titles for names, from the anchor-text dictionary that ships in CoreNLP's English KBP
 * models ({@value #RESOURCE}: a name, a Wikipedia title and P(title | name), the share of the
 * name's links on the web that point to that article; Spitkovsky &amp; Chang, LREC 2012).
 *
 * <p>Its 21 million lines (1 GB of text) do not fit ingest's 1 GB heap, so the entries that look
 * like names of people or organizations (6 to 7 million) are indexed once into a file in parc's
 * cache folder: records sorted into hash buckets, one positional read of a few kilobytes per
 * lookup. The file is rebuilt when the dictionary changes size or the format version changes.
 * Thread-safe.
 */
public final class WikiDict {
    /** A title and P(title | name). */
    public record Title(String title, double score) {}

    static final String RESOURCE = "edu/stanford/nlp/models/kbp/english/wikidict.tab.gz";
    private static final byte[] MAGIC = "PARCWD02".getBytes(UTF_8);
    private static final int BUCKET_BITS = 17;
    private static final int BUCKETS = 1 << BUCKET_BITS;
    private static final long HEADER_LEN = MAGIC.length + 8L * (BUCKETS + 1);
    private static final int INDEX_BITS = 23;
    private static final int MAX_ENTRIES = 1 << INDEX_BITS;
    /** Below this the name's links mostly go elsewhere: not worth keeping even as a candidate. */
    static final double MIN_SCORE = 0.5;

    /** Lower-case words that may stand inside a name ("Council on American-Islamic Relations", "Nouri al-Maliki"). */
    private static final Set<String> PARTICLES = Set.of("of", "the", "and", "for", "on", "in", "at", "de", "del", "della",
            "du", "des", "da", "di", "do", "dos", "la", "le", "van", "von", "der", "den", "al", "el", "bin", "ibn", "y", "e", "&");

    private final FileChannel data;
    private final long[] offsets;
    private final long dataStart;
    private final Path index;

    private WikiDict(FileChannel data, long[] offsets, long dataStart, Path index) {
        this.data = data;
        this.offsets = offsets;
        this.dataStart = dataStart;
        this.index = index;
    }

    /** The dictionary of the models on the classpath, indexed on first use; empty when they are absent. */
    public static Optional<WikiDict> shared() {
        return Holder.SHARED;
    }

    /**
     * The most likely title for a name written exactly so (only spacing and the apostrophe's form
     * are normalized), if its P(title | name) ≥ 0.5. Not case-folded: the dictionary's rare
     * variants ("GOOGLE", "Google." …) carry scores from a handful of links each, and folding
     * them together let one of those decide ("Google" went to an article on APIs).
     */
    public Optional<Title> lookup(String name) {
        String key = key(name);
        if (key.isEmpty()) return Optional.empty();
        int b = bucket(hash40(key));
        long s = offsets[b], e = offsets[b + 1];
        if (e <= s) return Optional.empty();
        ByteBuffer buf = ByteBuffer.allocate((int) (e - s));
        try {
            readFully(data, buf, dataStart + s, index);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        // compare bytes and decode only the matching lines: a bucket holds a few dozen names
        byte[] bytes = buf.array();
        int len = buf.position();
        byte[] prefix = (key + '\t').getBytes(UTF_8);
        Title best = null;
        for (int i = 0; i < len; ) {
            int nl = i;
            while (nl < len && bytes[nl] != '\n') nl++;
            if (nl - i > prefix.length && Arrays.equals(bytes, i, i + prefix.length, prefix, 0, prefix.length)) {
                String rest = new String(bytes, i + prefix.length, nl - i - prefix.length, UTF_8);
                int tab = rest.indexOf('\t');
                if (tab > 0) {
                    double score = Double.parseDouble(rest.substring(tab + 1));
                    if (best == null || score > best.score()) best = new Title(rest.substring(0, tab), score);
                }
            }
            i = nl + 1;
        }
        return Optional.ofNullable(best);
    }

    // ---- the index file: MAGIC, BUCKETS + 1 offsets, then "key TAB title TAB score" lines by bucket

    static WikiDict open(Path index) throws IOException {
        FileChannel ch = FileChannel.open(index, StandardOpenOption.READ);
        try {
            ByteBuffer h = ByteBuffer.allocate((int) HEADER_LEN);
            readFully(ch, h, 0, index);
            h.flip();
            byte[] magic = new byte[MAGIC.length];
            h.get(magic);
            if (!Arrays.equals(magic, MAGIC)) throw new IOException("not a parc dictionary index: " + index);
            long[] offsets = new long[BUCKETS + 1];
            h.asLongBuffer().get(offsets);
            if (HEADER_LEN + offsets[BUCKETS] != ch.size()) throw new IOException("truncated index " + index);
            return new WikiDict(ch, offsets, HEADER_LEN, index);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Fills {@code buf} from {@code position} on; the index is checked for its full size when opened. */
    private static void readFully(FileChannel ch, ByteBuffer buf, long position, Path index) throws IOException {
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) throw new java.io.EOFException("truncated index " + index);
        }
    }

    /**
     * Indexes the dictionary (gzipped "name TAB title TAB score" lines) into {@code index}, written
     * beside it first and moved into place, so a crash or a concurrent build never leaves a partial
     * file under that name. Heap: two arrays of at most 8 million entries (~100 MB).
     */
    static int build(InputStream gz, Path index) throws IOException {
        Path dir = index.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path records = Files.createTempFile(dir, "wikidict", ".tmp");
        Path out = Files.createTempFile(dir, "wikidict", ".idx.tmp");
        try {
            long[] packed = new long[1 << 20];
            int[] at = new int[1 << 20];
            int n = 0;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(gz, 1 << 16), UTF_8), 1 << 16);
                 OutputStream w = new BufferedOutputStream(Files.newOutputStream(records), 1 << 16)) {
                long written = 0;
                String line;
                while ((line = r.readLine()) != null && n < MAX_ENTRIES) {
                    int t1 = line.indexOf('\t');
                    int t2 = t1 < 0 ? -1 : line.indexOf('\t', t1 + 1);
                    if (t1 <= 0 || t2 < 0 || line.indexOf('\t', t2 + 1) >= 0) continue;
                    double score;
                    try {
                        score = Double.parseDouble(line.substring(t2 + 1));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    if (!(score >= MIN_SCORE && score <= 1)) continue;
                    String name = line.substring(0, t1);
                    String title = line.substring(t1 + 1, t2);
                    if (!nameLike(name) || !articleTitle(title)) continue;
                    String key = key(name);
                    if (key.isEmpty()) continue;
                    byte[] rec = (key + '\t' + title + '\t' + line.substring(t2 + 1) + '\n').getBytes(UTF_8);
                    if (written + rec.length > Integer.MAX_VALUE) break;
                    if (n == packed.length) {
                        packed = Arrays.copyOf(packed, Math.min(MAX_ENTRIES, n * 2));
                        at = Arrays.copyOf(at, packed.length);
                    }
                    packed[n] = hash40(key) << INDEX_BITS | n;
                    at[n] = (int) written;
                    n++;
                    w.write(rec);
                    written += rec.length;
                }
            }
            Arrays.sort(packed, 0, n);
            long[] offsets = new long[BUCKETS + 1];
            try (FileChannel src = FileChannel.open(records, StandardOpenOption.READ);
                 FileChannel dst = FileChannel.open(out, StandardOpenOption.WRITE)) {
                MappedByteBuffer m = src.map(FileChannel.MapMode.READ_ONLY, 0, src.size());
                dst.position(HEADER_LEN);
                OutputStream w = new BufferedOutputStream(Channels.newOutputStream(dst), 1 << 16);
                long written = 0;
                int current = 0;
                byte[] rec = new byte[512];
                for (int i = 0; i < n; i++) {
                    int b = bucket(packed[i] >>> INDEX_BITS);
                    while (current < b) offsets[++current] = written;
                    int p = at[(int) (packed[i] & (MAX_ENTRIES - 1))];
                    int e = p;
                    while (m.get(e) != '\n') e++;
                    int len = e - p + 1;
                    if (rec.length < len) rec = new byte[len];
                    m.get(p, rec, 0, len);
                    w.write(rec, 0, len);
                    written += len;
                }
                while (current < BUCKETS) offsets[++current] = written;
                w.flush();
                ByteBuffer h = ByteBuffer.allocate((int) HEADER_LEN);
                h.put(MAGIC);
                h.asLongBuffer().put(offsets);
                h.rewind();
                while (h.hasRemaining()) dst.write(h, h.position());
                dst.force(true);
            }
            readableByAll(out);
            Files.move(out, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return n;
        } finally {
            Files.deleteIfExists(records);
            Files.deleteIfExists(out);
        }
    }

    /** A temporary file is private (rw-------); a cache is for every user of the machine who runs parc. */
    private static void readableByAll(Path p) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its defaults stand
        }
    }

    /**
     * Names of people and organizations: a capital first, at most six words, each capitalized, a
     * number, a particle ("of", "al") or a hyphenated capital ("al-Maliki"); nothing that looks like
     * a URL, a citation or a sentence ("Wikipedia: !!!", "hipster doofus").
     */
    static boolean nameLike(String s) {
        if (s.length() < 2 || s.length() > 60 || !Character.isUpperCase(s.codePointAt(0))) return false;
        for (int i = 0; i < s.length(); i++) {
            if (":/()\"[]|;!?=#@<>{}*+$%^~\\,".indexOf(s.charAt(i)) >= 0 || Character.isISOControl(s.charAt(i))) return false;
        }
        if (s.toLowerCase(Locale.ROOT).contains("wiki")) return false;
        String[] words = s.split(" ", -1);
        if (words.length > 6) return false;
        for (String w : words) {
            if (w.isEmpty()) return false;
            char c = w.charAt(0);
            if (Character.isUpperCase(c) || Character.isDigit(c) || PARTICLES.contains(w)) continue;
            int h = Math.max(w.indexOf('-'), w.indexOf('\''));
            if (h > 0 && h + 1 < w.length() && Character.isUpperCase(w.charAt(h + 1))) continue;
            return false;
        }
        return true;
    }

    /** An article, not a list, a disambiguation page or another namespace. */
    static boolean articleTitle(String t) {
        if (t.isEmpty() || t.length() > 200) return false;
        for (int i = 0; i < t.length(); i++) if (Character.isWhitespace(t.charAt(i)) || Character.isISOControl(t.charAt(i))) return false;
        if (t.contains("(disambiguation)")) return false;
        for (String p : new String[] {"List_of_", "Lists_of_", "Index_of_", "Outline_of_", "Category:", "File:", "Template:",
                "Portal:", "Wikipedia:", "Help:", "Talk:", "User:", "Draft:"}) {
            if (t.startsWith(p)) return false;
        }
        return true;
    }

    /** The name as written, with spacing collapsed and ’ as ' (the text and the dictionary differ there). */
    static String key(String name) {
        return Names.spaced(name.replace('\u2019', '\''));
    }

    /** 64-bit FNV-1a over the key's chars, top 40 bits: stable across versions (it is in the file). */
    static long hash40(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        return h >>> 24;
    }

    private static int bucket(long hash40) {
        return (int) (hash40 >>> (40 - BUCKET_BITS));
    }

    /** parc's cache folder: -Dparc.cache, else $XDG_CACHE_HOME/parc, else ~/.cache/parc. */
    static Path cacheDir() {
        String p = System.getProperty("parc.cache");
        if (p != null && !p.isBlank()) return Path.of(p);
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "parc");
        return Path.of(System.getProperty("user.home"), ".cache", "parc");
    }

    private static final class Holder {
        static final Optional<WikiDict> SHARED = load();

        private static Optional<WikiDict> load() {
            URL url = WikiDict.class.getClassLoader().getResource(RESOURCE);
            if (url == null) return Optional.empty();
            try {
                long size = url.openConnection().getContentLengthLong();
                Path index = cacheDir().resolve("wikidict-" + new String(MAGIC, UTF_8).toLowerCase(Locale.ROOT) + "-" + size + ".idx");
                return Optional.of(openOrBuild(index, url::openStream));
            } catch (IOException | RuntimeException e) {
                // links are an extra: without them ingest goes on, and says why once
                System.err.println("parc: no Wikipedia links in this run: cannot index " + RESOURCE + ": " + e);
                return Optional.empty();
            }
        }
    }

    /** Where a stream of the dictionary comes from (read once per build). */
    interface Source {
        InputStream open() throws IOException;
    }

    /** The index, built first if it is missing or damaged (a full disk, a copy cut short). */
    static WikiDict openOrBuild(Path index, Source source) throws IOException {
        if (Files.isRegularFile(index)) {
            try {
                return open(index);
            } catch (IOException e) {
                System.err.println("parc: " + e.getMessage() + ": indexing it again");
            }
        }
        removeLeftovers(index.toAbsolutePath().getParent());
        long t0 = System.nanoTime();
        System.err.println("parc: indexing the Wikipedia name dictionary of CoreNLP's KBP models into " + index
                + " (once; about half a minute)");
        int n;
        try (InputStream in = source.open()) {
            n = build(in, index);
        }
        System.err.printf(Locale.ROOT, "parc: indexed %,d names in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        return open(index);
    }

    /** Temporary files of a build that was killed (an hour old: not those of a build running now). */
    private static void removeLeftovers(Path dir) {
        if (!Files.isDirectory(dir)) return;
        long cutoff = System.currentTimeMillis() - 3_600_000;
        try (var files = Files.newDirectoryStream(dir, "wikidict*.tmp")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toMillis() < cutoff) Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // best effort: a leftover costs disk, not correctness
        }
    }
}
