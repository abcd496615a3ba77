package org.parc.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages cut out of a mailbox as mail readers cut them. */
class MboxTest {
    @TempDir
    Path tmp;

    private List<String> messages(String mbox) throws IOException {
        Path f = Files.writeString(tmp.resolve("m.mbox"), mbox);
        List<String> out = new ArrayList<>();
        Mbox.each(f, (n, in) -> {
            assertEquals(out.size() + 1, n);
            out.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        });
        return out;
    }

    @Test
    void separatorsAfterAnEmptyLineQuotedFromLinesAndLineEnds() throws IOException {
        assertEquals(List.of(
                        "Subject: one\n\nFrom the harbour, news.\nFrom here on it is body text.\n",
                        "Subject: two\r\n\r\nLine\r\n\r\n\r\nStill two.\r\n",
                        "Subject: three\n\n>From the quay\n"),
                messages("From a@example.org Mon Mar  1 10:00:00 2021\nSubject: one\n\n>From the harbour, news.\nFrom here on it is body text.\n\n"
                        + "From b@example.org Tue Mar  2 10:00:00 2021\r\nSubject: two\r\n\r\nLine\r\n\r\n\r\nStill two.\r\n\r\n"
                        + "From c@example.org Wed Mar  3 10:00:00 2021\nSubject: three\n\n>>From the quay\n"),
                "a From line after an empty line opens a message; one elsewhere is text; one '>' of a quoted From comes off");
        assertEquals(List.of("Subject: x\n\nbody\n"), messages("junk before\n\nFrom a Mon Mar  1 10:00:00 2021\nSubject: x\n\nbody\n"),
                "text before the first separator is no message; the end of the file ends the last");
        List<String> partly = new ArrayList<>();
        Path f = Files.writeString(tmp.resolve("p.mbox"), "From a\nSubject: 1\n\nlong body\n\nFrom b\nSubject: 2\n\nx\n");
        Mbox.each(f, (n, in) -> partly.add(n + ":" + (char) in.read()));
        assertEquals(List.of("1:S", "2:S"), partly, "a message read in part does not shift the next");
    }

    /** Seeded: lines longer than the reader's buffer and messages across its refills come out whole. */
    @Test
    void longLinesAndManyLines() throws IOException {
        java.util.Random rnd = new java.util.Random(20261205L);
        StringBuilder mbox = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            StringBuilder body = new StringBuilder("Subject: " + m + "\n\n");
            for (int l = rnd.nextInt(600); l > 0; l--) {
                int len = rnd.nextInt(40) == 0 ? 60_000 + rnd.nextInt(100_000) : rnd.nextInt(100);
                body.append("y".repeat(len)).append(rnd.nextInt(20) == 0 ? "\n\n" : "\n");
            }
            String b = body.toString().replaceAll("\n\n$", "\n");
            expected.add(b);
            mbox.append("From x@example.org Mon Mar  1 10:00:00 2021\n").append(b).append("\n");
        }
        assertEquals(expected, messages(mbox.toString()));
    }

    @Test
    void aMailboxIsKnownByItsFromLineAndAHeader() {
        assertTrue(Mbox.looksLike("From a@example.org Mon Mar  1 10:00:00 2021\nReturn-Path: <a@example.org>\n".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(Mbox.looksLike("From here on, the harbour is open.\nShips may sail.\n".getBytes(StandardCharsets.US_ASCII)),
                "a text that starts with 'From ' is a text");
        assertFalse(Mbox.looksLike("Subject: x\n\nbody\n".getBytes(StandardCharsets.US_ASCII)), "a single message is no mailbox");
    }
}
