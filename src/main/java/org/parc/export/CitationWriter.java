package org.parc.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bibliographic exports for citation managers (Zotero, JabRef, EndNote...): CSL-JSON, BibTeX and
 * RIS, one entry per schema:NewsArticle, written as the articles stream past.
 */
abstract class CitationWriter {
    abstract void begin();

    abstract void write(Citation c);

    abstract void end();

    static CitationWriter of(ExportFormat f, OutputStream out) {
        return switch (f) {
            case CSL_JSON -> new Csl(out);
            case BIBTEX -> new BibTex(out);
            case RIS -> new Ris(out);
            default -> throw new IllegalArgumentException(f + " is not a bibliographic format");
        };
    }

    /** CSL-JSON (citationstyles.org schema): an array of items, type article-newspaper. */
    static final class Csl extends CitationWriter {
        private final JsonGenerator gen;
        private final ObjectMapper mapper = new ObjectMapper();

        Csl(OutputStream out) {
            try {
                gen = mapper.getFactory().createGenerator(out);
                gen.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                DefaultIndenter nl = new DefaultIndenter("  ", "\n");
                gen.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(nl).withArrayIndenter(nl).withoutSpacesInObjectEntries());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        void begin() {
            io(gen::writeStartArray);
        }

        @Override
        void write(Citation c) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", c.key());
            item.put("type", "article-newspaper");
            if (c.title() != null) item.put("title", c.title());
            if (!c.authors().isEmpty()) item.put("author", names(c.authors()));
            if (!c.editors().isEmpty()) item.put("editor", names(c.editors()));
            if (c.outlet() != null) {
                item.put("container-title", c.outlet());
                item.put("publisher", c.outlet());
            }
            if (c.year() != null) {
                List<Integer> parts = new ArrayList<>(List.of(c.year()));
                if (c.month() != null) parts.add(c.month());
                if (c.month() != null && c.day() != null) parts.add(c.day());
                item.put("issued", Map.of("date-parts", List.of(parts)));
            }
            if (c.language() != null) item.put("language", c.language());
            if (c.url() != null) item.put("URL", c.url());
            io(() -> mapper.writeValue(gen, item));
        }

        private static List<Map<String, String>> names(List<Citation.Name> names) {
            List<Map<String, String>> out = new ArrayList<>();
            for (Citation.Name n : names) {
                Map<String, String> m = new LinkedHashMap<>();
                if (n.literal() != null) {
                    m.put("literal", n.literal());
                } else {
                    m.put("family", n.family());
                    m.put("given", n.given());
                }
                out.add(m);
            }
            return out;
        }

        @Override
        void end() {
            io(() -> {
                gen.writeEndArray();
                gen.writeRaw('\n');
                gen.flush();
            });
        }
    }

    /** BibTeX @article entries (journal = the outlet), UTF-8, with biblatex's date and langid too. */
    static final class BibTex extends CitationWriter {
        private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
        private final Writer w;
        private boolean first = true;

        BibTex(OutputStream out) {
            w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        }

        @Override
        void begin() {}

        @Override
        void write(Citation c) {
            StringBuilder sb = new StringBuilder();
            if (!first) sb.append('\n');
            first = false;
            sb.append("@article{").append(c.key()).append(",\n");
            field(sb, "title", c.title());
            field(sb, "author", joined(c.authors()));
            field(sb, "editor", joined(c.editors()));
            field(sb, "journal", c.outlet());
            field(sb, "publisher", c.outlet());
            if (c.year() != null) {
                field(sb, "year", Integer.toString(c.year()));
                if (c.month() != null) sb.append("  month = ").append(MONTHS[c.month() - 1]).append(",\n");
                field(sb, "date", isoDate(c));
            }
            field(sb, "language", c.language());
            field(sb, "url", c.url());
            sb.setLength(sb.length() - 2);
            sb.append("\n}\n");
            print(w, sb.toString());
        }

        private static String joined(List<Citation.Name> names) {
            if (names.isEmpty()) return null;
            List<String> parts = new ArrayList<>();
            // organizations in an extra pair of braces, so BibTeX does not split them into first and last names
            for (Citation.Name n : names) parts.add(n.literal() != null ? "{" + escape(n.literal()) + "}" : escape(n.inverted()));
            return String.join(" and ", parts);
        }

        private static void field(StringBuilder sb, String name, String value) {
            if (value == null) return;
            // names come escaped; URLs are verbatim fields (url package, biblatex): only braces must not appear raw
            String v = switch (name) {
                case "author", "editor" -> value;
                case "url" -> value.replace("{", "%7B").replace("}", "%7D");
                default -> escape(value);
            };
            sb.append("  ").append(name).append(" = {").append(v).append("},\n");
        }

        /** TeX's special characters escaped; non-ASCII letters stay UTF-8 (biber and modern BibTeX read it). */
        static String escape(String s) {
            StringBuilder sb = new StringBuilder();
            for (char ch : s.toCharArray()) {
                switch (ch) {
                    case '\\' -> sb.append("\\textbackslash{}");
                    case '{', '}', '&', '%', '$', '#', '_' -> sb.append('\\').append(ch);
                    case '~' -> sb.append("\\textasciitilde{}");
                    case '^' -> sb.append("\\textasciicircum{}");
                    default -> sb.append(ch);
                }
            }
            return sb.toString();
        }

        @Override
        void end() {
            flush(w);
        }
    }

    /** RIS (RefMan tagged format), type NEWS, CRLF line ends as the format prescribes. */
    static final class Ris extends CitationWriter {
        private final Writer w;

        Ris(OutputStream out) {
            w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        }

        @Override
        void begin() {}

        @Override
        void write(Citation c) {
            StringBuilder sb = new StringBuilder();
            tag(sb, "TY", "NEWS");
            tag(sb, "ID", c.key());
            tag(sb, "TI", c.title());
            for (Citation.Name n : c.authors()) tag(sb, "AU", n.inverted());
            for (Citation.Name n : c.editors()) tag(sb, "ED", n.inverted());
            tag(sb, "T2", c.outlet());
            tag(sb, "PB", c.outlet());
            if (c.year() != null) {
                tag(sb, "PY", Integer.toString(c.year()));
                tag(sb, "DA", String.format("%04d/%s/%s/", c.year(), c.month() == null ? "" : String.format("%02d", c.month()),
                        c.day() == null ? "" : String.format("%02d", c.day())));
            }
            tag(sb, "LA", c.language());
            tag(sb, "UR", c.url());
            sb.append("ER  - \r\n\r\n");
            print(w, sb.toString());
        }

        private static void tag(StringBuilder sb, String tag, String value) {
            if (value == null) return;
            sb.append(tag).append("  - ").append(value.replaceAll("[\\r\\n]+", " ")).append("\r\n");
        }

        @Override
        void end() {
            flush(w);
        }
    }

    static String isoDate(Citation c) {
        if (c.year() == null) return null;
        String d = String.format("%04d", c.year());
        if (c.month() != null) d += String.format("-%02d", c.month());
        if (c.month() != null && c.day() != null) d += String.format("-%02d", c.day());
        return d;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void print(Writer w, String s) {
        io(() -> w.write(s));
    }

    private static void flush(Writer w) {
        io(w::flush);
    }
}
