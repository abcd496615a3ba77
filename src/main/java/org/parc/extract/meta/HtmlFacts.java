package org.parc.extract.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What a page's markup says about itself: meta tags, JSON-LD, title, headings, time elements. */
final class HtmlFacts {
    final Document dom;
    /** Meta tag key (name, property, itemprop or http-equiv, lower case) to its contents in order. */
    final Map<String, List<String>> meta = new LinkedHashMap<>();
    final List<JsonNode> jsonLd;
    final String htmlLang;
    final String titleElement;
    private final String pageUrl;

    private HtmlFacts(Document dom, String pageUrl) {
        this.dom = dom;
        this.pageUrl = pageUrl;
        for (Element m : dom.select("meta[content]")) {
            String content = m.attr("content").strip();
            if (content.isEmpty()) continue;
            for (String attr : new String[] {"name", "property", "itemprop", "http-equiv"}) {
                String k = m.attr(attr).strip().toLowerCase(Locale.ROOT);
                // property may hold several space-separated names (RDFa)
                for (String key : k.split("\\s+")) {
                    if (!key.isEmpty()) meta.computeIfAbsent(key, x -> new ArrayList<>()).add(content);
                }
            }
        }
        List<String> blocks = new ArrayList<>();
        for (Element s : dom.select("script[type=application/ld+json]")) blocks.add(s.data());
        this.jsonLd = JsonLd.objects(blocks);
        Element html = dom.selectFirst("html");
        String lang = html == null ? "" : html.attr("lang");
        if (lang.isBlank() && html != null) lang = html.attr("xml:lang");
        this.htmlLang = lang.isBlank() ? null : lang.strip();
        Element t = dom.selectFirst("title");
        String title = t == null ? null : t.text().strip();
        this.titleElement = title == null || title.isEmpty() ? null : title;
    }

    /**
     * The facts of a parsed page (shared with the story splitter: read, never changed).
     *
     * @param pageUrl where the page was fetched from, when the user says; relative links resolve against
     *                the page's own base element, else this
     */
    static HtmlFacts of(Document dom, String pageUrl) {
        return new HtmlFacts(dom, pageUrl == null ? "" : pageUrl);
    }

    /** A link of the page made absolute as a browser would; "" when it cannot be. */
    String absolute(String href) {
        Element base = dom.selectFirst("base[href]");
        String b = base == null ? "" : StringUtil.resolve(pageUrl, base.attr("href"));
        return StringUtil.resolve(b.isEmpty() ? pageUrl : b, href);
    }

    /** The first content of the first key present, with the key. */
    Map.Entry<String, String> firstMeta(String... keys) {
        for (String k : keys) {
            List<String> v = meta.get(k);
            if (v != null && !v.isEmpty()) return Map.entry(k, v.get(0));
        }
        return null;
    }

    List<String> metaAll(String key) {
        return meta.getOrDefault(key, List.of());
    }
}
