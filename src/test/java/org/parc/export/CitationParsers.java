package org.parc.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small readers for BibTeX and RIS, enough to check what parc writes (independent of the writers). */
final class CitationParsers {
    private CitationParsers() {}

    /** A parsed entry: its type, key and fields (repeatable fields, like RIS's AU, keep every value). */
    record Entry(String type, String key, Map<String, List<String>> fields) {
        String one(String f) {
            List<String> v = fields.get(f);
            return v == null ? null : v.get(0);
        }
    }

    private static final Pattern BIB_START = Pattern.compile("@(\\w+)\\s*\\{\\s*([^,\\s]+)\\s*,");
    private static final Pattern BIB_FIELD = Pattern.compile("\\s*(\\w+)\\s*=\\s*");

    static List<Entry> bibtex(String text) {
        List<Entry> out = new ArrayList<>();
        Matcher m = BIB_START.matcher(text);
        int pos = 0;
        while (m.find(pos)) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            int i = m.end();
            while (true) {
                Matcher f = BIB_FIELD.matcher(text).region(i, text.length());
                if (!f.lookingAt()) break;
                i = f.end();
                String value;
                if (text.charAt(i) == '{') {
                    int depth = 0, j = i;
                    do {
                        char c = text.charAt(j);
                        if (c == '\\') j++;
                        else if (c == '{') depth++;
                        else if (c == '}') depth--;
                        j++;
                    } while (depth > 0);
                    value = text.substring(i + 1, j - 1);
                    i = j;
                } else {
                    int j = i;
                    while (Character.isLetterOrDigit(text.charAt(j))) j++;
                    value = text.substring(i, j);
                    i = j;
                }
                fields.put(f.group(1).toLowerCase(), List.of(value));
                while (Character.isWhitespace(text.charAt(i))) i++;
                if (text.charAt(i) == ',') i++;
                else break;
            }
            while (Character.isWhitespace(text.charAt(i))) i++;
            if (text.charAt(i) != '}') throw new IllegalArgumentException("unterminated entry " + m.group(2) + " at " + i);
            out.add(new Entry(m.group(1).toLowerCase(), m.group(2), fields));
            pos = i + 1;
        }
        return out;
    }

    /** Undoes TeX escapes of special characters. */
    static String untex(String s) {
        return s.replace("\\textbackslash{}", "\\").replace("\\textasciitilde{}", "~").replace("\\textasciicircum{}", "^")
                .replaceAll("\\\\([{}&%$#_])", "$1");
    }

    /** BibTeX name lists: "Family, Given and {Organization}". */
    static List<String> names(String field) {
        if (field == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String n : field.split(" and ")) out.add(n.strip());
        return out;
    }

    static List<Entry> ris(String text) {
        List<Entry> out = new ArrayList<>();
        Map<String, List<String>> fields = null;
        for (String line : text.split("\r\n", -1)) {
            if (line.isEmpty()) continue;
            if (!line.matches("[A-Z][A-Z0-9]  - .*")) throw new IllegalArgumentException("not a RIS line: " + line);
            String tag = line.substring(0, 2);
            String value = line.substring(6);
            if (tag.equals("TY")) {
                if (fields != null) throw new IllegalArgumentException("TY before ER");
                fields = new LinkedHashMap<>();
            } else if (fields == null) {
                throw new IllegalArgumentException("tag outside an entry: " + line);
            }
            if (tag.equals("ER")) {
                out.add(new Entry(fields.get("TY").get(0), fields.containsKey("ID") ? fields.get("ID").get(0) : null, fields));
                fields = null;
            } else {
                fields.computeIfAbsent(tag, k -> new ArrayList<>()).add(value);
            }
        }
        if (fields != null) throw new IllegalArgumentException("last entry has no ER");
        return out;
    }
}
