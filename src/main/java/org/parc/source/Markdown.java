package org.parc.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Markdown sources (blog and newsroom posts from static-site generators, notes): the front matter
 * is the author's own catalogue record of the post, and the body is rendered to HTML so that the
 * web-page extractors see its headings and paragraphs instead of "#", "**" and link targets.
 *
 * <p>Front matter is what Jekyll, Hugo, Eleventy, Astro and Pandoc read: YAML between "---" lines,
 * TOML between "+++" lines, or a Pandoc title block ("% title", "% authors", "% date"). A block that
 * does not parse as a mapping is no front matter ("---" also starts a thematic break) and stays text.
 * The values parc catalogues are kept under the keys below, each with the key it was read from in
 * {@code KEY + FROM}, for provenance.
 */
public final class Markdown {
    private Markdown() {}

    public static final String FRONT_MATTER = "markdown:front-matter";
    public static final String TITLE = "markdown:title";
    public static final String DATE = "markdown:date";
    public static final String AUTHOR = "markdown:author";
    public static final String LANGUAGE = "markdown:language";
    public static final String PUBLISHER = "markdown:publisher";
    public static final String URL = "markdown:url";
    /** Suffix of the key naming the front-matter field a value was read from ("markdown:date.from" = "publishDate"). */
    public static final String FROM = ".from";

    /** The file as an HTML page, and the front matter's values by the keys above. */
    public record Result(String html, Map<String, List<String>> metadata) {}

    /** Front matter longer than this is not a post's header but a data file: it is left as text. */
    static final int MAX_FRONT_MATTER = 64 * 1024;

    private static final Set<String> TYPES = Set.of("text/markdown", "text/x-markdown", "text/x-web-markdown");
    private static final Pattern EXTENSION = Pattern.compile("(?i).*\\.(md|markdown|mdown|mkd|mkdn)");

    /**
     * A Markdown file: by Tika's type, or a text file named as Markdown (Tika's magic takes a Pandoc
     * title block's "%" for a MATLAB comment).
     */
    public static boolean is(String mediaType, String fileName) {
        return TYPES.contains(mediaType) || mediaType.startsWith("text/") && !mediaType.equals("text/html")
                && fileName != null && EXTENSION.matcher(fileName).matches();
    }

    /** The media type to record: Markdown's registered one where Tika named a Markdown file otherwise. */
    public static String mediaType(String detected) {
        return TYPES.contains(detected) ? detected : "text/markdown";
    }

    // Field names as the generators spell them, in order of preference; compared without case, "_" or "-".
    private static final List<String> TITLE_KEYS = List.of("title", "headline");
    private static final List<String> DATE_KEYS = List.of("datepublished", "published", "publishdate", "pubdate", "publicationdate", "date");
    private static final List<String> AUTHOR_KEYS = List.of("author", "authors", "byline", "creator", "creators");
    private static final List<String> LANGUAGE_KEYS = List.of("lang", "language", "inlanguage", "locale");
    private static final List<String> PUBLISHER_KEYS = List.of("publisher", "publication", "outlet", "newspaper");
    private static final List<String> URL_KEYS = List.of("canonicalurl", "canonical", "originalurl", "sourceurl", "url", "link", "permalink");

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(List.of(TablesExtension.create()))
            .sanitizeUrls(true).build();
    private static final ObjectMapper YAML;
    private static final ObjectMapper TOML = new TomlMapper();

    static {
        // A post's header is small: refuse alias bombs and deep nesting instead of expanding them.
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_FRONT_MATTER);
        YAML = new YAMLMapper(YAMLFactory.builder().loaderOptions(options).build());
    }

    private static final Pattern YAML_BLOCK = Pattern.compile("\\A---[ \\t]*\\n(.*?\\n)?(?:---|\\.\\.\\.)[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);
    private static final Pattern TOML_BLOCK = Pattern.compile("\\A\\+\\+\\+[ \\t]*\\n(.*?\\n)?\\+\\+\\+[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_@$][\\w.@$-]{0,63}");
    private static final Pattern PANDOC_BLOCK = Pattern.compile("\\A(%[^\\n]*\\n(?:[ \\t]+[^\\n]*\\n)*){1,3}");

    /** Reads a Markdown file's text (decoded, any byte-order mark already gone). */
    public static Result read(String source) throws SourceException {
        String s = source.replace("\r\n", "\n").replace('\r', '\n');
        if (s.startsWith("\uFEFF")) s = s.substring(1);
        Map<String, List<String>> meta = new LinkedHashMap<>();
        String body = s;
        Matcher m;
        // the closing line is looked for in the first 64 KB only: a long file that opens with a thematic break is not scanned
        int region = Math.min(s.length(), MAX_FRONT_MATTER + 16);
        if ((m = YAML_BLOCK.matcher(s).region(0, region).useAnchoringBounds(false)).lookingAt()) {
            JsonNode fm = parse(YAML, m.group(1));
            if (fm != null) {
                record(fm, "YAML", meta);
                body = s.substring(m.end());
            }
        } else if ((m = TOML_BLOCK.matcher(s).region(0, region).useAnchoringBounds(false)).lookingAt()) {
            JsonNode fm = parse(TOML, m.group(1));
            if (fm != null) {
                record(fm, "TOML", meta);
                body = s.substring(m.end());
            }
        } else if ((m = PANDOC_BLOCK.matcher(s)).lookingAt()) {
            pandoc(m.group(), meta);
            body = s.substring(m.end());
        }
        Node doc;
        String rendered;
        try {
            doc = PARSER.parse(body);
            rendered = RENDERER.render(doc);
        } catch (StackOverflowError e) {
            throw new SourceException("Markdown nested too deeply to read");
        }
        String title = first(meta, TITLE);
        StringBuilder html = new StringBuilder(rendered.length() + 256).append("<!DOCTYPE html>\n<html");
        String lang = first(meta, LANGUAGE);
        if (lang != null) html.append(" lang=\"").append(escape(lang.replace('_', '-'))).append('"'); // "en_GB", a locale, as a language tag
        html.append("><head><meta charset=\"utf-8\">");
        if (title != null) html.append("<title>").append(escape(title)).append("</title>");
        html.append("</head>\n<body>\n<article>\n");
        // The generator's layout prints the title as the page's headline: so does parc, unless the body opens with it.
        if (title != null && !title.equalsIgnoreCase(firstHeading(doc))) html.append("<h1>").append(escape(title)).append("</h1>\n");
        html.append(rendered).append("</article>\n</body></html>\n");
        return new Result(html.toString(), meta);
    }

    private static JsonNode parse(ObjectMapper mapper, String block) {
        if (block == null || block.isBlank()) return null;
        try {
            JsonNode n = mapper.readTree(block);
            if (n == null || !n.isObject() || n.isEmpty()) return null;
            // field names, not prose that happens to hold ": " ("Nothing else here, key: value.")
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) if (!FIELD.matcher(it.next()).matches()) return null;
            return n;
        } catch (Exception | StackOverflowError e) {
            return null; // not front matter (or one parc will not expand): the block stays part of the text
        }
    }

    private static void record(JsonNode fm, String format, Map<String, List<String>> meta) {
        meta.put(FRONT_MATTER, List.of(format));
        put(meta, TITLE, fm, TITLE_KEYS, false);
        put(meta, DATE, fm, DATE_KEYS, false);
        put(meta, AUTHOR, fm, AUTHOR_KEYS, true);
        put(meta, LANGUAGE, fm, LANGUAGE_KEYS, false);
        put(meta, PUBLISHER, fm, PUBLISHER_KEYS, false);
        put(meta, URL, fm, URL_KEYS, false);
        // an address is the article's only when absolute ("/2019/10/post/" is the site's path)
        String url = first(meta, URL);
        if (url != null && !url.matches("(?i)https?://\\S+")) {
            meta.remove(URL);
            meta.remove(URL + FROM);
        }
    }

    /** The first of {@code keys} the front matter has with a usable value; names of people or things as text. */
    private static void put(Map<String, List<String>> meta, String key, JsonNode fm, List<String> keys, boolean many) {
        for (String want : keys) {
            for (Iterator<Map.Entry<String, JsonNode>> it = fm.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!fold(e.getKey()).equals(want)) continue;
                List<String> values = new ArrayList<>();
                collect(e.getValue(), values, many);
                if (values.isEmpty()) continue;
                meta.put(key, many ? List.copyOf(values) : List.of(values.get(0)));
                meta.put(key + FROM, List.of(e.getKey()));
                return;
            }
        }
    }

    /** Text of a value: a string or number, each element of a list, an object's "name" (an author as {name: …}). */
    private static void collect(JsonNode v, List<String> out, boolean many) {
        if (v == null || v.isNull()) return;
        if (v.isValueNode()) {
            String t = v.asText().strip().replaceAll("\\s+", " ");
            if (!t.isEmpty() && t.length() <= 500) out.add(t);
        } else if (v.isArray()) {
            for (JsonNode e : v) {
                collect(e, out, many);
                if (!many && !out.isEmpty()) return;
            }
        } else if (v.isObject()) {
            for (String k : new String[] {"name", "display_name", "displayName", "title"}) {
                if (v.has(k) && v.get(k).isValueNode()) {
                    collect(v.get(k), out, many);
                    return;
                }
            }
        }
    }

    /** Pandoc's title block: "% title", "% authors; separated; so", "% date", each maybe continued on indented lines. */
    private static void pandoc(String block, Map<String, List<String>> meta) {
        String[] parts = block.split("\n(?=%)");
        String[][] fields = {{TITLE, "title"}, {AUTHOR, "author"}, {DATE, "date"}};
        meta.put(FRONT_MATTER, List.of("Pandoc title block"));
        for (int i = 0; i < parts.length && i < 3; i++) {
            String v = parts[i].substring(1).replaceAll("\\s+", " ").strip();
            if (v.isEmpty()) continue;
            List<String> values = i == 1 ? java.util.Arrays.stream(v.split(";")).map(String::strip).filter(x -> !x.isEmpty()).toList() : List.of(v);
            meta.put(fields[i][0], values);
            meta.put(fields[i][0] + FROM, List.of(fields[i][1]));
        }
    }

    private static String fold(String key) {
        return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static String first(Map<String, List<String>> meta, String key) {
        List<String> v = meta.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The text of the body's first heading, if the body opens with one. */
    private static String firstHeading(Node doc) {
        Node first = doc.getFirstChild();
        if (!(first instanceof Heading h)) return null;
        StringBuilder b = new StringBuilder();
        for (Node n = h.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) b.append(t.getLiteral());
        }
        return b.toString().strip();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
