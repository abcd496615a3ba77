package org.parc.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.parc.edit.Terms;
import org.parc.rdf.Iris;
import org.parc.rdf.Software;
import org.parc.rdf.Vocab;
import org.parc.source.Checksums;
import org.parc.source.Packages;
import org.parc.store.Archive;

/**
 * Fixity: re-hashes archived source files and compares them with the SHA-256 recorded at ingest.
 *
 * <p>Paths map as at ingest: a source recorded with parc:path "a/b.txt" is looked for at
 * ROOT/a/b.txt under each root given (a root that is a file matches a parc:path equal to its file
 * name). Only the newest version of each source is checked: a version another one revises was
 * replaced on purpose. Each check is recorded as a prov:Activity in {base}graph/fixity/{id}.
 */
public final class FixityChecker {
    public static final String OK = "ok";
    public static final String CHANGED = "changed";
    public static final String MISSING = "missing";

    private final Archive archive;
    private final Clock clock;

    public FixityChecker(Archive archive, Clock clock) {
        this.archive = archive;
        this.clock = clock;
    }

    /** One archived source file's outcome; observedSha256 is null when missing. */
    public record Result(String source, String path, String archivedSha256, String outcome, String observedSha256) {}

    /** A whole check; graph and activity are null when it was not recorded. */
    public record Report(String activity, String graph, Instant time, List<Result> results) {
        public boolean ok() {
            return results.stream().allMatch(r -> r.outcome().equals(OK));
        }

        public long count(String outcome) {
            return results.stream().filter(r -> r.outcome().equals(outcome)).count();
        }
    }

    private record Archived(String source, String path, String sha) {}

    /**
     * @param record write the check into the archive
     * @param agent  the person running it, or null
     */
    public Report check(List<Path> roots, boolean record, String agent) {
        Instant started = clock.instant();
        List<Result> results = new ArrayList<>();
        Map<Path, Map<String, String>> packages = new HashMap<>();
        for (Archived a : archived()) {
            Path found = find(roots, a.path());
            int bang = a.path().indexOf("!/");
            if (found == null && bang > 0) {
                // A member of a package (ZIP, tar): hashed inside the package, which is read once.
                Path pkg = find(roots, a.path().substring(0, bang));
                Map<String, String> members = pkg == null ? Map.of() : packages.computeIfAbsent(pkg, FixityChecker::members);
                String sha = members.get(a.path().substring(bang + 2));
                results.add(sha == null ? new Result(a.source(), a.path(), a.sha(), MISSING, null)
                        : new Result(a.source(), a.path(), a.sha(), sha.equals(a.sha()) ? OK : CHANGED, sha));
                continue;
            }
            if (found == null) {
                results.add(new Result(a.source(), a.path(), a.sha(), MISSING, null));
                continue;
            }
            String sha;
            try {
                sha = Checksums.sha256(found);
            } catch (IOException | RuntimeException e) {
                results.add(new Result(a.source(), a.path(), a.sha(), MISSING, null));
                continue;
            }
            results.add(new Result(a.source(), a.path(), a.sha(), sha.equals(a.sha()) ? OK : CHANGED, sha));
        }
        Instant ended = clock.instant();
        if (!record) return new Report(null, null, started, results);
        Iris iris = archive.iris();
        StringBuilder key = new StringBuilder(started.toString()).append(' ').append(countChecks());
        for (Result r : results) key.append(' ').append(r.source()).append(' ').append(r.outcome());
        String id = Checksums.sha256(key.toString()).substring(0, 16);
        String graph = iris.base() + "graph/fixity/" + id;
        String actIri = iris.base() + "activity/fixity/" + id;
        Model m = ModelFactory.createDefaultModel();
        m.setNsPrefixes(Vocab.PREFIXES);
        boolean ok = results.stream().allMatch(r -> r.outcome().equals(OK));
        Resource act = m.createResource(actIri)
                .addProperty(RDF.type, Vocab.Activity)
                .addProperty(RDF.type, Terms.FixityCheck)
                .addProperty(Vocab.label, "Fixity check: re-hash the source files and compare with the archived SHA-256")
                .addLiteral(Vocab.startedAtTime, time(m, started))
                .addLiteral(Vocab.endedAtTime, time(m, ended))
                .addProperty(Terms.outcome, ok ? OK : "failed");
        m.createResource(graph).addProperty(RDF.type, Vocab.Bundle).addProperty(Vocab.wasGeneratedBy, act);
        Resource sw = m.createResource(iris.software(Software.PARC.name(), Software.PARC.version()))
                .addProperty(RDF.type, Vocab.SoftwareAgent)
                .addProperty(Vocab.name, Software.PARC.name())
                .addProperty(Vocab.softwareVersion, Software.PARC.version());
        act.addProperty(Vocab.wasAssociatedWith, sw);
        if (agent != null && !agent.isBlank()) {
            Resource p = m.createResource(iris.agentPerson(agent.strip()))
                    .addProperty(RDF.type, Vocab.ProvPerson)
                    .addProperty(RDF.type, m.createResource(Vocab.PROV + "Agent"))
                    .addProperty(Vocab.name, agent.strip());
            act.addProperty(Vocab.wasAssociatedWith, p);
        }
        for (Result r : results) {
            Resource src = m.createResource(r.source());
            act.addProperty(Vocab.used, src);
            Resource res = m.createResource(iris.base() + "fixity/" + id + "/" + r.archivedSha256().substring(0, 16))
                    .addProperty(RDF.type, Terms.FixityResult)
                    .addProperty(RDF.type, Vocab.Entity)
                    .addProperty(Terms.checkedSource, src)
                    .addProperty(Terms.outcome, r.outcome())
                    .addProperty(Vocab.wasGeneratedBy, act);
            if (r.observedSha256() != null) res.addProperty(Terms.observedSha256, r.observedSha256());
        }
        archive.replaceGraph(graph, m);
        return new Report(actIri, graph, started, results);
    }

    /** The newest version of every archived source file. */
    private List<Archived> archived() {
        String q = """
                PREFIX parc: <https://w3id.org/parc/ns#> PREFIX schema: <http://schema.org/> PREFIX prov: <http://www.w3.org/ns/prov#>
                SELECT DISTINCT ?src ?path ?sha WHERE {
                  GRAPH ?g { ?src a parc:SourceFile ; parc:path ?path ; schema:sha256 ?sha }
                  FILTER NOT EXISTS { GRAPH ?g2 { ?newer a parc:SourceFile ; prov:wasRevisionOf ?src } }
                } ORDER BY ?path ?sha""";
        return archive.read(c -> {
            List<Archived> out = new ArrayList<>();
            try (QueryExecution qe = c.query(q)) {
                qe.execSelect().forEachRemaining(b -> out.add(new Archived(b.getResource("src").getURI(),
                        b.getLiteral("path").getString(), b.getLiteral("sha").getString())));
            }
            return out;
        });
    }

    private int countChecks() {
        return archive.read(c -> {
            try (QueryExecution qe = c.query("SELECT (COUNT(?a) AS ?n) WHERE { ?a a <" + Terms.FixityCheck.getURI() + "> }")) {
                return qe.execSelect().next().getLiteral("n").getInt();
            }
        });
    }

    /** Where a parc:path is under the roots, or null. */
    /** A package's members' checksums; none when it cannot be read as a package any more. */
    private static Map<String, String> members(Path pkg) {
        try {
            return Packages.checksums(pkg);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    static Path find(List<Path> roots, String relativePath) {
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                Path p = root;
                for (String part : relativePath.split("/")) p = p.resolve(part);
                if (Files.isRegularFile(p)) return p;
            } else if (Files.isRegularFile(root) && root.getFileName().toString().equals(relativePath)) {
                return root;
            }
        }
        return null;
    }

    private static org.apache.jena.rdf.model.Literal time(Model m, Instant t) {
        return m.createTypedLiteral(t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(), XSDDatatype.XSDdateTime);
    }
}
