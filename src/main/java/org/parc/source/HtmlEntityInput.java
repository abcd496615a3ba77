package org.parc.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jsoup.nodes.Entities;

/**
 * XML bytes with HTML's named character references ({@code &mdash;}, {@code &nbsp;}, {@code &rsquo;})
 * turned into numeric ones. Feeds written by web tools use them, and so does a news agency's NITF,
 * whose DTD declares HTML's entity sets; a parser that reads no DTD (parc reads none: a feed is
 * untrusted) refuses the whole file at the first one, where browsers and feed readers read them.
 *
 * <p>Only names HTML defines are rewritten, and not inside CDATA sections or comments, where they are
 * text. The five names XML predefines and every other name are passed as they are, so an entity a
 * document declares itself (an expansion bomb, an external entity) is still refused by the parser.
 * Rewritten only where {@code &} and {@code ;} are single ASCII bytes (UTF-8, ISO-8859 and Windows code
 * pages): UTF-16, UTF-32 and EBCDIC input is passed through unchanged.
 */
final class HtmlEntityInput extends InputStream {
    private static final int MAX_NAME = 32;
    private static final Set<String> XML_NAMES = Set.of("lt", "gt", "amp", "quot", "apos");
    private static final byte[] CDATA = ascii("![CDATA[");
    private static final byte[] COMMENT = ascii("!--");
    private static final byte[] CDATA_END = ascii("]>");
    private static final byte[] COMMENT_END = ascii("->");

    private enum State { TEXT, CDATA, COMMENT }

    private final BufferedInputStream in;
    private byte[] pending = new byte[0];
    private int at;
    private State state = State.TEXT;

    private HtmlEntityInput(BufferedInputStream in) {
        this.in = in;
    }

    /** The stream with HTML's named references made numeric, or as it is when its encoding is not ASCII-based. */
    static InputStream of(InputStream xml) throws IOException {
        BufferedInputStream in = xml instanceof BufferedInputStream b ? b : new BufferedInputStream(xml);
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        return asciiBased(head) ? new HtmlEntityInput(in) : in;
    }

    /** False for a UTF-16 or UTF-32 byte order mark or "<" in those encodings, and for EBCDIC's "<?xm". */
    private static boolean asciiBased(byte[] h) {
        if (h.length < 2) return true;
        int b0 = h[0] & 0xff, b1 = h[1] & 0xff;
        if (b0 == 0xFE && b1 == 0xFF || b0 == 0xFF && b1 == 0xFE || b0 == 0 || b1 == 0) return false;
        return !(h.length == 4 && b0 == 0x4C && b1 == 0x6F && (h[2] & 0xff) == 0xA7 && (h[3] & 0xff) == 0x94);
    }

    @Override
    public int read() throws IOException {
        if (at < pending.length) return pending[at++] & 0xff;
        int b = in.read();
        if (b < 0) return b;
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    if (ahead(CDATA)) return emit("<![CDATA[", State.CDATA);
                    if (ahead(COMMENT)) return emit("<!--", State.COMMENT);
                } else if (b == '&') {
                    String ref = numericFor(name());
                    if (ref != null) return emit(ref, State.TEXT);
                }
            }
            case CDATA -> {
                if (b == ']' && ahead(CDATA_END)) return emit("]]>", State.TEXT);
            }
            case COMMENT -> {
                if (b == '-' && ahead(COMMENT_END)) return emit("-->", State.TEXT);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (len == 0) return 0;
        int n = 0;
        while (n < len) {
            // stop at a refill of the underlying buffer rather than block for more than is there
            if (n > 0 && at >= pending.length && in.available() == 0) break;
            int b = read();
            if (b < 0) return n == 0 ? -1 : n;
            buf[off + n++] = (byte) b;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Consumes {@code pattern} when the bytes that follow are exactly it; otherwise consumes nothing. */
    private boolean ahead(byte[] pattern) throws IOException {
        in.mark(pattern.length);
        for (byte p : pattern) {
            if (in.read() != (p & 0xff)) {
                in.reset();
                return false;
            }
        }
        return true;
    }

    /** After "&": the name up to ";" (consumed), or null with nothing consumed when none follows. */
    private String name() throws IOException {
        in.mark(MAX_NAME + 2);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= MAX_NAME; i++) {
            int c = in.read();
            if (c == ';' && !sb.isEmpty()) return sb.toString();
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!(letter || sb.length() > 0 && c >= '0' && c <= '9')) break;
            sb.append((char) c);
        }
        in.reset();
        return null;
    }

    /** "&#x2014;" for "mdash"; null for XML's own names, unknown names and no name (then nothing was consumed). */
    private String numericFor(String name) throws IOException {
        if (name == null) return null;
        int[] cps = new int[2];
        int n = XML_NAMES.contains(name) ? 0 : Entities.codepointsForName(name, cps);
        if (n == 0) {
            // not ours to rewrite: put the name back for the parser to judge
            pending = ascii(name + ";");
            at = 0;
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append("&#x").append(Integer.toHexString(cps[i])).append(';');
        return sb.toString();
    }

    /** Returns the first byte of {@code s} and keeps the rest to be read next. */
    private int emit(String s, State next) {
        state = next;
        pending = ascii(s);
        at = 1;
        return pending[0] & 0xff;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
