package org.parc.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.IsoMatcher;
import org.parc.cli.Parc;

/** Helpers for tests that drive the real CLI against real stores. */
public final class TestArchives {
    /** A fixed activity time (2025-01-01T00:00:00Z) so that golden graphs and exports are stable. */
    public static final String EPOCH = "1735689600";

    private TestArchives() {}

    public static Path seeds() {
        Path p = Path.of("seeds");
        return Files.isDirectory(p) ? p : Path.of("..", "shared", "seeds");
    }

    /** The result of one in-process run of the CLI. */
    public record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out:\n" + out + "\n--- err:\n" + err;
        }
    }

    public static Run parc(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String old = System.getProperty("parc.sourceDateEpoch");
        System.setProperty("parc.sourceDateEpoch", EPOCH);
        try {
            int code = Parc.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            if (old == null) System.clearProperty("parc.sourceDateEpoch");
            else System.setProperty("parc.sourceDateEpoch", old);
        }
    }

    /** Isomorphism of datasets (graph by graph), and the differences both ways when they differ. */
    public static String datasetDiff(DatasetGraph expected, DatasetGraph actual) {
        if (IsoMatcher.isomorphic(expected, actual)) return null;
        StringBuilder sb = new StringBuilder();
        Set<String> names = new TreeSet<>();
        expected.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        actual.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        for (String g : names) {
            var gn = org.apache.jena.graph.NodeFactory.createURI(g);
            String d = graphDiff(expected.getGraph(gn), actual.getGraph(gn));
            if (d != null) sb.append("graph <").append(g).append(">:\n").append(d);
        }
        String d = graphDiff(expected.getDefaultGraph(), actual.getDefaultGraph());
        if (d != null) sb.append("default graph:\n").append(d);
        return sb.length() == 0 ? "(not isomorphic, though no triple differs: blank-node structure)" : sb.toString();
    }

    /** Triples only in expected ("- ") and only in actual ("+ "); null when isomorphic. */
    public static String graphDiff(Graph expected, Graph actual) {
        if (expected.isIsomorphicWith(actual)) return null;
        List<String> lines = new ArrayList<>();
        expected.find().forEachRemaining(t -> {
            if (!actual.contains(t)) lines.add("- " + str(t));
        });
        actual.find().forEachRemaining(t -> {
            if (!expected.contains(t)) lines.add("+ " + str(t));
        });
        lines.sort(null);
        return String.join("\n", lines.subList(0, Math.min(200, lines.size())))
                + (lines.size() > 200 ? "\n... " + (lines.size() - 200) + " more" : "") + "\n";
    }

    private static String str(Triple t) {
        return NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate()) + " " + NodeFmtLib.strNT(t.getObject());
    }

    public static Dataset read(Path file) {
        Dataset ds = DatasetFactory.create();
        org.apache.jena.riot.RDFDataMgr.read(ds, file.toString());
        return ds;
    }

    public static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
