package org.parc.serve;

import static org.parc.serve.Html.esc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.parc.rdf.Vocab;

/** Readable HTML pages for people: one per archive resource, and an index of articles. */
final class Pages {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45;color:#222}
            h1{font-size:1.6rem;margin-bottom:.2rem} h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
            .iri{font-family:monospace;font-size:.85rem;color:#555;word-break:break-all}
            dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem} dt{font-weight:600}
            table{border-collapse:collapse;font-size:.9rem} td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}
            code,.mono{font-family:monospace;word-break:break-all} pre{white-space:pre-wrap;background:#f7f7f7;padding:1rem}
            nav{font-size:.85rem}""";

    private final Resources resources;
    private final String sparqlPath;

    Pages(Resources resources, String sparqlPath) {
        this.resources = resources;
        this.sparqlPath = sparqlPath;
    }

    /** The page for one resource; {@code activities} only for articles. */
    String resource(String iri, Model m, List<Map<String, RDFNode>> activities) {
        Resource x = m.getResource(iri);
        boolean article = x.hasProperty(RDF.type, Vocab.NewsArticle);
        String heading = label(x);
        StringBuilder b = new StringBuilder();
        head(b, heading == null ? iri : heading);
        b.append("<h1>").append(esc(heading == null ? iri : heading)).append("</h1>\n");
        b.append("<p class=\"iri\">").append(esc(iri)).append("</p>\n");
        String self = resources.pathOf(iri);
        if (self != null) {
            b.append("<nav>Also as <a href=\"").append(esc(self)).append("?format=turtle\">Turtle</a> · <a href=\"")
                    .append(esc(self)).append("?format=jsonld\">JSON-LD</a></nav>\n");
        }
        if (article) article(b, x, m, activities);
        else generic(b, x, m);
        referencedBy(b, x, m);
        return foot(b);
    }

    String index(List<Map<String, RDFNode>> articles) {
        StringBuilder b = new StringBuilder();
        head(b, "Articles");
        b.append("<h1>Articles</h1>\n<p>SPARQL endpoint: <code>").append(esc(sparqlPath)).append("</code></p>\n<table>\n")
                .append("<tr><th>Issued</th><th>Title</th><th>Outlet</th></tr>\n");
        for (Map<String, RDFNode> row : articles) {
            String a = row.get("a").asResource().getURI();
            b.append("<tr><td>").append(esc(lex(row.get("issued")))).append("</td><td><a href=\"").append(esc(resources.href(a)))
                    .append("\">").append(esc(row.get("title") == null ? a : lex(row.get("title")))).append("</a></td><td>")
                    .append(esc(lex(row.get("outlet")))).append("</td></tr>\n");
        }
        b.append("</table>\n");
        return foot(b);
    }

    static String notFound(String iri) {
        StringBuilder b = new StringBuilder();
        head(b, "Not found");
        b.append("<h1>Not in this archive</h1>\n<p class=\"iri\">").append(esc(iri)).append("</p>\n");
        return foot(b);
    }

    private void article(StringBuilder b, Resource x, Model m, List<Map<String, RDFNode>> activities) {
        b.append("<dl>\n");
        row(b, "Outlet", values(x, Vocab.publisher));
        row(b, "Issued", values(x, Vocab.issued));
        row(b, "Language", values(x, Vocab.language));
        row(b, "Creators", values(x, Vocab.creator));
        row(b, "Editors", values(x, Vocab.editor));
        row(b, "Contributors", values(x, Vocab.contributor));
        row(b, "Byline", values(x, Vocab.creditText));
        row(b, "Dateline", values(x, Vocab.dateline));
        row(b, "Place", values(x, Vocab.locationCreated));
        row(b, "Dates mentioned", values(x, Vocab.temporal));
        row(b, "Revises", values(x, Vocab.wasRevisionOf));
        b.append("</dl>\n");

        List<RDFNode> mentions = values(x, Vocab.mentions);
        b.append("<h2>Mentions</h2>\n");
        if (mentions.isEmpty()) {
            b.append("<p>No people, organizations or places recorded.</p>\n");
        } else {
            b.append("<ul>\n");
            for (RDFNode e : mentions) {
                b.append("<li>").append(node(e)).append(typeNote(e.asResource(), m)).append("</li>\n");
            }
            b.append("</ul>\n");
        }

        b.append("<h2>Provenance</h2>\n<dl>\n");
        for (RDFNode src : values(x, Vocab.wasDerivedFrom)) {
            Resource s = src.asResource();
            row(b, "Source file", List.of(s));
            row(b, "SHA-256", values(s, Vocab.sha256));
        }
        row(b, "Generated by", values(x, Vocab.wasGeneratedBy));
        b.append("</dl>\n");
        if (!activities.isEmpty()) {
            b.append("<table>\n<tr><th>Stage</th><th>Activity</th><th>Started</th><th>Ended</th><th>Software</th></tr>\n");
            Map<String, List<Map<String, RDFNode>>> byAct = new java.util.LinkedHashMap<>();
            for (Map<String, RDFNode> r : activities) byAct.computeIfAbsent(r.get("act").toString(), k -> new ArrayList<>()).add(r);
            for (var e : byAct.entrySet()) {
                Map<String, RDFNode> first = e.getValue().get(0);
                Set<String> software = new LinkedHashSet<>();
                for (Map<String, RDFNode> r : e.getValue()) {
                    if (r.get("agentName") != null) software.add(lex(r.get("agentName")) + (r.get("version") == null ? "" : " " + lex(r.get("version"))));
                }
                b.append("<tr><td>").append(esc(lex(first.get("stage")))).append("</td><td>").append(link(e.getKey(), lex(first.get("label"))))
                        .append("</td><td>").append(esc(lex(first.get("start")))).append("</td><td>").append(esc(lex(first.get("end"))))
                        .append("</td><td>").append(esc(String.join(", ", software))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        evidence(b, x, m);
        List<RDFNode> texts = values(x, Vocab.normalizedText);
        for (RDFNode t : texts) {
            Statement s = t.asResource().getProperty(Vocab.text);
            if (s != null) b.append("<h2>Text</h2>\n<pre>").append(esc(s.getString())).append("</pre>\n");
        }
    }

    /** Why parc believes each value: the rdf:Statement evidence. */
    private void evidence(StringBuilder b, Resource x, Model m) {
        List<Resource> sts = m.listSubjectsWithProperty(Vocab.rdfSubject, x).toList();
        if (sts.isEmpty()) return;
        sts.sort(Comparator.comparing((Resource r) -> str(r.getPropertyResourceValue(Vocab.rdfPredicate)))
                .thenComparing(r -> String.valueOf(r.getProperty(Vocab.rdfObject) == null ? "" : r.getProperty(Vocab.rdfObject).getObject())));
        b.append("<h2>Evidence</h2>\n<table>\n<tr><th>Property</th><th>Value</th><th>Method</th><th>Detail</th><th>By</th></tr>\n");
        for (Resource st : sts) {
            Resource p = st.getPropertyResourceValue(Vocab.rdfPredicate);
            Statement o = st.getProperty(Vocab.rdfObject);
            b.append("<tr><td>").append(esc(p == null ? "" : shortName(p.getURI()))).append("</td><td>")
                    .append(o == null ? "" : node(o.getObject())).append("</td><td>")
                    .append(esc(st.hasProperty(Vocab.method) ? st.getProperty(Vocab.method).getString() : "")).append("</td><td>")
                    .append(esc(st.hasProperty(Vocab.detail) ? st.getProperty(Vocab.detail).getString() : "")).append("</td><td>")
                    .append(st.hasProperty(Vocab.wasGeneratedBy) ? node(st.getProperty(Vocab.wasGeneratedBy).getObject()) : "")
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private void generic(StringBuilder b, Resource x, Model m) {
        Map<String, List<RDFNode>> props = new TreeMap<>();
        x.listProperties().forEachRemaining(s -> props.computeIfAbsent(s.getPredicate().getURI(), k -> new ArrayList<>()).add(s.getObject()));
        b.append("<dl>\n");
        for (var e : props.entrySet()) {
            List<RDFNode> vs = new ArrayList<>(e.getValue());
            vs.sort(Comparator.comparing(Pages::str));
            row(b, shortName(e.getKey()), vs);
        }
        b.append("</dl>\n");
        evidence(b, x, m);
    }

    /** Resources that point at this one: the articles that mention an entity, and so on. */
    private void referencedBy(StringBuilder b, Resource x, Model m) {
        Map<String, Set<Resource>> in = new TreeMap<>();
        m.listStatements(null, null, x).forEachRemaining(s -> {
            if (!s.getPredicate().equals(Vocab.rdfSubject) && !s.getPredicate().equals(Vocab.rdfObject)) {
                in.computeIfAbsent(shortName(s.getPredicate().getURI()), k -> new java.util.TreeSet<>(Comparator.comparing(Pages::str))).add(s.getSubject());
            }
        });
        if (in.isEmpty()) return;
        b.append("<h2>Referenced by</h2>\n");
        for (var e : in.entrySet()) {
            b.append("<h3>").append(esc(e.getKey())).append("</h3>\n<ul>\n");
            for (Resource r : e.getValue()) b.append("<li>").append(node(r)).append("</li>\n");
            b.append("</ul>\n");
        }
    }

    private void row(StringBuilder b, String name, List<? extends RDFNode> vs) {
        if (vs.isEmpty()) return;
        b.append("<dt>").append(esc(name)).append("</dt><dd>");
        for (int i = 0; i < vs.size(); i++) {
            if (i > 0) b.append(", ");
            b.append(node(vs.get(i)));
        }
        b.append("</dd>\n");
    }

    private String node(RDFNode n) {
        if (n.isLiteral()) {
            Literal l = n.asLiteral();
            String t = l.getString();
            if (t.length() > 400) t = t.substring(0, 400) + "…";
            return esc(t);
        }
        if (n.isAnon()) return "<span class=\"mono\">_:" + esc(n.asResource().getId().getLabelString()) + "</span>";
        Resource r = n.asResource();
        String label = label(r);
        return link(r.getURI(), label != null ? label : shortName(r.getURI()));
    }

    private String link(String iri, String text) {
        return "<a href=\"" + esc(resources.href(iri)) + "\">" + esc(text == null || text.isEmpty() ? iri : text) + "</a>";
    }

    private static String typeNote(Resource r, Model m) {
        for (Resource t : List.of(Vocab.Person, Vocab.Organization, Vocab.Place)) {
            if (m.contains(r, RDF.type, t)) return " <small>(" + esc(t.getLocalName()) + ")</small>";
        }
        return "";
    }

    private static String label(Resource r) {
        for (Property p : List.of(Vocab.title, Vocab.name, Vocab.label)) {
            Statement s = r.getProperty(p);
            if (s != null && s.getObject().isLiteral()) {
                String v = s.getString();
                if (p.equals(Vocab.name) && r.hasProperty(Vocab.softwareVersion)) v += " " + r.getProperty(Vocab.softwareVersion).getString();
                return v;
            }
        }
        return null;
    }

    private static List<RDFNode> values(Resource x, Property p) {
        List<RDFNode> out = new ArrayList<>();
        x.listProperties(p).forEachRemaining(s -> out.add(s.getObject()));
        out.sort(Comparator.comparing(Pages::str));
        return out;
    }

    private static String shortName(String iri) {
        String s = Vocab.PREFIXES.shortForm(iri);
        return s == null ? iri : s;
    }

    private static String lex(RDFNode n) {
        if (n == null) return "";
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    private static String str(RDFNode n) {
        return n == null ? "" : n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString();
    }

    private static void head(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title))
                .append(" · parc</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>")
                .append(STYLE).append("</style>\n</head>\n<body>\n<nav><a href=\"/\">All articles</a></nav>\n");
    }

    private static String foot(StringBuilder b) {
        b.append("</body>\n</html>\n");
        return b.toString();
    }
}
