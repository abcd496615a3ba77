package org.parc.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parc.extract.DateMention;
import org.parc.extract.PartialDate;

class RuleDateExtractorTest {

    private final RuleDateExtractor x = new RuleDateExtractor();
    /** A Thursday. */
    private static final PartialDate ISSUED = PartialDate.parse("2018-02-15");

    private List<String> found(String text, PartialDate issued) {
        List<String> out = new ArrayList<>();
        for (DateMention m : checked(text, issued)) out.add(m.text() + "=" + m.date());
        return out;
    }

    /** Runs the extractor and checks the invariants every output must keep. */
    private List<DateMention> checked(String text, PartialDate issued) {
        List<DateMention> ms = x.extract(text, issued);
        int last = -1;
        for (DateMention m : ms) {
            assertEquals(m.span().cut(text), m.text(), "text == span.cut");
            assertEquals("date-rules", m.evidence().method());
            assertTrue(m.span().start() >= last, "sorted, no overlap: " + ms);
            last = m.span().end();
        }
        return ms;
    }

    @Test
    void absoluteDates() {
        assertEquals(List.of("January 9, 2024=2024-01-09"), found("in Baghdad, Iraq January 9, 2024. (Reuters)", null));
        assertEquals(List.of("9 January 2024=2024-01-09"), found("It was 9 January 2024.", null));
        assertEquals(List.of("September 28, 2015=2015-09-28"), found("On September 28, 2015, Moscow said", null));
        assertEquals(List.of("Friday, July 21, 2017=2017-07-21"), found("Friday, July 21, 2017\n\nText", null));
        assertEquals(List.of("September 2023=2023-09"), found("to meet Biden in September 2023, but", null));
        assertEquals(List.of("2015=2015"), found("an agreement reached in 2015 without", null));
        assertEquals(List.of("the fall of 2015=2015"), found("cooperation began in the fall of 2015, just", null));
        assertEquals(List.of("early 2017=2017"), found("However, starting in early 2017, Moscow", null));
        assertEquals(List.of("the end of September 2015=2015-09"), found("at the end of September 2015, Russia", null));
        assertEquals(List.of("2024-01-09=2024-01-09"), found("published 2024-01-09 by", null));
        assertEquals(List.of("9th of January, 2024=2024-01-09"), found("on the 9th of January, 2024 we", null));
    }

    @Test
    void numericDatesOnlyWhenUnambiguous() {
        assertEquals(List.of(), found("on 01/09/2024 the", null));
        assertEquals(List.of("13/01/2024=2024-01-13"), found("on 13/01/2024 the", null));
        assertEquals(List.of("01/13/2024=2024-01-13"), found("on 01/13/2024 the", null));
    }

    @Test
    void rangesGiveFirstAndLastDay() {
        String t = "held in Sochi on Jan.29-30. A conference in Kuwait on Feb. 12-14.";
        assertEquals(List.of("Jan.29=2018-01-29", "30=2018-01-30", "Feb. 12=2018-02-12", "14=2018-02-14"),
                found(t, ISSUED));
        assertEquals(List.of(), found(t, null));
        assertEquals(List.of("January 29=2018-01-29", "30, 2018=2018-01-30"), found("on January 29-30, 2018 in", null));
    }

    @Test
    void relativeDatesResolvedAgainstIssued() {
        assertEquals(List.of("Last July=2017-07"), found("Last July, Nouri al-Maliki visited", ISSUED));
        assertEquals(List.of("last September=2017-09"), found("as they did last September", ISSUED));
        assertEquals(List.of("this month=2018-02"), found("is expected to take place this month.", ISSUED));
        assertEquals(List.of("earlier this month=2018-02"), found("taking control earlier this month.", ISSUED));
        assertEquals(List.of("December=2017-12"), found("The most recent one was held in December.", ISSUED));
        assertEquals(List.of("last year=2017"), found("oppose last year's referendum", ISSUED));
        assertEquals(List.of("Late last year=2017"), found("Late last year, Baghdad legalized", ISSUED));
        assertEquals(List.of("Saturday=2018-02-10"), found("On Saturday, the Russian officers met", ISSUED));
        assertEquals(List.of("Tuesday=2018-02-13"), found("a press conference on Tuesday, Lavrov", ISSUED));
        assertEquals(List.of("Sunday night=2018-02-11"), found("On Sunday night, Abadi announced", ISSUED));
        assertEquals(List.of("Thursday=2018-02-15"), found("He said on Thursday that", ISSUED));
        assertEquals(List.of("Saturday=2018-02-17"), found("They will meet on Saturday.", ISSUED));
        assertEquals(List.of("yesterday=2018-02-14"), found("The study was published yesterday.", ISSUED));
        // the week of Feb 5-11 lies in February
        assertEquals(List.of("last week=2018-02"), found("a visit to Baghdad last week.", ISSUED));
        assertEquals(List.of("two weeks ago=2018-02"), found("had kicked off meetings two weeks ago", ISSUED));
        assertEquals(List.of("March 11=2018-03-11"), found("The festival runs through March 11.", ISSUED));
        assertEquals(List.of("Dec. 28=2017-12-28"), found("It began Dec. 28 in Tehran.", ISSUED));
        assertEquals(List.of("last summer=2017"), found("Last summer, no: last summer they signed", ISSUED).subList(1, 2));
    }

    @Test
    void relativeDatesLeftOutWithoutIssued() {
        String t = "On Saturday they met. Last July he came. Earlier this month and last year too, and on Feb. 12.";
        assertEquals(List.of(), found(t, null));
        // a year-only issued date resolves only what needs a year
        assertEquals(List.of("last year=2017"), found(t, PartialDate.ofYear(2018)));
    }

    @Test
    void notDates() {
        PartialDate i = ISSUED;
        assertEquals(List.of(), found("the 120,000 strong Popular Mobilization Forces", i));
        assertEquals(List.of(), found("deliveries of T-90 tanks exceeding $1billion; Su-25 jets", i));
        assertEquals(List.of(), found("the Russian ship Sparta 2, designated", i));
        assertEquals(List.of(), found("WASHINGTON DC (Kurdistan 24) - the", i));
        assertEquals(List.of(), found("some 2,000 troops and 2000 soldiers, a 2000 year old tradition", i));
        assertEquals(List.of(), found("he was 19 years old at 10:30 and paid $2015", i));
        assertEquals(List.of(), found("That may seem far-fetched; they march on; the Iran may incite", i));
        assertEquals(List.of(), found("Easter Sunday and the Sunday Times; Super Tuesday", i));
        assertEquals(List.of(), found("a 20% rise, May 20,000 people, June 30 percent", i));
        assertEquals(List.of(), found("a score of 3 – 0 and 1 – 2", i));
        assertEquals(List.of(), found("Babies Who Eat Peanuts Early May Avoid Allergy", i));
        assertEquals(List.of(), found("servers MAY expire tokens, and MAY require a login; in May be careful", i));
        assertEquals(List.of(), found("Medical News Today and Today's Paper, The World of Tomorrow", i));
        assertEquals(List.of(), found("posted 11:06 Jan sparede", i));
        assertEquals(List.of("2020/7/11=2020-07-11"), found("race 2020/7/11, 3R", i));
        assertEquals(List.of("Yesterday=2018-02-14"), found("Yesterday Mohamed received VIP attention", i));
        assertEquals(List.of("Today=2018-02-15"), found("Today, they seem to maintain", i));
        assertEquals(List.of("March 10, 2015=2015-03-10"), found("by John on March 10, 2015at 10:00", i));
    }

    @Test
    void longestMatchWins() {
        List<DateMention> ms = checked("Sunday, January 20, 2008 and March 4, 2011", ISSUED);
        assertEquals(2, ms.size());
        assertEquals("Sunday, January 20, 2008", ms.get(0).text());
        assertEquals("month-day-year", ms.get(0).evidence().detail());
    }

    @Test
    void invariantsOnSeeds() throws IOException {
        Path dir = Files.isDirectory(Path.of("seeds")) ? Path.of("seeds") : Path.of("/work/shared/seeds");
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".txt")).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                checked(text, null);
                checked(text, ISSUED);
            }
        }
    }

    @Test
    void seed000RelativeDates() throws IOException {
        Path f = (Files.isDirectory(Path.of("seeds")) ? Path.of("seeds") : Path.of("/work/shared/seeds"))
                .resolve("000_929ae95f8ef135cd.txt");
        if (!Files.isRegularFile(f)) return;
        List<String> got = found(Files.readString(f, StandardCharsets.UTF_8), ISSUED);
        for (String want : List.of("this month=2018-02", "December=2017-12", "Jan.29=2018-01-29", "30=2018-01-30",
                "2014=2014", "Last summer=2017", "Last July=2017-07", "Feb. 12=2018-02-12", "14=2018-02-14")) {
            assertTrue(got.contains(want), want + " in " + got);
        }
        assertTrue(got.stream().noneMatch(s -> s.startsWith("120") || s.contains("90") || s.contains("25=")), "" + got);
    }

    /** The name lists are compiled as tries: the same words, and the longer of two that share a prefix first. */
    @Test
    void nameAlternationsAreTriesOfTheSameWords() {
        String[] words = {"Sep", "Sept", "September", "Sat", "Saturday", "Sun", "Mar", "May", "March"};
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(RuleDateExtractor.alt(words));
        for (String w : words) {
            assertTrue(p.matcher(w).matches(), w);
            assertTrue(p.matcher(w.toUpperCase(java.util.Locale.ROOT)).matches(), w);
        }
        for (String w : new String[] {"", "S", "Se", "Septe", "sept", "Sa", "Marc", "Mays", "SEPt"}) {
            assertTrue(!p.matcher(w).matches(), w);
        }
        java.util.regex.Matcher m = p.matcher("in September and SEPT, on Saturday");
        List<String> got = new ArrayList<>();
        while (m.find()) got.add(m.group());
        assertEquals(List.of("September", "SEPT", "Saturday"), got);
    }
}
