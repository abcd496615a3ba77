package org.parc.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exports of Nexis Uni and Factiva as their text reaches parc (samples written after the two
 * databases' layouts, with invented articles): one item per article, its header read, its lines left out of the text.
 */
public class NewsExportsTest {
    public static String sample(String name) throws Exception {
        try (var in = NewsExportsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> describe(Feeds.Feed f) {
        return f.items().stream().map(i -> String.join(" | ", i.locator(), i.title(), i.published(), String.valueOf(i.channel()),
                String.valueOf(i.authors()), String.valueOf(i.language()))).toList();
    }

    @Test
    void nexisUniArticlesEndWithEndOfDocumentAndTheirBodyFollowsBody() throws Exception {
        Feeds.Feed f = NewsExports.read(sample("nexis-uni-export.txt"));
        assertEquals(NewsExports.NEXIS, f.agencyFormat());
        assertEquals(List.of(
                "document 1 | Iraq Asks Russia to Help It Join Astana Peace Process | March 15, 2020 Sunday | The New York Times | [By Jane Arraf and Tim Arango] | null",
                "document 2 | Russia Offers Iraq Air Defence Talks | Monday, March 16, 2020 | The Guardian (London) | [Martin Chulov Middle East correspondent] | en"),
                describe(f), "the cover page and list of results are no article");
        assertEquals("Iraq Asks Russia to Help It Join Astana Peace Process\n\nBAGHDAD -- Iraq's government asked Russia on Saturday to help it join "
                + "the Astana peace process on Syria, officials said.\n\nThe request came as the foreign minister met his Russian counterpart in Moscow.",
                f.items().get(0).text(), "no copyright, section, length or load-date lines");
    }

    @Test
    void factivaArticlesEndWithTheirDocumentId() throws Exception {
        Feeds.Feed f = NewsExports.read(sample("factiva-export.txt"));
        assertEquals(NewsExports.FACTIVA, f.agencyFormat());
        assertEquals(List.of(
                "document ALMONT0020200317eg3h0002t | Iraq leans toward Russia in war on ISIS | 17 March 2020 | Al-Monitor | [By Jane Arraf] | en",
                "document AAWSAT0020200318eg3i0000k | Undeclared Truce in Iraq | 18 March 2020 | Asharq Al-Awsat | [] | en"), describe(f));
        assertEquals("Iraq leans toward Russia in war on ISIS\n\nBAGHDAD -- Iraq has moved closer to Russia in the fight against the Islamic State, "
                + "officials said on Tuesday.\n\nThe shift worries Washington, which has thousands of troops in the country.", f.items().get(0).text());
    }

    @Test
    void otherTextsAreNoExport() {
        assertNull(NewsExports.read("A story\n\nIt ends here.\n\nEnd of Document\n"), "no Length: line");
        assertNull(NewsExports.read("A story\n\nDocument ABCDEFGHIJKLMNOPQRSTUVWX\n"), "no word count or date");
    }
}
