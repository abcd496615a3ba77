package org.parc.extract.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parc.extract.Credit;
import org.parc.extract.Evidence;
import org.parc.extract.Role;

/**
 * Turns byline and credit text ("By Jane Roe and John Doe, Staff Writers", "Reporting by X;
 * Editing by Y", "AP Photo/Z") into credits: people in order with their roles, news agencies as
 * organizations.
 */
public final class Bylines {
    private Bylines() {}

    /** Wire services and agencies: credited as organizations, never as people. */
    private static final Set<String> AGENCIES = Set.of(
            "reuters", "thomson reuters", "ap", "the associated press", "associated press", "afp", "agence france-presse",
            "agence france presse", "dpa", "deutsche presse-agentur", "ansa", "efe", "agencia efe", "xinhua", "tass",
            "itar-tass", "ria novosti", "ria", "bloomberg", "pa", "press association", "pa media", "upi",
            "united press international", "anadolu", "anadolu agency", "aa", "irna", "kyodo", "kyodo news", "yonhap",
            "bernama", "pti", "ians", "ani", "interfax", "sputnik", "europa press", "apa", "belga", "lusa", "ntb",
            "ritzau", "stt", "čtk", "ctk", "pap", "mti", "kuna", "wam", "spa", "mena", "qna", "petra", "sana", "isna",
            "mehr", "tasnim", "fars", "ina", "nna", "jiji", "jiji press", "aap", "cp", "the canadian press",
            "canadian press", "cna", "antara", "agencies", "wires", "news agencies", "wire services", "staff");

    private static final Pattern ORG_WORDS = Pattern.compile(
            "(?i).*\\b(news|agency|agencies|press|staff|desk|team|media|service|services|newsroom|editorial|"
                    + "editors|correspondents?|bureau|times|post|journal|tribune|herald|gazette|radio|tv|television|"
                    + "network|group|inc|ltd|foundation|institute|university|ministry|office|council|committee|"
                    + "agence|agencia|redaktion|redacción|redação|rédaction|redazione|contributors)\\b.*");

    /** Role cues that open a credit; the longest alternatives come first. */
    private static final Pattern CUE = Pattern.compile(
            "(?i)(?<![\\p{L}])(additional reporting by|with reporting by|additional editing by|reporting by|reported by|"
                    + "written by|words by|story by|text by|compiled by|edited by|editing by|editor:|editors:|"
                    + "translated by|translation by|translated from [\\p{L}]+ by|translator:|translation:|"
                    + "photographs? by|photos? by|photography by|pictures? by|photos?:|photographs?:|"
                    + "images? by|video by|graphics? by|illustrations? by|contributing:|"
                    + "by|par|por|von|di|door|av|af|przez|от|author:|authors:|autor:|autora:|auteur:)(?=\\s|$)");

    private static final Pattern AGENCY_PHOTO = Pattern.compile("(?i)^(?:([\\p{L} .]+?)\\s+)?photo\\s*/\\s*(.+)$");
    private static final Pattern EMAIL = Pattern.compile("\\S+@\\S+\\.\\S+|@\\w+");
    private static final Pattern DATEISH = Pattern.compile(
            "(?i)\\b(updated|published|posted|last modified|\\d{1,2}:\\d\\d|\\d{4}-\\d\\d-\\d\\d|(19|20)\\d\\d)\\b.*$");
    private static final Pattern WEEKDAY = Pattern.compile(
            "(?i)[,\\s]*\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\\b.*$");
    private static final Pattern TITLE_WORDS = Pattern.compile(
            "(?i).*\\b(reporter|correspondent|editor|writer|columnist|contributor|producer|analyst|chief|senior|"
                    + "staff|intern|fellow|professor|director|manager|author|journalist|photographer|"
                    + "md|phd|ma|msc|mba|rn|dr)\\b.*");

    /** Role of a cue phrase. */
    static Role role(String cue) {
        String c = cue.toLowerCase(Locale.ROOT);
        if (c.startsWith("edit")) return Role.EDITOR;
        if (c.startsWith("transl")) return Role.TRANSLATOR;
        if (c.startsWith("photo") || c.startsWith("picture") || c.startsWith("image")) return Role.PHOTOGRAPHER;
        if (c.startsWith("additional") || c.startsWith("with reporting") || c.startsWith("contributing")
                || c.startsWith("video") || c.startsWith("graphic") || c.startsWith("illustration")) return Role.CONTRIBUTOR;
        return Role.AUTHOR;
    }

    /** "AP Photo/Pavel Golovkin", "Reuters Photo / Jane Roe": a photo credit line. */
    static boolean isPhotoCredit(String text) {
        String s = text.strip();
        return s.length() <= 80 && AGENCY_PHOTO.matcher(s).matches()
                && s.substring(s.indexOf('/') + 1).strip().matches("\\p{Lu}[\\p{L}.'’-]*(\\s+\\p{Lu}[\\p{L}.'’-]*){0,3}");
    }

    /** True when the text opens with a credit cue ("By", "Editing by", "Photo:"), i.e. is a credit line. */
    static boolean startsWithCue(String text) {
        Matcher m = CUE.matcher(text.strip());
        return m.lookingAt() && m.end() < text.strip().length();
    }

    /**
     * Credits in a byline. Text without a cue gets {@code defaultRole}.
     *
     * @param raw the byline as printed
     */
    public static List<Credit> parse(String raw, Role defaultRole, Evidence ev) {
        List<Credit> out = new ArrayList<>();
        if (raw == null) return out;
        String s = raw.replaceAll("\\s+", " ").strip();
        if (s.startsWith("(") && s.endsWith(")")) s = s.substring(1, s.length() - 1).strip();
        if (s.isEmpty() || s.length() > 300) return out;
        Matcher photo = AGENCY_PHOTO.matcher(s);
        if (photo.matches()) {
            for (String n : names(photo.group(2))) out.add(credit(n, Role.PHOTOGRAPHER, ev));
            return out;
        }
        // Segments, each governed by the cue before it.
        Matcher m = CUE.matcher(s);
        int pos = 0;
        Role role = defaultRole;
        while (m.find()) {
            String cue = m.group(1).toLowerCase(Locale.ROOT);
            // one-word cues ("by", "par") count only where a segment starts: "Di" may open a surname
            String prefix = s.substring(0, m.start());
            boolean boundary = prefix.isBlank() || prefix.matches("(?s).*[;.|•·(),]\\s*$");
            if (!boundary && !cue.contains(" ") && !cue.endsWith(":")) continue;
            for (String n : names(s.substring(pos, m.start()))) out.add(credit(n, role, ev));
            role = role(cue);
            pos = m.end();
        }
        for (String n : names(s.substring(pos))) out.add(credit(n, role, ev));
        return out;
    }

    private static Credit credit(String name, Role role, Evidence ev) {
        return new Credit(name, role, isOrganization(name), ev);
    }

    /** A wire service or news agency ("Reuters", "AFP", "The Associated Press"). */
    public static boolean isAgency(String name) {
        String l = name.toLowerCase(Locale.ROOT).replaceAll("[.]", "").strip();
        return AGENCIES.contains(l) || AGENCIES.contains(l.replaceAll("^the ", ""));
    }

    /** Agencies, and names that read as organizations ("BBC News", "Staff"). */
    public static boolean isOrganization(String name) {
        String l = name.toLowerCase(Locale.ROOT).replaceAll("[.]", "").strip();
        if (AGENCIES.contains(l) || AGENCIES.contains(l.replaceAll("^the ", ""))) return true;
        if (ORG_WORDS.matcher(l).matches()) return true;
        // a single Latin-script word ("Alwaght") is an outlet credit, not a person's name
        return !l.contains(" ") && l.matches("[\\p{IsLatin}\\d&'-]+") && !l.contains("-");
    }

    /** The names in one segment: "A and B", "A, B & C", minus job titles, e-mails and dates. */
    static List<String> names(String seg) {
        List<String> out = new ArrayList<>();
        String s = EMAIL.matcher(seg).replaceAll(" ");
        Dates.Hit date = Dates.findInText(s);
        if (date != null) s = s.substring(0, date.start());
        s = WEEKDAY.matcher(s).replaceAll("");
        s = DATEISH.matcher(s).replaceAll("");
        s = s.replaceAll("[|•·]+.*$", "").replaceAll("^[\\s:;,.\\-–—]+|[\\s:;,\\-–—]+$", "").strip();
        if (s.isEmpty()) return out;
        String[] parts = s.split("\\s*(?:;|\\s+(?:and|&|und|et|y|e|и|ve)\\s+)\\s*");
        for (String p : parts) {
            String[] commas = p.split("\\s*,\\s*");
            if (commas.length > 1 && everyPieceIsName(commas)) {
                for (String c : commas) add(out, c);
            } else if (commas.length > 1) {
                // "Jane Roe, Senior Writer" -> drop the title; "Roe, Jane" (inverted) stays whole
                List<String> kept = new ArrayList<>();
                for (String c : commas) {
                    if (!kept.isEmpty() && (TITLE_WORDS.matcher(c).matches() || startsLower(c))) break;
                    kept.add(c);
                }
                if (kept.size() == commas.length || kept.size() > 1) add(out, String.join(", ", kept));
                else add(out, kept.get(0));
            } else {
                add(out, p);
            }
        }
        return out;
    }

    private static boolean everyPieceIsName(String[] pieces) {
        for (String c : pieces) {
            if (c.split("\\s+").length < 2 && !AGENCIES.contains(c.toLowerCase(Locale.ROOT))) return false;
            if (TITLE_WORDS.matcher(c).matches() || startsLower(c)) return false;
        }
        return true;
    }

    private static boolean startsLower(String s) {
        return !s.isEmpty() && Character.isLowerCase(s.charAt(0));
    }

    private static void add(List<String> out, String name) {
        String n = name.strip().replaceAll("^[\\s\"'“”(]+|[\\s\"'“”).,]+$", "");
        if (n.length() < 2 || n.length() > 80) return;
        if (!n.codePoints().anyMatch(Character::isLetter)) return;
        if (n.split("\\s+").length > 6) return; // a sentence, not a name
        out.add(caseName(n));
    }

    /** "JOE HILDEBRAND" -> "Joe Hildebrand"; agency acronyms stay as printed. */
    static String caseName(String n) {
        if (n.length() <= 5 || !n.equals(n.toUpperCase(Locale.ROOT)) || n.equals(n.toLowerCase(Locale.ROOT))) return n;
        if (AGENCIES.contains(n.toLowerCase(Locale.ROOT))) return n;
        StringBuilder b = new StringBuilder();
        boolean start = true;
        for (char c : n.toCharArray()) {
            b.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c) && c != '\'';
        }
        return b.toString();
    }
}
