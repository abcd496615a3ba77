package org.parc.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Front matter in the forms static-site generators write, and what is not front matter. */
class MarkdownTest {
    @Test
    void yamlFrontMatterIsThePostsRecordWithTheFieldsItCameFrom() throws Exception {
        Markdown.Result r = Markdown.read("""
                ---
                layout: post
                title: "Iraq and Russia discuss air strikes"
                date: 2019-10-08 10:00:00 +0300
                author:
                  - name: Layla Hassan
                  - Mark Quill
                lang: en_GB
                publisher: Tigris Daily
                permalink: /2019/10/08/iraq-russia/
                canonical_url: https://tigris.example.com/2019/10/08/iraq-russia/
                ---

                Iraq's foreign minister met his **Russian** counterpart in [Moscow](https://example.org/moscow).
                """);
        Map<String, List<String>> m = r.metadata();
        assertEquals(List.of("YAML"), m.get(Markdown.FRONT_MATTER));
        assertEquals(List.of("Iraq and Russia discuss air strikes"), m.get(Markdown.TITLE));
        assertEquals(List.of("2019-10-08 10:00:00 +0300"), m.get(Markdown.DATE));
        assertEquals(List.of("Layla Hassan", "Mark Quill"), m.get(Markdown.AUTHOR));
        assertEquals(List.of("author"), m.get(Markdown.AUTHOR + Markdown.FROM));
        assertEquals(List.of("en_GB"), m.get(Markdown.LANGUAGE));
        assertEquals(List.of("Tigris Daily"), m.get(Markdown.PUBLISHER));
        // the canonical address, not the site-relative permalink
        assertEquals(List.of("https://tigris.example.com/2019/10/08/iraq-russia/"), m.get(Markdown.URL));
        assertEquals(List.of("canonical_url"), m.get(Markdown.URL + Markdown.FROM));
        String html = r.html();
        assertTrue(html.contains("<html lang=\"en-GB\">") && html.contains("<title>Iraq and Russia discuss air strikes</title>"), html);
        assertTrue(html.contains("<h1>Iraq and Russia discuss air strikes</h1>"), "the layout's headline: " + html);
        assertTrue(html.contains("<strong>Russian</strong>") && html.contains("href=\"https://example.org/moscow\">Moscow</a>"), html);
        assertFalse(html.contains("layout: post"), html);
    }

    @Test
    void tomlFrontMatterAndPandocTitleBlocks() throws Exception {
        Map<String, List<String>> toml = Markdown.read("""
                +++
                title = "Le port rouvre"
                date = 2021-03-04T09:00:00+01:00
                authors = ["Claire Dubois", "Jean Roux"]
                +++
                Le port a rouvert.
                """).metadata();
        assertEquals(List.of("TOML"), toml.get(Markdown.FRONT_MATTER));
        assertEquals(List.of("Le port rouvre"), toml.get(Markdown.TITLE));
        assertTrue(toml.get(Markdown.DATE).get(0).startsWith("2021-03-04"), toml::toString);
        assertEquals(List.of("Claire Dubois", "Jean Roux"), toml.get(Markdown.AUTHOR));

        Markdown.Result pandoc = Markdown.read("% Storm closes the bridge\n% Ann Lee; Bo Chen\n% 2020-02-03\n\nThe bridge closed.\n");
        assertEquals(List.of("Pandoc title block"), pandoc.metadata().get(Markdown.FRONT_MATTER));
        assertEquals(List.of("Ann Lee", "Bo Chen"), pandoc.metadata().get(Markdown.AUTHOR));
        assertEquals(List.of("2020-02-03"), pandoc.metadata().get(Markdown.DATE));
        assertFalse(pandoc.html().contains("%"), pandoc.html());
    }

    @Test
    void whatIsNotFrontMatterStaysText() throws Exception {
        // prose between two thematic breaks parses as a YAML mapping ("…, key: value."): its key is no field name
        Markdown.Result prose = Markdown.read("---\n\nJust a note, key: value.\n\n---\n");
        assertNull(prose.metadata().get(Markdown.FRONT_MATTER));
        assertTrue(prose.html().contains("<p>Just a note, key: value.</p>"), prose.html());
        // a header never closed, and a list, are text
        assertTrue(Markdown.read("---\ntitle: Never closed\n\nBody.\n").html().contains("title: Never closed"));
        assertNull(Markdown.read("---\n- a\n- b\n---\n\nBody.\n").metadata().get(Markdown.TITLE));
        // a body that opens with the title's heading does not get it twice
        String html = Markdown.read("---\ntitle: Harbour reopens\n---\n# Harbour reopens\n\nShips sail.\n").html();
        assertEquals(1, html.split("<h1>", -1).length - 1, html);
    }

    @Test
    void anAliasBombInTheFrontMatterIsNotExpanded() throws Exception {
        StringBuilder s = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            s.append(c).append(": &").append(c).append(" [").append(("*" + (char) (c - 1) + ",").repeat(8)).append('*').append((char) (c - 1)).append("]\n");
        }
        // Jackson reads an alias as a reference, never a copy: a billion laughs would exhaust the heap
        Markdown.Result r = Markdown.read(s + "title: Budget night\n---\n\nThe council met.\n");
        assertEquals(List.of("Budget night"), r.metadata().get(Markdown.TITLE));
        assertTrue(r.html().contains("<p>The council met.</p>"), r.html());
    }
}
