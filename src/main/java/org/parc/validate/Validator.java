package org.parc.validate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.Path;
import org.parc.rdf.Vocab;
import org.parc.store.Archive;

/**
 * Checks RDF against parc's SHACL shapes (vocab/shapes.ttl, shipped in the jar as
 * org/parc/vocab/shapes.ttl) and words each violation for librarians.
 */
public final class Validator {
    private static final String RESOURCE = "/org/parc/vocab/shapes.ttl";
    private static volatile Shapes shapes;

    private Validator() {}

    /** One violation: the resource at fault, the property concerned (may be empty) and what is wrong. */
    public record Violation(String focus, String path, String message) {}

    public static Shapes shapes() {
        Shapes s = shapes;
        if (s == null) {
            Graph g = GraphFactory.createDefaultGraph();
            try (InputStream in = Validator.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    RDFParser.source(in).lang(Lang.TURTLE).parse(g);
                } else {
                    // running from sources without the packaged resources
                    RDFParser.source(Files.newInputStream(java.nio.file.Path.of("vocab", "shapes.ttl"))).lang(Lang.TURTLE).parse(g);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the SHACL shapes", e);
            }
            s = shapes = Shapes.parse(g);
        }
        return s;
    }

    /** Every violation in a graph, sorted by focus node then property. */
    public static List<Violation> validate(Graph data) {
        ValidationReport report = ShaclValidator.get().validate(shapes(), data);
        List<Violation> out = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
            out.add(new Violation(str(e.focusNode()), path(e.resultPath()), e.message()));
        }
        out.sort(Comparator.comparing(Violation::focus).thenComparing(Violation::path).thenComparing(Violation::message));
        return out.stream().distinct().toList();
    }

    /** Validates the union of an archive's graphs (what queries see). */
    public static List<Violation> validate(Archive archive) {
        return archive.read(c -> validate(c.fetchDataset().asDatasetGraph().getUnionGraph()));
    }

    /** "article/…-1  dcterms:title  an article needs exactly one title (dcterms:title)" */
    public static String line(Violation v, String base) {
        String focus = v.focus().startsWith(base) ? v.focus().substring(base.length()) : v.focus();
        return focus + (v.path().isEmpty() ? "" : "  " + v.path()) + "  " + v.message();
    }

    private static String str(Node n) {
        return n.isURI() ? n.getURI() : n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString();
    }

    private static String path(Path p) {
        if (p == null) return "";
        String s = p.toString();
        if (s.startsWith("<") && s.endsWith(">")) {
            String iri = s.substring(1, s.length() - 1);
            String sf = Vocab.PREFIXES.shortForm(iri);
            return sf;
        }
        return s;
    }
}
