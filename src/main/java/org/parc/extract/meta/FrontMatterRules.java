package org.parc.extract.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parc.extract.Credit;
import org.parc.extract.Evidence;
import org.parc.extract.Found;
import org.parc.extract.PartialDate;
import org.parc.extract.Role;
import org.parc.source.Markdown;
import org.parc.source.NormalizedDocument;

/**
 * A Markdown post's front matter ({@link Markdown}): the author's own record of title, date, authors,
 * language, publisher and address, preferred over what parc reads from the rendered page. Evidence
 * "front-matter" names the format and the field ("YAML date").
 */
final class FrontMatterRules {
    private FrontMatterRules() {}

    /** Jekyll names a post YEAR-MONTH-DAY-title.md and takes its date from the name when the front matter has none. */
    private static final Pattern JEKYLL_NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-[^/]+\\.(?i:md|markdown|mdown|mkd|mkdn)");

    static Found<String> title(NormalizedDocument doc) {
        return text(doc, Markdown.TITLE);
    }

    static Found<String> outlet(NormalizedDocument doc) {
        return text(doc, Markdown.PUBLISHER);
    }

    static Found<String> url(NormalizedDocument doc) {
        return text(doc, Markdown.URL);
    }

    static Found<String> language(NormalizedDocument doc) {
        Found<String> raw = text(doc, Markdown.LANGUAGE);
        String tag = raw == null ? null : HtmlRules.tag(raw.value());
        return tag == null ? null : new Found<>(tag, raw.evidence());
    }

    static Found<PartialDate> issued(NormalizedDocument doc) {
        Found<String> raw = text(doc, Markdown.DATE);
        PartialDate d = raw == null ? null : HtmlRules.plausible(Dates.parse(raw.value()));
        if (d != null) return new Found<>(d, new Evidence(raw.evidence().method(), raw.evidence().detail() + " " + raw.value()));
        if (!Markdown.is(doc.mediaType(), doc.source() == null ? null : doc.source().fileName()) || doc.source() == null) return null;
        Matcher m = JEKYLL_NAME.matcher(doc.source().fileName());
        if (!m.matches()) return null;
        d = HtmlRules.plausible(Dates.parse(m.group(1)));
        return d == null ? null : Found.of(d, "file-name", "Jekyll post name " + doc.source().fileName());
    }

    /** The authors the front matter lists, each as written there (a name, or names joined by "and"). */
    static List<Credit> creators(NormalizedDocument doc) {
        List<String> names = doc.all(Markdown.AUTHOR);
        if (names.isEmpty()) return List.of();
        Evidence ev = evidence(doc, Markdown.AUTHOR);
        List<Credit> out = new ArrayList<>();
        for (String n : names) {
            if (n.contains("@") && !n.contains(" ")) continue; // an address is no name
            for (Credit c : Bylines.parse(n, Role.AUTHOR, ev)) {
                if (out.stream().noneMatch(o -> o.name().equalsIgnoreCase(c.name()))) out.add(c);
            }
        }
        return out;
    }

    private static Found<String> text(NormalizedDocument doc, String key) {
        String v = doc.first(key);
        return v == null || v.isBlank() ? null : new Found<>(v.strip(), evidence(doc, key));
    }

    private static Evidence evidence(NormalizedDocument doc, String key) {
        String from = doc.first(key + Markdown.FROM);
        return Evidence.of("front-matter", doc.first(Markdown.FRONT_MATTER) + " " + (from == null ? key : from));
    }
}
