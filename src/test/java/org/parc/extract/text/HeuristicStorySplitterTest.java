package org.parc.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parc.extract.Story;
import org.parc.source.NormalizedDocument;
import org.parc.source.SourceFile;

class HeuristicStorySplitterTest {

    private final HeuristicStorySplitter splitter = new HeuristicStorySplitter();

    static NormalizedDocument doc(String name, String text, String markup) {
        SourceFile sf = new SourceFile(Path.of(name), name, text.length(), "0".repeat(64));
        return new NormalizedDocument(sf, markup == null ? "text/plain" : "text/html", text, Map.of(), false, markup);
    }

    /** Splits and checks the invariants: 1-based indexes, ordered ranges, pieces copied verbatim. */
    private List<Story> split(NormalizedDocument d) {
        List<HeuristicStorySplitter.Layout> ls = splitter.layout(d);
        int prevEnd = 0;
        for (int i = 0; i < ls.size(); i++) {
            Story s = ls.get(i).story();
            assertEquals(i + 1, s.index());
            assertTrue(s.range().start() >= prevEnd && s.range().end() <= d.text().length());
            prevEnd = s.range().end();
            int covered = 0;
            for (HeuristicStorySplitter.Piece p : ls.get(i).pieces()) {
                assertEquals(d.text().substring(p.docStart(), p.docStart() + p.length()),
                        s.text().substring(p.storyStart(), p.storyStart() + p.length()));
                assertTrue(p.docStart() >= s.range().start() && p.docStart() + p.length() <= s.range().end());
                covered += p.length();
            }
            assertTrue(covered > 0 || s.text().isEmpty());
        }
        assertEquals(splitter.split(d), ls.stream().map(HeuristicStorySplitter.Layout::story).toList());
        return splitter.split(d);
    }

    private static String firstLine(Story s) {
        return s.text().lines().findFirst().orElse("");
    }

    private static final String BODY = "The council met on Monday to discuss the budget for the coming year, which "
            + "has drawn criticism from several members.\n\nThe mayor said the plan would be revised before the vote, "
            + "and that residents would be heard at a public meeting next month.\n\nOpponents said the changes did "
            + "not go far enough and promised to keep up the pressure on the administration.\n\nThe final vote is "
            + "expected in the spring, after two more hearings.";

    private static final String BODY2 = "Opposition leaders said on Tuesday that they would fight the plan in the "
            + "courts if the council did not change course before the summer recess.\n\nThey accused the mayor of "
            + "ignoring the concerns of small businesses, which they said would carry most of the burden.\n\nA spokesman "
            + "for the mayor rejected the criticism and said the budget protected essential services for every district.";

    @Test
    void plainArticleIsOneStory() {
        String t = "Council debates budget\n\nFriday, July 21, 2017\n\n" + BODY + "\n\nGroup F — Sweden 1 – 0 Korea\n\n"
                + BODY2;
        List<Story> ss = split(doc("a.txt", t, null));
        assertEquals(1, ss.size());
        assertEquals(t, ss.get(0).text());
        assertEquals(0, ss.get(0).range().start());
        assertEquals(t.length(), ss.get(0).range().end());
    }

    @Test
    void duplicatedHeadlineAtTopIsCollapsed() {
        String t = "Council debates budget\n\nCouncil debates budget\n\n" + BODY;
        List<Story> ss = split(doc("a.txt", t, null));
        assertEquals(1, ss.size());
        assertEquals("Council debates budget\n\n" + BODY, ss.get(0).text());
    }

    @Test
    void standfirstRepeatedWithDatelineIsCollapsed() {
        String lead = "On Saturday, the Russian, Iranian, and Syrian deputy chiefs of staff met in Baghdad.";
        String t = "Russia's new alliance?\n\n" + lead + "\n\nWASHINGTON DC (Agency 24) - " + lead + "\n\n" + BODY;
        Story s = split(doc("a.txt", t, null)).get(0);
        assertEquals("Russia's new alliance?\n\nWASHINGTON DC (Agency 24) - " + lead + "\n\n" + BODY, s.text());
    }

    @Test
    void twoStoriesWithRepeatedHeadlinesAndCaptions() {
        String cap1 = "The mayor speaks in the council chamber, January 9, 2024. (Reuters)";
        String cap2 = "Opponents gather outside the town hall. (AFP)";
        String s1 = "Council debates budget\n\n" + cap1 + "\n" + cap1 + "\nTT\n\nCouncil debates budget\n\n" + cap1 + "\n"
                + cap1 + "\n\n" + BODY;
        String s2 = "Opposition promises a fight\n\n" + cap2 + "\n" + cap2 + "\nTT\n\nOpposition promises a fight\n\n"
                + cap2 + "\n" + cap2 + "\n\n" + BODY2;
        String t = s1 + "\n\n\n\n" + s2;
        List<Story> ss = split(doc("a.txt", t, null));
        assertEquals(2, ss.size());
        assertEquals("Council debates budget\n\n" + cap1 + "\n\n" + BODY, ss.get(0).text());
        assertEquals("Opposition promises a fight", firstLine(ss.get(1)));
        assertEquals(1, ss.get(1).text().split(java.util.regex.Pattern.quote(cap2), -1).length - 1);
        assertEquals(t.indexOf("Opposition promises"), ss.get(1).range().start());
        assertEquals(s1.length(), ss.get(0).range().end());
    }

    @Test
    void blankGapThenTitleSplitsPlainTextOnly() {
        String t = "Council debates budget\n\n" + BODY + "\n\n\n\nOpposition promises a fight\n\n" + BODY2;
        assertEquals(2, split(doc("a.txt", t, null)).size());
        assertEquals(1, split(doc("a.html", t, "<html></html>")).size());
    }

    private static String longBody(String topic) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 14; i++) {
            b.append("In its part ").append(i).append(" the report on ").append(topic)
                    .append(" describes how the plans changed over the year and what the officials said about them.\n\n");
        }
        return b.toString().strip();
    }

    @Test
    void htmlSplitsOnlyOnRepeatedH1Headline() {
        String t = "Menu\n\nCouncil debates budget\n\nCouncil debates budget\n\n" + longBody("the budget")
                + "\n\nOpposition promises a fight\n\nOpposition promises a fight\n\n" + longBody("the opposition");
        String twoH1 = "<html><h1>Council debates budget</h1><h1>Opposition <b>promises</b> a fight</h1></html>";
        List<Story> ss = split(doc("a.html", t, twoH1));
        assertEquals(2, ss.size());
        assertEquals("Opposition promises a fight", firstLine(ss.get(1)));
        String h2 = "<html><h1>Council debates budget</h1><h2>Opposition promises a fight</h2></html>";
        assertEquals(1, split(doc("a.html", t, h2)).size());
    }

    @Test
    void shortTrailerAfterGapIsNoStory() {
        String t = "Council debates budget\n\n" + BODY + "\n\n\nPlease let us know if you're having issues with commenting.";
        assertEquals(1, split(doc("a.txt", t, null)).size());
        String t2 = "Council debates budget\n\n" + BODY + "\n\n\nRelated stories\n\nMore news";
        assertEquals(1, split(doc("a.txt", t2, null)).size());
    }

    @Test
    void emptyDocument() {
        List<Story> ss = split(doc("e.txt", "", null));
        assertEquals(1, ss.size());
        assertEquals("", ss.get(0).text());
    }

    @Test
    void layoutMapsStoryOffsetsToDocument() {
        String t = "Council debates budget\n\nCouncil debates budget\n\n" + BODY;
        HeuristicStorySplitter.Layout l = splitter.layout(doc("a.txt", t, null)).get(0);
        int at = l.story().text().indexOf("mayor");
        assertEquals(t.indexOf("mayor"), l.toDocOffset(at));
    }

    static Path seedDir() {
        return Files.isDirectory(Path.of("seeds")) ? Path.of("seeds") : Path.of("/work/shared/seeds");
    }

    @Test
    void seeds() throws IOException {
        assumeTrue(Files.isDirectory(seedDir()));
        List<Path> files;
        try (Stream<Path> s = Files.list(seedDir())) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(5, files.size());
        int[] counts = {1, 1, 1, 1, 2};
        String[][] heads = {
            {"Iraq Asks Russia to Help It Join Astana Peace Process"},
            {"Russia's new alliance in Iraq?"},
            {"Iraq Cozies Up Further to Iran-Russia Alliance as Islamic State Weakens"},
            {"Iraq leans toward Russia in war on ISIS"},
            {"Undeclared Truce in Iraq Allows Sudani to Mend Ties with Washington",
                "Lavrov: Moscow Maintains Communication with Damascus, Will Not Withdraw from the Region"}};
        for (int f = 0; f < files.size(); f++) {
            String text = Files.readString(files.get(f), StandardCharsets.UTF_8);
            List<Story> ss = split(doc(files.get(f).getFileName().toString(), text, null));
            assertEquals(counts[f], ss.size(), files.get(f).toString());
            for (int i = 0; i < ss.size(); i++) {
                Story s = ss.get(i);
                assertEquals(heads[f][i], firstLine(s), files.get(f) + " story " + (i + 1));
                // the headline is in the text once
                assertEquals(1, s.text().split(java.util.regex.Pattern.quote(heads[f][i]), -1).length - 1);
            }
        }
    }

    @Test
    void seed004CaptionsKeptOnce() throws IOException {
        Path f = seedDir().resolve("004_f849e5fb9fd605c9.txt");
        assumeTrue(Files.isRegularFile(f));
        String text = Files.readString(f, StandardCharsets.UTF_8);
        List<Story> ss = split(doc("004.txt", text, null));
        for (Story s : ss) {
            String caption = s.text().lines().skip(2).findFirst().orElseThrow();
            assertTrue(caption.endsWith(")"), caption);
            assertEquals(1, s.text().split(java.util.regex.Pattern.quote(caption), -1).length - 1);
            assertFalse(s.text().lines().anyMatch(l -> l.strip().equals("TT")), s.text());
        }
        assertTrue(ss.get(0).text().strip().endsWith("fell through for undisclosed reasons."));
        assertTrue(ss.get(1).text().strip().endsWith("only overseas naval base."));
    }

    @Test
    void gumTextsAreOneStoryEach() throws IOException {
        Path dir = Files.isDirectory(Path.of("..", "shared", "eval")) ? Path.of("..", "shared", "eval")
                : Path.of("/work/shared/eval");
        dir = dir.resolve("gum-news-entities");
        assumeTrue(Files.isDirectory(dir));
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(x -> x.toString().endsWith(".txt")).toList()) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                List<Story> ss = split(doc(p.getFileName().toString(), text, null));
                assertEquals(1, ss.size(), p.toString());
                assertEquals(text.lines().findFirst().orElseThrow().strip(), firstLine(ss.get(0)));
            }
        }
    }
    @Test
    void shareButtonsAreNotPartOfTheStory() {
        String text = "Budget vote delayed\n\nShare on Facebook\nClick to share on Reddit (Opens in new window)\n\n" + BODY
                + "\n\nFacebook icon\nTwitter icon\nEmail icon\n\nThe vote was also streamed.\n\nFacebook\n\nThe mayor thanked residents on Facebook.";
        Story s = split(doc("a.txt", text, null)).get(0);
        assertFalse(s.text().contains("Share on") || s.text().contains("Reddit") || s.text().contains("icon"), s.text());
        // one network's name alone on a line may be a heading: kept unless it stands in a bar of buttons
        assertTrue(s.text().contains("\n\nFacebook\n\nThe mayor thanked residents on Facebook."), s.text());
    }
}
