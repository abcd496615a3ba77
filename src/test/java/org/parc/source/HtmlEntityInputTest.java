package org.parc.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** HTML's named references made numeric in XML bytes, and nothing else changed. */
class HtmlEntityInputTest {
    private static String filter(String xml, Charset cs) throws IOException {
        return new String(HtmlEntityInput.of(new ByteArrayInputStream(xml.getBytes(cs))).readAllBytes(), cs);
    }

    @Test
    void htmlNamesBecomeNumericOutsideCdataAndComments() throws IOException {
        String in = "<a t=\"caf&eacute;\">x&mdash;y&nbsp;&Eacute;&ngE;<![CDATA[&mdash; ]] ]]><!-- &mdash; - -->&amp;&lt;&lol;&#233;&x&;&mdash</a>";
        String out = "<a t=\"caf&#xe9;\">x&#x2014;y&#xa0;&#xc9;&#x2267;&#x338;<![CDATA[&mdash; ]] ]]><!-- &mdash; - -->&amp;&lt;&lol;&#233;&x&;&mdash</a>";
        assertEquals(out, filter(in, StandardCharsets.UTF_8),
                "XML's own five, unknown names (a declared entity's), numeric references, CDATA, comments and a name without ';' are left as they are");
        assertEquals("<p>\u00e9t\u00e9 &#x2019;</p>", filter("<p>\u00e9t\u00e9 &rsquo;</p>", StandardCharsets.ISO_8859_1));
    }

    @Test
    void utf16IsPassedThrough() throws IOException {
        byte[] b = "\uFEFF<a>&mdash;</a>".getBytes(StandardCharsets.UTF_16BE);
        assertArrayEquals(b, HtmlEntityInput.of(new ByteArrayInputStream(b)).readAllBytes());
        byte[] le = "<a>&mdash;</a>".getBytes(StandardCharsets.UTF_16LE);
        assertArrayEquals(le, HtmlEntityInput.of(new ByteArrayInputStream(le)).readAllBytes());
    }

    /** Seeded: random bytes without '&' pass unchanged whatever the reads' sizes. */
    @Test
    void bytesWithoutReferencesAreUnchanged() throws IOException {
        Random rnd = new Random(20261205L);
        for (int round = 0; round < 50; round++) {
            byte[] b = new byte[rnd.nextInt(20_000)];
            rnd.nextBytes(b);
            for (int i = 0; i < b.length; i++) if (b[i] == '&' || b[i] == 0) b[i] = 'x';
            if (b.length > 1) b[0] = '<';
            var in = HtmlEntityInput.of(new ByteArrayInputStream(b));
            var out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[1 + rnd.nextInt(100)];
            for (int n; (n = in.read(buf, 0, buf.length)) > 0; ) out.write(buf, 0, n);
            assertArrayEquals(b, out.toByteArray(), "round " + round);
        }
    }
}
