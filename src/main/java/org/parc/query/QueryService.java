package org.parc.query;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.parc.ParcException;
import org.parc.rdf.Vocab;
import org.parc.store.Archive;

/** Runs SPARQL 1.1 queries over an archive and writes the results in a chosen format. */
public final class QueryService {
    /** Queries may leave out parc's usual prefixes. */
    public static final String PROLOGUE = prologue();

    static {
        JsonResultsWriter.install();
    }

    private QueryService() {}

    private static String prologue() {
        StringBuilder sb = new StringBuilder();
        Vocab.PREFIXES.getNsPrefixMap().forEach((p, ns) -> sb.append("PREFIX ").append(p).append(": <").append(ns).append(">\n"));
        return sb.toString();
    }

    /** Parses with parc's prefixes predeclared; a syntax error becomes a usage error with line and column. */
    public static Query parse(String sparql) {
        try {
            return QueryFactory.create(PROLOGUE + sparql);
        } catch (QueryParseException e) {
            throw ParcException.usage("malformed query: " + userPositions(e.getMessage()));
        }
    }

    /** Rewrites "line N" in a parser message to count from the user's first line, and keeps it to one line. */
    static String userPositions(String message) {
        int offset = (int) PROLOGUE.lines().count();
        String m = message == null ? "" : message;
        int cut = m.indexOf("Was expecting");
        if (cut > 0) m = m.substring(0, cut);
        var matcher = java.util.regex.Pattern.compile("(?i)(line )(\\d+)").matcher(m);
        StringBuilder sb = new StringBuilder();
        while (matcher.find()) {
            int line = Integer.parseInt(matcher.group(2)) - offset;
            matcher.appendReplacement(sb, matcher.group(1) + Math.max(1, line));
        }
        matcher.appendTail(sb);
        return sb.toString().replaceAll("\\s+", " ").strip();
    }

    /**
     * Runs the query and writes its results.
     *
     * @param format a result format name (text, csv, tsv, json, xml) for SELECT/ASK, an RDF format for
     *               CONSTRUCT/DESCRIBE; null picks text / turtle
     */
    public static void run(Archive archive, Query query, String format, OutputStream out, long timeoutMillis) {
        archive.read(conn -> {
            try (QueryExecution qe = conn.newQuery().query(archive.forUnionDefaultGraph(query)).timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
                if (query.isSelectType()) {
                    ResultSet rs = qe.execSelect();
                    Lang lang = OutputFormats.resultLang(format == null ? OutputFormats.TEXT : format);
                    if (lang == null) {
                        PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8);
                        ResultSetFormatter.out(ps, rs, org.apache.jena.shared.PrefixMapping.Factory.create().setNsPrefixes(Vocab.PREFIXES));
                        ps.flush();
                    } else {
                        ResultSetMgr.write(out, rs, lang);
                    }
                } else if (query.isAskType()) {
                    boolean b = qe.execAsk();
                    Lang lang = OutputFormats.resultLang(format == null ? OutputFormats.TEXT : format);
                    if (lang == null) {
                        out.write((b ? "yes\n" : "no\n").getBytes(StandardCharsets.UTF_8));
                    } else {
                        ResultSetMgr.write(out, b, lang == ResultSetLang.RS_TSV ? ResultSetLang.RS_CSV : lang);
                    }
                } else {
                    Model m = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                    m.setNsPrefixes(Vocab.PREFIXES);
                    RDFDataMgr.write(out, m, OutputFormats.rdfLang(format == null ? "turtle" : format));
                }
                out.flush();
            } catch (QueryCancelledException e) {
                throw ParcException.usage("query stopped after the timeout of " + timeoutMillis + " ms (--timeout)");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return null;
        });
    }

}
