package org.parc.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * News feeds (RSS 0.9x/2.0, RSS 1.0, Atom, JSON Feed): each item is a news item of its own, with the title, link,
 * date and authors the feed states for it. Tika reads a feed as one text (and leaves out Atom's content),
 * so a feed of twenty items would be catalogued as one article named after the channel.
 *
 * <p>The XML is read with DTDs and external entities off: a feed is untrusted input. HTML's named
 * references ({@code &mdash;}), which web feeds and NITF use without declaring them, are read as the
 * characters they name ({@link HtmlEntityInput}).
 */
public final class Feeds {
    /** Items read from one feed at most. */
    static final int MAX_ITEMS = 10_000;

    /**
     * A feed: its channel's title and its items in document order; {@code cut} when it had more than
     * {@link #MAX_ITEMS}. {@code agencyFormat} is null for a web feed, "NITF" or "NewsML-G2" for the
     * formats news agencies deliver articles in: each item an article.
     */
    public record Feed(String title, List<Item> items, boolean cut, String agencyFormat) {
        public Feed(String title, List<Item> items, boolean cut) {
            this(title, items, cut, null);
        }

        /** The feed as text: the channel's title, then each item's {@link Item#text()}, a blank line between. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            if (title != null) sb.append(title).append("\n\n");
            for (Item i : items) sb.append(i.text()).append("\n\n\n");
            return sb.toString().strip();
        }
    }

    /**
     * One item as the feed states it; any field but the text may be null.
     *
     * @param title     the item's title
     * @param link      where the item is published (the link, else a permalink guid)
     * @param published the date as written (RSS pubDate, dc:date, Atom published, else updated)
     * @param authors   author names as written ("desk@example.com (Layla Hassan)" stays as is)
     * @param body      the description or content as plain text, paragraphs separated by blank lines
     * @param channel   the title of the feed that carries it
     * @param language  the language the item declares, or null
     * @param locator   where a record sits in its file ("row 12", "line 3", "record 2"), for provenance; null for feed items
     */
    public record Item(String title, String link, String published, List<String> authors, String body, String channel, String language,
                       String locator) {
        public Item(String title, String link, String published, List<String> authors, String body, String channel) {
            this(title, link, published, authors, body, channel, null, null);
        }

        /** The item's text: its title, a blank line, its body. */
        public String text() {
            if (title == null) return body == null ? "" : body;
            return body == null || body.isEmpty() ? title : title + "\n\n" + body;
        }
    }

    private static final String MEDIA_RSS = "http://search.yahoo.com/mrss/";
    private static final Set<String> TYPES = Set.of("application/rss+xml", "application/atom+xml",
            "application/rdf+xml", "application/xml", "text/xml",
            "application/vnd.iptc.g2.newsmessage+xml", "application/vnd.iptc.g2.newsitem+xml");
    private static final XMLInputFactory XML = factory();

    private Feeds() {}

    /** True for media types a feed may be detected as (RSS 1.0 is RDF; some feeds, and NITF, are only "XML"; NewsML-G2 has its own). */
    static boolean mayBe(String mediaType) {
        return TYPES.contains(mediaType);
    }

    /**
     * The feed in this stream, or null when it is not a feed with at least one item, or not well-formed.
     * Other XML is read no further than its root element.
     */
    static Feed read(InputStream xml) {
        try {
            XMLStreamReader r = XML.createXMLStreamReader(HtmlEntityInput.of(xml));
            try {
                return read(r);
            } finally {
                r.close();
            }
        } catch (XMLStreamException | IOException | RuntimeException e) {
            return null;
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * A JSON Feed (jsonfeed.org, versions 1 and 1.1: a blog's or newsroom's feed as JSON), or null when
     * the JSON is not one with at least one item. Each item's title, url (else external_url), date
     * (date_published, else date_modified), authors (the item's, else the feed's; version 1's single
     * author too) and text (content_text, else content_html as paragraphs, else the summary).
     */
    static Feed readJson(InputStream json) {
        try {
            com.fasterxml.jackson.databind.JsonNode root = JSON.readTree(json);
            if (root == null) return null;
            if (!root.isObject() || !root.path("version").asText("").startsWith("https://jsonfeed.org/version/")) return records(root);
            com.fasterxml.jackson.databind.JsonNode items = root.path("items");
            if (!items.isArray()) return null;
            String channel = clean(inline(string(root, "title")));
            List<String> feedAuthors = authors(root);
            List<Item> out = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode i : items) {
                if (out.size() >= MAX_ITEMS) break;
                String title = clean(inline(string(i, "title")));
                String link = first(i, "url", "external_url");
                String date = first(i, "date_published", "date_modified");
                String text = string(i, "content_text") != null ? paragraphs(string(i, "content_text")) : body(first(i, "content_html", "summary"));
                List<String> authors = authors(i);
                if (title == null && clean(text) == null) continue;
                out.add(new Item(title, clean(link), clean(date), authors.isEmpty() ? feedAuthors : authors, clean(text), channel));
            }
            return out.isEmpty() ? null : new Feed(channel, List.copyOf(out), items.size() > MAX_ITEMS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Format name of article records in JSON (see {@link #records}). */
    public static final String JSON_RECORDS = "JSON";
    /** Format name of article records in CSV or TSV, one per row (see {@link #eachCsvRow}). */
    public static final String CSV_RECORDS = "CSV";

    // Field names of the article records that crawlers, news APIs and CMS exports write (news-please,
    // newspaper3k, Hugging Face's cc_news, NewsAPI, The Guardian's API, WordPress's REST API,
    // schema.org JSON-LD), in order of preference.
    private static final String[] BODY_FIELDS = {"articleBody", "maintext", "text", "body", "bodyText", "body_text", "full_text",
            "article_text", "content", "content_text", "content_html"};
    private static final String[] TITLE_FIELDS = {"headline", "title", "webTitle"};
    private static final String[] DATE_FIELDS = {"datePublished", "date_publish", "date_published", "published", "publishedAt",
            "published_at", "publish_date", "pubDate", "webPublicationDate", "date"};
    private static final String[] AUTHOR_FIELDS = {"authors", "author", "byline", "creator"};
    private static final String[] OUTLET_FIELDS = {"publisher", "source", "outlet", "source_name", "publication", "newspaper", "site_name"};
    private static final String[] URL_FIELDS = {"url", "link", "webUrl", "canonical_url", "permalink"};
    private static final String[] LANGUAGE_FIELDS = {"inLanguage", "language", "lang"};
    /** Arrays of records inside an envelope ({"articles": [...]}, The Guardian's {"response": {"results": [...]}}). */
    private static final String[] ENVELOPES = {"articles", "items", "results", "data", "documents", "records", "posts", "@graph"};

    /**
     * Article records in JSON: one object, an array of them, or an array under an envelope's field;
     * an object is an article when it has a body (a text field above that is not empty). Null when none is.
     */
    static Feed records(com.fasterxml.jackson.databind.JsonNode root) {
        List<com.fasterxml.jackson.databind.JsonNode> candidates = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(candidates::add);
        } else if (root.isObject()) {
            if (recordBody(root) != null) {
                candidates.add(root);
            } else {
                com.fasterxml.jackson.databind.JsonNode inner = root.has("response") ? root.get("response") : root;
                for (String e : ENVELOPES) {
                    if (inner.path(e).isArray()) {
                        inner.get(e).forEach(candidates::add);
                        break;
                    }
                }
            }
        }
        List<Item> out = new ArrayList<>();
        boolean single = candidates.size() == 1 && candidates.get(0) == root;
        for (int k = 0; k < candidates.size() && out.size() < MAX_ITEMS; k++) {
            Item i = record(candidates.get(k), single ? "record" : "record " + (k + 1));
            if (i != null) out.add(i);
        }
        return out.isEmpty() ? null : new Feed(null, List.copyOf(out), candidates.size() > MAX_ITEMS, JSON_RECORDS);
    }

    /** Receives one record; answers whether to go on. */
    interface RecordVisitor {
        boolean visit(long number, com.fasterxml.jackson.databind.node.ObjectNode record) throws IOException;
    }

    /**
     * Each row of a CSV whose header names a body column, as an object of its cells under the field
     * names parc reads ({@code BODY_FIELDS} …), the other columns under their own names, with its row
     * number (the header is row 1; a quoted cell may span lines). False when the header names no body
     * column. A quote never closed ends the rows there.
     */
    static boolean eachCsvRow(java.io.Reader in, char delimiter, RecordVisitor visitor) throws IOException {
        var format = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (var parser = format.parse(in)) {
            var rows = parser.iterator();
            if (!rows.hasNext()) return false;
            List<String> header = new ArrayList<>();
            for (String h : rows.next()) {
                String known = canonicalField(h);
                header.add(known.isEmpty() ? h.replace("\uFEFF", "").strip() : known);
            }
            if (java.util.Arrays.stream(BODY_FIELDS).noneMatch(header::contains)) return false;
            while (rows.hasNext()) {
                var row = rows.next();
                var n = JSON.createObjectNode();
                for (int c = 0; c < row.size() && c < header.size(); c++) {
                    if (!header.get(c).isEmpty() && !n.has(header.get(c))) n.put(header.get(c), row.get(c));
                }
                if (!visitor.visit(parser.getRecordNumber(), n)) break;
            }
        } catch (java.io.UncheckedIOException e) {
            // a quote never closed, a stray quote: the rows before it were read
            throw new Damaged(e.getCause() == null ? e.getMessage() : e.getCause().getMessage(), e.getCause());
        }
        return true;
    }

    /** A record file that cannot be read on from some point (a CSV quote never closed); the records before it were visited. */
    static final class Damaged extends IOException {
        Damaged(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** True when the header line (a CSV's first line) names a body column. */
    static boolean csvHeaderHasBody(String headerLine, char delimiter) {
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new java.io.StringReader(headerLine))) {
            for (var r : parser) {
                for (String h : r) if (java.util.Arrays.asList(BODY_FIELDS).contains(canonicalField(h))) return true;
                return false;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /** The delimiter of , ; tab | that a header line holds most of (spreadsheets in many locales write ";"). */
    static char csvDelimiter(String headerLine) {
        char best = ',';
        long most = 0;
        for (char c : new char[] {',', ';', '\t', '|'}) {
            long n = headerLine.chars().filter(x -> x == c).count();
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    /** True when this record is an article parc reads (a body, and a title or 200 characters of it). */
    static boolean isArticle(com.fasterxml.jackson.databind.JsonNode record) {
        return record(record, "") != null;
    }

    /** The record as JSON bytes, its fields in their order. */
    static byte[] json(com.fasterxml.jackson.databind.JsonNode record) throws IOException {
        return JSON.writeValueAsBytes(record);
    }

    /** Parses one JSON Lines line; null when it is not a JSON object. */
    static com.fasterxml.jackson.databind.JsonNode line(String line) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = JSON.readTree(line);
            return n != null && n.isObject() ? n : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A CSV column's name as the record field it means (compared without case, spaces, "_" or "-": "Date Published"), or "" for none. */
    private static String canonicalField(String header) {
        String h = header.replace("\uFEFF", "").strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_-]+", "");
        for (String[] fields : List.of(BODY_FIELDS, TITLE_FIELDS, DATE_FIELDS, AUTHOR_FIELDS, OUTLET_FIELDS, URL_FIELDS, LANGUAGE_FIELDS)) {
            for (String f : fields) {
                if (f.toLowerCase(java.util.Locale.ROOT).replace("_", "").equals(h)) return f;
            }
        }
        return "";
    }

    /** The item with its body cut so that its text fits in {@code maxChars}. */
    static Item fit(Item i, long maxChars) {
        int room = (int) Math.max(0, maxChars - (i.title() == null ? 0 : i.title().length() + 2) - 2);
        String body = i.body().length() <= room ? i.body() : i.body().substring(0, room);
        return new Item(i.title(), i.link(), i.published(), i.authors(), body, i.channel(), i.language(), i.locator());
    }

        private static Item record(com.fasterxml.jackson.databind.JsonNode n, String locator) {
        if (!n.isObject()) return null;
        String body = recordBody(n);
        if (body == null) return null;
        String title = clean(inline(named(n, TITLE_FIELDS)));
        if (title == null && body.length() < 200) return null; // a label or a message, not an article
        String date = clean(named(n, DATE_FIELDS));
        List<String> authors = new ArrayList<>();
        for (String f : AUTHOR_FIELDS) {
            names(n.get(f), authors);
            if (!authors.isEmpty()) break;
        }
        String link = clean(named(n, URL_FIELDS));
        if (link != null && !link.matches("(?i)https?://\\S+")) link = null;
        String lang = clean(named(n, LANGUAGE_FIELDS));
        return new Item(title, link, date, List.copyOf(authors), body, clean(inline(named(n, OUTLET_FIELDS))), lang, locator);
    }

    /** The record's body as paragraphs (HTML bodies, as CMS exports give them, read as HTML), or null. */
    private static String recordBody(com.fasterxml.jackson.databind.JsonNode n) {
        String b = named(n, BODY_FIELDS);
        if (b == null && n.path("fields").isObject()) b = named(n.get("fields"), BODY_FIELDS); // The Guardian's show-fields
        return clean(body(b));
    }

    /** The first of these fields with text: a string, a number, or an object's "rendered" or "name" (WordPress, schema.org). */
    private static String named(com.fasterxml.jackson.databind.JsonNode n, String[] fields) {
        for (String f : fields) {
            com.fasterxml.jackson.databind.JsonNode v = n.get(f);
            if (v == null) continue;
            if (v.isObject()) v = v.has("rendered") ? v.get("rendered") : v.get("name");
            if (v != null && v.isArray() && !v.isEmpty()) v = v.get(0);
            if (v != null && v.isObject()) v = v.get("name");
            if (v != null && (v.isTextual() || v.isNumber() && !f.equals("source")) && !v.asText().isBlank()) return v.asText();
        }
        return null;
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'([^']*)'|\"([^\"]*)\"");

    /** People's names: a string, an object's "name", or a list of either (an author id number is no name). */
    private static void names(com.fasterxml.jackson.databind.JsonNode v, List<String> out) {
        if (v == null) return;
        if (v.isArray()) {
            for (com.fasterxml.jackson.databind.JsonNode e : v) names(e, out);
        } else if (v.isObject()) {
            names(v.get("name"), out);
        } else if (v.isTextual()) {
            String t = clean(inline(v.asText()));
            if (t != null && t.startsWith("[") && t.endsWith("]")) {
                // a list written out as text, as datasets exported from Python do: "['Ann Lee', 'Bo Chen']"
                var m = QUOTED.matcher(t);
                while (m.find()) {
                    String name = clean(m.group(1) != null ? m.group(1) : m.group(2));
                    if (name != null && !out.contains(name)) out.add(name);
                }
            } else if (t != null && !out.contains(t)) {
                out.add(t);
            }
        }
    }

    private static String string(com.fasterxml.jackson.databind.JsonNode n, String field) {
        com.fasterxml.jackson.databind.JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** The first of these fields that holds a string, or null. */
    private static String first(com.fasterxml.jackson.databind.JsonNode n, String... fields) {
        for (String f : fields) {
            String v = string(n, f);
            if (v != null) return v;
        }
        return null;
    }

    /** "authors": [{"name": ...}] (version 1.1), else "author": {"name": ...} (version 1). */
    private static List<String> authors(com.fasterxml.jackson.databind.JsonNode n) {
        List<String> out = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode a : n.path("authors")) {
            String name = clean(string(a, "name"));
            if (name != null) out.add(name);
        }
        String single = clean(string(n.path("author"), "name"));
        if (out.isEmpty() && single != null) out.add(single);
        return List.copyOf(out);
    }

    /** StAX that reads no DTD and no external entity or schema. */
    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        // and never fetch a DTD or schema (RSS 0.91 names Netscape's DTD on the web)
        f.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private static Feed read(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog
        }
        if (!r.isStartElement()) return null;
        String root = r.getLocalName();
        if (root.equals("nitf")) return nitf(r);
        if (root.equals("newsItem") || root.equals("newsMessage")) return newsMl(r, root.equals("newsItem"));
        if (!root.equals("rss") && !root.equals("RDF") && !root.equals("feed")) return null;
        String channel = null;
        List<Raw> raws = new ArrayList<>();
        int depth = 1;
        while (r.hasNext() && raws.size() < MAX_ITEMS) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String name = r.getLocalName();
            if (name.equals("item") || name.equals("entry")) {
                raws.add(item(r));
            } else if (name.equals("title") && channel == null && (depth == 1 || depth == 2)) {
                // the feed's title (Atom), the channel's (RSS): before any item
                channel = clean(inline(text(r)));
            } else {
                depth++;
            }
        }
        List<Item> items = new ArrayList<>();
        for (Raw i : raws) {
            if (i.title == null && i.body == null) continue;
            items.add(new Item(i.title, i.link, i.published, List.copyOf(i.authors), i.body, channel));
        }
        boolean cut = raws.size() >= MAX_ITEMS && moreItems(r, Set.of("item", "entry"));
        return items.isEmpty() ? null : new Feed(channel, List.copyOf(items), cut);
    }

    /**
     * A News Industry Text Format document (IPTC's NITF, as news agencies deliver articles): its
     * headline (hedline/hl1, else head/title), issue date (docdata/date.issue's norm), bylines (their
     * person elements, else their text), publication (pubdata's name, else the copyright holder) and
     * body.content's paragraphs, as one item. Null when it has neither headline nor body.
     */
    private static Feed nitf(XMLStreamReader r) throws XMLStreamException {
        String title = null, headline = null, date = null, outlet = null, holder = null, body = null;
        List<String> authors = new ArrayList<>();
        while (r.hasNext()) {
            if (r.next() != XMLStreamConstants.START_ELEMENT) continue;
            switch (r.getLocalName()) {
                case "title" -> title = title != null ? title : clean(inline(text(r)));
                case "hl1" -> headline = headline != null ? headline : clean(inline(text(r)));
                case "date.issue" -> date = date != null ? date : nitfDate(r.getAttributeValue(null, "norm"));
                case "pubdata" -> outlet = outlet != null ? outlet : clean(r.getAttributeValue(null, "name"));
                case "doc.copyright" -> holder = holder != null ? holder : clean(r.getAttributeValue(null, "holder"));
                case "byline" -> authors.addAll(byline(r));
                case "body.content" -> body = clean(paragraphs(blocks(r)));
                default -> { }
            }
        }
        String t = headline != null ? headline : title;
        if (t == null && body == null) return null;
        return new Feed(null, List.of(new Item(t, null, date, List.copyOf(authors), body, outlet != null ? outlet : holder)), false, "NITF");
    }

    /**
     * IPTC NewsML-G2: a newsItem, or a newsMessage of several, each text item an article: its
     * headline, date (contentCreated, else firstCreated, else versionCreated), creators (their names,
     * else the "by" line), provider (else the copyright holder) and inline content (NITF or XHTML
     * paragraphs, or plain text). Null when no item has a headline or content.
     */
    private static Feed newsMl(XMLStreamReader r, boolean atItem) throws XMLStreamException {
        List<Item> items = new ArrayList<>();
        if (atItem) {
            addNewsItem(r, items);
        } else {
            while (r.hasNext() && items.size() < MAX_ITEMS) {
                if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("newsItem")) addNewsItem(r, items);
            }
        }
        boolean cut = items.size() >= MAX_ITEMS && moreItems(r, Set.of("newsItem"));
        return items.isEmpty() ? null : new Feed(null, List.copyOf(items), cut, "NewsML-G2");
    }

    /** Reads one newsItem (the reader on its start tag) up to its end tag. */
    private static void addNewsItem(XMLStreamReader r, List<Item> items) throws XMLStreamException {
        String headline = null, created = null, first = null, version = null, provider = null, holder = null, by = null, body = null;
        List<String> creators = new ArrayList<>();
        int[] depth = {1};
        while (nextStart(r, depth)) {
            switch (r.getLocalName()) {
                case "headline" -> headline = headline != null ? headline : clean(inline(text(r)));
                case "contentCreated" -> created = clean(text(r));
                case "firstCreated" -> first = clean(text(r));
                case "versionCreated" -> version = clean(text(r));
                case "provider" -> provider = literalOrName(r);
                case "copyrightHolder" -> holder = literalOrName(r);
                case "creator" -> {
                    String name = literalOrName(r);
                    if (name != null) creators.add(name);
                }
                case "by" -> by = by != null ? by : clean(inline(text(r)));
                case "inlineXML" -> body = body != null ? body : clean(paragraphs(blocks(r)));
                case "inlineData" -> body = body != null ? body : clean(paragraphs(text(r)));
                case "remoteContent" -> text(r); // a picture's or a video's rendition: not text
                default -> depth[0]++;
            }
        }
        if (headline == null && body == null) return;
        List<String> authors = !creators.isEmpty() ? List.copyOf(creators) : by == null ? List.of() : List.of(by);
        String date = created != null ? created : first != null ? first : version;
        items.add(new Item(headline, null, date, authors, body, provider != null ? provider : holder));
    }

    /** A NewsML-G2 party (provider, creator, copyright holder): its literal attribute, else its name's text; the reader ends on its end tag. */
    private static String literalOrName(XMLStreamReader r) throws XMLStreamException {
        String literal = clean(r.getAttributeValue(null, "literal"));
        String name = clean(inline(text(r)));
        return literal != null ? literal : name;
    }

    private static final java.util.regex.Pattern NITF_DATE =
            java.util.regex.Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(\\d{2})(\\d{2})?(.*))?");

    /** NITF's normalized dates, "20210305T090000Z" or "20210305", as ISO 8601; other forms as written. */
    static String nitfDate(String norm) {
        if (norm == null) return null;
        var m = NITF_DATE.matcher(norm.strip());
        if (!m.matches()) return clean(norm);
        String day = m.group(1) + "-" + m.group(2) + "-" + m.group(3);
        if (m.group(4) == null) return day;
        String zone = m.group(7).isEmpty() ? "" : m.group(7).replaceFirst("^([+-]\\d{2})(\\d{2})$", "$1:$2");
        return day + "T" + m.group(4) + ":" + m.group(5) + ":" + (m.group(6) == null ? "00" : m.group(6)) + zone;
    }

    /** A byline's people (its person elements), else its text; its titles (byttl, "AP Writer") left out. */
    private static List<String> byline(XMLStreamReader r) throws XMLStreamException {
        List<String> people = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (name.equals("person")) {
                    String p = clean(inline(text(r)));
                    if (p != null) people.add(p);
                } else if (name.equals("byttl")) {
                    text(r);
                } else {
                    depth++;
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
                rest.append(r.getText());
            }
        }
        if (!people.isEmpty()) return people;
        String text = clean(inline(rest.toString()));
        return text == null ? List.of() : List.of(text);
    }

    /**
     * Text with a line break around each block (NITF's p, hl2, block; XHTML's p, div, h1...) and none
     * around inline markup (NITF's org, person, location; XHTML's a, em); a picture's media element left out.
     */
    private static String blocks(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            switch (r.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> sb.append(r.getText().replace('\n', ' '));
                case XMLStreamConstants.START_ELEMENT -> {
                    if (r.getLocalName().equals("media")) {
                        text(r); // a photo's or video's caption and credits: not the article's text
                        sb.append('\n');
                        continue;
                    }
                    depth++;
                    if (NITF_BLOCKS.contains(r.getLocalName())) sb.append('\n');
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth > 0 && NITF_BLOCKS.contains(r.getLocalName())) sb.append('\n');
                }
                default -> { }
            }
        }
        return sb.toString();
    }


    /** True when another element of one of these names follows (the reader stops at the first). */
    private static boolean moreItems(XMLStreamReader r, Set<String> names) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && names.contains(r.getLocalName())) return true;
        }
        return false;
    }

    private static final class Raw {
        String title;
        String link;
        String guid;
        String published;
        String updated;
        final List<String> authors = new ArrayList<>();
        String description;
        String content;
        String body;
    }

    /**
     * Moves to the next start tag inside the element whose depth is tracked (depth[0], 1 on its own
     * start tag; the caller adds 1 for each start tag it does not read to its end); false on its end tag.
     */
    private static boolean nextStart(XMLStreamReader r, int[] depth) throws XMLStreamException {
        while (r.hasNext() && depth[0] > 0) {
            int ev = r.next();
            if (ev == XMLStreamConstants.END_ELEMENT) depth[0]--;
            else if (ev == XMLStreamConstants.START_ELEMENT) return true;
        }
        return false;
    }

    /** Reads one item (the reader on its start tag) up to its end tag. */
    private static Raw item(XMLStreamReader r) throws XMLStreamException {
        Raw i = new Raw();
        int[] depth = {1};
        while (nextStart(r, depth)) {
            // only the item's own elements: not Media RSS's titles and descriptions of its images
            if (depth[0] > 1 || MEDIA_RSS.equals(r.getNamespaceURI())) {
                depth[0]++;
                continue;
            }
            String name = r.getLocalName();
            switch (name) {
                case "title" -> i.title = clean(inline(text(r)));
                case "link" -> {
                    String href = r.getAttributeValue(null, "href");
                    String rel = r.getAttributeValue(null, "rel");
                    if (href != null) {
                        if ((rel == null || rel.equals("alternate")) && i.link == null) i.link = clean(href);
                        text(r);
                    } else if (i.link == null) {
                        i.link = clean(text(r));
                    } else {
                        text(r);
                    }
                }
                case "guid", "id" -> {
                    String g = clean(text(r));
                    if (g != null && g.matches("(?i)https?://\\S+")) i.guid = g;
                }
                case "pubDate", "date", "published", "issued" -> {
                    String d = clean(text(r));
                    if (i.published == null) i.published = d;
                }
                case "updated", "modified" -> i.updated = clean(text(r));
                case "author", "creator" -> {
                    String a = clean(text(r)); // Atom's author holds name, email and uri: its name comes first
                    if (a != null) i.authors.add(a.lines().findFirst().orElse(a).strip());
                }
                case "description", "summary" -> i.description = clean(body(text(r)));
                case "content", "encoded" -> i.content = clean(body(text(r)));
                default -> depth[0]++;
            }
        }
        if (i.link == null) i.link = i.guid;
        if (i.published == null) i.published = i.updated;
        // the fuller of description and content (feeds often give a teaser and the whole article)
        i.body = i.content != null && (i.description == null || i.content.length() >= i.description.length()) ? i.content : i.description;
        return i;
    }

    /**
     * The text of the element the reader is on, its child elements' text included (Atom's XHTML content,
     * Atom's author), a line break after each child element; the reader ends on the element's end tag.
     */
    private static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        boolean markup = false;
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int ev = r.next();
            switch (ev) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> sb.append(r.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    markup = true;
                    if (BLOCKS.contains(r.getLocalName())) sb.append('\n');
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (depth > 0) sb.append('\n');
                }
                default -> { }
            }
        }
        return markup ? sb.toString().replaceAll("\n[ \t]*", "\n") : sb.toString();
    }

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "tr", "pre", "section", "article", "figcaption", "dd", "dt");

    /** The blocks of XHTML (as in feeds) and NITF's own: subheads, blocks, notes, block quotes. */
    private static final Set<String> NITF_BLOCKS = java.util.stream.Stream.concat(BLOCKS.stream(),
            java.util.stream.Stream.of("hl2", "block", "note", "bq")).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** A title or name written as HTML (Atom's type="html", escaped entities) as plain text on one line. */
    private static String inline(String s) {
        if (s == null) return null;
        String t = s.indexOf('<') >= 0 || s.indexOf('&') >= 0 ? Jsoup.parse(s).text() : s;
        return t.replaceAll("\\s+", " ");
    }

    /** A description or content written as HTML as plain text, one paragraph per block, blank lines between. */
    private static String body(String s) {
        if (s == null) return null;
        if (s.indexOf('<') < 0 || s.indexOf('>') < 0) return paragraphs(s.replace("&nbsp;", " "));
        StringBuilder sb = new StringBuilder();
        blockText(Jsoup.parse(s).body(), sb);
        return paragraphs(sb.toString());
    }

    private static void blockText(Element e, StringBuilder sb) {
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                sb.append(t.getWholeText().replace('\n', ' '));
            } else if (n instanceof Element c) {
                if (c.normalName().equals("script") || c.normalName().equals("style")) continue;
                boolean block = BLOCKS.contains(c.normalName());
                if (block) sb.append('\n');
                blockText(c, sb);
                if (block) sb.append('\n');
            }
        }
    }

    /** Lines trimmed, runs of spaces as one, non-empty lines as paragraphs separated by one blank line. */
    private static String paragraphs(String s) {
        List<String> out = new ArrayList<>();
        for (String line : s.split("\n")) {
            String l = line.replaceAll("[\\s\\u00a0]+", " ").strip();
            if (!l.isEmpty()) out.add(l);
        }
        return String.join("\n\n", out);
    }

    private static String clean(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
