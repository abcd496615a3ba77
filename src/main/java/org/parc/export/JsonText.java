package org.parc.export;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deterministic JSON printer for JSON-LD: object keys sorted (so "@context", "@id", "@type" come
 * first), array elements sorted by their text (JSON-LD arrays are unordered sets unless @list, which
 * stay in order), two-space indentation, "\n" line ends, UTF-8 text left unescaped.
 */
final class JsonText {
    private JsonText() {}

    static String pretty(JsonValue v, int indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, canonical(v, false), indent);
        return sb.toString();
    }

    /** Sorted copy: keys in order, arrays sorted except the values of @list. */
    private static Object canonical(JsonValue v, boolean keepOrder) {
        switch (v.getValueType()) {
            case OBJECT -> {
                TreeMap<String, Object> m = new TreeMap<>();
                for (Map.Entry<String, JsonValue> e : ((JsonObject) v).entrySet()) {
                    m.put(e.getKey(), canonical(e.getValue(), e.getKey().equals("@list")));
                }
                return m;
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (JsonValue x : (JsonArray) v) items.add(canonical(x, false));
                if (!keepOrder) items.sort((a, b) -> compact(a).compareTo(compact(b)));
                return items;
            }
            case STRING -> {
                return (JsonString) v;
            }
            default -> {
                return v;
            }
        }
    }

    private static String compact(Object o) {
        StringBuilder sb = new StringBuilder();
        write(sb, o, -1);
        return sb.toString();
    }

    /** indent < 0: one line. */
    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Object o, int indent) {
        if (o instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (!first) sb.append(',');
                first = false;
                newline(sb, indent + 1);
                string(sb, e.getKey());
                sb.append(indent < 0 ? ":" : ": ");
                write(sb, e.getValue(), indent < 0 ? -1 : indent + 1);
            }
            newline(sb, indent);
            sb.append('}');
        } else if (o instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            boolean first = true;
            for (Object x : l) {
                if (!first) sb.append(',');
                first = false;
                newline(sb, indent + 1);
                write(sb, x, indent < 0 ? -1 : indent + 1);
            }
            newline(sb, indent);
            sb.append(']');
        } else if (o instanceof JsonString s) {
            string(sb, s.getString());
        } else {
            sb.append(o.toString());
        }
    }

    private static void newline(StringBuilder sb, int indent) {
        if (indent < 0) return;
        sb.append('\n');
        sb.append("  ".repeat(indent));
    }

    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
