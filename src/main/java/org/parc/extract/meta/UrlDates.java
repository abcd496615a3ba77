package org.parc.extract.meta;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parc.extract.PartialDate;

/** Issue dates printed in URL paths: /2020/01/13/, /2020-01-13-, /20200113/. */
final class UrlDates {
    private UrlDates() {}

    private static final Pattern YMD = Pattern.compile(
            "[/_-]((?:19|20)\\d\\d)[/_.-](0?[1-9]|1[0-2])[/_.-](0?[1-9]|[12]\\d|3[01])(?=[/_.-]|$|\\D)");
    private static final Pattern DMY = Pattern.compile(
            "[/_-](0?[1-9]|[12]\\d|3[01])[/_.-](0?[1-9]|1[0-2])[/_.-]((?:19|20)\\d\\d)(?=[/_.-]|$)");
    private static final Pattern COMPACT = Pattern.compile(
            "[/_-]((?:19|20)\\d\\d)(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?=[/_.-]|$|\\d{6,})");
    private static final Pattern YM = Pattern.compile("[/_-]((?:19|20)\\d\\d)[/_-](0[1-9]|1[0-2])/");

    /** The date a URL's path gives, at day precision when it gives one; null if none. */
    static PartialDate find(String url) {
        if (url == null) return null;
        String path = url.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+", "");
        int q = path.indexOf('?');
        if (q >= 0) path = path.substring(0, q);
        for (Pattern p : new Pattern[] {YMD, COMPACT}) {
            Matcher m = p.matcher(path);
            if (m.find()) {
                PartialDate d = day(m.group(1), m.group(2), m.group(3));
                if (d != null) return d;
            }
        }
        Matcher m = DMY.matcher(path);
        if (m.find()) {
            PartialDate d = day(m.group(3), m.group(2), m.group(1));
            if (d != null) return d;
        }
        m = YM.matcher(path);
        if (m.find()) return Dates.parse(m.group(1) + "-" + m.group(2) + "-01") == null ? null
                : PartialDate.ofMonth(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return null;
    }

    private static PartialDate day(String y, String m, String d) {
        return Dates.parse(y + "-" + Integer.parseInt(m) + "-" + Integer.parseInt(d));
    }
}
