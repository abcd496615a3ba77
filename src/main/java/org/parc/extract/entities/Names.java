package org.parc.extract.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Name normalization and comparison helpers shared by the merger and the gazetteer. */
public final class Names {
    private Names() {}

    private static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "and", "for", "in", "on", "de", "du", "des",
            "la", "le", "der", "die", "das", "von", "van", "to", "at", "&");

    /** Case-, diacritic- and punctuation-insensitive form: "U.S." and "US" agree, "Türkiye" = "turkiye". */
    static String fold(String s) {
        // called for every name and word many times per article: precompiled patterns, and no
        // decomposition for plain ASCII
        String t = ascii(s) ? s : MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFKD)).replaceAll("");
        t = t.toLowerCase(Locale.ROOT).replace('’', '\'');
        t = PUNCT.matcher(t).replaceAll("");
        t = SPACES.matcher(t).replaceAll(" ").strip();
        return t;
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern PUNCT = java.util.regex.Pattern.compile("[.,'\"`()\\[\\]]");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("[\\s\\-‐‑–—_/]+");

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
        return true;
    }

    /** Words of a name, split on spaces and hyphens ("al-Maliki" → al, Maliki). */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.split("[\\s\\-‐‑–—]+")) {
            if (!w.isEmpty()) out.add(w);
        }
        return out;
    }

    /** Folded words of a name. */
    static List<String> foldedWords(String s) {
        List<String> out = new ArrayList<>();
        for (String w : words(s)) {
            String f = fold(w);
            if (!f.isEmpty()) out.add(f);
        }
        return out;
    }

    /** Runs of white space as one space, none at the ends: "Brenda  Goodman" → "Brenda Goodman". */
    public static String spaced(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Letters, none of them lower case ("CAIRO", "NATO", "NATALIYA VASILYEVA"): a heading's, dateline's or byline's form. */
    public static boolean capitals(String s) {
        boolean letters = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) return false;
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    /** An acronym as written: 2-8 capitals, maybe with dots or digits ("IS", "U.N.", "ISIL", "M5S"). */
    static boolean isAcronym(String s) {
        String t = s.replace(".", "");
        if (t.length() < 2 || t.length() > 8 || !t.chars().allMatch(Character::isLetterOrDigit)) return false;
        long upper = t.chars().filter(Character::isUpperCase).count();
        return upper >= 2 && t.chars().noneMatch(Character::isLowerCase) && Character.isLetter(t.charAt(0));
    }

    /** Initials of a multi-word name, without and with function words: "Islamic State" → "is". */
    static List<String> initials(String name) {
        List<String> ws = words(name);
        if (ws.size() < 2) return List.of();
        StringBuilder content = new StringBuilder();
        StringBuilder all = new StringBuilder();
        for (String w : ws) {
            String f = fold(w);
            if (f.isEmpty()) continue;
            all.append(f.charAt(0));
            if (!FUNCTION_WORDS.contains(f)) content.append(f.charAt(0));
        }
        return content.toString().equals(all.toString()) ? List.of(all.toString()) : List.of(content.toString(), all.toString());
    }

    /**
     * A transliteration skeleton: folded, first letter kept, later vowels (and y, h, w after a vowel-like
     * sound) dropped, doubled letters collapsed; "Moeen" and "Muen" → "mn", "Sergei"/"Sergey" → "srg".
     */
    static String skeleton(String word) {
        String f = fold(word).replace(" ", "");
        if (f.isEmpty()) return f;
        StringBuilder b = new StringBuilder().append(f.charAt(0));
        for (int i = 1; i < f.length(); i++) {
            char c = f.charAt(i);
            if ("aeiouy".indexOf(c) >= 0) continue;
            if (b.charAt(b.length() - 1) != c) b.append(c);
        }
        return b.toString();
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** Two words that are spelling or transliteration variants of each other. */
    public static boolean variantWords(String a, String b) {
        String fa = fold(a), fb = fold(b);
        if (fa.equals(fb)) return true;
        if (fa.isEmpty() || fb.isEmpty() || fa.charAt(0) != fb.charAt(0)) return false;
        int min = Math.min(fa.length(), fb.length());
        if (min < 4) return false;
        if (skeleton(fa).equals(skeleton(fb))) return true;
        // typos in long words: "Technlogy"
        return min >= 7 && levenshtein(fa, fb) <= 1;
    }

    /** The line of text that holds offset {@code at}, without its line break. */
    static String lineAt(String text, int at) {
        int ls = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        int le = text.indexOf('\n', at);
        return text.substring(ls, le < 0 ? text.length() : le);
    }
}
