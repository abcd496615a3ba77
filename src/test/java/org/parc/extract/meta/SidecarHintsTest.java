package org.parc.extract.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.extract.Hints;
import org.parc.extract.Role;

class SidecarHintsTest {
    @TempDir
    Path dir;

    @Test
    void noSidecar() throws Exception {
        Path f = Files.writeString(dir.resolve("a.txt"), "x");
        assertSame(Hints.NONE, SidecarHints.forFile(f, null));
        Hints h = SidecarHints.forFile(f, "https://example.org/a");
        assertEquals("https://example.org/a", h.sourceUrl());
        assertEquals("--source-url", h.origin());
    }

    @Test
    void readsSidecar() throws Exception {
        Path f = Files.writeString(dir.resolve("a.html"), "x");
        Files.writeString(dir.resolve("a.html.json"), """
                {"url": "https://example.org/s", "outlet": "Valley Courier", "date": "2020-01-13",
                 "creators": ["Lena Marsh", {"name": "Ivo Tamm", "role": "photographer"}, "Reuters"]}""");
        Hints h = SidecarHints.forFile(f, null);
        assertEquals("https://example.org/s", h.sourceUrl());
        assertEquals("Valley Courier", h.outlet());
        assertEquals("2020-01-13", h.date().toString());
        assertEquals(3, h.creators().size());
        assertEquals(Role.AUTHOR, h.creators().get(0).role());
        assertEquals(Role.PHOTOGRAPHER, h.creators().get(1).role());
        assertTrue(h.creators().get(2).organization());
        assertEquals("hint", h.creators().get(0).evidence().method());
        assertEquals("sidecar a.html.json", h.origin());
        assertEquals("sidecar a.html.json", h.urlOrigin());
        // --source-url wins over the sidecar's "url", and its evidence says so; the sidecar's outlet stays the sidecar's.
        Hints both = SidecarHints.forFile(f, "https://cli.example/x");
        assertEquals("https://cli.example/x", both.sourceUrl());
        assertEquals("--source-url", both.urlOrigin());
        assertEquals("sidecar a.html.json", both.origin());
    }

    @Test
    void partialDatesAndBadInput() throws Exception {
        Path f = Files.writeString(dir.resolve("b.pdf"), "x");
        Files.writeString(dir.resolve("b.pdf.json"), "{\"date\": \"2019-07\"}");
        assertEquals("2019-07", SidecarHints.forFile(f, null).date().toString());
        Files.writeString(dir.resolve("b.pdf.json"), "{\"date\": \"13/01/2020\"}");
        assertThrows(IllegalArgumentException.class, () -> SidecarHints.forFile(f, null));
        Files.writeString(dir.resolve("b.pdf.json"), "{not json");
        assertThrows(IllegalArgumentException.class, () -> SidecarHints.forFile(f, null));
        Files.writeString(dir.resolve("b.pdf.json"), "{\"creators\": [{\"name\": \"A B\", \"role\": \"chef\"}]}");
        assertThrows(IllegalArgumentException.class, () -> SidecarHints.forFile(f, null));
    }
}
