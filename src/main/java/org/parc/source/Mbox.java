package org.parc.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Unix mailbox (mbox: Thunderbird's folders, a mailing list's archive, {@code mail} exports): messages one
 * after another, each opened by a "From " line at the start of the file or after an empty line. Each
 * message is read without that line, without the empty line that ends it, and with the quoting of
 * "From " lines inside it undone ("&gt;From " back to "From ", one level, as mboxrd writes it and as
 * mail readers read mboxo).
 */
final class Mbox {
    /** Bytes of one line read at once; longer lines are passed on in pieces. */
    private static final int MAX_LINE = 64 * 1024;

    private Mbox() {}

    /** Receives each message in turn, numbered from 1; the stream ends where the message does. */
    interface Visitor {
        void visit(int number, InputStream message) throws IOException;
    }

    /** True when the file starts as a mailbox does: a "From " line, then a header line ("Name: value"). */
    static boolean looksLike(byte[] head) {
        if (head.length < 7 || !startsWithFrom(head, 0, head.length)) return false;
        int eol = indexOf(head, (byte) '\n', 0);
        if (eol < 0 || eol + 1 >= head.length) return false;
        int i = eol + 1;
        int start = i;
        while (i < head.length && head[i] != ':' && head[i] != '\n') {
            byte b = head[i];
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-')) return false;
            i++;
        }
        return i > start && i < head.length && head[i] == ':';
    }

    /** The messages in order. A visitor that reads a message only in part leaves the rest unread, not lost. */
    static void each(Path file, Visitor visitor) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Lines lines = new Lines(in);
            byte[] line = lines.next();
            int n = 0;
            while (line != null) {
                if (!startsWithFrom(line, 0, line.length)) {
                    line = lines.next(); // text before the first separator: not a message
                    continue;
                }
                Message m = new Message(lines);
                visitor.visit(++n, m);
                m.skipRest();
                line = m.following;
            }
        }
    }

    private static boolean startsWithFrom(byte[] b, int from, int len) {
        return len - from >= 5 && b[from] == 'F' && b[from + 1] == 'r' && b[from + 2] == 'o' && b[from + 3] == 'm' && b[from + 4] == ' ';
    }

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == x) return i;
        return -1;
    }

    private static boolean isEmptyLine(byte[] line) {
        return line.length == 1 && line[0] == '\n' || line.length == 2 && line[0] == '\r' && line[1] == '\n';
    }

    /** Lines with their line ends; pieces of at most {@link #MAX_LINE} bytes. Scans its own buffer: a mailbox may be gigabytes. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] buf = new byte[MAX_LINE];
        private int pos;
        private int end;

        Lines(InputStream in) {
            this.in = in;
        }

        byte[] next() throws IOException {
            int scanned = 0; // of the line at pos, the bytes already looked at
            while (true) {
                for (int i = pos + scanned; i < end; i++) {
                    if (buf[i] == '\n') return take(i + 1);
                }
                scanned = end - pos;
                if (scanned == buf.length) return take(end); // a piece of a very long line
                if (!fill()) return scanned == 0 ? null : take(end);
            }
        }

        /** Compacts the buffer and reads into it; false when nothing more came. */
        private boolean fill() throws IOException {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, end - pos);
                end -= pos;
                pos = 0;
            }
            int n = in.read(buf, end, buf.length - end);
            if (n <= 0) return false;
            end += n;
            return true;
        }

        private byte[] take(int upTo) {
            byte[] line = java.util.Arrays.copyOfRange(buf, pos, upTo);
            pos = upTo;
            return line;
        }
    }

    /** One message's bytes, up to the empty line before the next separator or the end of the file. */
    private static final class Message extends InputStream {
        private final Lines lines;
        /** The line read ahead: the next separator, or null at the end of the file. */
        byte[] following;
        private byte[] current = new byte[0];
        private int at;
        /** The line read after an empty one to see whether a separator follows it. */
        private byte[] held;
        private boolean done;

        Message(Lines lines) {
            this.lines = lines;
        }

        @Override
        public int read() throws IOException {
            while (at >= current.length) {
                if (!advance()) return -1;
            }
            return current[at++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (at >= current.length) {
                if (!advance()) return -1;
            }
            int n = Math.min(len, current.length - at);
            System.arraycopy(current, at, b, off, n);
            at += n;
            return n;
        }

        void skipRest() throws IOException {
            while (advance()) {
                // read to the next separator
            }
        }

        /** Makes the next line current; false at the message's end. */
        private boolean advance() throws IOException {
            if (done) return false;
            at = 0;
            byte[] line = held != null ? held : lines.next();
            held = null;
            if (line == null) {
                done = true;
                return false;
            }
            if (isEmptyLine(line)) {
                byte[] after = lines.next();
                if (after == null || startsWithFrom(after, 0, after.length)) {
                    following = after;
                    done = true;
                    return false;
                }
                held = after; // the empty line was not the last: the line after it is read next, as any line
                current = line;
                return true;
            }
            current = unquote(line);
            return true;
        }

        /** ">From " and ">>From " lose one ">", as mboxrd quotes them. */
        private static byte[] unquote(byte[] line) {
            int i = 0;
            while (i < line.length && line[i] == '>') i++;
            if (i == 0 || !startsWithFrom(line, i, line.length)) return line;
            byte[] out = new byte[line.length - 1];
            System.arraycopy(line, 1, out, 0, out.length);
            return out;
        }
    }
}
