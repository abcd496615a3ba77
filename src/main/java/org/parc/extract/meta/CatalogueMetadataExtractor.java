package org.parc.extract.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parc.extract.ArticleMetadata;
import org.parc.extract.Credit;
import org.parc.extract.Dateline;
import org.parc.extract.Evidence;
import org.parc.extract.Found;
import org.parc.extract.Hints;
import org.parc.source.Feeds;
import org.parc.extract.MetadataExtractor;
import org.parc.extract.PartialDate;
import org.parc.extract.Role;
import org.parc.extract.Story;
import org.parc.source.NormalizedDocument;

/**
 * Catalogue description of a story from everything the file says about itself: for HTML the
 * JSON-LD, meta tags, title, headings and time elements (jsoup on the original markup); for PDF,
 * Word and e-mail Tika's metadata; for all kinds the text's own cues (headline, dateline, credit
 * lines, date lines). User hints win over all guesses. Every value carries its evidence.
 *
 * <p>Stateless, so safe to share between ingest threads.
 */
public final class CatalogueMetadataExtractor implements MetadataExtractor {

    public CatalogueMetadataExtractor() {}

    @Override
    public ArticleMetadata extract(NormalizedDocument doc, Story story, Hints hints) {
        if (hints == null) hints = Hints.NONE;
        String text = story.text() == null ? "" : story.text();
        HtmlFacts html = null;
        if (doc.isHtml()) {
            try {
                html = HtmlFacts.of(doc.page().dom(), hints.sourceUrl());
            } catch (RuntimeException e) {
                html = null; // unparseable markup: fall back to text cues
            }
        }
        if (story.item() != null) return feedItem(doc, story, hints, text);
        boolean firstStory = story.index() <= 1;
        Dateline dateline = TextCues.dateline(text);

        Found<String> outlet = outlet(doc, html, firstStory, dateline, text, hints);
        String siteName = outlet == null ? null : outlet.value();
        Found<String> title = firstStory ? FrontMatterRules.title(doc) : null;
        if (title == null && firstStory && html != null) title = HtmlRules.title(html, siteName, text);
        if (title == null && firstStory && html == null) title = DocumentRules.title(doc, text);
        if (title == null) title = TextRules.firstLine(text);

        Credits credits = credits(doc, html, firstStory, text, dateline, hints);
        Found<PartialDate> issued = issued(doc, html, firstStory, text, hints);
        Found<String> lang = language(doc, html, text);

        return new ArticleMetadata(title, lang, issued, outlet, credits.list(), credits.raw(), dateline)
                .withUrl(firstStory && html != null ? url(doc, html, hints) : null);
    }

    /**
     * A web page's address: what the page says (canonical link, og:url), else where it was fetched
     * from (a web archive's capture address, --source-url, a sidecar's "url"). Of other documents the
     * fetch address is the file's, not necessarily each story's, so it stays on the source alone.
     */
    private static Found<String> url(NormalizedDocument doc, HtmlFacts html, Hints hints) {
        Found<String> own = FrontMatterRules.url(doc);
        if (own == null) own = HtmlRules.url(html);
        if (own != null) return own;
        return HtmlRules.isWebAddress(hints.sourceUrl()) ? Found.of(hints.sourceUrl(), "hint", hints.urlOrigin() == null ? "" : hints.urlOrigin()) : null;
    }

    record Credits(List<Credit> list, Found<String> raw) {}

    // What the user's hints say comes first, for every kind of source.

    private static Found<String> hintedOutlet(Hints hints) {
        return hints.outlet() != null && !hints.outlet().isBlank() ? Found.of(hints.outlet().strip(), "hint", origin(hints)) : null;
    }

    private static Found<PartialDate> hintedDate(Hints hints) {
        return hints.date() != null ? Found.of(hints.date(), "hint", origin(hints)) : null;
    }

    private static Credits hintedCredits(Hints hints) {
        if (hints.creators().isEmpty()) return null;
        List<Credit> cs = new ArrayList<>();
        for (Credit c : hints.creators()) {
            cs.add(new Credit(c.name(), c.role() == null ? Role.AUTHOR : c.role(), c.organization(),
                    c.evidence() != null ? c.evidence() : Evidence.of("hint", origin(hints))));
        }
        return new Credits(cs, null);
    }

    /** An RSS "managingEditor"-style author: "desk@example.com (Layla Hassan)". */
    private static final Pattern MAIL_AND_NAME = Pattern.compile("\\S+@\\S+\\s*\\((.+)\\)");

    /**
     * A feed item: title, date, authors, link and outlet as the feed states them (a user's hints still
     * first); the language and dateline from its text as for any article.
     */
    private static ArticleMetadata feedItem(NormalizedDocument doc, Story story, Hints hints, String text) {
        Feeds.Item item = story.item();
        // A news agency's NITF or NewsML-G2 document is read as a feed of its articles, its own evidence saying so.
        String agency = doc.feed() == null ? null : doc.feed().agencyFormat();
        // the method names what carried the article: a web feed, an agency's NITF or NewsML-G2, a file of records, a database's export
        String method = agency == null ? "feed-item" : switch (agency) {
            case Feeds.CSV_RECORDS -> "csv-record";
            case Feeds.JSON_RECORDS -> "json-record";
            case org.parc.source.NewsExports.NEXIS -> "nexis-uni";
            case org.parc.source.NewsExports.FACTIVA -> "factiva";
            case "NITF" -> "nitf";
            default -> "newsml";
        };
        // records and database exports say where each article was in the file ("row 12", "document 3")
        String where = agency == null ? "item " + story.index()
                : item.locator() != null ? item.locator()
                : doc.feed().items().size() == 1 ? agency : agency + " item " + story.index();
        boolean agencyTerms = "NITF".equals(agency) || "NewsML-G2".equals(agency);
        Dateline dateline = TextCues.dateline(text);
        Found<String> outlet = hintedOutlet(hints);
        if (outlet == null && item.channel() != null) outlet = Found.of(item.channel(), method, agency != null ? where + " publisher" : "feed title");
        Found<String> title = item.title() != null ? Found.of(item.title(), method, where + (agencyTerms ? " headline" : " title")) : TextRules.firstLine(text);
        Found<PartialDate> issued = hintedDate(hints);
        if (issued == null && item.published() != null) {
            PartialDate d = Dates.parse(item.published());
            if (d != null) issued = Found.of(d, method, where + " date " + item.published());
        }
        Credits credits = hintedCredits(hints);
        if (credits == null) {
            List<Credit> list = new ArrayList<>();
            Evidence ev = Evidence.of(method, where + (agencyTerms ? " byline" : " author"));
            for (String a : item.authors()) {
                Matcher m = MAIL_AND_NAME.matcher(a);
                String name = m.matches() ? m.group(1).strip() : a;
                if (name.contains("@")) continue; // an address is no name
                for (Credit c : Bylines.parse(name, Role.AUTHOR, ev)) if (!contains(list, c.name())) list.add(c);
            }
            credits = new Credits(list, item.authors().isEmpty() ? null : new Found<>(String.join("\n", item.authors()), ev));
        }
        Found<String> url = HtmlRules.isWebAddress(item.link()) ? Found.of(item.link(), method, where + " link") : null;
        String declared = HtmlRules.tag(item.language());
        Found<String> lang = declared != null ? Found.of(declared, method, where + " language") : language(doc, null, text);
        return new ArticleMetadata(title, lang, issued, outlet, credits.list(), credits.raw(), dateline, url);
    }

    private static Found<String> outlet(NormalizedDocument doc, HtmlFacts html, boolean firstStory,
                                        Dateline dateline, String text, Hints hints) {
        Found<String> hinted = hintedOutlet(hints);
        if (hinted != null) return hinted;
        Found<String> declared = FrontMatterRules.outlet(doc);
        if (declared != null) return declared;
        if (html != null) {
            Found<String> o = HtmlRules.outlet(html);
            if (o != null) return o;
        }
        if (dateline != null && dateline.outlet() != null) {
            return Found.of(dateline.outlet(), "text-dateline", dateline.span().toString());
        }
        // "By Alwaght" closing an article: an organisation credited as author is the outlet.
        for (TextCues.Line l : TextCues.creditLines(text)) {
            for (Credit c : Bylines.parse(l.text(), Role.AUTHOR, null)) {
                if (c.organization() && c.role() == Role.AUTHOR && !Bylines.isAgency(c.name())) {
                    return Found.of(c.name(), "text-credit-line", l.start() + "-" + l.end());
                }
            }
        }
        if (html != null) return HtmlRules.outletFromTitle(html);
        return null;
    }

    private static Credits credits(NormalizedDocument doc, HtmlFacts html, boolean firstStory, String text,
                                   Dateline dateline, Hints hints) {
        Credits hinted = hintedCredits(hints);
        if (hinted != null) return hinted;
        List<Credit> list = new ArrayList<>();
        List<String> raws = new ArrayList<>();
        Evidence rawEv = null;
        List<Credit> declared = firstStory ? FrontMatterRules.creators(doc) : List.of();
        if (!declared.isEmpty()) {
            list.addAll(declared);
            raws.add(String.join("\n", doc.all(org.parc.source.Markdown.AUTHOR)));
            rawEv = declared.get(0).evidence();
        } else if (html != null && firstStory) {
            HtmlRules.Byline b = HtmlRules.byline(html);
            if (b != null) {
                list.addAll(b.credits());
                raws.add(b.raw());
                rawEv = b.evidence();
            }
        }
        // Credit lines of the text: authors when the markup named none; editors, photographers,
        // translators always (markup rarely names them).
        for (TextCues.Line l : TextCues.creditLines(text)) {
            Evidence ev = Evidence.of("text-credit-line", l.start() + "-" + l.end());
            List<Credit> found = Bylines.parse(l.text(), Role.AUTHOR, ev);
            boolean added = false;
            for (Credit c : found) {
                if (c.role() == Role.AUTHOR && !list.isEmpty() && hasAuthor(list)) continue;
                if (contains(list, c.name())) continue;
                list.add(c);
                added = true;
            }
            if (added) {
                raws.add(l.text());
                if (rawEv == null) rawEv = ev;
            }
        }
        if (!hasAuthor(list) && firstStory && html == null) {
            Credit meta = DocumentRules.creator(doc);
            if (meta != null) {
                list.add(0, meta);
                raws.add(0, meta.name());
                if (rawEv == null) rawEv = meta.evidence();
            }
        }
        if (!hasAuthor(list) && dateline != null && dateline.outlet() != null && Bylines.isAgency(dateline.outlet())) {
            list.add(0, new Credit(dateline.outlet(), Role.AUTHOR, true, dateline.evidence()));
        }
        Found<String> raw = raws.isEmpty() ? null : new Found<>(String.join("\n", raws), rawEv);
        return new Credits(list, raw);
    }

    private static boolean hasAuthor(List<Credit> cs) {
        return cs.stream().anyMatch(c -> c.role() == Role.AUTHOR);
    }

    private static boolean contains(List<Credit> cs, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return cs.stream().anyMatch(c -> c.name().toLowerCase(Locale.ROOT).equals(n));
    }

    private static Found<PartialDate> issued(NormalizedDocument doc, HtmlFacts html, boolean firstStory,
                                             String text, Hints hints) {
        Found<PartialDate> hinted = hintedDate(hints);
        if (hinted != null) return hinted;
        Found<PartialDate> declared = firstStory ? FrontMatterRules.issued(doc) : null;
        if (declared != null) return declared;
        if (html != null) {
            Found<PartialDate> d = HtmlRules.issued(html);
            if (d != null) return d;
        } else {
            Found<PartialDate> d = DocumentRules.issued(doc, text);
            if (d != null) return d;
        }
        if (hints.sourceUrl() != null) {
            PartialDate d = UrlDates.find(hints.sourceUrl());
            if (d != null) return Found.of(d, "url-pattern", "source URL " + hints.sourceUrl());
        }
        if (html != null) {
            Found<PartialDate> d = HtmlRules.urlInPage(html);
            if (d != null) return d;
            Dates.Hit h = TextCues.publishedCue(text, 5000);
            if (h != null) return Found.of(h.date(), "text-cue", h.start() + "-" + h.end());
        }
        return null;
    }

    private static Found<String> language(NormalizedDocument doc, HtmlFacts html, String text) {
        Found<String> declared = FrontMatterRules.language(doc);
        if (declared != null) return declared;
        if (html != null) {
            Found<String> l = HtmlRules.language(html);
            if (l != null) return l;
        }
        for (String key : new String[] {"dc:language", "Content-Language", "language"}) {
            String tag = HtmlRules.tag(doc.first(key));
            if (tag != null) return Found.of(tag, "tika-metadata", key);
        }
        return org.parc.extract.Languages.detectWithEvidence(text);
    }

    static String origin(Hints h) {
        return h.origin() == null ? "" : h.origin();
    }
}
