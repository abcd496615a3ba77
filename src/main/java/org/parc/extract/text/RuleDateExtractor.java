package org.parc.extract.text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.parc.extract.DateExtractor;
import org.parc.extract.DateMention;
import org.parc.extract.Evidence;
import org.parc.extract.PartialDate;
import org.parc.extract.Span;

/**
 * Date expressions of English news text found by regular rules and normalized to a {@link PartialDate}.
 *
 * <p>Conventions (why: a mention must name one calendar value at the precision the text supports):
 * <ul>
 *   <li>Spans leave out a governing preposition ("on Saturday" gives "Saturday", "in 2015" gives "2015") but keep
 *       modifiers that change the value ("last September", "late last year", "the end of September 2015").</li>
 *   <li>A day range ("Jan.29-30", "Feb. 12-14") gives two mentions, its first and last day: "Jan.29" and "30".</li>
 *   <li>Relative expressions (weekdays, "yesterday", "last week", "this month", "last year", a month or a month and
 *       day without a year) are resolved against {@code issued} when it is precise enough, else left out. A week
 *       or weekend is given as its month when it lies in one month, else as its year.</li>
 *   <li>A bare weekday is the latest such day on or before {@code issued}, or the next one on or after it when the
 *       sentence speaks of the future ("will", "is to", "plans to"); a month without year is the one nearest to
 *       {@code issued} (past on a tie).</li>
 *   <li>Numeric dates: ISO yyyy-mm-dd always; d/m/yyyy or m/d/yyyy only when day and month cannot be swapped.</li>
 *   <li>When expressions overlap the longest wins; output is sorted by start.</li>
 * </ul>
 * Month names are matched case-sensitively (capitalized or upper case), so the modal "may" or the verb "march"
 * are not months. Stateless, hence thread-safe.
 */
public final class RuleDateExtractor implements DateExtractor {

    static final String METHOD = "date-rules";

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    private static final String[] ABBR = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
            "Nov", "Dec"};
    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday"};
    private static final String[] WEEKDAY_ABBR = {"Mon", "Tues", "Tue", "Wed", "Thurs", "Thur", "Thu", "Fri",
            "Sat", "Sun"};

    /**
     * The words and their upper-case forms as one alternation shaped as a trie, longer words first along
     * each branch. Java tries a flat alternation's branches one by one at every position, and the flat
     * lists of month and weekday names made up most of the extraction time; a trie fails at the first
     * character. Matches the same strings as the flat list sorted longest first: two words can match at
     * one position only when one is a prefix of the other, and the trie's greedy optional tail tries the
     * longer one first.
     */
    static String alt(String[]... lists) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (String[] l : lists) {
            for (String s : l) {
                all.add(s);
                all.add(s.toUpperCase(Locale.ROOT));
            }
        }
        return trie(List.copyOf(all));
    }

    /** An alternation of the (sorted, distinct) words as a trie; "" among them makes the whole optional. */
    private static String trie(List<String> words) {
        java.util.Map<Character, List<String>> byFirst = new java.util.TreeMap<>();
        boolean empty = false;
        for (String w : words) {
            if (w.isEmpty()) empty = true;
            else byFirst.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w.substring(1));
        }
        List<String> branches = new ArrayList<>();
        byFirst.forEach((c, rest) -> branches.add((Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c)
                + (rest.equals(List.of("")) ? "" : trie(rest))));
        if (branches.isEmpty()) return "";
        String alternation = branches.size() == 1 ? branches.get(0) : "(?:" + String.join("|", branches) + ")";
        if (!empty) return alternation;
        return (branches.size() == 1 && alternation.length() == 1 ? alternation : "(?:" + alternation + ")") + "?";
    }

    /** A full month name, or an abbreviation with its period; then the space (optional after a period). */
    private static final String MONTH_FULL = "(?:" + alt(MONTHS) + ")";
    private static final String MONTH_NAME = "(?:" + MONTH_FULL + "\\b|(?:" + alt(ABBR) + ")(?:\\.|\\b))";
    /** Abbreviations without a period only count before a number ("Jan 9"). */
    private static final String MONTH_SP = "(?:" + MONTH_FULL + "\\s+|(?:" + alt(ABBR) + ")(?:\\.\\s*|\\s+))";
    private static final String DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
    private static final String YEAR = "(?:1[89]\\d\\d|20\\d\\d)";
    private static final String NUM_END = "(?![\\d:]|[.,]\\d|\\s*(?:%|percent\\b|per cent\\b))";
    private static final String RANGE = "(?:\\s*(?:-|–|—|to|through)\\s*(" + DAY + "))?";
    private static final String WEEKDAY = "(?:" + alt(WEEKDAYS) + ")";
    private static final String WEEKDAY_PREFIX = "(?:(?:" + alt(WEEKDAYS, WEEKDAY_ABBR) + ")\\.?,?\\s+(?:the\\s+)?)?";
    private static final String YEAR_SEP = "(?:\\s*,\\s*|\\s+)";
    private static final String NOT_AFTER_WORD = "(?<![\\w$€£¥#/.-])";

    private static final Pattern MODAL_NEXT = Pattern.compile("\\s+(?:be|have|not|also|well|never|still|soon|even|"
            + "only|just|already|seem|need|want|take|make|help|lead|cause|become|increase|reduce|affect|result)\\b");

    private static final String[] NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty"};

    private static final Set<String> FUTURE = Set.of("will", "'ll", "shall", "is to", "are to", "plans to",
            "plan to", "planned to", "scheduled", "is due", "are due", "upcoming", "to be held", "will be");

    /** Count nouns and units after a number: then it is a quantity, not a year. */
    private static final Pattern QUANTITY = Pattern.compile("\\s*-?\\s*(?:years?|yrs?|months?|weeks?|days?|hours?"
            + "|minutes?|seconds?|people|persons|troops|soldiers|men|women|children|kids|students|members|residents"
            + "|workers|employees|jobs|homes|houses|cases|deaths|votes|signatures|km|kilomet(?:re|er)s|miles|met(?:re|er)s"
            + "|m|ft|feet|kg|tonnes|tons|euros?|dollars?|pounds?|r[ou]+bles?|yuan|yen|rupees?|points?|pages?|words?|units?"
            + "|vehicles|cars|barrels|rounds|shares|calories|mph|hp|pixels|times|copies|refugees|migrants|prisoners"
            + "|fighters|militants|civilians|protesters|visitors|participants|delegates|teams|games|tanks|aircraft"
            + "|planes|jets|ships|boats|rockets|missiles|bombs|hectares|acres|sq|square|cubic|degrees?|°)\\b");

    private record Part(int start, int end, PartialDate date) {}

    private record Hit(int start, int end, String rule, List<Part> parts) {}

    /** Resolves one regex match, or returns null when the match is not a date after all. */
    @FunctionalInterface
    private interface Resolver {
        Hit resolve(Matcher m, String text, PartialDate issued);
    }

    /**
     * A rule, with what {@link #scan} needs to try its pattern only where a match can start. Every pattern begins
     * with {@code \b} or a lookbehind that excludes {@code \w}, then an ASCII letter or digit, so a match starts at
     * a "word start": an ASCII letter or digit after no ASCII word character {@code [A-Za-z0-9_]}. Moreover:
     * <ul>
     *   <li>{@code first}: the characters a match can begin with, the initials of its first token (and of the
     *       optional ones before it);</li>
     *   <li>{@code anchor}, when not null: words one of which every match holds at a word start, at most
     *       {@code anchor.wordsBefore} word starts after the match's own start ("the end of September": 3).</li>
     * </ul>
     */
    private record Rule(String name, boolean[] first, Anchor anchor, Pattern pattern, Resolver resolver) {
        Rule(String name, String first, Anchor anchor, Pattern pattern, Resolver resolver) {
            this(name, new boolean[128], anchor, pattern, resolver);
            for (char c : first.toCharArray()) this.first[c] = true;
        }
    }

    /** Words that every match of a rule holds, as given and in upper case, or in any case. */
    private static final class Anchor {
        final int wordsBefore;
        private final boolean ignoreCase;
        /** The words by their first character, so most word starts are ruled out by one look-up. */
        private final String[][] byInitial = new String[128][];

        private Anchor(int wordsBefore, boolean ignoreCase, String... words) {
            this.wordsBefore = wordsBefore;
            this.ignoreCase = ignoreCase;
            java.util.TreeSet<String> all = new java.util.TreeSet<>();
            for (String w : words) {
                all.add(w);
                all.add(w.toUpperCase(Locale.ROOT));
                if (ignoreCase) all.add(w.toLowerCase(Locale.ROOT));
            }
            for (String w : all) {
                String[] same = byInitial[w.charAt(0)];
                same = same == null ? new String[1] : Arrays.copyOf(same, same.length + 1);
                same[same.length - 1] = w;
                byInitial[w.charAt(0)] = same;
            }
        }

        static Anchor of(int wordsBefore, String... words) {
            return new Anchor(wordsBefore, false, words);
        }

        static Anchor anyCase(int wordsBefore, String... words) {
            return new Anchor(wordsBefore, true, words);
        }

        /** Whether one of the words begins at the word start p (a test that may pass too often, never too rarely). */
        boolean at(String text, int p) {
            String[] words = byInitial[text.charAt(p)];
            if (words == null) return false;
            for (String w : words) {
                if (text.regionMatches(ignoreCase, p, w, 0, w.length())) return true;
            }
            return false;
        }
    }

    private static final String DIGITS = "0123456789";
    private static final String[] MONTH_WORDS = Stream.of(MONTHS, ABBR).flatMap(Stream::of).toArray(String[]::new);
    private static final String MONTH_INITIALS = initials(MONTHS) + initials(ABBR);
    private static final String WEEKDAY_INITIALS = initials(WEEKDAYS) + initials(WEEKDAY_ABBR);

    /** The first letters of the words, which are those of their upper-case forms too (the words are capitalized). */
    private static String initials(String... words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) sb.append(w.charAt(0));
        return sb.toString();
    }

    /** The first letters of the words in both cases, for words matched case-insensitively. */
    private static String anyCase(String... words) {
        String s = initials(words);
        return s.toLowerCase(Locale.ROOT) + s.toUpperCase(Locale.ROOT);
    }

    /** Each rule: its name, the characters its matches can begin with, its anchor, pattern and resolver. */
    private static final List<Rule> RULES = List.of(
            new Rule("iso-date", "12", null,
                    Pattern.compile(NOT_AFTER_WORD + "(" + YEAR + ")([-/])(\\d\\d?)\\2(\\d\\d?)(?![\\d/-])"),
                    RuleDateExtractor::iso),
            new Rule("numeric-date", DIGITS, null, Pattern.compile(
                    "(?<![\\w/.-])(\\d{1,2})([/.])(\\d{1,2})\\2(" + YEAR + ")(?![\\d/]|\\.\\d)"),
                    RuleDateExtractor::numeric),
            new Rule("month-day-year", WEEKDAY_INITIALS + MONTH_INITIALS, Anchor.of(2, MONTH_WORDS),
                    Pattern.compile("\\b" + WEEKDAY_PREFIX + "(" + MONTH_SP + ")(" + DAY + ")"
                    + RANGE + YEAR_SEP + "(" + YEAR + ")" + NUM_END), RuleDateExtractor::monthDayYear),
            new Rule("day-month-year", WEEKDAY_INITIALS + DIGITS, Anchor.of(6, MONTH_WORDS),
                    Pattern.compile("(?<![\\w$€£.,/-])" + WEEKDAY_PREFIX + "(" + DAY + ")" + RANGE
                    + "(?:\\s+of)?\\s+(" + MONTH_NAME + ")" + YEAR_SEP + "(" + YEAR + ")" + NUM_END),
                    RuleDateExtractor::dayMonthYear),
            new Rule("month-day", WEEKDAY_INITIALS + MONTH_INITIALS, Anchor.of(2, MONTH_WORDS),
                    Pattern.compile("\\b" + WEEKDAY_PREFIX + "(" + MONTH_SP + ")(" + DAY + ")\\b" + RANGE
                    + "\\b" + NUM_END), RuleDateExtractor::monthDay),
            new Rule("day-month", WEEKDAY_INITIALS + DIGITS, Anchor.of(6, MONTH_WORDS),
                    Pattern.compile("(?<![\\w$€£.,/:-])" + WEEKDAY_PREFIX + "(" + DAY + ")" + RANGE
                    + "(?:\\s+of)?\\s+(" + MONTH_NAME + ")"), RuleDateExtractor::dayMonth),
            new Rule("month-year", initials("early", "late", "mid", "the") + MONTH_INITIALS,
                    Anchor.of(3, MONTH_WORDS),
                    Pattern.compile("(?:\\b(early|late|mid|the\\s+(?:end|beginning|start|middle)\\s+of)"
                    + "(?:\\s+|-))?\\b(" + MONTH_NAME + ")" + YEAR_SEP + "(?:of\\s+)?(" + YEAR + ")\\b" + NUM_END),
                    RuleDateExtractor::monthYear),
            new Rule("year-part",
                    anyCase("early", "late", "mid", "the", "spring", "summer", "fall", "autumn", "winter"),
                    Anchor.of(4, "1", "2"), // the year: "the first half of 2015"
                    Pattern.compile("\\b(?:(?:[Ee]arly|[Ll]ate|[Mm]id|[Tt]he\\s+(?:end|beginning|start"
                    + "|middle|first\\s+half|second\\s+half)\\s+of|(?:[Tt]he\\s+)?(?:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn"
                    + "|[Ww]inter)(?:\\s+of)?)(?:\\s+|-))(" + YEAR + ")\\b" + NUM_END), RuleDateExtractor::yearPart),
            new Rule("year", "12", null, Pattern.compile(NOT_AFTER_WORD + "(" + YEAR + ")\\b" + NUM_END),
                    RuleDateExtractor::year),
            new Rule("relative-period", anyCase("early", "late", "mid", "last", "this", "next", "past"),
                    Anchor.anyCase(2, "week", "month", "year"),
                    Pattern.compile("\\b(?:((?i:early|earlier|late|later|mid))(?:\\s+|-))?"
                    + "((?i:last|this|next|past))\\s+((?i:week|weekend|month|year))\\b"), RuleDateExtractor::relativePeriod),
            new Rule("year-end", anyCase("the", "end", "year"), Anchor.anyCase(4, "year"),
                    Pattern.compile("\\b(?:(?i:the)\\s+)?(?:(?i:end)\\s+of\\s+(?i:the|this)\\s+year|(?i:year)[- ]end)\\b"),
                    RuleDateExtractor::yearEnd),
            new Rule("relative-month", anyCase("last", "this", "next", "early", "late", "mid", "the", "in", "since",
                    "until", "till", "by", "from", "through", "during", "before", "after", "of", "between", "and", "or",
                    "to"),
                    Anchor.of(3, MONTHS),
                    Pattern.compile("\\b(?:((?i:last|this|next))\\s+|((?i:early|late|mid))(?:\\s+|-)"
                    + "|((?i:the\\s+(?:end|beginning|start|middle)\\s+of))\\s+|((?i:in|since|until|till|by|from|through"
                    + "|during|before|after|of|between|and|or|to))\\s+)(" + MONTH_FULL + ")\\b(?!\\s*\\d)"),
                    RuleDateExtractor::relativeMonth),
            new Rule("relative-season", anyCase("last", "this", "next"),
                    Anchor.of(1, "spring", "summer", "fall", "autumn"),
                    Pattern.compile("\\b((?i:last|this|next))\\s+(spring|summer|fall|autumn)\\b"),
                    RuleDateExtractor::relativeSeason),
            new Rule("weekday", anyCase("last", "next", "this") + WEEKDAY_INITIALS, Anchor.of(1, WEEKDAYS),
                    Pattern.compile("\\b(?:((?i:last|next|this))\\s+)?(" + WEEKDAY + ")\\b"
                    + "(?:\\s+((?i:morning|afternoon|evening|night)))?"), RuleDateExtractor::weekday),
            new Rule("deictic-day", "YyTt", Anchor.anyCase(0, "yesterday", "today", "tomorrow", "tonight"),
                    Pattern.compile("\\b([Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\\b"),
                    RuleDateExtractor::deictic),
            new Rule("ago", DIGITS + anyCase("a") + anyCase(NUMBERS), Anchor.of(2, "ago"),
                    Pattern.compile("\\b((?i:an?|\\d{1,2}|" + String.join("|", NUMBERS) + "))"
                    + "\\s+(day|week|month|year)s?\\s+ago\\b"), RuleDateExtractor::ago));

    @Override
    public List<DateMention> extract(String text, PartialDate issued) {
        if (text == null || text.isEmpty()) return List.of();
        List<Hit> hits = new ArrayList<>();
        int[] starts = wordStarts(text);
        for (Rule rule : RULES) {
            scan(rule, text, starts, m -> {
                Hit h = rule.resolver().resolve(m, text, issued);
                if (h != null) hits.add(new Hit(h.start(), h.end(), rule.name(), h.parts()));
            });
        }
        // longest wins; an unresolvable hit still claims its span so its pieces are not read as something else
        hits.sort(Comparator.comparingInt((Hit h) -> h.start() - h.end()).thenComparingInt(Hit::start));
        List<Hit> kept = new ArrayList<>();
        for (Hit h : hits) {
            boolean free = kept.stream().noneMatch(k -> k.start() < h.end() && h.start() < k.end());
            if (free) kept.add(h);
        }
        List<DateMention> out = new ArrayList<>();
        for (Hit h : kept) {
            for (Part p : h.parts()) {
                if (p.date() == null) continue;
                Span span = new Span(p.start(), p.end());
                out.add(new DateMention(span.cut(text), span, p.date(), new Evidence(METHOD, h.rule())));
            }
        }
        out.sort(Comparator.comparingInt((DateMention d) -> d.span().start()).thenComparingInt(d -> d.span().end()));
        return List.copyOf(out);
    }

    /**
     * Gives the rule's matches in the text, the same as {@code while (m.find())} would. find() tries the pattern at
     * every position of the text and that was most of the extraction time; here it is tried only at the word starts
     * where a match can begin (see {@link Rule}): in order, and from where find() would go on after a match. Each
     * try runs to the end of the text as find()'s would, and transparent, non-anchoring bounds let lookbehinds and
     * {@code \b} see the text before it, so it matches just as find() would at that position.
     */
    private static void scan(Rule rule, String text, int[] starts, Consumer<Matcher> onMatch) {
        Matcher m = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        Anchor anchor = rule.anchor();
        int before = anchor == null ? 0 : anchor.wordsBefore;
        int next = 0; // where find() would go on
        int tried = -1; // the last index into starts tried
        for (int k = 0; k < starts.length; k++) {
            if (anchor != null && !anchor.at(text, starts[k])) continue;
            for (int j = Math.max(tried + 1, k - before); j <= k; j++) {
                tried = j;
                int p = starts[j];
                if (p < next || !rule.first()[text.charAt(p)]) continue;
                m.region(p, text.length());
                if (!m.lookingAt()) continue;
                next = m.end() > p ? m.end() : p + 1;
                onMatch.accept(m);
            }
        }
    }

    /** The positions of ASCII letters and digits that follow no ASCII word character {@code [A-Za-z0-9_]}. */
    private static int[] wordStarts(String text) {
        int[] starts = new int[Math.max(16, text.length() / 4)];
        int n = 0;
        boolean afterWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean word = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            if (word && !afterWord && c != '_') {
                if (n == starts.length) starts = Arrays.copyOf(starts, 2 * n);
                starts[n++] = i;
            }
            afterWord = word;
        }
        return Arrays.copyOf(starts, n);
    }

    /** Each rule's matches as "rule start-end", by {@link #scan} or by plain find(); for the test that they agree. */
    static List<String> ruleMatches(String text, boolean plainFind) {
        List<String> out = new ArrayList<>();
        int[] starts = wordStarts(text);
        for (Rule rule : RULES) {
            Consumer<Matcher> add = m -> out.add(rule.name() + " " + m.start() + "-" + m.end());
            if (plainFind) {
                Matcher m = rule.pattern().matcher(text);
                while (m.find()) add.accept(m);
            } else {
                scan(rule, text, starts, add);
            }
        }
        return out;
    }

    // ---- absolute dates -------------------------------------------------------------------------------------

    private static Hit iso(Matcher m, String text, PartialDate issued) {
        PartialDate d = day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
        return d == null ? null : single(m, d);
    }

    private static Hit numeric(Matcher m, String text, PartialDate issued) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        int y = Integer.parseInt(m.group(4));
        PartialDate d;
        if (a == b || (a > 12 && b <= 12)) d = day(y, b, a); // day first
        else if (b > 12 && a <= 12) d = day(y, a, b); // month first
        else return null; // 01/09/2024: January 9 or 1 September? not said
        return d == null ? null : single(m, d);
    }

    private static Hit monthDayYear(Matcher m, String text, PartialDate issued) {
        int month = month(m.group(1));
        int y = Integer.parseInt(m.group(4));
        return dayRange(m, 2, 3, y, month, m.end());
    }

    private static Hit dayMonthYear(Matcher m, String text, PartialDate issued) {
        int month = month(m.group(3));
        int y = Integer.parseInt(m.group(4));
        // "9-10 January 2024": the first part is the first day alone, the second runs to the year
        return dayRange(m, 1, 2, y, month, m.end());
    }

    private static Hit monthDay(Matcher m, String text, PartialDate issued) {
        int month = month(m.group(1));
        Integer y = yearNear(month, issued);
        return dayRange(m, 2, 3, y, month, m.end());
    }

    private static Hit dayMonth(Matcher m, String text, PartialDate issued) {
        int month = month(m.group(3));
        Integer y = yearNear(month, issued);
        return dayRange(m, 1, 2, y, month, m.end());
    }

    /**
     * A day or a day range; the first mention runs from the match start to the end of the first day (or the
     * month name in day-first order), the second is the last day (to the end of the match when a year follows).
     */
    private static Hit dayRange(Matcher m, int dayGroup, int day2Group, Integer year, int month, int end) {
        int d1 = dayNum(m.group(dayGroup));
        if (m.group(day2Group) == null) {
            PartialDate d = year == null ? null : day(year, month, d1);
            if (year != null && d == null) return null; // "February 30": not a date
            return single(m, d);
        }
        int d2 = dayNum(m.group(day2Group));
        if (d2 <= d1) return null; // "May 5-3": a score or something else
        PartialDate a = year == null ? null : day(year, month, d1);
        PartialDate b = year == null ? null : day(year, month, d2);
        if (year != null && (a == null || b == null)) return null;
        List<Part> parts = List.of(new Part(m.start(), m.end(dayGroup), a), new Part(m.start(day2Group), end, b));
        return new Hit(m.start(), m.end(), null, parts);
    }

    private static Hit monthYear(Matcher m, String text, PartialDate issued) {
        return single(m, PartialDate.ofMonth(Integer.parseInt(m.group(3)), month(m.group(2))));
    }

    private static Hit yearPart(Matcher m, String text, PartialDate issued) {
        if (isQuantity(text, m.end())) return null;
        return single(m, PartialDate.ofYear(Integer.parseInt(m.group(1))));
    }

    private static final Pattern YEAR_CUE = Pattern.compile(
            "(?i)(?:\\b(?:in|since|by|from|until|till|of|during|before|after|to|and|or|through|between|the|circa|c\\.)"
                    + "|[(–-])\\s*$");

    /** "No. 2015", "$2015": a number, not a year. Compiled once, as String.matches compiles on every call. */
    private static final Pattern NUMBER_SIGN_BEFORE = Pattern.compile(
            "(?s).*(?:\\bNo\\.?|\\bnumber|\\bNr\\.?|[$€£¥#])\\s*$");

    private static Hit year(Matcher m, String text, PartialDate issued) {
        int y = Integer.parseInt(m.group(1));
        if (isQuantity(text, m.end())) return null;
        if (m.start() > 0 && Character.isDigit(text.charAt(m.start() - 1))) return null;
        String before = text.substring(Math.max(0, m.start() - 12), m.start());
        if (y < 1900 && !YEAR_CUE.matcher(before).find()) return null; // "1850" alone is more likely a count
        if (NUMBER_SIGN_BEFORE.matcher(before).matches()) return null;
        return single(m, PartialDate.ofYear(y));
    }

    private static boolean isQuantity(String text, int end) {
        Matcher q = QUANTITY.matcher(text);
        q.region(end, Math.min(text.length(), end + 30));
        return q.lookingAt();
    }

    // ---- relative dates ---------------------------------------------------------------------------------------

    private static Hit relativePeriod(Matcher m, String text, PartialDate issued) {
        String mod = lower(m.group(1));
        String which = lower(m.group(2));
        String unit = lower(m.group(3));
        if (mod != null && !unit.equals("month") && !unit.equals("year")) return null; // "later this week": skip
        PartialDate d = null;
        int shift = switch (which) {
            case "last", "past" -> -1;
            case "next" -> 1;
            default -> 0;
        };
        if (which.equals("past") && !unit.equals("week") && !unit.equals("weekend")) return null; // "past year": a span
        switch (unit) {
            case "year" -> d = issued == null ? null : PartialDate.ofYear(issued.year() + shift);
            case "month" -> {
                if (issued != null && issued.month() != null) {
                    YearMonth ym = YearMonth.of(issued.year(), issued.month()).plusMonths(shift);
                    d = PartialDate.ofMonth(ym.getYear(), ym.getMonthValue());
                }
            }
            case "week" -> {
                if (issued != null && issued.isDay()) {
                    LocalDate monday = issued.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                            .plusWeeks(shift);
                    d = cover(monday, monday.plusDays(6));
                }
            }
            default -> { // weekend
                if (issued != null && issued.isDay()) {
                    LocalDate i = issued.toLocalDate();
                    LocalDate sat = switch (which) {
                        case "next" -> i.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
                        case "last", "past" -> i.minusDays(1).with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
                        // this weekend: the coming one from Friday on, else the one just past
                        default -> i.getDayOfWeek().getValue() >= 5
                                ? i.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)).minusDays(
                                        i.getDayOfWeek() == DayOfWeek.SUNDAY ? 7 : 0)
                                : i.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY));
                    };
                    d = cover(sat, sat.plusDays(1));
                }
            }
        }
        return single(m, d);
    }

    private static Hit yearEnd(Matcher m, String text, PartialDate issued) {
        return single(m, issued == null ? null : PartialDate.ofYear(issued.year()));
    }

    private static Hit relativeMonth(Matcher m, String text, PartialDate issued) {
        String name = m.group(5);
        int month = month(name);
        // an upper-case month without a number is a heading or a keyword ("MAY expire"), no date
        if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) return null;
        if (name.equals("May") || name.equals("March")) {
            // the modal verb and the verb march: after "and"/"or"/"to", in Title Case, or before "be", "not"...
            String prep = lower(m.group(4));
            if (prep != null && Set.of("and", "or", "to").contains(prep)) return null;
            if (capitalizedWordAfter(text, m.end()) || MODAL_NEXT.matcher(text).region(m.end(), text.length())
                    .lookingAt()) return null;
        }
        int start = m.group(4) != null ? m.start(5) : m.start();
        PartialDate d = null;
        if (issued != null && issued.month() != null) {
            String rel = lower(m.group(1));
            int y;
            if ("last".equals(rel)) y = month < issued.month() ? issued.year() : issued.year() - 1;
            else if ("next".equals(rel)) y = month > issued.month() ? issued.year() : issued.year() + 1;
            else if ("this".equals(rel)) y = issued.year();
            else y = yearNear(month, issued);
            d = PartialDate.ofMonth(y, month);
        }
        return new Hit(start, m.end(), null, List.of(new Part(start, m.end(), d)));
    }

    private static Hit relativeSeason(Matcher m, String text, PartialDate issued) {
        if (issued == null || issued.month() == null) return single(m, null);
        String rel = lower(m.group(1));
        int lastMonth = switch (m.group(2)) {
            case "spring" -> 5;
            case "summer" -> 8;
            default -> 11;
        };
        int y = switch (rel) {
            case "last" -> issued.month() > lastMonth ? issued.year() : issued.year() - 1;
            case "next" -> issued.month() < lastMonth - 2 ? issued.year() : issued.year() + 1;
            default -> issued.year();
        };
        return single(m, PartialDate.ofYear(y));
    }

    private static final Pattern WEEKDAY_CUE_BEFORE = Pattern.compile(
            "(?i)\\b(?:on|since|by|until|till|from|before|after|through|of|late|early|last|next|this|and|or|since)\\s+$");

    private static Hit weekday(Matcher m, String text, PartialDate issued) {
        String rel = lower(m.group(1));
        boolean cue = rel != null || m.group(3) != null
                || WEEKDAY_CUE_BEFORE.matcher(text.substring(Math.max(0, m.start() - 10), m.start())).find();
        if (!cue) {
            // a bare weekday in a name: "Easter Sunday", "Super Tuesday", "the Sunday Times"
            if (capitalizedWordBefore(text, m.start()) || capitalizedWordAfter(text, m.end())) return null;
        }
        if (rel == null && capitalizedWordAfter(text, m.end()) && m.group(3) == null) return null;
        if (issued == null || !issued.isDay()) return single(m, null);
        DayOfWeek dow = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
        LocalDate i = issued.toLocalDate();
        LocalDate d;
        if ("last".equals(rel)) d = i.with(TemporalAdjusters.previous(dow));
        else if ("next".equals(rel)) d = i.with(TemporalAdjusters.next(dow));
        else if (future(text, m.start())) d = i.with(TemporalAdjusters.nextOrSame(dow));
        else d = i.with(TemporalAdjusters.previousOrSame(dow));
        return single(m, PartialDate.of(d));
    }

    private static Hit deictic(Matcher m, String text, PartialDate issued) {
        if (Character.isUpperCase(m.group(1).charAt(0))) {
            // capitalized mid-sentence, or "Today" before a capitalized word, it is a name: "Medical News Today",
            // "Today's Paper", "The World of Tomorrow"
            if (capitalizedWordBefore(text, m.start())) return null;
            int after = m.end();
            if (text.startsWith("'s", after) || text.startsWith("’s", after)) after += 2;
            boolean today = m.group(1).startsWith("To") && !m.group(1).startsWith("Tom");
            if (today && capitalizedWordAfter(text, after)) return null; // "Today Show", "Tonight Show"
            int j = m.start() - 1;
            while (j >= 0 && text.charAt(j) == ' ') j--;
            if (j >= 0 && Character.isLetterOrDigit(text.charAt(j))) return null;
        }
        if (issued == null || !issued.isDay()) return single(m, null);
        int shift = switch (lower(m.group(1))) {
            case "yesterday" -> -1;
            case "tomorrow" -> 1;
            default -> 0;
        };
        return single(m, PartialDate.of(issued.toLocalDate().plusDays(shift)));
    }

    private static Hit ago(Matcher m, String text, PartialDate issued) {
        String n = lower(m.group(1));
        int k = n.equals("a") || n.equals("an") ? 1 : List.of(NUMBERS).indexOf(n) + 1;
        if (k == 0) k = Integer.parseInt(n);
        if (issued == null) return single(m, null);
        PartialDate d = null;
        switch (m.group(2)) {
            case "day" -> d = issued.isDay() ? PartialDate.of(issued.toLocalDate().minusDays(k)) : null;
            case "week" -> {
                if (issued.isDay()) {
                    LocalDate x = issued.toLocalDate().minusWeeks(k);
                    d = PartialDate.ofMonth(x.getYear(), x.getMonthValue());
                }
            }
            case "month" -> {
                if (issued.month() != null) {
                    YearMonth ym = YearMonth.of(issued.year(), issued.month()).minusMonths(k);
                    d = PartialDate.ofMonth(ym.getYear(), ym.getMonthValue());
                }
            }
            default -> d = PartialDate.ofYear(issued.year() - k);
        }
        return single(m, d);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Hit single(Matcher m, PartialDate d) {
        return new Hit(m.start(), m.end(), null, List.of(new Part(m.start(), m.end(), d)));
    }

    private static PartialDate day(int y, int month, int d) {
        try {
            return new PartialDate(y, month, d);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The period's month if it lies in one month, else its year if in one year. */
    private static PartialDate cover(LocalDate a, LocalDate b) {
        if (a.getYear() != b.getYear()) return null;
        if (a.getMonthValue() == b.getMonthValue()) return PartialDate.ofMonth(a.getYear(), a.getMonthValue());
        return PartialDate.ofYear(a.getYear());
    }

    /** The year that puts the month nearest to the issued month; past on a tie; null when issued has no month. */
    private static Integer yearNear(int month, PartialDate issued) {
        if (issued == null || issued.month() == null) return null;
        int diff = month - issued.month(); // -11..11
        if (diff > 6) return issued.year() - 1;
        if (diff < -6) return issued.year() + 1;
        if (diff == 6) return issued.year() - 1;
        return issued.year();
    }

    private static int month(String name) {
        String k = name.replace(".", "").strip().substring(0, 3).toLowerCase(Locale.ROOT);
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].toLowerCase(Locale.ROOT).startsWith(k)) return i + 1;
        }
        throw new IllegalArgumentException(name);
    }

    // compiled once, as String.replaceAll compiles its regex on every call
    private static final Pattern NON_DIGITS = Pattern.compile("\\D");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static int dayNum(String s) {
        return Integer.parseInt(NON_DIGITS.matcher(s).replaceAll(""));
    }

    private static String lower(String s) {
        return s == null ? null : SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    private static boolean capitalizedWordBefore(String text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') i--;
        if (i < 0 || !Character.isLetter(text.charAt(i))) return false; // start of text or after punctuation
        int end = i + 1;
        while (i >= 0 && Character.isLetter(text.charAt(i))) i--;
        String w = text.substring(i + 1, end);
        return Character.isUpperCase(w.charAt(0));
    }

    private static boolean capitalizedWordAfter(String text, int end) {
        int i = end;
        while (i < text.length() && text.charAt(i) == ' ') i++;
        return i < end + 2 && i < text.length() && i > end && Character.isUpperCase(text.charAt(i));
    }

    /** Whether the sentence up to the mention speaks of the future. */
    private static boolean future(String text, int start) {
        int s = start;
        while (s > 0 && ".!?\n".indexOf(text.charAt(s - 1)) < 0) s--;
        int e = start;
        while (e < text.length() && ".!?\n".indexOf(text.charAt(e)) < 0) e++;
        String sentence = " " + text.substring(s, e).toLowerCase(Locale.ROOT) + " ";
        for (String f : FUTURE) {
            if (sentence.contains(" " + f + " ") || (f.startsWith("'") && sentence.contains(f + " "))) return true;
        }
        return false;
    }
}
