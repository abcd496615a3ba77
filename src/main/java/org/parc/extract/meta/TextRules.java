package org.parc.extract.meta;

import java.util.List;
import org.parc.extract.Found;

/** Rules over the plain text of a story. */
final class TextRules {
    private TextRules() {}

    /** The headline of a text: its first line, unless that is a credit or date line. */
    static Found<String> firstLine(String text) {
        List<TextCues.Line> ls = TextCues.lines(text);
        for (int i = 0; i < Math.min(5, ls.size()); i++) {
            TextCues.Line l = ls.get(i);
            String t = l.text();
            if (TextCues.isCreditLine(t)) continue;
            if (t.length() <= 60 && Dates.findInText(t) != null && t.replaceAll("[^\\p{L}]", "").length() < 20) continue;
            if (t.length() > 300) {
                int cut = t.lastIndexOf(' ', 300);
                t = t.substring(0, cut > 100 ? cut : 300) + "…";
                return Found.of(t, "first-line", l.start() + "-" + (l.start() + 300) + " (cut)");
            }
            return Found.of(t, "first-line", l.start() + "-" + l.end());
        }
        return null;
    }
}
