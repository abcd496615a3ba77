package org.parc.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.parc.rdf.Iris;
import org.parc.rdf.Vocab;
import org.parc.source.Checksums;

/** Reads the citations of the schema:NewsArticle resources in a graph (one document's, or a CONSTRUCT result). */
public final class Citations {
    private static final Pattern DATE = Pattern.compile("^(-?\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final java.util.Set<String> STOPWORDS = java.util.Set.of("a", "an", "the", "of", "in", "on", "and", "to");

    private Citations() {}

    /** The graph's articles in IRI order. */
    public static List<Citation> of(Graph g) {
        List<String> articles = new ArrayList<>();
        g.find(Node.ANY, RDF.type.asNode(), Vocab.NewsArticle.asNode()).forEachRemaining(t -> {
            if (t.getSubject().isURI()) articles.add(t.getSubject().getURI());
        });
        articles.sort(null);
        List<Citation> out = new ArrayList<>();
        for (String a : articles) out.add(citation(g, a));
        return out;
    }

    private static Citation citation(Graph g, String iri) {
        Node art = org.apache.jena.graph.NodeFactory.createURI(iri);
        String title = literal(g, art, Vocab.title.asNode());
        Map<String, Integer> positions = creditPositions(g, art);
        List<Citation.Name> authors = names(g, art, Vocab.creator.asNode(), positions);
        List<Citation.Name> editors = names(g, art, Vocab.editor.asNode(), positions);
        String outlet = null;
        Node pub = first(g, art, Vocab.publisher.asNode());
        if (pub != null) outlet = pub.isLiteral() ? pub.getLiteralLexicalForm() : literal(g, pub, Vocab.name.asNode());
        Integer year = null, month = null, day = null;
        String issued = literal(g, art, Vocab.issued.asNode());
        if (issued != null) {
            Matcher m = DATE.matcher(issued);
            if (m.find()) {
                year = Integer.parseInt(m.group(1));
                if (m.group(2) != null) month = Integer.parseInt(m.group(2));
                if (m.group(3) != null) day = Integer.parseInt(m.group(3));
            }
        }
        String language = literal(g, art, Vocab.language.asNode());
        String url = iriOrLiteral(first(g, art, Vocab.sourceUrl.asNode()));
        if (url == null) url = iriOrLiteral(first(g, art, Vocab.url.asNode()));
        if (url == null) {
            // parc records where a file was fetched from on the source file the article comes from
            List<Node> sources = objects(g, art, Vocab.wasDerivedFrom.asNode());
            for (Node s : sources) {
                url = iriOrLiteral(first(g, s, Vocab.sourceUrl.asNode()));
                if (url != null) break;
            }
        }
        String who = !authors.isEmpty() ? nameKey(authors.get(0)) : outlet != null ? outlet : "anon";
        return new Citation(key(who, year, title, iri), iri, title, authors, editors, outlet, year, month, day, language, url);
    }

    /**
     * A stable citation key: first author's family name (else the outlet), year, first significant word
     * of the title, and six hex digits of the article IRI's SHA-256, which keep keys unique and never
     * change with the selection exported. "alwaght2015iraq-1f2e3d".
     */
    static String key(String who, Integer year, String title, String iri) {
        String name = Iris.slug(who).replace("-", "");
        String word = "";
        if (title != null) {
            for (String w : Iris.slug(title).split("-")) {
                if (!w.isEmpty() && !STOPWORDS.contains(w)) {
                    word = w;
                    break;
                }
            }
        }
        if (name.length() > 24) name = name.substring(0, 24);
        if (word.length() > 16) word = word.substring(0, 16);
        return name + (year == null ? "nd" : Integer.toString(Math.abs(year))) + word + "-" + Checksums.sha256(iri).substring(0, 6);
    }

    private static String nameKey(Citation.Name n) {
        return n.literal() != null ? n.literal() : n.family();
    }

    /** The position of each credited agent (parc:credit roles), to keep bylines in their order. */
    private static Map<String, Integer> creditPositions(Graph g, Node art) {
        Map<String, Integer> pos = new TreeMap<>();
        for (Node credit : objects(g, art, Vocab.credit.asNode())) {
            Node agent = first(g, credit, Vocab.agent.asNode());
            Node p = first(g, credit, Vocab.position.asNode());
            if (agent == null || p == null || !p.isLiteral()) continue;
            try {
                int v = Integer.parseInt(p.getLiteralLexicalForm());
                pos.merge(agent.toString(), v, Math::min);
            } catch (NumberFormatException ignored) {
                // not a position parc wrote; order by name instead
            }
        }
        return pos;
    }

    private static List<Citation.Name> names(Graph g, Node art, Node p, Map<String, Integer> positions) {
        record Ranked(int pos, String sort, Citation.Name name) {}
        List<Ranked> out = new ArrayList<>();
        for (Node who : objects(g, art, p)) {
            String name = who.isLiteral() ? who.getLiteralLexicalForm() : literal(g, who, Vocab.name.asNode());
            if (name == null || name.isBlank()) continue;
            boolean org = !who.isLiteral() && (g.contains(who, RDF.type.asNode(), Vocab.Organization.asNode())
                    || g.contains(who, RDF.type.asNode(), Vocab.NewsMediaOrganization.asNode()));
            out.add(new Ranked(positions.getOrDefault(who.toString(), Integer.MAX_VALUE), name.toLowerCase(Locale.ROOT) + "\u0000" + name,
                    Citation.Name.of(name, org)));
        }
        out.sort(Comparator.comparingInt(Ranked::pos).thenComparing(Ranked::sort));
        return out.stream().map(Ranked::name).toList();
    }

    private static List<Node> objects(Graph g, Node s, Node p) {
        List<Node> out = new ArrayList<>();
        g.find(s, p, Node.ANY).mapWith(Triple::getObject).forEachRemaining(out::add);
        out.sort(CanonicalRdf.NODE_ORDER);
        return out;
    }

    private static Node first(Graph g, Node s, Node p) {
        List<Node> os = objects(g, s, p);
        return os.isEmpty() ? null : os.get(0);
    }

    /** The first literal value (by canonical order), whitespace collapsed. */
    private static String literal(Graph g, Node s, Node p) {
        for (Node o : objects(g, s, p)) {
            if (o.isLiteral()) return o.getLiteralLexicalForm().strip().replaceAll("\\s+", " ");
        }
        return null;
    }

    private static String iriOrLiteral(Node n) {
        if (n == null) return null;
        return n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : null;
    }
}
