package org.parc.extract.meta;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The schema.org objects of a page's JSON-LD blocks, flattened (arrays, @graph, mainEntity). */
final class JsonLd {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    /** Types whose headline/author/datePublished describe the page's article. */
    private static final Pattern ARTICLE_TYPES = Pattern.compile(
            "(?i).*(Article|BlogPosting|NewsArticle|Report|LiveBlogPosting|Posting|CreativeWork|WebPage|Review|"
                    + "VideoObject|Recipe|Blog|ScholarlyArticle|Story|Opinion|Analysis|Column).*");

    private JsonLd() {}

    /** All objects of all blocks, in document order. Malformed blocks are skipped. */
    static List<JsonNode> objects(List<String> blocks) {
        List<JsonNode> out = new ArrayList<>();
        for (String b : blocks) {
            String s = b.strip();
            if (s.startsWith("<!--")) s = s.substring(4);
            if (s.endsWith("-->")) s = s.substring(0, s.length() - 3);
            s = s.replaceAll("^\\s*//\\s*<!\\[CDATA\\[|//\\s*]]>\\s*$", "").replaceAll("^\\s*<!\\[CDATA\\[|]]>\\s*$", "");
            try {
                collect(JSON.readTree(s), out, 0);
            } catch (Exception e) {
                // a broken block says nothing
            }
        }
        return out;
    }

    private static void collect(JsonNode n, List<JsonNode> out, int depth) {
        if (n == null || depth > 4) return;
        if (n.isArray()) {
            for (JsonNode c : n) collect(c, out, depth + 1);
        } else if (n.isObject()) {
            if (n.has("@type")) out.add(n);
            collect(n.get("@graph"), out, depth + 1);
            JsonNode main = n.get("mainEntity");
            if (main != null && main.isObject() && main.has("@type")) collect(main, out, depth + 1);
        }
    }

    static List<String> types(JsonNode n) {
        List<String> t = new ArrayList<>();
        JsonNode ty = n.get("@type");
        if (ty == null) return t;
        if (ty.isArray()) ty.forEach(x -> t.add(x.asText()));
        else t.add(ty.asText());
        return t;
    }

    static boolean isArticle(JsonNode n) {
        for (String t : types(n)) if (ARTICLE_TYPES.matcher(t).matches() && !t.equals("WebSite")) return true;
        return false;
    }

    /** Rank: real article types first, then generic pages. Lower is better. */
    static int rank(JsonNode n) {
        int best = 9;
        for (String t : types(n)) {
            String l = t.toLowerCase(Locale.ROOT);
            if (l.contains("article") || l.contains("posting") || l.equals("report") || l.equals("review")) best = Math.min(best, 0);
            else if (l.equals("webpage") || l.equals("itempage") || l.equals("collectionpage")) best = Math.min(best, 2);
            else if (isArticle(n)) best = Math.min(best, 1);
        }
        return best;
    }

    /** A text value: string, {"@value"}, {"name"}, or the first of an array. */
    static String text(JsonNode n, String key) {
        if (n == null) return null;
        JsonNode v = n.get(key);
        return text(v);
    }

    static String text(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isArray()) {
            for (JsonNode c : v) {
                String s = text(c);
                if (s != null) return s;
            }
            return null;
        }
        if (v.isObject()) {
            if (v.has("@value")) return text(v.get("@value"));
            if (v.has("name")) return text(v.get("name"));
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }
}
