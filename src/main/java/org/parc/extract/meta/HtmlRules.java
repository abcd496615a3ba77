package org.parc.extract.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.parc.extract.Credit;
import org.parc.extract.Evidence;
import org.parc.extract.Found;
import org.parc.extract.Languages;
import org.parc.extract.PartialDate;
import org.parc.extract.Role;

/** Rules over a page's markup. */
final class HtmlRules {
    private HtmlRules() {}

    // ---------------------------------------------------------------- JSON-LD article

    /** The JSON-LD object that describes the article (best type first, document order next). */
    static JsonNode article(HtmlFacts h) {
        return h.jsonLd.stream().filter(JsonLd::isArticle).min(Comparator.comparingInt(JsonLd::rank)).orElse(null);
    }

    private static String ldType(JsonNode n) {
        return String.join(",", JsonLd.types(n));
    }

    // ---------------------------------------------------------------- title

    private static final String[] META_TITLES = {
        "og:title", "twitter:title", "dc.title", "dcterms.title", "dc:title", "parsely-title", "sailthru.title",
        "title", "headline"
    };

    /** Separators between a headline and the site or section name in titles. */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»/\\\\]{1,2}\\s+|\\s*(?:::|\\|)\\s*|\\s+_|_\\s*(?=\\S)");

    record Candidate(String text, String method, String detail) {}

    static Found<String> title(HtmlFacts h, String siteName, String bodyText) {
        List<Candidate> cands = new ArrayList<>();
        JsonNode art = article(h);
        if (art != null && JsonLd.rank(art) < 2) {
            String hl = JsonLd.text(art, "headline");
            if (hl != null) cands.add(new Candidate(hl, "json-ld", ldType(art) + ".headline"));
            String name = JsonLd.text(art, "name");
            if (name != null && (hl == null || !name.equals(hl))) cands.add(new Candidate(name, "json-ld", ldType(art) + ".name"));
        }
        for (String k : META_TITLES) {
            for (String v : h.metaAll(k)) cands.add(new Candidate(v, "html-meta", k));
        }
        if (h.titleElement != null) cands.add(new Candidate(h.titleElement, "html-title", "<title>"));
        List<Element> h1s = h.dom.select("h1");
        for (Element e : h1s) {
            String t = e.text().strip();
            if (!t.isEmpty()) cands.add(new Candidate(t, "html-heading", "<h1>"));
        }
        String domain = domainWord(h);
        List<String> visible = new ArrayList<>();
        if (h.titleElement != null) visible.add(norm(h.titleElement));
        for (Element e : h.dom.select("h1, h2")) visible.add(norm(e.text()));
        String body = norm(bodyText.length() > 20_000 ? bodyText.substring(0, 20_000) : bodyText);

        Candidate chosen = null;
        String chosenText = null;
        for (Candidate c : cands) {
            String t = cleanTitle(c.text(), siteName, domain, c.method().equals("html-title"));
            if (t == null) continue;
            if (chosen == null) {
                chosen = c;
                chosenText = t;
            }
            // A headline the reader sees (in <title>, a heading or the text) beats one that only
            // the markup carries: guards against site-wide og:title and stale JSON-LD.
            String n = norm(t);
            if (n.length() >= 3 && (visible.stream().anyMatch(v -> v.contains(n)) || body.contains(n))) {
                chosen = c;
                chosenText = t;
                break;
            }
        }
        if (chosen == null) return null;
        return Found.of(chosenText, chosen.method(), chosen.detail());
    }

    /** The headline without a site/section suffix or prefix; null when nothing headline-like is left. */
    static String cleanTitle(String raw, String siteName, String domain, boolean fromTitleElement) {
        String t = raw.replaceAll("\\s+", " ").strip();
        if (t.isEmpty() || t.length() > 400) return null;
        String site = key(siteName);
        // segment-wise: drop leading/trailing segments that name the site
        for (int guard = 0; guard < 4; guard++) {
            String[] parts = splitLast(t);
            if (parts != null && isSite(parts[1], site, domain) && words(parts[0]) >= 2) {
                t = parts[0];
                continue;
            }
            parts = splitFirst(t);
            if (parts != null && isSite(parts[0], site, domain) && words(parts[1]) >= 2) {
                t = parts[1];
                continue;
            }
            break;
        }
        if (fromTitleElement) {
            // <title> usually ends in " | Section | Site": keep the headline when it is long enough alone
            for (int guard = 0; guard < 3; guard++) {
                String[] parts = splitLast(t);
                if (parts == null || words(parts[0]) < 4 || words(parts[1]) > 4) break;
                t = parts[0];
            }
        }
        if (site.length() > 0 && key(t).equals(site)) return null; // the site name is no headline
        return t.isBlank() ? null : t.strip();
    }

    private static String[] splitLast(String t) {
        var m = SEPARATOR.matcher(t);
        int s = -1, e = -1;
        while (m.find()) {
            if (m.start() == 0 || m.end() == t.length()) continue;
            s = m.start();
            e = m.end();
        }
        return s < 0 ? null : new String[] {t.substring(0, s).strip(), t.substring(e).strip()};
    }

    private static String[] splitFirst(String t) {
        var m = SEPARATOR.matcher(t);
        while (m.find()) {
            if (m.start() == 0 || m.end() == t.length()) continue;
            return new String[] {t.substring(0, m.start()).strip(), t.substring(m.end()).strip()};
        }
        return null;
    }

    private static boolean isSite(String segment, String site, String domain) {
        String k = key(segment);
        if (k.length() < 2) return false;
        if (!site.isEmpty() && (k.equals(site) || (site.length() >= 4 && (k.contains(site) || site.contains(k)) && k.length() >= 3))) return true;
        return domain != null && domain.length() >= 3 && (k.equals(domain) || k.contains(domain) && k.length() <= domain.length() + 8);
    }

    /** Letters and digits only, lower case: for comparing names across punctuation and case. */
    static String key(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static String norm(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00a0]+", " ").replaceAll("[‘’`´]", "'").replaceAll("[“”]", "\"").strip();
    }

    private static int words(String s) {
        String t = s.strip();
        if (t.isEmpty()) return 0;
        int n = t.split("\\s+").length;
        // scripts without spaces: count characters in pairs
        if (n == 1 && t.codePoints().anyMatch(c -> Character.isIdeographic(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA)) {
            return t.length() / 2;
        }
        return n;
    }

    /** The site's own name from its host: "www.theguardian.com" -> "theguardian". */
    static String domainWord(HtmlFacts h) {
        String url = pageUrl(h);
        if (url == null) return null;
        try {
            String host = URI.create(url.strip().replace(" ", "%20")).getHost();
            if (host == null) return null;
            String[] p = host.toLowerCase(Locale.ROOT).split("\\.");
            if (p.length < 2) return null;
            String w = p[p.length - 2];
            if (w.length() <= 3 && p.length >= 3) w = p[p.length - 3]; // bbc.co.uk
            return key(w);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String pageUrl(HtmlFacts h) {
        Element canon = h.dom.selectFirst("link[rel=canonical][href]");
        if (canon != null && canon.attr("href").startsWith("http")) return canon.attr("href");
        Map.Entry<String, String> og = h.firstMeta("og:url", "twitter:url");
        if (og != null && og.getValue().startsWith("http")) return og.getValue();
        return null;
    }

    // ---------------------------------------------------------------- outlet

    static Found<String> outlet(HtmlFacts h) {
        JsonNode art = article(h);
        if (art != null) {
            JsonNode pub = art.get("publisher");
            String name = pub == null ? null : pub.isTextual() ? pub.asText().strip() : JsonLd.text(pub.isArray() && pub.size() > 0 ? pub.get(0) : pub, "name");
            if (name != null && !name.isBlank() && !name.startsWith("http")) {
                return Found.of(unescape(name), "json-ld", ldType(art) + ".publisher.name");
            }
        }
        Map.Entry<String, String> m = h.firstMeta("og:site_name", "twitter:site_name");
        if (m != null && !m.getValue().startsWith("http")) return Found.of(unescape(m.getValue()), "html-meta", m.getKey());
        for (JsonNode n : h.jsonLd) {
            for (String t : JsonLd.types(n)) {
                if (t.equals("NewsMediaOrganization") || t.equals("Organization") || t.equals("WebSite")) {
                    String name = JsonLd.text(n, "name");
                    if (name != null && !name.startsWith("http")) return Found.of(name, "json-ld", t + ".name");
                }
            }
        }
        m = h.firstMeta("application-name", "apple-mobile-web-app-title", "al:android:app_name", "al:ios:app_name", "dc.publisher", "publisher");
        if (m != null && !m.getValue().startsWith("http") && m.getValue().length() < 60) {
            return Found.of(m.getValue(), "html-meta", m.getKey());
        }
        return null;
    }

    /** Last resort: the <title> segment that spells the site's domain ("... - The Guardian"). */
    static Found<String> outletFromTitle(HtmlFacts h) {
        String domain = domainWord(h);
        if (h.titleElement == null || domain == null) return null;
        String t = h.titleElement;
        String[] parts = splitLast(t);
        if (parts != null && isSite(parts[1], "", domain)) return Found.of(parts[1], "html-title", "<title> suffix matching the page's host");
        return null;
    }

    // ---------------------------------------------------------------- byline

    record Byline(String raw, List<Credit> credits, Evidence evidence) {}

    private static final Pattern BYLINE_CLASS = Pattern.compile("(?i)byline|author|writtenby|p-author|creator|autor|auteur");

    static Byline byline(HtmlFacts h) {
        JsonNode art = article(h);
        if (art != null && art.has("author")) {
            List<Credit> cs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            JsonNode a = art.get("author");
            Evidence ev = Evidence.of("json-ld", ldType(art) + ".author");
            for (JsonNode x : a.isArray() ? a : List.of(a)) {
                String name = x.isTextual() ? x.asText().strip() : JsonLd.text(x, "name");
                if (name == null || name.isBlank() || name.startsWith("http")) continue;
                name = unescape(name);
                boolean org = JsonLd.types(x).stream().anyMatch(t -> t.contains("Organization"));
                List<Credit> parsed = Bylines.parse(name, Role.AUTHOR, ev);
                if (parsed.size() == 1 && org) parsed = List.of(new Credit(parsed.get(0).name(), Role.AUTHOR, true, ev));
                cs.addAll(parsed);
                names.add(name);
            }
            if (!cs.isEmpty()) return new Byline(String.join(", ", names), cs, ev);
        }
        for (String k : new String[] {"author", "article:author", "dc.creator", "dc:creator", "dcterms.creator",
                "parsely-author", "sailthru.author", "byl", "byline", "twitter:creator:name"}) {
            for (String v : h.metaAll(k)) {
                String s = unescape(v).strip();
                if (s.isEmpty() || s.startsWith("http") || s.startsWith("@") || s.contains("/")) continue;
                Evidence ev = Evidence.of("html-meta", k);
                List<Credit> cs = Bylines.parse(s, Role.AUTHOR, ev);
                if (!cs.isEmpty()) return new Byline(s, cs, ev);
            }
        }
        for (Element e : h.dom.select("[rel=author], [itemprop~=author], [class], [id]")) {
            boolean rel = e.attr("rel").equals("author") || e.attr("itemprop").contains("author");
            if (!rel && !BYLINE_CLASS.matcher(e.className() + " " + e.id()).find()) continue;
            if (e.closest("header,nav,footer,aside,[class*=comment],[id*=comment]") != null
                    && e.closest("article,main,[class*=article],[class*=post]") == null) continue;
            Element nameEl = e.selectFirst("[itemprop=name]");
            String s = (nameEl != null ? nameEl.text() : e.text()).strip();
            if (s.length() < 2 || s.length() > 100) continue;
            Evidence ev = Evidence.of("html-element", describe(e));
            List<Credit> cs = Bylines.parse(s, Role.AUTHOR, ev);
            if (!cs.isEmpty()) return new Byline(s, cs, ev);
        }
        return null;
    }

    private static String describe(Element e) {
        StringBuilder b = new StringBuilder("<").append(e.tagName());
        for (String a : new String[] {"rel", "itemprop", "class", "id"}) {
            if (e.hasAttr(a)) b.append(' ').append(a).append("=\"").append(e.attr(a)).append('"');
        }
        return b.append('>').toString();
    }

    // ---------------------------------------------------------------- issue date

    private static final Pattern DATE_META_KEY = Pattern.compile(
            "(?i).*(publish|pub-?date|pubdate|issued|release|created|creation|uploaddate|datepublished|^date$|[.:_-]date$|^dc\\.date|sailthru\\.date|article:published).*");
    private static final Pattern NOT_ISSUE = Pattern.compile("(?i).*(modif|updat|expir|edit|revis|lastmod|valid|start|end|event|birth|copyright).*");
    /** Keys in order of trust; others that match DATE_META_KEY come after them. */
    private static final String[] DATE_META = {
        "article:published_time", "og:article:published_time", "article:published", "datepublished",
        "og:published_time", "published_time", "article.published", "parsely-pub-date", "sailthru.date",
        "dc.date.issued", "dcterms.issued", "citation_publication_date", "citation_date", "pubdate", "publishdate",
        "publish-date", "publish_date", "publication_date", "date", "dc.date", "dcterms.date", "dc:date",
        "dc.date.created", "dcterms.created", "datecreated", "uploaddate"
    };

    static Found<PartialDate> issued(HtmlFacts h) {
        JsonNode art = article(h);
        if (art != null) {
            for (String k : new String[] {"datePublished", "dateCreated", "uploadDate"}) {
                PartialDate d = plausible(Dates.parse(JsonLd.text(art, k)));
                if (d != null) return Found.of(d, "json-ld", ldType(art) + "." + k);
            }
        }
        for (JsonNode n : h.jsonLd) {
            PartialDate d = plausible(Dates.parse(JsonLd.text(n, "datePublished")));
            if (d != null) return Found.of(d, "json-ld", ldType(n) + ".datePublished");
        }
        for (String k : DATE_META) {
            for (String v : h.metaAll(k)) {
                PartialDate d = plausible(Dates.parse(v));
                if (d != null) return Found.of(d, "html-meta", k);
            }
        }
        for (Map.Entry<String, List<String>> e : h.meta.entrySet()) {
            String k = e.getKey();
            if (!DATE_META_KEY.matcher(k).matches() || NOT_ISSUE.matcher(k).matches()) continue;
            for (String v : e.getValue()) {
                PartialDate d = plausible(Dates.parse(v));
                if (d != null) return Found.of(d, "html-meta", k);
            }
        }
        // microdata and <time> elements marked as the publication time
        for (Element e : h.dom.select("[itemprop~=(?i)datePublished|dateCreated], time[pubdate], [class~=(?i)publish|pubdate|posted|entry-date|post-date|article-date|date-published], [id~=(?i)publish|pubdate]")) {
            if (NOT_ISSUE.matcher(e.className() + " " + e.id()).matches() && !e.attr("itemprop").toLowerCase(Locale.ROOT).contains("published")) continue;
            for (String a : new String[] {"datetime", "content", "title"}) {
                PartialDate d = plausible(Dates.parse(e.attr(a)));
                if (d != null) return Found.of(d, "html-element", describe(e) + " @" + a);
            }
            String text = e.text();
            if (text.length() < 80) {
                Dates.Hit hit = Dates.findInText(text);
                if (hit != null && plausible(hit.date()) != null) return Found.of(hit.date(), "html-element", describe(e) + " text");
            }
            for (Element t : e.select("time[datetime]")) {
                PartialDate d = plausible(Dates.parse(t.attr("datetime")));
                if (d != null) return Found.of(d, "html-element", describe(e) + " > <time datetime>");
            }
        }
        // the first <time datetime> inside the article
        Element scope = h.dom.selectFirst("article");
        if (scope == null) scope = h.dom.selectFirst("main");
        if (scope != null) {
            for (Element t : scope.select("time[datetime]")) {
                if (NOT_ISSUE.matcher(t.className() + " " + t.parent().className()).matches()) continue;
                PartialDate d = plausible(Dates.parse(t.attr("datetime")));
                if (d != null) return Found.of(d, "html-element", "<" + scope.tagName() + "> first <time datetime>");
            }
        }
        return null;
    }

    /** The page's own canonical URL, when its path prints a date. */
    static Found<PartialDate> urlInPage(HtmlFacts h) {
        String url = pageUrl(h);
        PartialDate d = plausible(UrlDates.find(url));
        return d == null ? null : Found.of(d, "url-pattern", "canonical URL " + url);
    }

    /** No issue date in the future. */
    static PartialDate plausible(PartialDate d) {
        if (d == null) return null;
        if (d.isDay() && d.toLocalDate().isAfter(java.time.LocalDate.now().plusDays(1))) return null;
        return d;
    }

    // ---------------------------------------------------------------- language

    static Found<String> language(HtmlFacts h) {
        String tag = tag(h.htmlLang);
        if (tag != null) return Found.of(tag, "html-lang", "<html lang=\"" + h.htmlLang + "\">");
        for (String k : new String[] {"content-language", "language", "dc.language", "dcterms.language", "dc:language", "og:locale", "inlanguage"}) {
            for (String v : h.metaAll(k)) {
                tag = tag(v);
                if (tag != null) return Found.of(tag, "html-meta", k);
            }
        }
        JsonNode art = article(h);
        String il = art == null ? null : tag(JsonLd.text(art, "inLanguage"));
        if (il != null) return Found.of(il, "json-ld", ldType(art) + ".inLanguage");
        return null;
    }

    /** A declared tag, when its primary subtag is a real ISO 639 code (not "english" or "0"). */
    static String tag(String declared) {
        String t = Languages.normalizeTag(declared);
        if (t == null) return null;
        String primary = t.split("-")[0];
        return primary.length() >= 2 && primary.length() <= 3 && primary.chars().allMatch(Character::isLetter) ? t : null;
    }

    static String unescape(String s) {
        return s.contains("&") ? org.jsoup.parser.Parser.unescapeEntities(s, false) : s;
    }
}
