package org.parc.edit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdfconnection.RDFConnection;
import org.parc.rdf.Stage;
import org.parc.store.Archive;

/**
 * The timeline of an article's record: the ingest activities that produced it (and its earlier
 * versions) with their software, each librarian's edit with person and reason, and each fixity
 * check of its source file, in time order.
 */
public final class History {
    private History() {}

    /**
     * One event.
     *
     * @param kind     ingest, edit or fixity
     * @param agent    who: a person's name, or software with versions
     * @param activity the prov:Activity IRI
     */
    public record Entry(Instant time, String kind, String agent, String what, String why, String activity, int order) {}

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::time)
            .thenComparing(e -> switch (e.kind()) {
                case "ingest" -> 0;
                case "edit" -> 1;
                default -> 2;
            })
            .thenComparingInt(Entry::order).thenComparing(Entry::activity);

    public static List<Entry> of(Archive archive, String article) {
        return archive.read(c -> {
            Set<String> versions = new LinkedHashSet<>();
            versions.add(article);
            versions.addAll(Corrections.revisions(c).getOrDefault(article, Set.of()));
            String values = "VALUES ?x { " + String.join(" ", versions.stream().map(v -> "<" + v + ">").toList()) + " }";
            List<Entry> out = new ArrayList<>();
            ingests(c, values, out);
            edits(c, values, versions, archive.iris().base(), out);
            fixity(c, values, out);
            out.sort(ORDER);
            return out;
        });
    }

    private static void ingests(RDFConnection c, String values, List<Entry> out) {
        String q = Editor.prefixes() + """
                SELECT ?act ?t ?label ?stage ?path ?sha (GROUP_CONCAT(DISTINCT ?sw; separator=", ") AS ?agents) WHERE {
                  %s
                  ?x prov:wasDerivedFrom ?src . ?src a parc:SourceFile ; parc:path ?path ; schema:sha256 ?sha .
                  ?act a prov:Activity ; prov:used ?src ; parc:stage ?stage ; prov:startedAtTime ?t ; rdfs:label ?label .
                  OPTIONAL { ?act prov:wasAssociatedWith ?ag . ?ag a prov:SoftwareAgent ; schema:name ?n ; schema:softwareVersion ?v
                             BIND(CONCAT(?n, " ", ?v) AS ?sw) }
                } GROUP BY ?act ?t ?label ?stage ?path ?sha""".formatted(values);
        each(c, q, b -> {
            String stage = b.getLiteral("stage").getString();
            int order = 0;
            for (Stage s : Stage.values()) if (s.slug().equals(stage)) order = s.ordinal();
            String sha = b.getLiteral("sha").getString();
            out.add(new Entry(time(b), "ingest", b.getLiteral("agents").getString(),
                    b.getLiteral("label").getString() + " (" + b.getLiteral("path").getString() + ", sha256 " + sha.substring(0, 12) + "…)",
                    "", b.getResource("act").getURI(), order));
        });
    }

    private static void edits(RDFConnection c, String values, Set<String> versions, String base, List<Entry> out) {
        StringBuilder annFilter = new StringBuilder("false");
        for (String v : versions) {
            String annPrefix = v.replace(base + "article/", base + "annotation/") + "/";
            annFilter.append(" || STRSTARTS(STR(?s), \"").append(annPrefix).append("\")");
        }
        String q = Editor.prefixes() + """
                SELECT DISTINCT ?e ?t ?n ?label ?reason ?who WHERE {
                  { %s ?e a parc:Edit ; parc:focus ?x }
                  UNION { ?e a parc:Edit . { ?st prov:wasGeneratedBy ?e } UNION { ?st prov:wasInvalidatedBy ?e }
                          ?st rdf:subject ?s . %s FILTER(?s = ?x || %s) }
                  ?e prov:startedAtTime ?t ; parc:sequence ?n ; rdfs:label ?label .
                  OPTIONAL { ?e parc:reason ?reason }
                  OPTIONAL { ?e prov:wasAssociatedWith ?p . ?p a prov:Person ; schema:name ?who }
                }""".formatted(values, values, annFilter);
        Set<String> seen = new LinkedHashSet<>();
        each(c, q, b -> {
            String e = b.getResource("e").getURI();
            if (!seen.add(e)) return;
            out.add(new Entry(time(b), "edit", b.contains("who") ? b.getLiteral("who").getString() : "",
                    b.getLiteral("label").getString(), b.contains("reason") ? b.getLiteral("reason").getString() : "",
                    e, b.getLiteral("n").getInt()));
        });
    }

    private static void fixity(RDFConnection c, String values, List<Entry> out) {
        String q = Editor.prefixes() + """
                SELECT ?act ?t ?outcome ?path (GROUP_CONCAT(DISTINCT ?who; separator=", ") AS ?agents) WHERE {
                  %s ?x prov:wasDerivedFrom ?src . ?src a parc:SourceFile ; parc:path ?path .
                  ?r a parc:FixityResult ; parc:checkedSource ?src ; parc:outcome ?outcome ; prov:wasGeneratedBy ?act .
                  ?act prov:startedAtTime ?t .
                  OPTIONAL { ?act prov:wasAssociatedWith ?ag . ?ag schema:name ?n . OPTIONAL { ?ag schema:softwareVersion ?v }
                             BIND(IF(BOUND(?v), CONCAT(?n, " ", ?v), ?n) AS ?who) }
                } GROUP BY ?act ?t ?outcome ?path""".formatted(values);
        each(c, q, b -> out.add(new Entry(time(b), "fixity", b.getLiteral("agents").getString(),
                "Fixity check of " + b.getLiteral("path").getString() + ": " + b.getLiteral("outcome").getString(), "",
                b.getResource("act").getURI(), 0)));
    }

    private static void each(RDFConnection c, String q, java.util.function.Consumer<QuerySolution> f) {
        try (QueryExecution qe = c.query(q)) {
            qe.execSelect().forEachRemaining(f);
        }
    }

    private static Instant time(QuerySolution b) {
        return Instant.parse(b.getLiteral("t").getLexicalForm());
    }

    /** A plain-text table: WHEN, KIND, WHO, WHAT, WHY. */
    public static String table(List<Entry> entries) {
        String[] head = {"WHEN", "KIND", "WHO", "WHAT", "WHY"};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (Entry e : entries) rows.add(new String[]{e.time().toString(), e.kind(), e.agent(), e.what(), e.why()});
        int[] w = new int[head.length];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].codePointCount(0, r[i].length()));
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) line.append(" ".repeat(w[i] - r[i].codePointCount(0, r[i].length()) + 2));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
