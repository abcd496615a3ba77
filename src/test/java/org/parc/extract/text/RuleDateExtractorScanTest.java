package org.parc.extract.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The extractor tries each rule only at the word starts where a match can begin (near an anchor word); it must
 * find exactly the matches that plain {@code Matcher.find()} over the whole text finds.
 */
class RuleDateExtractorScanTest {

    private static void assertSameMatches(String text) {
        assertEquals(RuleDateExtractor.ruleMatches(text, true), RuleDateExtractor.ruleMatches(text, false), text);
    }

    @Test
    void sameMatchesAsFindOnDateShapes() {
        List<String> texts = List.of(
                "On Friday, the January 9, 2024 and Wed., the 9th to 10th of Jan. 2015; Feb.12-14 and Sept 3rd.",
                "at the end of September 2015, in the  first\n half of 2016, mid-2017, the spring of 1999 and late 1850",
                "Since March, by MAY, until early-June; the beginning of October; and May be, or March on",
                "early last week, later this month, mid-next year, the past weekend, the end of the year, year-end, "
                        + "the Year End, END OF THIS YEAR",
                "last spring, next autumn; last Monday morning, THIS SUNDAY night; Easter Sunday; the Sunday Times",
                "Yesterday, today, TOMORROW and tonight; Medical News Today; two days ago, 3 weeks ago, an year ago",
                "2024-01-09, 2015/6/7, 13/01/2024, 1.2.2015, No. 2015, $2015, #1999, x2015, é2015, _2015, 2015_",
                "éJanuary 9, ßMonday, ñyesterday, 9January 2015, 9-10 January 2024, 30 – 31 Dec 1999",
                "January\t9\n2024 Dec.31,2015 Jan 9 Sept. 12 sep 12 MAR 3, 2001 the\u00a0end of June",
                "");
        for (String t : texts) assertSameMatches(t);
        assertFalse(RuleDateExtractor.ruleMatches(texts.get(0), false).isEmpty());
    }

    /** Random mixes of the words and separators the rules care about, including the ones that break a match. */
    @Test
    void sameMatchesAsFindOnRandomTexts() {
        String[] words = {"January", "JANUARY", "january", "Jan", "Jan.", "Sept.", "Sep", "May", "may", "March",
                "Monday", "MONDAY", "Mon.", "Tues", "Wed.,", "Sunday", "the", "The", "THE", "end", "beginning", "of",
                "first", "half", "second", "in", "since", "and", "to", "through", "last", "Last", "this", "next",
                "past", "early", "Early", "late", "mid", "later", "week", "weekend", "month", "year", "Year", "spring",
                "Summer", "fall", "winter", "yesterday", "Today", "tonight", "ago", "a", "an", "two", "twenty",
                "days", "weeks", "years", "morning", "night", "1", "9", "09", "9th", "21st", "31", "32", "12", "13",
                "2015", "1999", "1850", "2024", "20155", "000", "percent", "people", "No.", "number", "$", "#",
                "x", "said", "é", "ñ", "_"};
        String[] seps = {" ", " ", " ", "  ", "\n", "\t", "-", "–", ".", ",", ", ", "/", ":", "", "'s ", "\u00a0",
                "(", ")", "%"};
        Random random = new Random(20240109);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(40);
            for (int k = 0; k < n; k++) {
                sb.append(words[random.nextInt(words.length)]);
                sb.append(seps[random.nextInt(seps.length)]);
            }
            assertSameMatches(sb.toString());
        }
    }
}
