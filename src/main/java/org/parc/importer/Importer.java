package org.parc.importer;

import com.apicatalog.jsonld.JsonLdOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.RDF;
import org.parc.export.JsonLdContext;
import org.parc.rdf.Iris;
import org.parc.rdf.Software;
import org.parc.rdf.Vocab;
import org.parc.source.Checksums;
import org.parc.store.Archive;

/**
 * Loads RDF files from other archives (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) into named
 * graphs, one transaction per file, with provenance in a separate graph per file.
 *
 * <ul>
 * <li>Named graphs keep their names. A graph the archive already holds with the same content (up to
 *     blank-node renaming) is left alone; one with different content is a conflict, and the whole file
 *     is refused unless {@code replace} is set.</li>
 * <li>Default-graph triples go into {@code <base>graph/import/<sha256 of the file>}.</li>
 * <li>Provenance goes into {@code <base>graph/import/<sha256>/provenance}: the file as a prov:Entity
 *     (file name only, checksum, format, size), the import as a prov:Activity (times, the agent named
 *     with --agent, parc's version), and each written graph prov:wasGeneratedBy the import. No local
 *     path or account name is recorded; relative IRIs resolve against {@code <base>import/<sha256>/}.</li>
 * <li>The archive's settings graph is never imported.</li>
 * </ul>
 */
public final class Importer {
    public static final String STAGE = "import";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Archive archive;
    private final String agent;
    private final Clock clock;
    private final boolean replace;

    public Importer(Archive archive, String agent, Clock clock, boolean replace) {
        this.archive = archive;
        this.agent = agent == null || agent.isBlank() ? "unknown" : agent.strip();
        this.clock = clock;
        this.replace = replace;
    }

    /** The graph that receives a file's default-graph triples. */
    public static String dataGraph(Iris iris, String sha256) {
        return iris.base() + "graph/import/" + sha256;
    }

    public static String provenanceGraph(Iris iris, String sha256) {
        return dataGraph(iris, sha256) + "/provenance";
    }

    /** True for the provenance graphs imports write (to leave them out of comparisons). */
    public static boolean isProvenanceGraph(String graphIri) {
        return graphIri.contains("/graph/import/") && graphIri.endsWith("/provenance");
    }

    /**
     * Imports one file.
     *
     * @param shown how to name the file in messages (as the user gave it)
     * @param lang  the RDF language, or null to guess it from the file name
     */
    public ImportOutcome importFile(Path file, String shown, Lang lang) {
        Instant started = clock.instant();
        Lang l = lang != null ? lang : RDFLanguages.filenameToLang(file.getFileName().toString());
        if (l == null || !RDFLanguages.isTriples(l) && !RDFLanguages.isQuads(l)) {
            return new ImportOutcome.Failed(shown, "cannot tell the RDF format from the file name (use --format)");
        }
        String sha;
        long size;
        try {
            sha = Checksums.sha256(file);
            size = Files.size(file);
        } catch (IOException e) {
            return new ImportOutcome.Failed(shown, "cannot read: " + e.getMessage());
        }
        Iris iris = archive.iris();
        DatasetGraph parsed = DatasetGraphFactory.create();
        try {
            Context cx = new Context();
            JsonLdOptions opts = new JsonLdOptions();
            opts.setDocumentLoader(JsonLdContext.LOADER);
            cx.set(LangJSONLD11.JSONLD_OPTIONS, opts);
            RDFParser.source(file).lang(l).base(iris.base() + "import/" + sha + "/").context(cx)
                    .errorHandler(STRICT).parse(parsed);
        } catch (org.apache.jena.shared.JenaException e) {
            return new ImportOutcome.Failed(shown, "not valid " + l.getLabel() + ": " + oneLine(e.getMessage()));
        } catch (RuntimeException e) {
            return new ImportOutcome.Failed(shown, "cannot parse as " + l.getLabel() + ": " + oneLine(String.valueOf(e.getMessage())));
        }

        // Graph name -> content, in name order, so that transactions and reports are deterministic.
        TreeMap<String, Graph> graphs = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        if (!parsed.getDefaultGraph().isEmpty()) graphs.put(dataGraph(iris, sha), parsed.getDefaultGraph());
        for (var it = parsed.listGraphNodes(); it.hasNext(); ) {
            Node g = it.next();
            Graph content = parsed.getGraph(g);
            if (content.isEmpty()) continue;
            if (!g.isURI()) {
                graphs.merge(dataGraph(iris, sha), content, Importer::union);
            } else if (g.getURI().equals(Archive.CONFIG_GRAPH)) {
                skipped.add(g.getURI()); // another archive's settings (its base IRI) are not ours to take
            } else {
                graphs.put(g.getURI(), content);
            }
        }
        if (graphs.isEmpty()) return new ImportOutcome.Unchanged(shown, sha, 0);

        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        String fileName = file.getFileName().toString();
        archive.write(c -> {
            List<String> toWrite = new ArrayList<>();
            for (var e : graphs.entrySet()) {
                Model existing = c.fetch(e.getKey());
                if (existing.isEmpty()) toWrite.add(e.getKey());
                else if (existing.getGraph().isIsomorphicWith(e.getValue())) unchanged.add(e.getKey());
                else if (replace) toWrite.add(e.getKey());
                else conflicts.add(e.getKey());
            }
            if (!conflicts.isEmpty() || toWrite.isEmpty()) return;
            for (String g : toWrite) c.put(g, ModelFactory.createModelForGraph(graphs.get(g)));
            c.load(provenanceGraph(iris, sha), provenance(iris, sha, fileName, l, size, toWrite, started));
            written.addAll(toWrite);
        });
        if (!conflicts.isEmpty()) {
            return new ImportOutcome.Failed(shown, "graph <" + conflicts.get(0) + "> already holds different data"
                    + (conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : "")
                    + "; nothing imported (--replace overwrites)");
        }
        if (written.isEmpty()) return new ImportOutcome.Unchanged(shown, sha, unchanged.size());
        return new ImportOutcome.Imported(shown, sha, List.copyOf(written), List.copyOf(unchanged), List.copyOf(skipped));
    }

    private Model provenance(Iris iris, String sha, String fileName, Lang lang, long size, List<String> graphs, Instant started) {
        Model m = ModelFactory.createDefaultModel();
        Resource entity = m.createResource(iris.base() + "import/" + sha)
                .addProperty(RDF.type, Vocab.Entity)
                .addProperty(Vocab.name, fileName)
                .addProperty(Vocab.sha256, sha)
                .addProperty(Vocab.format, lang.getHeaderString())
                .addLiteral(Vocab.extent, m.createTypedLiteral(java.math.BigInteger.valueOf(size)));
        Instant ended = clock.instant();
        Resource person = m.createResource(iris.agentPerson(agent))
                .addProperty(RDF.type, m.createResource(Vocab.PROV + "Agent"))
                .addProperty(Vocab.name, agent);
        Resource software = m.createResource(iris.software(Software.PARC.name(), Software.PARC.version()))
                .addProperty(RDF.type, Vocab.SoftwareAgent)
                .addProperty(Vocab.name, Software.PARC.name())
                .addProperty(Vocab.softwareVersion, Software.PARC.version());
        Resource act = m.createResource(iris.base() + "import/" + sha + "/activity/" + STAMP.format(started))
                .addProperty(RDF.type, Vocab.Activity)
                .addProperty(Vocab.label, "Import RDF from another archive")
                .addProperty(Vocab.stage, STAGE)
                .addLiteral(Vocab.startedAtTime, time(m, started))
                .addLiteral(Vocab.endedAtTime, time(m, ended))
                .addProperty(Vocab.used, entity)
                .addProperty(Vocab.wasAssociatedWith, person)
                .addProperty(Vocab.wasAssociatedWith, software);
        for (String g : graphs) {
            m.createResource(g).addProperty(Vocab.wasGeneratedBy, act).addProperty(Vocab.wasDerivedFrom, entity);
        }
        return m;
    }

    private static org.apache.jena.rdf.model.Literal time(Model m, Instant t) {
        String lex = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(ZoneOffset.UTC).withNano(t.getNano() / 1_000_000 * 1_000_000));
        return m.createTypedLiteral(lex, XSDDatatype.XSDdateTime);
    }

    private static Graph union(Graph a, Graph b) {
        Graph u = GraphFactory.createDefaultGraph();
        a.find().forEachRemaining(u::add);
        b.find().forEachRemaining(u::add);
        return u;
    }

    private static String oneLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Errors stop the parse with their position; warnings (odd but legal input) pass silently. */
    private static final ErrorHandler STRICT = new ErrorHandler() {
        @Override
        public void warning(String message, long line, long col) {}

        @Override
        public void error(String message, long line, long col) {
            throw new RiotException(position(line, col) + message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotException(position(line, col) + message);
        }
    };

    private static String position(long line, long col) {
        if (line < 0) return "";
        return "line " + line + (col >= 0 ? ", column " + col : "") + ": ";
    }
}
