package org.parc.extract.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parc.extract.Dateline;
import org.parc.extract.Evidence;
import org.parc.extract.Span;

/**
 * Cues in an article's own text: the dateline or outlet lead-in opening the first paragraphs,
 * credit lines near the top or at the end, a date line under the headline, "Published on ...".
 * Offsets are in the story text.
 */
final class TextCues {
    private TextCues() {}

    /** A line of the text with its offsets. */
    record Line(String text, int start, int end) {}

    static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String raw = text.substring(pos, end);
            String t = raw.strip();
            if (!t.isEmpty()) {
                int lead = raw.indexOf(t.charAt(0));
                out.add(new Line(t, pos + lead, pos + lead + t.length()));
            }
            if (nl < 0) break;
            pos = nl + 1;
        }
        return out;
    }

    private static final String DASH = "[-–—‒―]";
    private static final String PLACE = "\\p{Lu}[\\p{L}.'’]*(?:[ -]\\p{Lu}[\\p{L}.'’]*){0,3}";
    /** "WASHINGTON DC (Kurdistan 24) -", "BAGHDAD, Jan 9 (Reuters) -", "Paris, 3 mars (AFP) -". */
    private static final Pattern PLACE_OUTLET = Pattern.compile(
            "^(" + PLACE + ")(?:\\s*/\\s*" + PLACE + ")?((?:,\\s*[\\p{L}\\d .]{1,25}?)?)\\s*\\(([^()]{2,40})\\)\\s*" + DASH + "+\\s*");
    /** "BAGHDAD — " or "BAGHDAD, Iraq — ": a capitals place and a dash, no outlet. */
    private static final Pattern CAPS_PLACE = Pattern.compile(
            "^(\\p{Lu}{2,}[\\p{Lu}.'’]*(?:[ -]\\p{Lu}{2,}[\\p{Lu}.'’]*){0,3})((?:,\\s*[\\p{L}\\d .]{1,25}?)?)\\s*" + DASH + "+\\s+");
    /** "(Reuters) - " opening a paragraph. */
    private static final Pattern OUTLET_ONLY = Pattern.compile("^\\(([^()]{2,40})\\)\\s*" + DASH + "+\\s*");
    /** "Alwaght- Iraqis and ...": a short capitalised name glued to a dash. */
    private static final Pattern LEAD_IN = Pattern.compile(
            "^(\\p{Lu}[\\p{L}\\d&'’.]*(?: \\p{Lu}[\\p{L}\\d&'’.]*){0,3})" + DASH + "\\s+\\p{Lu}");
    private static final int LEAD_PARAGRAPHS = 6;

    /** The dateline opening one of the first paragraphs, or null. */
    static Dateline dateline(String text) {
        List<Line> ls = lines(text);
        for (int i = 0; i < Math.min(LEAD_PARAGRAPHS, ls.size()); i++) {
            Line l = ls.get(i);
            if (l.text().length() < 60) continue; // a dateline opens a paragraph, not a heading
            String t = l.text();
            Matcher m = PLACE_OUTLET.matcher(t);
            if (m.find()) {
                String raw = t.substring(0, m.end()).strip();
                return new Dateline(raw, place(m.group(1)), m.group(3).strip(), span(l, m.end()),
                        Evidence.of("text-dateline", "place (outlet) - at " + l.start()));
            }
            m = OUTLET_ONLY.matcher(t);
            if (m.find()) {
                return new Dateline(t.substring(0, m.end()).strip(), null, m.group(1).strip(), span(l, m.end()),
                        Evidence.of("text-dateline", "(outlet) - at " + l.start()));
            }
            m = CAPS_PLACE.matcher(t);
            if (m.find() && m.group(1).replaceAll("[^\\p{L}]", "").length() >= 3) {
                return new Dateline(t.substring(0, m.end()).strip(), place(m.group(1)), null, span(l, m.end()),
                        Evidence.of("text-dateline", "PLACE - at " + l.start()));
            }
            m = LEAD_IN.matcher(t);
            if (m.find() && l.text().length() > 100) {
                String name = m.group(1);
                int end = m.end() - 1;
                boolean caps = name.equals(name.toUpperCase(Locale.ROOT));
                return new Dateline(t.substring(0, end).strip(), caps ? place(name) : null, caps ? null : name,
                        span(l, end), Evidence.of("text-dateline", "lead-in \"" + name + "-\" at " + l.start()));
            }
        }
        return null;
    }

    private static Span span(Line l, int len) {
        String cut = l.text().substring(0, len).stripTrailing();
        return new Span(l.start(), l.start() + cut.length());
    }

    /** Place as printed; trailing commas/dots dropped. */
    private static String place(String p) {
        return p.replaceAll("[,.\\s]+$", "").strip();
    }

    /** Credit lines: short lines opening with a cue, among the first lines after the headline and the last lines. */
    static List<Line> creditLines(String text) {
        List<Line> ls = lines(text);
        List<Line> out = new ArrayList<>();
        for (int i = 1; i < Math.min(6, ls.size()); i++) {
            Line l = ls.get(i);
            if (isCreditLine(l.text())) out.add(l);
        }
        for (int i = Math.max(Math.min(6, ls.size()), ls.size() - 4); i < ls.size(); i++) {
            Line l = ls.get(i);
            if (isCreditLine(l.text())) out.add(l);
        }
        return out;
    }

    static boolean isCreditLine(String t) {
        String s = t.strip();
        if (s.startsWith("(") && s.endsWith(")")) s = s.substring(1, s.length() - 1);
        if (Bylines.isPhotoCredit(s)) return true;
        if (s.length() > 120 || s.endsWith("?")) return false;
        if (!Bylines.startsWithCue(s)) return false;
        // "By the way, ..." or "By 2030 the ..." are prose: a credit's words are capitalised names
        String rest = s.replaceFirst("(?i)^\\S+(\\s+by)?:?\\s*", "");
        if (rest.isEmpty() || !Character.isUpperCase(rest.codePointAt(0))) return false;
        long lower = java.util.Arrays.stream(rest.split("\\s+"))
                .filter(w -> !w.isEmpty() && Character.isLowerCase(w.charAt(0))
                        && !w.matches("and|by|de|da|van|von|der|di|del|la|le|al|el|bin|ibn|y|e|et|und|for|of|in|with"))
                .count();
        return lower <= 1;
    }

    private static final Pattern PUBLISHED_CUE = Pattern.compile(
            "(?i)(published|posted|updated|issued|date|publié|publicado|publicada|pubblicato|veröffentlicht|"
                    + "gepubliceerd|opublikowano|publikováno|publicerad|publiceret|publisert|опубликовано|yayınlanma|"
                    + "diterbitkan|dipublikasikan)\\b(?:\\s+(?:on|at|le|el|em|il|am|op|dne))?\\s*:?\\s*");

    /** A date after a "Published"-style cue in the first part of the text. */
    static Dates.Hit publishedCue(String text, int window) {
        String head = text.length() > window ? text.substring(0, window) : text;
        Matcher m = PUBLISHED_CUE.matcher(head);
        while (m.find()) {
            if (m.group(1).equalsIgnoreCase("updated")) continue;
            int to = Math.min(head.length(), m.end() + 40);
            Dates.Hit h = Dates.findInText(head.substring(m.end(), to));
            if (h != null && h.start() < 15) {
                return new Dates.Hit(h.date(), m.end() + h.start(), m.end() + h.end());
            }
        }
        return null;
    }

    /** A line near the top that is (mostly) a date: "Sunday, April 24, 2005", "13.01.2020 10:31". */
    static Dates.Hit dateLine(String text) {
        List<Line> ls = lines(text);
        for (int i = 0; i < Math.min(8, ls.size()); i++) {
            Line l = ls.get(i);
            if (l.text().length() > 60) continue;
            Dates.Hit h = Dates.findInText(l.text());
            if (h == null) continue;
            String rest = (l.text().substring(0, h.start()) + l.text().substring(h.end()))
                    .replaceAll("[\\d:.,/|()\\-–—\\s]", "").replaceAll("(?i)(am|pm|gmt|utc|[a-z]{2,3}t)", "");
            if (rest.length() <= 25) return new Dates.Hit(h.date(), l.start() + h.start(), l.start() + h.end());
        }
        return null;
    }
}
