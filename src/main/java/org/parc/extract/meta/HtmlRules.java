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
            String name = JsonLd.text(art, "name");
            Candidate hc = hl == null ? null : new Candidate(hl, "json-ld", ldType(art) + ".headline");
            Candidate nc = name == null || name.equals(hl) ? null : new Candidate(name, "json-ld", ldType(art) + ".name");
            // Some sites put a description in one of them: the one the page's title repeats wins.
            String pageTitle = key(h.titleElement) + " " + key(h.metaAll("og:title").stream().findFirst().orElse(""));
            if (nc != null && hc != null && pageTitle.contains(key(name)) && !pageTitle.contains(key(hl))) {
                cands.add(nc);
                cands.add(hc);
            } else {
                if (hc != null) cands.add(hc);
                if (nc != null) cands.add(nc);
            }
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
        if (h.titleElement != null) visible.add(key(h.titleElement));
        for (Element e : h.dom.select("h1, h2")) visible.add(key(e.text()));
        List<String> visibleWords = new ArrayList<>();
        if (h.titleElement != null) visibleWords.add(h.titleElement);
        for (Element e : h.dom.select("h1")) visibleWords.add(e.text());
        String body = key(bodyText.length() > 20_000 ? bodyText.substring(0, 20_000) : bodyText);

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
            String n = key(t);
            if (n.length() >= 3 && (visible.stream().anyMatch(v -> v.contains(n)) || body.contains(n)
                    || visibleWords.stream().anyMatch(v -> overlap(t, v) >= 0.8))) {
                chosen = c;
                chosenText = t;
                break;
            }
        }
        if (chosen == null) return null;
        return Found.of(chosenText, chosen.method(), chosen.detail());
    }

    /** Share of a's words that b also has (case and punctuation ignored). */
    static double overlap(String a, String b) {
        List<String> wa = java.util.Arrays.stream(a.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
        java.util.Set<String> wb = java.util.Set.of(java.util.Arrays.stream(b.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).distinct().toArray(String[]::new));
        if (wa.size() < 3) return 0;
        return wa.stream().filter(wb::contains).count() / (double) wa.size();
    }

    /** The headline without a site/section suffix or prefix; null when nothing headline-like is left. */
    static String cleanTitle(String raw, String siteName, String domain, boolean fromTitleElement) {
        // JSON-LD carries text as the site's templates escaped it for HTML ("India&rsquo;s"), and some
        // meta tags are escaped twice: what is left of a character reference is decoded here.
        String t = unescape(raw).replaceAll("\\s+", " ").strip();
        if (t.isEmpty() || t.length() > 400) return null;
        String site = key(siteName);
        // Publishers' own title metadata (og:title, JSON-LD headline) is taken as they wrote it; only
        // the <title> element, which browsers show in tabs, is trimmed of the site's name.
        for (int guard = 0; fromTitleElement && guard < 4; guard++) {
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
        if (!site.isEmpty() && k.equals(site)) return true;
        // "Site News", "site.com": containment only for a segment short enough to be a name
        if (words(segment) > 3) return false;
        if (!site.isEmpty() && site.length() >= 4 && k.length() >= 3 && (k.contains(site) || site.contains(k))) return true;
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
        Found<String> u = url(h);
        return u == null ? null : u.value();
    }

    /**
     * The article's web address as the page gives it: its canonical link (resolved against the
     * address it was fetched from, when known), else og:url or twitter:url; http(s) only.
     */
    static Found<String> url(HtmlFacts h) {
        Element canon = h.dom.selectFirst("link[rel=canonical][href]");
        if (canon != null) {
            String u = h.absolute(canon.attr("href"));
            if (isWebAddress(u)) return Found.of(u, "html-meta", "link rel=canonical");
        }
        Map.Entry<String, String> og = h.firstMeta("og:url", "twitter:url");
        if (og != null && isWebAddress(og.getValue().strip())) return Found.of(og.getValue().strip(), "html-meta", og.getKey());
        return null;
    }

    private static final java.util.regex.Pattern WEB_ADDRESS = java.util.regex.Pattern.compile("(?i)https?://[^\\s/?#]+[^\\s]*");

    static boolean isWebAddress(String u) {
        return u != null && WEB_ADDRESS.matcher(u).matches();
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
        m = h.firstMeta("application-name", "apple-mobile-web-app-title", "dc.publisher", "publisher");
        if (m != null && !m.getValue().startsWith("http") && m.getValue().length() < 60) {
            // "Yahoo News - Latest News & Headlines": the name is the first segment
            String[] parts = splitFirst(m.getValue());
            return Found.of(parts == null ? m.getValue().strip() : parts[0], "html-meta", m.getKey());
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

    private static final Pattern BYLINE_CLASS = Pattern.compile(
            "(?i)(^|[\\s_-])(byline|author|authors|writtenby|p-author|creator|autor|auteur|byl)([\\s_-]|$)");

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
        for (String k : new String[] {"author", "article:author", "og:article:author", "dc.creator", "dc:creator", "dcterms.creator",
                "parsely-author", "sailthru.author", "byl", "byline", "twitter:creator:name"}) {
            // a repeated tag lists several authors
            List<Credit> cs = new ArrayList<>();
            List<String> raws = new ArrayList<>();
            Evidence ev = Evidence.of("html-meta", k);
            for (String v : h.metaAll(k)) {
                String s = unescape(v).strip();
                if (s.isEmpty() || s.startsWith("http") || s.startsWith("@") || s.contains("/")) continue;
                List<Credit> found = Bylines.parse(s, Role.AUTHOR, ev);
                if (found.isEmpty() || raws.contains(s)) continue;
                cs.addAll(found);
                raws.add(s);
            }
            if (!cs.isEmpty()) return new Byline(String.join("; ", raws), cs, ev);
        }
        for (Element e : h.dom.select("[rel=author], [itemprop~=author], [class], [id]")) {
            boolean rel = e.attr("rel").equals("author") || e.attr("itemprop").contains("author");
            if (!rel && !BYLINE_CLASS.matcher(e.className() + " " + e.id()).find()) continue;
            if (e.closest("[class*=comment],[id*=comment],[class*=related],[class*=teaser]") != null) continue;
            if (e.closest("nav,footer,aside") != null && e.closest("article,main") == null) continue;
            String all = e.text().strip();
            if (all.length() < 2 || all.length() > 100) continue;
            Element nameEl = e.selectFirst("[itemprop=name]");
            String s = nameEl != null && !nameEl.text().isBlank() ? nameEl.text().strip() : all;
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

    /** A machine-readable date and whether it was written as a UTC instant (whose day may not be the local one). */
    record DateCand(PartialDate date, boolean utc, Evidence evidence) {
        Found<PartialDate> found() {
            return new Found<>(date, evidence);
        }
    }

    private static final Pattern UTC_INSTANT = Pattern.compile(
            "(?i).*\\d{1,2}:\\d\\d(:\\d{1,2}(\\.\\d+)?)?\\s*(z|[+-]00:?00|gmt|utc)(\\s*\\(.*\\))?$");

    private static void addCand(List<DateCand> out, String raw, String method, String detail) {
        if (raw == null) return;
        PartialDate d = plausible(Dates.parse(raw));
        if (d == null || !d.isDay()) return;
        out.add(new DateCand(d, UTC_INSTANT.matcher(raw.strip()).matches(), Evidence.of(method, detail)));
    }

    /**
     * The issue date a page declares: JSON-LD datePublished, published-time meta tags, microdata and
     * time elements marked as published, then dates printed near the headline. A UTC instant
     * ("2020-05-02T02:54Z") may fall on the next or previous day at the publisher's: when the page
     * also gives that neighbouring day in local form, the local day wins.
     */
    static Found<PartialDate> issued(HtmlFacts h) {
        List<DateCand> cands = new ArrayList<>();
        List<JsonNode> arts = h.jsonLd.stream().filter(JsonLd::isArticle).sorted(Comparator.comparingInt(JsonLd::rank)).toList();
        for (JsonNode a : arts) addCand(cands, JsonLd.text(a, "datePublished"), "json-ld", ldType(a) + ".datePublished");
        for (String k : DATE_META) {
            for (String v : h.metaAll(k)) addCand(cands, v, "html-meta", k);
        }
        for (JsonNode a : arts) {
            addCand(cands, JsonLd.text(a, "dateCreated"), "json-ld", ldType(a) + ".dateCreated");
            addCand(cands, JsonLd.text(a, "uploadDate"), "json-ld", ldType(a) + ".uploadDate");
        }
        for (JsonNode n : h.jsonLd) addCand(cands, JsonLd.text(n, "datePublished"), "json-ld", ldType(n) + ".datePublished");
        for (Map.Entry<String, List<String>> e : h.meta.entrySet()) {
            String k = e.getKey();
            if (!DATE_META_KEY.matcher(k).matches() || NOT_ISSUE.matcher(k).matches()) continue;
            for (String v : e.getValue()) addCand(cands, v, "html-meta", k);
        }
        markedElements(h, cands);
        List<DateCand> visible = visibleDates(h);
        if (cands.isEmpty()) return visible.isEmpty() ? null : visible.get(0).found();
        DateCand best = cands.get(0);
        if (best.utc()) {
            List<DateCand> others = new ArrayList<>(cands.subList(1, cands.size()));
            others.addAll(visible);
            boolean sameDayLocal = others.stream().anyMatch(o -> !o.utc() && o.date().equals(best.date()));
            if (!sameDayLocal) {
                for (DateCand o : others) {
                    if (o.utc()) continue;
                    long diff = Math.abs(o.date().toLocalDate().toEpochDay() - best.date().toLocalDate().toEpochDay());
                    if (diff == 1) {
                        return Found.of(o.date(), o.evidence().method(), o.evidence().detail()
                                + " (local day; " + best.evidence() + " gives the UTC instant " + best.date() + ")");
                    }
                }
            }
        }
        return best.found();
    }

    /** Microdata and elements whose markup says they hold the publication time. */
    private static void markedElements(HtmlFacts h, List<DateCand> out) {
        for (Element e : h.dom.select("[itemprop~=(?i)datePublished|dateCreated], time[pubdate], [class~=(?i)publish|pubdate|posted|entry-date|post-date|article-date|date-published], [id~=(?i)publish|pubdate]")) {
            if (NOT_ISSUE.matcher(e.className() + " " + e.id()).matches() && !e.attr("itemprop").toLowerCase(Locale.ROOT).contains("published")) continue;
            int before = out.size();
            for (String a : new String[] {"datetime", "content"}) addCand(out, e.attr(a), "html-element", describe(e) + " @" + a);
            if (out.size() > before) continue;
            for (Element t : e.select("time[datetime]")) addCand(out, t.attr("datetime"), "html-element", describe(e) + " > <time datetime>");
            if (out.size() > before) continue;
            String text = e.text();
            if (text.length() < 100) {
                Dates.Hit hit = Dates.findInText(text);
                if (hit != null && plausible(hit.date()) != null) {
                    out.add(new DateCand(hit.date(), false, Evidence.of("html-element", describe(e) + " text \"" + text.strip() + "\"")));
                }
            }
        }
        Element scope = h.dom.selectFirst("article");
        if (scope == null) scope = h.dom.selectFirst("main");
        if (scope != null) {
            for (Element t : scope.select("time[datetime]")) {
                if (NOT_ISSUE.matcher(t.className() + " " + t.parent().className()).matches()) continue;
                addCand(out, t.attr("datetime"), "html-element", "<" + scope.tagName() + "> first <time datetime>");
                break;
            }
        }
    }

    private static final Pattern DATE_CLASS = Pattern.compile("(?i)date|time|fecha|datum|data|publish|posted|meta");

    /**
     * Dates the reader sees: in short elements whose class names a date, in the first lines under
     * the headline, in the title. In that order of trust; each is the first in document order.
     */
    static List<DateCand> visibleDates(HtmlFacts h) {
        List<DateCand> out = new ArrayList<>();
        Element body = h.dom.body();
        if (body == null) return out;
        Element scope = h.dom.selectFirst("article");
        for (Element root : scope == null ? List.of(body) : List.of(scope, body)) {
            for (Element e : root.getAllElements()) {
                String cls = e.className() + " " + e.id();
                if (cls.isBlank() || !DATE_CLASS.matcher(cls).find() || NOT_ISSUE.matcher(cls).matches()) continue;
                String text = e.text();
                if (text.isEmpty() || text.length() > 80) continue;
                Dates.Hit hit = dateDominated(text);
                if (hit != null) {
                    out.add(new DateCand(hit.date(), false, Evidence.of("html-element", describe(e) + " text \"" + text.strip() + "\"")));
                    break;
                }
            }
            if (!out.isEmpty()) break;
        }
        // the headline's <h1>: the article's own when the page has an article element (logos use <h1> too)
        Element h1 = body.selectFirst("article h1");
        if (h1 == null) h1 = body.selectFirst("h1");
        if (h1 != null) {
            int seen = 0;
            for (org.jsoup.nodes.TextNode t : h1.parent() == null ? List.<org.jsoup.nodes.TextNode>of() : followingText(h1, 40)) {
                String s = t.text().strip();
                if (s.isEmpty()) continue;
                if ((seen += s.length()) > 800) break;
                Dates.Hit hit = s.length() <= 120 ? dateDominated(s) : null;
                if (hit != null) {
                    out.add(new DateCand(hit.date(), false, Evidence.of("html-text", "date under the <h1>: \"" + s + "\"")));
                    break;
                }
            }
        }
        if (h.titleElement != null) {
            Dates.Hit hit = Dates.findInText(h.titleElement);
            if (hit != null && plausible(hit.date()) != null) out.add(new DateCand(hit.date(), false, Evidence.of("html-title", "<title>")));
        }
        out.removeIf(c -> plausible(c.date()) == null);
        return out;
    }

    /** A date that makes up most of a short text ("Published 13 Jan 2020, 10:31"). */
    private static Dates.Hit dateDominated(String text) {
        Dates.Hit hit = Dates.findInText(text);
        if (hit == null) return null;
        String rest = (text.substring(0, hit.start()) + text.substring(hit.end())).replaceAll("[^\\p{L}]", "");
        // a date opening a short line ("22/11/2020 - 04:30 - Source: ...") or most of its letters
        return rest.length() <= 30 || hit.start() <= 3 && text.length() <= 120 ? hit : null;
    }

    /** Up to n text nodes after an element, in document order. */
    private static List<org.jsoup.nodes.TextNode> followingText(Element el, int n) {
        List<org.jsoup.nodes.TextNode> out = new ArrayList<>();
        org.jsoup.nodes.Node cur = el;
        // skip the element's own subtree, then walk forward
        while (cur != null && out.size() < n) {
            org.jsoup.nodes.Node next = cur.nextSibling();
            while (next == null && cur.parent() != null) {
                cur = cur.parent();
                next = cur.nextSibling();
            }
            if (next == null) break;
            cur = next;
            if (cur instanceof org.jsoup.nodes.TextNode t) out.add(t);
            else if (cur instanceof Element e) {
                if (e.tagName().equals("script") || e.tagName().equals("style")) continue;
                for (org.jsoup.nodes.TextNode t : e.textNodes()) out.add(t);
                for (Element d : e.getAllElements()) {
                    if (d == e) continue;
                    out.addAll(d.textNodes());
                    if (out.size() >= n) break;
                }
            }
        }
        return out;
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
