package org.parc.extract;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A calendar date as precise as known: a year, a year and month, or a full day. Maps to
 * xsd:gYear, xsd:gYearMonth or xsd:date.
 */
public record PartialDate(int year, Integer month, Integer day) implements Comparable<PartialDate> {
    public PartialDate {
        if (month == null && day != null) throw new IllegalArgumentException("a day needs a month");
        if (day != null) LocalDate.of(year, month, day); // validates
        else if (month != null) YearMonth.of(year, month);
    }

    public static PartialDate of(LocalDate d) {
        return new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    public static PartialDate ofYear(int y) {
        return new PartialDate(y, null, null);
    }

    public static PartialDate ofMonth(int y, int m) {
        return new PartialDate(y, m, null);
    }

    /** Parses "2024", "2024-01" or "2024-01-09". */
    public static PartialDate parse(String s) {
        String[] p = s.split("-");
        return switch (p.length) {
            case 1 -> ofYear(Integer.parseInt(p[0]));
            case 2 -> ofMonth(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            case 3 -> new PartialDate(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            default -> throw new IllegalArgumentException("not a date: " + s);
        };
    }

    public boolean isDay() {
        return day != null;
    }

    public LocalDate toLocalDate() {
        return isDay() ? LocalDate.of(year, month, day) : null;
    }

    /** ISO 8601 lexical form at this precision: the xsd lexical form too. */
    @Override
    public String toString() {
        String y = String.format("%04d", year);
        if (month == null) return y;
        if (day == null) return y + "-" + String.format("%02d", month);
        return y + "-" + String.format("%02d", month) + "-" + String.format("%02d", day);
    }

    @Override
    public int compareTo(PartialDate o) {
        return toString().compareTo(o.toString());
    }
}
