package org.parc.extract.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Links resolve as a browser resolves them, on a DOM parsed without an address (shared with the story splitter). */
class HtmlFactsTest {
    private static String canonical(String head, String pageUrl) {
        HtmlFacts h = HtmlFacts.of(Jsoup.parse("<html><head>" + head + "</head><body><p>x</p></body></html>"), pageUrl);
        return h.absolute(h.dom.selectFirst("link[rel=canonical]").attr("href"));
    }

    @Test
    void relativeLinksResolveAgainstTheBaseElementElseThePageAddress() {
        String link = "<link rel=canonical href='story.html'>";
        assertEquals("https://news.example/world/story.html", canonical(link, "https://news.example/world/index.html"));
        assertEquals("https://cdn.example/a/story.html", canonical("<base href='https://cdn.example/a/'>" + link, "https://news.example/world/"));
        // a relative base element resolves against the page's address first
        assertEquals("https://news.example/b/story.html", canonical("<base href='/b/'>" + link, "https://news.example/world/"));
        assertEquals("https://news.example/x/story.html", canonical("<link rel=canonical href='https://news.example/x/story.html'>", null));
        // nothing to resolve against: no address
        assertEquals("", canonical(link, null));
    }
}
