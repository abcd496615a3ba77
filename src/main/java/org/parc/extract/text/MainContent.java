package org.parc.extract.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.parc.extract.Span;

/**
 * Where a web page's article is in its text: the part of Tika's whole-page text from the headline to
 * the last paragraph of the article body, without the menus, teasers, "most read" lists, share
 * buttons and footers around it. Their names and dates are not what the article mentions (a BBC
 * article on gun laws "mentioned" Taylor Swift, Hulk Hogan and Outbrain).
 *
 * <p>The body is found as Readability finds it: each paragraph of running text scores its parent
 * (and half as much its grandparent) by its length and commas, containers whose class or id say
 * comments, sidebar, related or share are left out, and the best container, discounted by the share
 * of its text in links, holds the body. Its first and last paragraphs are then looked up in the
 * page's text. No answer (null) when the page has too little running text to tell, or the body
 * cannot be found in the text: then the whole text stays the article, as before.
 */
final class MainContent {
    /** Running text a body needs, in characters of its paragraphs. */
    private static final int MIN_BODY = 400;
    /** A paragraph shorter than this is no running text (a caption, a button, a date). */
    private static final int MIN_PARAGRAPH = 25;
    /** How far before the body its headline may be, in characters of text (a byline and a photo between). */
    private static final int HEADLINE_REACH = 3_000;
    /** Containers weighed for their links: the best by paragraph score. */
    private static final int CANDIDATES = 10;
    private static final Pattern UNLIKELY = Pattern.compile(
            "comment|sidebar|related|share|social|newsletter|footer|menu|\\bnav|masthead|promo|advert|\\bads?\\b|"
                    + "cookie|popular|most-read|outbrain|taboola|recommend|subscribe|breadcrumb|disqus|widget|banner|teaser");
    private static final Pattern LIKELY = Pattern.compile("article|body|content|main|story|entry|post|text");

    private MainContent() {}

    /**
     * The span of {@code text} that holds the page's article, or null to keep the whole text. The
     * parsed page is left as it is (the search works on copies).
     */
    static Span find(Document page, String text) {
        if (page == null || text.isEmpty()) return null;
        Span found = find(page.clone(), text, true);
        // As Readability does: when nothing is found, again without dropping the containers whose names
        // look unlikely (a layout wrapper named "has-sidebar" held one page's whole article).
        if (found != null) return found;
        Document dom = page.clone();
        found = find(dom, text, false);
        return found != null ? found : marked(dom, text);
    }

    /**
     * The content the page's author marked as its main one (its only main element, else its only
     * article), when it holds too little running text for the scores to tell (a short notice, a
     * page that says it has moved): that, not the menus and help texts around it. Null when the page
     * marks none, or several.
     */
    private static Span marked(Document dom, String text) {
        var marked = dom.body().select("main, [role=main]");
        if (marked.size() != 1) marked = dom.body().select("article");
        if (marked.size() != 1 || marked.first().text().strip().length() < MIN_PARAGRAPH) return null;
        List<String> blocks = blocks(marked.first(), false).stream().map(b -> b.text().strip()).filter(t -> !t.isEmpty()).toList();
        if (blocks.isEmpty()) return null;
        Collapsed c = new Collapsed(text);
        int start = c.find(blocks.get(0), 0);
        if (start < 0) return null;
        String last = blocks.get(blocks.size() - 1);
        String tail = last.substring(Math.max(0, last.length() - 60));
        int stop = c.find(tail, start);
        if (stop < 0) return null;
        return new Span(lineStart(text, withHeadline(dom, c, text, start)), lineEnd(text, c.endOf(tail, stop)));
    }

    private static Span find(Document dom, String text, boolean strip) {
        dom.select("script, style, noscript, template, nav, footer, aside, iframe, svg, select, button").remove();
        // a search or sign-up form goes; a form around the whole page (ASP.NET's aspnetForm) stays
        var forms = dom.body().select("form");
        if (!forms.isEmpty()) {
            int pageText = dom.body().text().length();
            for (Element form : forms) {
                if (form.text().length() * 2 < pageText) form.remove();
            }
        }
        if (strip) {
            for (Element e : new ArrayList<>(dom.body().getAllElements())) {
                if (e == dom.body() || e.tagName().equals("article") || e.tagName().equals("main")) continue;
                String ci = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
                if (ci.isBlank() || !UNLIKELY.matcher(ci).find() || LIKELY.matcher(ci).find() || e.parent() == null) continue;
                // a wrapper named for its menu drawer can hold the whole page, article included
                if (e.selectFirst("article, main, [itemprop=articleBody]") == null) e.remove();
            }
        }
        // in document order (jsoup elements are equal only to themselves): ties go to the first, the same every run
        Map<Element, Double> scores = new LinkedHashMap<>();
        for (Block b : blocks(dom.body(), true)) {
            String t = b.text();
            if (t.length() < MIN_PARAGRAPH) continue;
            double s = 1 + t.split(",", -1).length - 1 + Math.min(t.length() / 100, 3);
            Element parent = b.owner();
            if (parent == null) continue;
            scores.merge(parent, s, Double::sum);
            if (parent.parent() != null) scores.merge(parent.parent(), s / 2, Double::sum);
        }
        // the best few by score, then discounted by their links (reading the text of every container of a
        // large page would cost more than the rest)
        List<Map.Entry<Element, Double>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
        ranked = new ArrayList<>(ranked.subList(0, Math.min(CANDIDATES, ranked.size())));
        ranked.replaceAll(e -> Map.entry(e.getKey(), e.getValue() * (1 - linkDensity(e.getKey()))));
        ranked.sort((x, y) -> Double.compare(y.getValue(), x.getValue()));
        if (ranked.isEmpty() || ranked.get(0).getValue() <= 0) return null;
        Element top = ranked.get(0).getKey();
        double topScore = ranked.get(0).getValue();
        // A body in several sections (one container per few paragraphs): when three or more of the next
        // best candidates, nearly as good, sit under one ancestor of the best, that ancestor is the body.
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(5, ranked.size()); i++) {
            if (ranked.get(i).getValue() >= 0.75 * topScore) alternatives.add(ranked.get(i).getKey());
        }
        if (alternatives.size() >= 3) {
            for (Element a = top.parent(); a != null && a != dom.body(); a = a.parent()) {
                final Element anc = a;
                if (alternatives.stream().filter(x -> x.parents().contains(anc)).count() >= 3) {
                    top = a;
                    break;
                }
            }
        }
        // a container that is its parent's only element says nothing more than the parent
        while (top.parent() != null && top.parent() != dom.body() && top.parent().children().size() == 1) top = top.parent();
        // and siblings of the body that score well too (Readability's rule)
        List<Element> parts = new ArrayList<>();
        double threshold = Math.max(10, 0.2 * topScore);
        Element parent = top.parent();
        if (parent != null && parent != dom) {
            for (Element sib : parent.children()) {
                if (sib == top) {
                    parts.add(sib);
                    continue;
                }
                Double sc = scores.get(sib);
                // a sibling of the same class is likely another section of the body
                double bonus = !top.className().isEmpty() && sib.className().equals(top.className()) ? 0.2 * topScore : 0;
                boolean rich = sc != null && sc * (1 - linkDensity(sib)) + bonus >= threshold;
                boolean paragraph = sib.tagName().equals("p") && sib.text().length() >= 80 && linkDensity(sib) < 0.25;
                if (rich || paragraph) parts.add(sib);
            }
        } else {
            parts.add(top);
        }
        List<String> paragraphs = new ArrayList<>();
        int chars = 0;
        List<Block> listed = new ArrayList<>();
        for (Element part : parts) listed.addAll(blocks(part, false));
        // In a body written in paragraphs, text left loose after its last paragraph is the page's
        // ("Follow our full coverage here", a related headline), not the article's.
        int last = listed.size() - 1;
        for (int i = listed.size() - 1; i >= 0; i--) {
            Block b = listed.get(i);
            if (!b.run() && b.text().strip().length() >= MIN_PARAGRAPH) {
                last = i;
                break;
            }
        }
        for (Block b : listed.subList(0, last + 1)) {
            String t = b.text().strip();
            if (t.length() < MIN_PARAGRAPH) continue;
            paragraphs.add(t);
            chars += t.length();
        }
        // Paragraphs of the body's own class elsewhere in the page are the body too: sites that cut the
        // body into sections between advertisements keep the class of its paragraphs.
        String bodyClass = commonClass(parts);
        // So are the paragraphs of containers of the body's own class ("article-text" blocks between photos).
        // Near the body only: teasers elsewhere on the page may share a site-wide class.
        Element scope = top;
        for (int up = 0; up < 4 && scope.parent() != null && scope.parent() != dom.body(); up++) scope = scope.parent();
        List<String> all = new ArrayList<>();
        if (bodyClass != null) {
            for (Element p : scope.getElementsByClass(bodyClass)) {
                String t = p.text().strip();
                if (p.tagName().equals("p") && t.length() >= MIN_PARAGRAPH) all.add(t);
            }
        } else if (!top.className().isBlank() && !top.is("p")) {
            for (Element box : scope.getElementsByAttributeValue("class", top.className())) {
                for (Element p : box.select("p")) {
                    String t = p.text().strip();
                    if (t.length() >= MIN_PARAGRAPH && !nested(p, box)) all.add(t);
                }
            }
        }
        if (all.size() > paragraphs.size()) {
            paragraphs = all;
            chars = all.stream().mapToInt(String::length).sum();
        }
        // one paragraph is a body only when it is long: a single blurb or caption is not
        if (chars < MIN_BODY || paragraphs.size() < 2 && chars < 2 * MIN_BODY) return null;
        Collapsed c = new Collapsed(text);
        int start = -1;
        int end = -1;
        int from = 0;
        for (String p : paragraphs) {
            int at = c.find(p, from);
            if (at < 0) continue;
            if (start < 0) start = at;
            String tail = p.substring(Math.max(0, p.length() - 60));
            int stop = c.find(tail, at);
            if (stop >= 0) {
                end = c.endOf(tail, stop);
                from = stop;
            }
        }
        if (start < 0 || end <= start) return null;
        start = lineStart(text, withHeadline(dom, c, text, start));
        return new Span(start, lineEnd(text, end));
    }

    /** The headline's line when the page's h1 is printed shortly before the body, else the body's start. */
    private static int withHeadline(Document dom, Collapsed c, String text, int bodyStart) {
        for (Element h : dom.select("h1")) {
            String t = h.text().strip();
            if (t.length() < 8) continue;
            int at = c.findLast(t, Math.max(0, bodyStart - HEADLINE_REACH), bodyStart);
            if (at >= 0) return at;
        }
        return bodyStart;
    }

    /** The class that most of the body's paragraphs carry (at least 3 and two thirds of them), or null. */
    private static String commonClass(List<Element> parts) {
        Map<String, Integer> counts = new java.util.HashMap<>();
        int n = 0;
        for (Element part : parts) {
            for (Element p : part.is("p") ? List.of(part) : part.select("p")) {
                if (p.text().length() < MIN_PARAGRAPH) continue;
                n++;
                for (String c : p.classNames()) counts.merge(c, 1, Integer::sum);
            }
        }
        String best = null;
        int bestCount = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > bestCount || e.getValue() == bestCount && best != null && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return bestCount >= 3 && bestCount * 3 >= n * 2 ? best : null;
    }

    /**
     * A paragraph of running text and the element it scores: a p (or pre, td, blockquote; li when
     * listing a body) scores its parent; a run of text written straight into a div between line breaks
     * (pages without paragraphs, "text<br><br>text" or "text<p></p>text") scores the div, as
     * Readability scores the paragraphs it wraps such runs in.
     */
    private record Block(Element owner, String text, boolean run) {}

    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote");
    /** Elements whose own runs of text are read as paragraphs. */
    private static final Set<String> RUN_OWNERS = Set.of("div", "section", "article", "main", "body", "center");
    /** Elements that stay within a run of text (a line break or any other element ends it). */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "del", "dfn", "em",
            "font", "i", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
            "tt", "u", "var");

    /**
     * The paragraphs under {@code root} in document order. For scoring ({@code nest}) a paragraph's own
     * paragraphs count too (a layout table's cell and the paragraphs in it); for listing a body only the
     * outermost, whose text holds the others, and list items count as paragraphs.
     */
    private static List<Block> blocks(Element root, boolean nest) {
        List<Block> out = new ArrayList<>();
        walk(root, nest, out);
        return out;
    }

    private static void walk(Element e, boolean nest, List<Block> out) {
        String tag = e.normalName();
        if (PARAGRAPHS.contains(tag) || !nest && tag.equals("li")) {
            out.add(new Block(e.parent(), e.text(), false));
            if (!nest) return;
        }
        Run run = RUN_OWNERS.contains(tag) ? new Run(e) : null;
        children(e, nest, out, run);
        if (run != null) run.end(out);
    }

    /** Walks the children of an element, adding text and inline elements to the run, ending it at anything else. */
    private static void children(Element e, boolean nest, List<Block> out, Run run) {
        for (org.jsoup.nodes.Node n : e.childNodes()) {
            if (n instanceof org.jsoup.nodes.TextNode t) {
                if (run != null) run.text.append(t.getWholeText());
            } else if (n instanceof Element c) {
                if (run != null && INLINE.contains(c.normalName())) {
                    int before = run.text.length();
                    children(c, nest, out, run);
                    if (c.normalName().equals("a")) run.links += visible(run.text, before);
                } else {
                    if (run != null) run.end(out);
                    walk(c, nest, out);
                }
            }
        }
    }

    /** Text written straight into an element, from one line break or block to the next. */
    private static final class Run {
        final Element owner;
        final StringBuilder text = new StringBuilder();
        int links;

        Run(Element owner) {
            this.owner = owner;
        }

        /** Adds the run as a paragraph unless it is short or mostly links (a menu written as a row of links), and starts the next. */
        void end(List<Block> out) {
            String t = spaced(text.toString());
            if (t.length() >= MIN_PARAGRAPH && links * 2 < visible(text, 0)) out.add(new Block(owner, t, true));
            text.setLength(0);
            links = 0;
        }
    }

    /** Characters other than white space from {@code from} on: the indentation of the markup does not count. */
    private static int visible(CharSequence s, int from) {
        int n = 0;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!Character.isWhitespace(ch) && ch != '\u00a0') n++;
        }
        return n;
    }

    /** Inside another paragraph-like element under the root (its text is counted with that one). */
    private static boolean nested(Element e, Element root) {
        for (Element a = e.parent(); a != null && a != root; a = a.parent()) {
            if (a.tagName().matches("p|pre|td|blockquote|li")) return true;
        }
        return false;
    }

    private static double linkDensity(Element e) {
        int all = e.text().length();
        if (all == 0) return 1;
        int links = 0;
        for (Element a : e.select("a")) links += a.text().length();
        return Math.min(1, links / (double) all);
    }

    /** Each run of white space (no-break spaces included) as one space, stripped: how text from the DOM and Tika's lines compare. */
    static String spaced(String t) {
        return t.replaceAll("[\\s\\u00a0]+", " ").strip();
    }

    private static int lineStart(String text, int at) {
        int nl = text.lastIndexOf('\n', Math.max(0, at - 1));
        return at == 0 || nl < 0 ? 0 : nl + 1;
    }

    private static int lineEnd(String text, int at) {
        int nl = text.indexOf('\n', at);
        return nl < 0 ? text.length() : nl;
    }

    /**
     * The text with each run of white space as one space, and the map back to offsets in the text: a
     * paragraph's text from the DOM matches however Tika broke or indented its lines.
     */
    private static final class Collapsed {
        final String s;
        final int[] at;

        Collapsed(String text) {
            StringBuilder sb = new StringBuilder(text.length());
            int[] map = new int[text.length() + 1];
            boolean space = false;
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (Character.isWhitespace(ch) || ch == '\u00a0') {
                    space = true;
                    continue;
                }
                if (space && sb.length() > 0) {
                    map[sb.length()] = i;
                    sb.append(' ');
                }
                space = false;
                map[sb.length()] = i;
                sb.append(ch);
            }
            map[sb.length()] = text.length();
            s = sb.toString();
            at = java.util.Arrays.copyOf(map, sb.length() + 1);
        }

        /** What is looked up of a paragraph or heading: its first 60 characters, white space collapsed. */
        private static String head(String t) {
            String p = spaced(t);
            return p.length() > 60 ? p.substring(0, 60).strip() : p;
        }

        /** Offset in the text where the paragraph (or its first 60 characters) starts, from {@code from}; -1 if absent. */
        int find(String paragraph, int from) {
            int i = s.indexOf(head(paragraph), toCollapsed(from));
            return i < 0 ? -1 : at[i];
        }

        /** End offset in the text of the piece found at text offset {@code start}. */
        int endOf(String piece, int start) {
            String p = spaced(piece);
            int i = toCollapsed(start);
            int e = Math.min(s.length(), i + p.length());
            return e == 0 ? 0 : at[e - 1] + 1;
        }

        /** The last occurrence of the (start of the) heading between two text offsets; -1 if none. */
        int findLast(String heading, int from, int before) {
            int lo = toCollapsed(from);
            int i = s.lastIndexOf(head(heading), toCollapsed(before));
            return i < lo || i < 0 ? -1 : at[i];
        }

        /** The collapsed offset of the first collapsed character at or after a text offset. */
        private int toCollapsed(int textOffset) {
            int lo = 0;
            int hi = s.length();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (at[mid] < textOffset) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }
}
