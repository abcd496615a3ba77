package org.parc.query;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.riot.out.NodeToLabel;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetWriter;
import org.apache.jena.riot.rowset.RowSetWriterFactory;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.riot.system.SyntaxLabels;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sys.JenaSystem;

/**
 * SPARQL 1.1 Query Results JSON ({@code application/sparql-results+json}), written compactly: one
 * row per line, no indentation, straight into a buffered UTF-8 writer. Jena's own writer indents
 * every member and quotes each string through a builder; on a 5,000-row result that made the JSON
 * cost as much as the query. Same terms as Jena's writer (IRIs, blank nodes, literals with language,
 * direction or datatype, triple terms); {@link #install} makes it the JSON results writer of the
 * process, for {@code parc query} and for {@code parc serve}'s Fuseki alike.
 */
public final class JsonResultsWriter implements RowSetWriter {
    private static final RowSetWriterFactory FACTORY = lang -> {
        if (!ResultSetLang.RS_JSON.equals(lang)) throw new IllegalArgumentException("not JSON results: " + lang);
        return new JsonResultsWriter();
    };
    private static volatile boolean installed;

    /** Registers this writer for {@link ResultSetLang#RS_JSON}, after Jena has registered its own. Idempotent. */
    public static void install() {
        if (installed) return;
        synchronized (JsonResultsWriter.class) {
            if (installed) return;
            JenaSystem.init();
            RowSetWriterRegistry.register(ResultSetLang.RS_JSON, FACTORY);
            installed = true;
        }
    }

    @Override
    public void write(OutputStream out, RowSet rowSet, Context context) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        write(w, rowSet, context);
    }

    @Override
    public void write(Writer out, RowSet rowSet, Context context) {
        try {
            new Rows(out, context).write(rowSet);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(OutputStream out, boolean result, Context context) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("{\"head\":{},\"boolean\":" + result + "}\n");
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state of writing one result set. */
    private static final class Rows {
        private final Writer out;
        private final NodeToLabel labels;

        Rows(Writer out, Context context) {
            this.out = out;
            // As Jena's writer: blank node labels as stored only when asked for, else fresh ones.
            this.labels = context != null && context.isTrue(ARQ.outputGraphBNodeLabels)
                    ? SyntaxLabels.createNodeToLabelAsGiven() : SyntaxLabels.createNodeToLabel();
        }

        void write(RowSet rowSet) throws IOException {
            List<Var> vars = rowSet.getResultVars();
            String[] keys = new String[vars.size()];
            out.write("{\"head\":{\"vars\":[");
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) out.write(',');
                java.io.StringWriter key = new java.io.StringWriter();
                string(key, vars.get(i).getVarName());
                keys[i] = key.toString();
                out.write(keys[i]);
            }
            out.write("]},\"results\":{\"bindings\":[");
            boolean firstRow = true;
            while (rowSet.hasNext()) {
                Binding b = rowSet.next();
                out.write(firstRow ? "\n{" : ",\n{");
                firstRow = false;
                boolean first = true;
                for (int i = 0; i < keys.length; i++) {
                    Node value = b.get(vars.get(i));
                    if (value == null) continue;
                    if (!first) out.write(',');
                    first = false;
                    out.write(keys[i]);
                    out.write(':');
                    term(value);
                }
                out.write('}');
            }
            out.write("\n]}}\n");
        }

        private void term(Node n) throws IOException {
            if (n.isURI()) {
                out.write("{\"type\":\"uri\",\"value\":");
                string(n.getURI());
            } else if (n.isBlank()) {
                out.write("{\"type\":\"bnode\",\"value\":");
                string(labels.get(null, n).substring(2)); // without its "_:"
            } else if (n.isLiteral()) {
                out.write("{\"type\":\"literal\",");
                String lang = n.getLiteralLanguage();
                if (lang != null && !lang.isEmpty()) {
                    out.write("\"xml:lang\":");
                    string(lang);
                    out.write(',');
                    if (n.getLiteralBaseDirection() != null) {
                        out.write("\"its:dir\":");
                        string(n.getLiteralBaseDirection().direction());
                        out.write(',');
                    }
                } else if (!org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring.getURI().equals(n.getLiteralDatatypeURI())) {
                    out.write("\"datatype\":");
                    string(n.getLiteralDatatypeURI());
                    out.write(',');
                }
                out.write("\"value\":");
                string(n.getLiteralLexicalForm());
            } else if (n.isTripleTerm()) {
                Triple t = n.getTriple();
                out.write("{\"type\":\"triple\",\"value\":{\"subject\":");
                term(t.getSubject());
                out.write(",\"predicate\":");
                term(t.getPredicate());
                out.write(",\"object\":");
                term(t.getObject());
                out.write('}');
            } else {
                throw new IllegalArgumentException("not an RDF term in a result: " + n);
            }
            out.write('}');
        }

        private void string(String s) throws IOException {
            string(out, s);
        }

        /** A JSON string: quote, backslash and control characters escaped, everything else as is (UTF-8). */
        private static void string(Writer out, String s) throws IOException {
            out.write('"');
            int from = 0;
            for (int i = 0, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c != '"' && c != '\\') continue;
                if (i > from) out.write(s, from, i - from);
                from = i + 1;
                switch (c) {
                    case '"' -> out.write("\\\"");
                    case '\\' -> out.write("\\\\");
                    case '\n' -> out.write("\\n");
                    case '\r' -> out.write("\\r");
                    case '\t' -> out.write("\\t");
                    case '\b' -> out.write("\\b");
                    case '\f' -> out.write("\\f");
                    default -> out.write(String.format("\\u%04x", (int) c));
                }
            }
            if (from < s.length()) out.write(s, from, s.length() - from);
            out.write('"');
        }
    }
}
