package org.parc.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.extract.Story;
import org.parc.source.Limits;
import org.parc.source.NormalizedDocument;
import org.parc.source.SourceFile;
import org.parc.source.TikaNormalizer;

/** A web page's article without the page around it, on text from real Tika. */
class MainContentTest {
    @TempDir
    Path tmp;

    private static final String PARA = "The council met on Tuesday evening and argued for three hours about the budget, "
            + "the bridge, the school roof and the price of parking in the centre, before a vote that few expected.";

    NormalizedDocument parse(String name, String html) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, html, StandardCharsets.UTF_8);
        return new TikaNormalizer(Limits.DEFAULT).normalize(new SourceFile(f, name, Files.size(f), "0".repeat(64)));
    }

    @Test
    void theArticleIsItsHeadlineAndBodyNotTheMenusAndTeasersAround() throws Exception {
        String html = """
                <html><head><title>Council backs new bridge | Valley Courier</title></head><body>
                <nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Taylor Swift tour news</a></li></ul></nav>
                <div class="masthead"><p>Sign in to read Hulk Hogan's column and more from the Valley Courier today.</p></div>
                <div class="layout">
                  <article>
                    <h1>Council backs new bridge</h1>
                    <p class="byline">By Mara Quill</p>
                    <div class="story-section"><p class="story-text">RIVERTON - %1$s</p><p class="story-text">Mayor Ode Brand said: %1$s</p></div>
                    <div class="ad-slot"><p>Advertisement</p></div>
                    <div class="story-section"><p class="story-text">Later, %1$s</p><p class="story-text">In the end, Lena Marsh said the bridge would open in 2027.</p>
                    Follow our live coverage of the Valley elections here.</div>
                  </article>
                  <div class="sidebar most-read"><h2>Most read</h2>
                    <p>Elon Musk visits the Riverton factory and talks about rockets, cars and tunnels at length.</p>
                    <p>Kylie Minogue announces a concert in the Valley Arena next summer, tickets on sale now.</p></div>
                </div>
                <footer><p>Copyright Valley Courier Media Group, all rights reserved, 2024 and every year before.</p></footer>
                </body></html>""".formatted(PARA);
        NormalizedDocument doc = parse("page.html", html);
        List<Story> stories = new HeuristicStorySplitter().split(doc);
        assertEquals(1, stories.size());
        String t = stories.get(0).text();
        assertTrue(t.startsWith("Council backs new bridge"), t);
        assertTrue(t.contains("By Mara Quill") && t.contains("RIVERTON - ") && t.contains("Mayor Ode Brand"), t);
        assertTrue(t.strip().endsWith("the bridge would open in 2027."), t);
        for (String outside : List.of("Taylor Swift", "Hulk Hogan", "Elon Musk", "Kylie Minogue", "Copyright", "live coverage")) {
            assertFalse(t.contains(outside), outside + " is not the article's: " + t);
        }
        // the story's range is a span of the page's whole text, which the source record keeps
        assertTrue(doc.text().contains("Elon Musk"));
        assertEquals(t.strip(), doc.text().substring(stories.get(0).range().start(), stories.get(0).range().end()).strip());
    }

    @Test
    void aPageWithTooLittleRunningTextStaysWhole() throws Exception {
        NormalizedDocument doc = parse("short.html", "<html><body><nav><a href='/'>Home</a></nav><h1>Short note</h1>"
                + "<p>The office is closed on Monday.</p></body></html>");
        Story s = new HeuristicStorySplitter().split(doc).get(0);
        assertTrue(s.text().contains("Home") && s.text().contains("closed on Monday"), s.text());
    }
    @Test
    void aShortPageKeepsOnlyWhatItsAuthorMarkedAsMain() throws Exception {
        // as mdBook writes a chapter that has moved: a short notice in main, a theme menu and keyboard help around it
        NormalizedDocument doc = parse("moved.html", "<html><body><div id='help'><h2>Keyboard shortcuts</h2>"
                + "<p>Press S or / to search in the book</p></div><ul role='menu'><li>Light</li><li>Rust</li><li>Navy</li><li>Ayu</li></ul>"
                + "<main><h1>Variables and Mutability</h1><p>The 2018 edition of the book is no longer distributed with the documentation.</p>"
                + "<p>You may want to read the current version instead.</p></main><nav><a href='/next'>Next chapter</a></nav></body></html>");
        Story s = new HeuristicStorySplitter().split(doc).get(0);
        assertTrue(s.text().startsWith("Variables and Mutability") && s.text().strip().endsWith("read the current version instead."), s.text());
        assertFalse(s.text().contains("Navy") || s.text().contains("Keyboard"), s.text());
    }

    @Test
    void aBodyWrittenWithoutParagraphsIsFoundToo() throws Exception {
        // older and smaller sites write the body straight into a div, between line breaks or empty paragraphs
        String html = """
                <html><head><title>Council backs new bridge</title></head><body>
                <div class="top"><a href="/">Home</a> <a href="/news">News from Taylor Swift's tour</a> <a href="/sport">Sport and Hulk Hogan</a></div>
                <div class="page"><div class="note-text">
                  RIVERTON - %1$s<br><br>Mayor Ode Brand said: %1$s<p></p><p></p>Later, <b>Lena Marsh</b> said: %1$s<br>
                  In the end, <a href="/bridge">the bridge</a> would open in 2027, she said, and the school roof after it.
                </div>
                <div class="more"><a href="/a">Elon Musk visits the Riverton factory</a><br><a href="/b">Kylie Minogue concert next summer</a></div>
                </div></body></html>""".formatted(PARA);
        NormalizedDocument doc = parse("div-body.html", html);
        String t = new HeuristicStorySplitter().split(doc).get(0).text();
        assertTrue(t.contains("RIVERTON - ") && t.contains("Mayor Ode Brand") && t.contains("Lena Marsh"), t);
        assertTrue(t.strip().endsWith("the school roof after it."), t);
        for (String outside : List.of("Taylor Swift", "Hulk Hogan", "Elon Musk", "Kylie Minogue")) {
            assertFalse(t.contains(outside), outside + " is not the article's: " + t);
        }
    }
    @Test
    void wrappersNamedLikeBoilerplateDoNotHideTheArticle() throws Exception {
        // ASP.NET pages wrap the whole page in a form; a layout div named "has-sidebar" holds article and sidebar
        String html = """
                <html><head><title>Council backs new bridge</title></head><body>
                <form class="searchform" action="/search"><p>Search the Valley Courier archive for Taylor Swift and more news</p></form>
                <form id="aspnetForm" action="/page.aspx"><div class="top"><a href="/">Home</a> <a href="/news">News</a></div>
                <div class="has-sidebar"><div class="node-body">
                  <h1>Council backs new bridge</h1><p>RIVERTON - %1$s</p><p>Mayor Ode Brand said: %1$s</p>
                  <p>In the end, Lena Marsh said the bridge would open in 2027.</p></div>
                  <div class="sidebar"><p>Elon Musk visits the Riverton factory and talks about rockets, cars and tunnels.</p></div>
                </div></form></body></html>""".formatted(PARA);
        String t = new HeuristicStorySplitter().split(parse("wrapped.html", html)).get(0).text();
        assertTrue(t.startsWith("Council backs new bridge") && t.contains("Mayor Ode Brand"), t);
        assertTrue(t.strip().endsWith("the bridge would open in 2027."), t);
        assertFalse(t.contains("Taylor Swift") || t.contains("Elon Musk"), t);
    }
}
