package org.parc.query;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.irix.IRIs;
import org.parc.ParcException;
import org.parc.extract.PartialDate;
import org.parc.rdf.NameKeys;
import org.parc.rdf.Vocab;

/**
 * A named SPARQL query from vocab/queries/NAME.rq. Its leading comment is the description;
 * {@code # @param NAME TYPE required|optional DESCRIPTION} lines declare the parameters, which
 * are variables of the query bound through Jena's {@link ParameterizedSparqlString} (values are
 * escaped and typed, never pasted in as text).
 *
 * <p>A line ending in the comment {@code #if NAME} is part of the query only when NAME is given, one
 * ending in {@code #unless NAME} only when it is not. A given value then takes part in the query's
 * joins (found through an index) instead of being compared with every row in a FILTER, which on
 * a large archive is the difference between milliseconds and seconds.
 */
public record SavedQuery(String name, String description, List<Param> params, String text) {

    /** The kinds of parameter values and the RDF terms they become. */
    public enum Type {
        /** An IRI, or a prefixed name with one of parc's prefixes (dcterms:title). */
        IRI,
        /** A plain string literal. */
        STRING,
        /** A name to look up: folded as {@code parc:nameKey} is (accents, case, spacing), so "sao paulo" finds "São Paulo". */
        NAME,
        /** 2017, 2017-06 or 2017-06-30: an xsd:gYear, xsd:gYearMonth or xsd:date literal. */
        DATE,
        /** An xsd:integer. */
        INTEGER
    }

    public record Param(String name, Type type, boolean required, String description) {}

    /** The query with the given parameter values bound; unknown, missing or malformed values are usage errors. */
    public Query bind(Map<String, String> values) {
        for (String k : values.keySet()) {
            if (params.stream().noneMatch(p -> p.name().equals(k))) {
                throw ParcException.usage("saved query '" + name + "' has no parameter '" + k + "'"
                        + (params.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", params.stream().map(Param::name).toList()) + ")"));
            }
        }
        ParameterizedSparqlString pss = new ParameterizedSparqlString(QueryService.PROLOGUE + conditional(text, values));
        for (Param p : params) {
            String v = values.get(p.name());
            if (v == null || v.isEmpty()) {
                if (p.required()) throw ParcException.usage("saved query '" + name + "' needs --param " + p.name() + "=... (" + p.description() + ")");
                continue;
            }
            switch (p.type()) {
                case IRI -> pss.setIri(p.name(), iri(p.name(), v));
                case STRING -> pss.setLiteral(p.name(), v);
                case NAME -> pss.setLiteral(p.name(), NameKeys.fold(v));
                case DATE -> pss.setLiteral(p.name(), date(p.name(), v));
                case INTEGER -> pss.setLiteral(p.name(), ResourceFactory.createTypedLiteral(integer(p.name(), v).toString(), XSDDatatype.XSDinteger));
            }
        }
        try {
            return pss.asQuery();
        } catch (QueryParseException e) {
            throw new IllegalStateException("saved query " + name + " does not parse: " + e.getMessage(), e);
        }
    }

    private static final java.util.regex.Pattern CONDITION = java.util.regex.Pattern.compile("#\\s*(if|unless)\\s+(\\w+(?:\\s+\\w+)*)\\s*$");

    /**
     * The condition ending a query line, or null; comment lines have none. {@code #if A B}: every one
     * of A, B given; {@code #unless A B}: none of them given.
     */
    private static java.util.regex.Matcher condition(String line) {
        java.util.regex.Matcher m = CONDITION.matcher(line);
        return m.find() && !line.stripLeading().startsWith("#") ? m : null;
    }

    /** The parameter names the text's {@code #if}/{@code #unless} lines depend on. */
    static java.util.Set<String> conditionNames(String text) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String line : text.split("\n", -1)) {
            java.util.regex.Matcher m = condition(line);
            if (m != null) out.addAll(java.util.List.of(m.group(2).split("\\s+")));
        }
        return out;
    }

    /** The text without the lines whose {@code #if}/{@code #unless} condition does not hold. */
    static String conditional(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            java.util.regex.Matcher m = condition(line);
            if (m != null) {
                boolean ifGiven = m.group(1).equals("if"), keep = true;
                for (String name : m.group(2).split("\\s+")) {
                    String v = values.get(name);
                    boolean given = v != null && !v.isEmpty();
                    if (given != ifGiven) keep = false;
                }
                if (!keep) continue;
                line = line.substring(0, m.start());
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String iri(String param, String v) {
        String s = v.strip();
        if (s.startsWith("<") && s.endsWith(">")) s = s.substring(1, s.length() - 1);
        int colon = s.indexOf(':');
        if (colon > 0 && !s.contains("://") && Vocab.PREFIXES.getNsPrefixURI(s.substring(0, colon)) != null) {
            s = Vocab.PREFIXES.expandPrefix(s);
        }
        if (!s.matches("[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>\"{}|\\\\^`]+") || !IRIs.check(s)) {
            throw ParcException.usage("--param " + param + " must be an IRI (or a prefixed name such as dcterms:title): " + v);
        }
        return s;
    }

    private static org.apache.jena.rdf.model.Literal date(String param, String v) {
        PartialDate d;
        try {
            d = PartialDate.parse(v.strip());
        } catch (RuntimeException e) {
            throw ParcException.usage("--param " + param + " must be a date such as 2017, 2017-06 or 2017-06-30: " + v);
        }
        XSDDatatype t = d.isDay() ? XSDDatatype.XSDdate : d.month() != null ? XSDDatatype.XSDgYearMonth : XSDDatatype.XSDgYear;
        return ResourceFactory.createTypedLiteral(d.toString(), t);
    }

    private static BigInteger integer(String param, String v) {
        try {
            return new BigInteger(v.strip());
        } catch (NumberFormatException e) {
            throw ParcException.usage("--param " + param + " must be an integer: " + v);
        }
    }
}
