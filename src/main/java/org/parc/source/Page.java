package org.parc.source;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A web page's markup, parsed at most once: the story splitter (which finds the article's body) and
 * the metadata extractor both read its DOM. Each had parsed the markup itself, and a profile of a
 * 3,000-file ingest put jsoup at 8 % of the worker threads' samples (Tika parses it once more).
 * A document is described by one worker thread; two threads asking at once would parse twice, no worse.
 */
public final class Page {
    private final String markup;
    private Document dom;

    private Page(String markup) {
        this.markup = markup;
    }

    /** Null for no markup. */
    public static Page of(String markup) {
        return markup == null ? null : new Page(markup);
    }

    public String markup() {
        return markup;
    }

    /**
     * Lets the DOM go once the stages that read it are done: a page of up to 32 MB of markup (the
     * largest kept) makes a DOM of hundreds of MB, which recognition, the longest stage, need not hold.
     * A later {@link #dom()} parses again.
     */
    public void release() {
        dom = null;
    }

    /** The parsed page, shared by its readers: read it, or {@link Document#clone()} it to change it. */
    public Document dom() {
        Document d = dom;
        if (d == null) dom = d = Jsoup.parse(markup);
        return d;
    }
}
