package org.parc.extract.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parc.extract.Span;
import org.parc.extract.Story;
import org.parc.extract.StorySplitter;
import org.parc.source.Feeds;
import org.parc.source.NormalizedDocument;
import org.parc.source.TikaNormalizer;

/**
 * Finds the stories of a document by layout cues, and gives each its text without repeated headline and
 * caption blocks.
 *
 * <p>A new story starts only at a line that follows a blank line (never inside a paragraph), looks like a
 * headline (short, no final period), is not a copy of a line already seen in the current story, and either
 * <ul>
 *   <li>is printed again within the next few lines (a headline repeated around its photo captions), or</li>
 *   <li>follows a gap of two or more blank lines (plain text only),</li>
 * </ul>
 * and both the story before it and the one it opens hold enough text, including paragraphs of running text
 * (the new one within its first lines). HTML-derived text needs the repeated headline, that headline as an
 * h1 heading of the markup (h2/h3 also head galleries and teaser boxes), and longer stories on both sides,
 * because menus and teasers also look like headlines.
 *
 * <p>Story text: the story's lines in order, where a line already printed earlier in the story is dropped
 * (the repeated headline, captions), and so is a lead paragraph that the next paragraphs repeat with a
 * dateline prefixed; tiny debris lines (e.g. an agency code "TT") between repeated blocks go with them.
 * The first line of the text is thus the headline. Lines are joined by their original separators, or by
 * a blank line where something was dropped. {@link #layout} gives the offset mapping back to
 * {@code doc.text()}. Stateless, hence thread-safe.
 */
public final class HeuristicStorySplitter implements StorySplitter {

    /** Minimum running text (chars of prose paragraphs) on each side of a split in plain, resp. HTML text. */
    private static final int MIN_PLAIN = 300;
    private static final int MIN_HTML = 1500;
    /** How many following non-blank lines a headline's copy may be away. */
    private static final int REPEAT_WINDOW = 8;
    /** Lines shorter than this are never treated as duplicates (short repeated lines can be real text). */
    private static final int MIN_DUP = 12;
    /** Paragraphs of running text needed in the story before a split and soon after its title. */
    private static final int MIN_PROSE = 2;
    private static final int PROSE_WINDOW = 12;

    /** A share button's label: a network or action, perhaps after "Share on", "Click to share on", "Post to". */
    private static final Pattern SHARE = Pattern.compile("(?i)(?:\\d+\\s*)?((?:click to )?(?:share|post|send|pin|tweet|like us|follow us)"
            + "(?: (?:this|it|article|story|page))?(?: (?:on|to|via|with|by))? )?(?:facebook|twitter|x|linkedin|reddit|pinterest|tumblr|"
            + "whatsapp|telegram|messenger|e-?mail|print|copy link|google\\+|flipboard|pocket|vk|sms|digg|mix|share|tweet|pin it)"
            + "(?: icon| \\(opens in new window\\))?(?:\\s*\\d+)?");

    /** One piece of a story's text that is a verbatim copy of {@code doc.text()} from {@code docStart}. */
    public record Piece(int storyStart, int docStart, int length) {}

    /** A story and how its text maps to the document's text. */
    public record Layout(Story story, List<Piece> pieces) {
        /** The document offset for an offset in the story's text (end offsets map to the piece's end). */
        public int toDocOffset(int storyOffset) {
            Piece last = null;
            for (Piece p : pieces) {
                if (storyOffset < p.storyStart()) break;
                last = p;
            }
            if (last == null) return story.range().start();
            return last.docStart() + Math.min(storyOffset - last.storyStart(), last.length());
        }

        public Span toDocSpan(Span storySpan) {
            return new Span(toDocOffset(storySpan.start()),
                    Math.max(toDocOffset(storySpan.start()), toDocOffset(storySpan.end())));
        }
    }

    /** A feed's items, each a story with what the feed states about it; empty if they cannot be found in the text. */
    private static List<Layout> feedItems(Feeds.Feed feed, String text) {
        List<Layout> out = new ArrayList<>();
        int from = 0;
        for (Feeds.Item item : feed.items()) {
            String t = TikaNormalizer.normalizeText(item.text());
            int at = t.isEmpty() ? -1 : text.indexOf(t, from);
            if (at < 0) return List.of();
            Story s = new Story(out.size() + 1, new Span(at, at + t.length()), t, item);
            out.add(new Layout(s, List.of(new Piece(0, at, t.length()))));
            from = at + t.length();
        }
        return out;
    }

    private record Line(int start, int end, String raw, String key, int blanksBefore) {
        int length() {
            return end - start;
        }
    }

    @Override
    public List<Story> split(NormalizedDocument doc) {
        return layout(doc).stream().map(Layout::story).toList();
    }

    public List<Layout> layout(NormalizedDocument doc) {
        String text = doc.text() == null ? "" : doc.text();
        if (doc.feed() != null) {
            List<Layout> items = feedItems(doc.feed(), text);
            if (!items.isEmpty()) return items;
        }
        List<Line> lines = lines(text);
        if (doc.isHtml()) {
            // a web page's article is its headline and body, not the menus and teasers around them
            Span main;
            try {
                main = MainContent.find(doc.page().dom(), text);
            } catch (RuntimeException | StackOverflowError e) {
                main = null; // a heuristic that trips over odd markup must not fail the file: the whole text stays
            }
            if (main != null) {
                Span body = main;
                List<Line> in = lines.stream().filter(l -> l.start() >= body.start() && l.end() <= body.end()).toList();
                if (!in.isEmpty()) lines = in;
            }
        }
        if (lines.isEmpty()) return List.of(new Layout(new Story(1, new Span(0, 0), ""), List.of()));
        List<Integer> starts = boundaries(lines, doc.isHtml() ? headings(doc.page()) : null);
        List<Layout> out = new ArrayList<>();
        for (int s = 0; s < starts.size(); s++) {
            int from = starts.get(s);
            int to = s + 1 < starts.size() ? starts.get(s + 1) : lines.size();
            out.add(story(s + 1, text, lines.subList(from, to)));
        }
        return List.copyOf(out);
    }

    // ---- boundaries ---------------------------------------------------------------------------------------------

    /**
     * Line indexes where stories start. {@code headings} is null for plain text, else the HTML's h1 texts
     * (comparison form): there a new story must open with one of them.
     */
    private static List<Integer> boundaries(List<Line> lines, Set<String> headings) {
        boolean html = headings != null;
        int min = html ? MIN_HTML : MIN_PLAIN;
        List<Integer> starts = new ArrayList<>(List.of(0));
        Set<String> seen = new HashSet<>();
        seen.add(lines.get(0).key());
        int prose = prose(lines.get(0)) ? lines.get(0).length() : 0;
        for (int i = 1; i < lines.size(); i++) {
            Line l = lines.get(i);
            boolean candidate = l.blanksBefore() >= 1 && titleLike(l) && !seen.contains(l.key())
                    && prose >= min && proseFrom(lines, i) >= min && proseAfter(lines, i);
            if (candidate) {
                boolean repeated = repeatedSoon(lines, i);
                boolean gap = l.blanksBefore() >= 2;
                if (html ? repeated && headings.contains(l.key()) : (repeated || gap)) {
                    starts.add(i);
                    seen.clear();
                    prose = 0;
                }
            }
            if (seen.add(l.key()) && prose(l)) prose += l.length();
        }
        return starts;
    }

    /** A paragraph of running text (not a menu item, caption or title). */
    private static boolean prose(Line l) {
        return l.length() >= 100 && l.raw().contains(" ") && ".!?\"”’)".indexOf(l.raw().charAt(l.length() - 1)) >= 0;
    }

    /** A story body follows: some paragraphs of running text soon after the title. */
    private static boolean proseAfter(List<Line> lines, int i) {
        int n = 0;
        for (int j = i + 1; j < lines.size() && j <= i + PROSE_WINDOW; j++) {
            if (prose(lines.get(j))) n++;
        }
        return n >= MIN_PROSE;
    }

    /** The keys of the page's h1 texts: a page of several stories heads each with one. */
    private static Set<String> headings(org.parc.source.Page page) {
        Set<String> out = new HashSet<>();
        try {
            for (var h1 : page.dom().select("h1")) out.add(key(h1.text()));
        } catch (RuntimeException | StackOverflowError e) {
            // markup jsoup cannot read: no headings, the text's own cues decide
        }
        return out;
    }

    private static boolean repeatedSoon(List<Line> lines, int i) {
        String key = lines.get(i).key();
        for (int j = i + 1; j < lines.size() && j <= i + REPEAT_WINDOW; j++) {
            if (lines.get(j).key().equals(key)) return true;
        }
        return false;
    }

    /** Running text (distinct paragraphs) after line i, to the end; later boundaries are checked in their turn. */
    private static int proseFrom(List<Line> lines, int i) {
        int n = 0;
        Set<String> distinct = new HashSet<>();
        for (int j = i; j < lines.size(); j++) {
            if (distinct.add(lines.get(j).key()) && prose(lines.get(j))) n += lines.get(j).length();
        }
        return n;
    }

    /** Short, capitalized, without the final period of a sentence: what a headline looks like. */
    static boolean titleLike(Line l) {
        String t = l.raw();
        if (t.length() < 8 || t.length() > 200) return false;
        if (t.split(" ").length > 25) return false;
        char first = t.charAt(0);
        if (!Character.isUpperCase(first) && !Character.isDigit(first)) return false;
        char last = t.charAt(t.length() - 1);
        return ".,;:".indexOf(last) < 0;
    }

    // ---- story text ---------------------------------------------------------------------------------------------

    private static Layout story(int index, String text, List<Line> lines) {
        int n = lines.size();
        boolean[] drop = new boolean[n];
        Set<String> seen = new HashSet<>();
        int lastDup = -1;
        for (int i = 0; i < n; i++) {
            String k = lines.get(i).key();
            if (k.length() >= MIN_DUP && !seen.add(k)) {
                drop[i] = true;
                lastDup = i;
            }
        }
        // a lead printed as a standfirst and again with a dateline in front ("CITY (Agency) - lead")
        for (int i = 1; i < Math.min(n, 6); i++) {
            String k = lines.get(i).key();
            if (drop[i] || k.length() < 40) continue;
            for (int j = i + 1; j < Math.min(n, i + 4); j++) {
                String o = lines.get(j).key();
                if (!drop[j] && o.length() > k.length() && o.endsWith(k)) {
                    drop[i] = true;
                    break;
                }
            }
        }
        // a share bar ("Share on Facebook", or "Facebook" "Twitter" "Reddit" one per line): buttons, not text
        Matcher[] share = new Matcher[n];
        for (int i = 0; i < n; i++) {
            Matcher m = SHARE.matcher(lines.get(i).raw());
            if (m.matches()) share[i] = m;
        }
        for (int i = 0; i < n; i++) {
            if (share[i] == null) continue;
            boolean labelled = share[i].group(1) != null;
            boolean bar = i > 0 && share[i - 1] != null || i + 1 < n && share[i + 1] != null;
            if (labelled || bar) drop[i] = true;
        }
        // debris between repeated blocks: a line of at most 3 chars before the last dropped copy
        for (int i = 1; i < lastDup; i++) {
            if (!drop[i] && lines.get(i).length() <= 3) drop[i] = true;
        }
        StringBuilder sb = new StringBuilder();
        List<Piece> pieces = new ArrayList<>();
        int prevKept = -1;
        for (int i = 0; i < n; i++) {
            if (drop[i]) continue;
            Line l = lines.get(i);
            if (prevKept >= 0 && prevKept == i - 1) {
                // contiguous: keep the original separator, one piece
                Piece last = pieces.remove(pieces.size() - 1);
                int grow = l.end() - lines.get(prevKept).end();
                sb.append(text, lines.get(prevKept).end(), l.start());
                pieces.add(new Piece(last.storyStart(), last.docStart(), last.length() + grow));
            } else {
                if (prevKept >= 0) sb.append("\n\n");
                pieces.add(new Piece(sb.length(), l.start(), l.length()));
            }
            sb.append(text, l.start(), l.end());
            prevKept = i;
        }
        Span range = new Span(lines.get(0).start(), lines.get(n - 1).end());
        return new Layout(new Story(index, range, sb.toString()), List.copyOf(pieces));
    }

    /** Non-blank lines, trimmed of surrounding white space, with the number of blank lines before each. */
    private static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        int blanks = 0;
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            int s = pos;
            int e = end;
            while (s < e && isSpace(text.charAt(s))) s++;
            while (e > s && isSpace(text.charAt(e - 1))) e--;
            if (s == e) {
                blanks++;
            } else {
                String raw = text.substring(s, e);
                out.add(new Line(s, e, raw, key(raw), out.isEmpty() ? 0 : blanks));
                blanks = 0;
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        return out;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b' || c == '\ufeff';
    }

    /** Comparison form of a line: white space collapsed, case folded. */
    private static String key(String line) {
        return MainContent.spaced(line).toLowerCase(Locale.ROOT);
    }
}
