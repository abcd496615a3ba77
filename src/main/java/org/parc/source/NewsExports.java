package org.parc.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exports of the news databases researchers search, Nexis Uni (LexisNexis) and Factiva: many
 * articles in one Word, RTF, PDF or text file, each with a header of catalogue fields. Read from the
 * file's text as items of a feed: one article each, its title, outlet, date, authors and language
 * from its header, its text the headline and body without the header's lines (copyright, length,
 * section, the database's codes).
 *
 * <p>Nexis Uni ends each article with "End of Document" and opens its body with a line "Body"; the
 * header gives title, outlet and date in its first lines, then fields ("Byline:", "Length:", …).
 * Factiva ends each article with its document id ("Document NYTF000020200315eg3f0005d") and gives
 * title, "By" line, word count, date, outlet, source code, language and copyright line before the body.
 */
public final class NewsExports {
    private NewsExports() {}

    public static final String NEXIS = "Nexis Uni";
    public static final String FACTIVA = "Factiva";

    private static final Pattern NEXIS_END = Pattern.compile("(?m)^[ \\t]*End of Document[ \\t]*$");
    private static final Pattern NEXIS_LENGTH = Pattern.compile("(?m)^[ \\t]*Length:[ \\t]*[\\d,]+[ \\t]+words[ \\t]*$");
    private static final Pattern NEXIS_FIELD = Pattern.compile("^(Byline|Length|Section|Dateline|Language|Load-Date|Publication-Type|Highlight):\\s*(.*)$");
    private static final Pattern LONG_DATE = Pattern.compile("^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? )?(?:January|February|March|April|May|June|July|August|September|October|November|December)"
            + " \\d{1,2}, \\d{4}(?: (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?(?: \\d{1,2}:\\d{2} (?:AM|PM)(?: [A-Z]{2,4})?)?$");
    /** Where a Nexis Uni body ends: the fields it prints after it. */
    private static final Pattern NEXIS_TRAILER = Pattern.compile("^(Load-Date|Classification|Language|Publication-Type|Subject|Geographic|Graphic|Notes|Correction-Date):.*|^(Classification|Graphic|Notes)$");

    private static final Pattern FACTIVA_ID = Pattern.compile("(?m)^[ \\t]*Document ([A-Za-z0-9]{20,32})[ \\t]*$");
    private static final Pattern WORDS = Pattern.compile("^[\\d,]+ words$");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("^\\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \\d{4}$");
    private static final Pattern TIME = Pattern.compile("^\\d{1,2}:\\d{2}(?: [A-Z]{2,4})?$");
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)^(?:\\(c\\)|©|copyright\\b).*");
    /** Factiva's codes after the body in a full record ("CO  nytim : New York Times", "NS  gpol : Domestic Politics"). */
    private static final Pattern FACTIVA_CODE = Pattern.compile("^(?:CO|IN|NS|RE|IPC|IPD|PUB|AN|SN|SC|ED|PG|WC|PD|ET|LA|CY|LP|TD|HD|BY|CR|SE)\\s{2,}.*");

    private static final Map<String, String> LANGUAGES = Map.ofEntries(Map.entry("english", "en"), Map.entry("french", "fr"),
            Map.entry("german", "de"), Map.entry("spanish", "es"), Map.entry("italian", "it"), Map.entry("portuguese", "pt"),
            Map.entry("dutch", "nl"), Map.entry("russian", "ru"), Map.entry("arabic", "ar"), Map.entry("chinese", "zh"),
            Map.entry("japanese", "ja"), Map.entry("turkish", "tr"), Map.entry("persian", "fa"), Map.entry("polish", "pl"),
            Map.entry("swedish", "sv"), Map.entry("danish", "da"), Map.entry("norwegian", "no"), Map.entry("finnish", "fi"));

    /** The export's articles as a feed (format {@link #NEXIS} or {@link #FACTIVA}), or null when the text is none. */
    public static Feeds.Feed read(String text) {
        // every text parc reads that is not a web page passes here: a substring search before the line-anchored patterns
        if (text.contains("End of Document") && NEXIS_END.matcher(text).find() && NEXIS_LENGTH.matcher(text).find()) return nexis(text);
        if (text.contains("Document ") && FACTIVA_ID.matcher(text).find()) return factiva(text);
        return null;
    }

    private static Feeds.Feed nexis(String text) {
        List<Feeds.Item> items = new ArrayList<>();
        int n = 0;
        for (String chunk : NEXIS_END.split(text)) {
            List<String> lines = lines(chunk);
            int body = -1;
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).equals("Body")) body = i;
            if (body < 0) continue; // the export's cover page and list of results
            int date = -1;
            for (int i = 0; i < body; i++) {
                if (LONG_DATE.matcher(lines.get(i)).matches()) {
                    date = i;
                    break;
                }
            }
            if (date < 2) continue;
            int outlet = previousNonBlank(lines, date - 1);
            if (outlet < 1) continue;
            // the title: the block of lines above the outlet, up to a blank line (a cover page may stand above it)
            int first = outlet - 1;
            while (first > 0 && !lines.get(first - 1).isEmpty()) first--;
            String title = String.join(" ", lines.subList(first, outlet)).strip();
            String byline = null;
            String language = null;
            for (int i = date + 1; i < body; i++) {
                Matcher f = NEXIS_FIELD.matcher(lines.get(i));
                if (!f.matches()) continue;
                if (f.group(1).equals("Byline")) byline = f.group(2).strip();
                if (f.group(1).equals("Language")) language = f.group(2).strip();
            }
            StringBuilder b = new StringBuilder();
            int end = body + 1;
            while (end < lines.size() && !NEXIS_TRAILER.matcher(lines.get(end)).matches()) paragraph(b, lines.get(end++));
            // the fields after the body (classification, language, load date)
            for (int i = end; i < lines.size() && language == null; i++) {
                Matcher f = NEXIS_FIELD.matcher(lines.get(i));
                if (f.matches() && f.group(1).equals("Language")) language = f.group(2).strip();
            }
            n++;
            if (title.isEmpty() || b.length() == 0) continue;
            items.add(new Feeds.Item(title, null, lines.get(date), byline == null ? List.of() : List.of(byline), b.toString().strip(),
                    lines.get(outlet), language(language), "document " + n));
        }
        return items.isEmpty() ? null : new Feeds.Feed(null, List.copyOf(items), false, NEXIS);
    }

    private static Feeds.Feed factiva(String text) {
        List<Feeds.Item> items = new ArrayList<>();
        Matcher ids = FACTIVA_ID.matcher(text);
        int from = 0;
        while (ids.find()) {
            Feeds.Item item = factivaArticle(lines(text.substring(from, ids.start())), ids.group(1));
            if (item != null) items.add(item);
            from = ids.end();
        }
        return items.isEmpty() ? null : new Feeds.Feed(null, List.copyOf(items), false, FACTIVA);
    }

    private static Feeds.Item factivaArticle(List<String> all, String id) {
        List<String> lines = all.stream().filter(l -> !l.isEmpty()).toList();
        int words = -1;
        for (int i = 0; i < Math.min(lines.size(), 8); i++) {
            if (WORDS.matcher(lines.get(i)).matches()) {
                words = i;
                break;
            }
        }
        if (words < 1 || words + 2 >= lines.size()) return null;
        String byline = null;
        List<String> title = new ArrayList<>();
        for (String l : lines.subList(0, words)) {
            if (l.startsWith("By ") || l.startsWith("BY ")) byline = l;
            else if (byline == null) title.add(l);
        }
        int i = words + 1;
        String date = lines.get(i);
        if (!DAY_MONTH_YEAR.matcher(date).matches()) return null;
        i++;
        if (TIME.matcher(lines.get(i)).matches()) i++;
        if (i >= lines.size()) return null;
        String outlet = lines.get(i++);
        String language = null;
        int bodyStart = i;
        // source code, edition, page, language and copyright lines stand between the outlet and the body
        for (int j = i; j < Math.min(lines.size(), i + 6); j++) {
            String l = lines.get(j);
            String lang = LANGUAGES.get(l.toLowerCase(Locale.ROOT));
            if (lang != null) {
                language = lang;
                bodyStart = j + 1;
            } else if (COPYRIGHT.matcher(l).matches()) {
                bodyStart = j + 1;
                break;
            }
        }
        StringBuilder b = new StringBuilder();
        for (String l : lines.subList(bodyStart, lines.size())) {
            if (FACTIVA_CODE.matcher(l).matches()) break;
            paragraph(b, l);
        }
        if (title.isEmpty() || b.length() == 0) return null;
        return new Feeds.Item(String.join(" ", title), null, date, byline == null ? List.of() : List.of(byline), b.toString().strip(),
                outlet, language, "document " + id);
    }

    private static String language(String name) {
        if (name == null) return null;
        return LANGUAGES.getOrDefault(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z].*", ""), null);
    }

    private static void paragraph(StringBuilder b, String line) {
        if (line.isEmpty()) return;
        if (b.length() > 0) b.append("\n\n");
        b.append(line);
    }

    private static int previousNonBlank(List<String> lines, int i) {
        while (i >= 0 && lines.get(i).isEmpty()) i--;
        return i;
    }

    /** The chunk's lines, trimmed, with runs of white space as one space. */
    private static List<String> lines(String chunk) {
        List<String> out = new ArrayList<>();
        for (String l : chunk.split("\n", -1)) out.add(l.replaceAll("[\\s\\u00a0]+", " ").strip());
        return out;
    }
}
