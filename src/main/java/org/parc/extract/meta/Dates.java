package org.parc.extract.meta;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parc.extract.PartialDate;

/**
 * Parses the date forms that news pages and documents print: ISO 8601 (with or without time and
 * zone), compact ISO, RFC 1123, "January 13, 2020", "13 de enero de 2020", "13.01.2020", CJK
 * "2020年1月13日". The calendar day is the one written: a time zone never moves it.
 */
public final class Dates {
    private Dates() {}

    /** Years outside MIN_YEAR..next year are not issue dates. */
    static final int MIN_YEAR = 1900;

    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        // Month names and their usual abbreviations/inflections in the languages news is written in most.
        String[][] table = {
            {"january jan janvier janv janv. januar jänner enero ene janeiro jan gennaio genn gen januari leden ledna styczeń stycznia января январь янв ocak ιανουαρίου ianuarie januára sausio tammikuu tammikuuta siječnja januára"},
            {"february feb febr février févr februar febrero feb fevereiro fev febbraio febbr feb februari únor února luty lutego февраля февраль фев şubat φεβρουαρίου februarie februára vasario helmikuu helmikuuta veljače"},
            {"march mar mars märz maerz marzo mar março mar marzo maart maret březen března marzec marca марта март mart μαρτίου martie marca kovo maaliskuu maaliskuuta ožujka"},
            {"april apr avril avr april abril abr abril abr aprile apr april duben dubna kwiecień kwietnia апреля апрель апр nisan απριλίου aprilie apríla balandžio huhtikuu huhtikuuta travnja"},
            {"may mai mai mayo may maio mai maggio mag mei květen května maj maja мая май mayıs μαΐου μαΐου mai mája gegužės toukokuu toukokuuta svibnja"},
            {"june jun juin juni junio jun junho jun giugno giu juni červen června czerwiec czerwca июня июнь haziran ιουνίου iunie júna birželio kesäkuu kesäkuuta lipnja"},
            {"july jul juillet juil juli julio jul julho jul luglio lug juli červenec července lipiec lipca июля июль temmuz ιουλίου iulie júla liepos heinäkuu heinäkuuta srpnja"},
            {"august aug août aout august agosto ago agosto ago agosto ago augustus agustus srpen srpna sierpień sierpnia августа август авг ağustos αυγούστου august augusta rugpjūčio elokuu elokuuta kolovoza"},
            {"september sep sept septembre septembre september septiembre sep setembro set settembre sett set september září září wrzesień września сентября сентябрь сен eylül σεπτεμβρίου septembrie septembra rugsėjo syyskuu syyskuuta rujna"},
            {"october oct octobre oktober octubre oct outubro out ottobre ott oktober okt oktober říjen října październik października октября октябрь окт ekim οκτωβρίου octombrie októbra spalio lokakuu lokakuuta listopada"},
            {"november nov novembre november noviembre nov novembro nov novembre nov november listopad listopadu listopad listopada ноября ноябрь ноя kasım νοεμβρίου noiembrie novembra lapkričio marraskuu marraskuuta studenoga"},
            {"december dec décembre déc decembre dezember dez diciembre dic dezembro dez dicembre dic december desember desember prosinec prosince grudzień grudnia декабря декабрь дек aralık δεκεμβρίου decembrie decembra gruodžio joulukuu joulukuuta prosinca"},
        };
        for (int m = 0; m < 12; m++) {
            for (String w : table[m][0].split(" ")) {
                // Ambiguous words (Croatian "listopada" is October, Polish "listopada" November, "mar"
                // is March in most) keep the first reading: good enough for issue dates.
                MONTHS.putIfAbsent(w.replace(".", ""), m + 1);
            }
        }
    }

    private static final String MONTH_WORD = "(\\p{L}{3,12})\\.?";
    private static final Pattern ISO = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d\\d)[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)(\\d\\d)(\\d\\d)(?:T|\\b|$)");
    private static final Pattern DMY_NUM = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})([./-])(\\d{1,2})\\2((?:19|20)\\d\\d)(?!\\d)");
    private static final Pattern D_MONTH_Y = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|st|nd|rd|th|er|º)?\\s*(?:de\\s+)?" + MONTH_WORD
                    + ",?\\s*(?:de\\s+|del\\s+)?((?:19|20)\\d\\d)(?!\\d)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_D_Y = Pattern.compile(
            "(?<![\\p{L}])" + MONTH_WORD + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)(?!\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CJK = Pattern.compile("((?:19|20)\\d\\d)\\s*[年년]\\s*(\\d{1,2})\\s*[月월]\\s*(\\d{1,2})\\s*[日일]?");

    /** One date found in a string, with its char range there. */
    public record Hit(PartialDate date, int start, int end) {}

    /** A machine-readable date value (meta content, datetime attribute, JSON-LD): the first date in it. */
    public static PartialDate parse(String s) {
        Hit h = find(s, true);
        return h == null ? null : h.date();
    }

    /** A date printed in prose, e.g. "Published on 13 January 2020"; null if none. */
    public static Hit findInText(String s) {
        return find(s, false);
    }

    private static Hit find(String s, boolean machine) {
        if (s == null || s.isBlank()) return null;
        Hit best = null;
        best = earlier(best, iso(s));
        best = earlier(best, words(s));
        best = earlier(best, cjk(s));
        best = earlier(best, numericDmy(s));
        if (machine || best == null) best = earlier(best, compact(s, machine));
        return best;
    }

    private static Hit earlier(Hit a, Hit b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.start() < a.start() ? b : a;
    }

    private static Hit iso(String s) {
        Matcher m = ISO.matcher(s);
        while (m.find()) {
            PartialDate d = day(m.group(1), m.group(2), m.group(3));
            if (d != null) return new Hit(d, m.start(), m.end());
        }
        return null;
    }

    private static Hit compact(String s, boolean machine) {
        Matcher m = COMPACT.matcher(s);
        while (m.find()) {
            // In prose, an 8-digit run is more often an id than a date: only whole tokens.
            if (!machine && m.end() < s.length() && Character.isLetterOrDigit(s.charAt(m.end()))) continue;
            PartialDate d = day(m.group(1), m.group(2), m.group(3));
            if (d != null) return new Hit(d, m.start(), m.end());
        }
        return null;
    }

    private static Hit numericDmy(String s) {
        Matcher m = DMY_NUM.matcher(s);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            PartialDate d;
            if (a > 12) d = day(m.group(4), m.group(3), m.group(1));
            else if (b > 12) d = day(m.group(4), m.group(1), m.group(3)); // US month/day/year
            else if (m.group(2).equals("/") && a != b) continue; // 03/04/2020: ambiguous, no guess
            else d = day(m.group(4), m.group(3), m.group(1)); // "." and "-" are day-first conventions
            if (d != null) return new Hit(d, m.start(), m.end());
        }
        return null;
    }

    private static Hit words(String s) {
        Hit best = null;
        Matcher m = D_MONTH_Y.matcher(s);
        while (m.find()) {
            Integer mon = month(m.group(2));
            if (mon == null) continue;
            PartialDate d = day(m.group(3), String.valueOf(mon), m.group(1));
            if (d != null) {
                best = new Hit(d, m.start(), m.end());
                break;
            }
        }
        m = MONTH_D_Y.matcher(s);
        while (m.find()) {
            Integer mon = month(m.group(1));
            if (mon == null) continue;
            PartialDate d = day(m.group(3), String.valueOf(mon), m.group(2));
            if (d != null) {
                best = earlier(best, new Hit(d, m.start(), m.end()));
                break;
            }
        }
        return best;
    }

    private static Hit cjk(String s) {
        Matcher m = CJK.matcher(s);
        while (m.find()) {
            PartialDate d = day(m.group(1), m.group(2), m.group(3));
            if (d != null) return new Hit(d, m.start(), m.end());
        }
        return null;
    }

    static Integer month(String word) {
        return MONTHS.get(word.toLowerCase(Locale.ROOT).replace(".", ""));
    }

    private static PartialDate day(String y, String m, String d) {
        try {
            int year = Integer.parseInt(y);
            if (year < MIN_YEAR || year > LocalDate.now().getYear() + 1) return null;
            return PartialDate.of(LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
