package org.parc.extract.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.parc.extract.PartialDate;

class DatesTest {
    static String p(String s) {
        PartialDate d = Dates.parse(s);
        return d == null ? null : d.toString();
    }

    @Test
    void machineForms() {
        assertEquals("2020-01-13", p("2020-01-13T23:30:00-05:00"));
        assertEquals("2017-11-03", p("2017-11-03 03:01:00.000000"));
        assertEquals("2020-01-13", p("20200113"));
        assertEquals("2020-01-13", p("Mon, 13 Jan 2020 10:00:00 GMT"));
        assertEquals("2020-12-05", p("2020-12-05T23:15:0Z"));
        assertEquals("2020-08-25", p("Tue Aug 25 2020 00:23:33 GMT+0000"));
    }

    @Test
    void proseForms() {
        assertEquals("2020-01-13", p("January 13, 2020"));
        assertEquals("2020-01-13", p("Published on 13th Jan. 2020"));
        assertEquals("2020-01-13", p("13 de enero de 2020"));
        assertEquals("2020-12-06", p("06 Dicembre 2020"));
        assertEquals("2020-10-09", p("Vrijdag 9 oktober 2020 11:12"));
        assertEquals("2020-01-13", p("13.01.2020"));
        assertEquals("2020-07-12", p("2020年07月12日"));
        assertEquals("2020-11-22", p("22/11/2020 - 04:30"));
    }

    @Test
    void refusesWhatItCannotKnow() {
        assertNull(p("03/04/2020")); // day-month order unknown
        assertNull(p("2020-02-30"));
        assertNull(p("not a date"));
        assertNull(p(""));
        assertNull(p(null));
        assertNull(p("1850-01-01"));
        assertNull(p("May 2020"));
    }

    @Test
    void urlPatterns() {
        assertEquals("2020-03-11", UrlDates.find("https://bizwest.com/2020/03/11/some-story/").toString());
        assertEquals("2020-03-16", UrlDates.find("https://www.example.com/news/20200316/slug?rss=1").toString());
        assertEquals("2015-03", UrlDates.find("https://example.com/2015/03/slug").toString());
        assertNull(UrlDates.find("https://example.com/story/40311673"));
        assertNull(UrlDates.find(null));
    }
}
