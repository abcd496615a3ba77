package org.parc.extract;

import java.util.List;

/**
 * The catalogue description of one article. Any field may be null (or empty) when parc found no
 * evidence for it: no value rather than a wrong one.
 *
 * @param title      the headline
 * @param language   BCP 47 tag
 * @param issued     the issue (publication) date
 * @param outlet     the outlet's name
 * @param credits    bylines in order
 * @param creditText the raw byline/credit text
 * @param dateline   the dateline, if the text has one
 * @param url        where the article is published, when the source states it (a feed item's link)
 */
public record ArticleMetadata(Found<String> title, Found<String> language, Found<PartialDate> issued,
                              Found<String> outlet, List<Credit> credits, Found<String> creditText,
                              Dateline dateline, Found<String> url) {
    public static final ArticleMetadata EMPTY = new ArticleMetadata(null, null, null, null, List.of(), null, null);

    public ArticleMetadata(Found<String> title, Found<String> language, Found<PartialDate> issued, Found<String> outlet,
                           List<Credit> credits, Found<String> creditText, Dateline dateline) {
        this(title, language, issued, outlet, credits, creditText, dateline, null);
    }

    public ArticleMetadata withUrl(Found<String> u) {
        return new ArticleMetadata(title, language, issued, outlet, credits, creditText, dateline, u);
    }

    public ArticleMetadata withTitle(Found<String> t) {
        return new ArticleMetadata(t, language, issued, outlet, credits, creditText, dateline, url);
    }

    public ArticleMetadata withLanguage(Found<String> l) {
        return new ArticleMetadata(title, l, issued, outlet, credits, creditText, dateline, url);
    }

    public ArticleMetadata withIssued(Found<PartialDate> d) {
        return new ArticleMetadata(title, language, d, outlet, credits, creditText, dateline, url);
    }

    public ArticleMetadata withOutlet(Found<String> o) {
        return new ArticleMetadata(title, language, issued, o, credits, creditText, dateline, url);
    }

    public ArticleMetadata withCredits(List<Credit> c, Found<String> raw) {
        return new ArticleMetadata(title, language, issued, outlet, List.copyOf(c), raw, dateline, url);
    }

    public ArticleMetadata withDateline(Dateline d) {
        return new ArticleMetadata(title, language, issued, outlet, credits, creditText, d, url);
    }
}
