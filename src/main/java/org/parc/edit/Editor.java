package org.parc.edit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.parc.ParcException;
import org.parc.rdf.Iris;
import org.parc.rdf.NameKeys;
import org.parc.rdf.Software;
import org.parc.rdf.Vocab;
import org.parc.source.Checksums;
import org.parc.store.Archive;

/**
 * Makes one librarian's correction: applies it to every document graph it touches and records it,
 * with who, when, why and every triple it removed or added, in a new edit graph
 * {base}graph/edit/{id}. Nothing is deleted: a removed value stays as an rdf:Statement marked
 * prov:wasInvalidatedBy the edit.
 */
public final class Editor {
    private final Archive archive;
    private final Clock clock;

    public Editor(Archive archive, Clock clock) {
        this.archive = archive;
        this.clock = clock;
    }

    /** What an edit did. */
    public record Result(Edit edit, String graph, int graphsChanged, int removed, int added) {}

    public Result perform(String agentName, String reason, EditRequests.Request req) {
        if (agentName == null || agentName.isBlank()) throw ParcException.usage("say who makes the edit: --agent NAME");
        Iris iris = archive.iris();
        Prepared p = archive.read(c -> prepare(c, iris, agentName.strip(), blankToNull(reason), req));
        archive.write(c -> {
            for (var e : p.graphs.entrySet()) c.put(e.getKey(), e.getValue());
            c.put(p.editGraph, p.record);
        });
        return new Result(p.edit, p.editGraph, p.graphs.size(), p.removed, p.added);
    }

    private record Prepared(Edit edit, String editGraph, Model record, Map<String, Model> graphs, int removed, int added) {}

    private Prepared prepare(RDFConnection c, Iris iris, String agentName, String reason, EditRequests.Request req) {
        req = check(c, req);
        int seq = nextSequence(c);
        Instant now = clock.instant();
        String id = Checksums.sha256(seq + " " + now + " " + agentName + " " + req.op().slug() + " " + req.focus() + " "
                + req.property() + " " + Corrections.lexical(req.value())).substring(0, 16);
        String actIri = iris.base() + "activity/edit/" + id;
        String graphIri = iris.base() + Corrections.EDIT_GRAPH_SEGMENT + id;
        Edit edit = new Edit(actIri, seq, now, agentName, reason, req.op(), req.focus(), req.property(), req.value(),
                req.valueName(), req.valueTypes(), req.role(), req.movedNames(), req.movedMentions());

        Map<String, Set<String>> ancestors = Corrections.revisions(c);
        Map<String, Model> changed = new LinkedHashMap<>();
        List<Statement> removed = new ArrayList<>();
        List<Statement> added = new ArrayList<>();
        for (String g : affectedGraphs(c, iris, req, ancestors)) {
            Model m = ModelFactory.createDefaultModel().add(c.fetch(g));
            m.setNsPrefixes(Vocab.PREFIXES);
            Corrections.Effects fx = Corrections.applyOne(m, edit, ancestors);
            if (fx.isEmpty()) continue;
            NameKeys.refresh(m); // derived from the names, not part of the edit's effects
            changed.put(g, m);
            removed.addAll(fx.removed());
            added.addAll(fx.added());
        }
        if (changed.isEmpty()) throw ParcException.usage("nothing to change: " + req.summary() + " (the record already says so)");

        Model r = ModelFactory.createDefaultModel();
        r.setNsPrefixes(Vocab.PREFIXES);
        Resource act = edit.write(r, req.summary());
        r.createResource(graphIri).addProperty(RDF.type, Vocab.Bundle).addProperty(Vocab.wasGeneratedBy, act);
        Resource person = r.createResource(iris.agentPerson(agentName))
                .addProperty(RDF.type, Vocab.ProvPerson)
                .addProperty(RDF.type, r.createResource(Vocab.PROV + "Agent"))
                .addProperty(Vocab.name, agentName);
        Resource software = r.createResource(iris.software(Software.PARC.name(), Software.PARC.version()))
                .addProperty(RDF.type, Vocab.SoftwareAgent)
                .addProperty(Vocab.name, Software.PARC.name())
                .addProperty(Vocab.softwareVersion, Software.PARC.version());
        act.addProperty(Vocab.wasAssociatedWith, person).addProperty(Vocab.wasAssociatedWith, software);
        act.addProperty(Vocab.used, r.createResource(req.focus()));
        switch (req.op()) {
            case MERGE -> {
                Resource gone = r.createResource(req.value().asResource().getURI());
                act.addProperty(Vocab.used, gone);
                gone.addProperty(OWL.sameAs, r.createResource(req.focus())).addProperty(Vocab.wasInvalidatedBy, act);
            }
            case SPLIT -> r.createResource(req.value().asResource().getURI())
                    .addProperty(Vocab.wasDerivedFrom, r.createResource(req.focus()))
                    .addProperty(Vocab.wasGeneratedBy, act);
            default -> { }
        }
        for (Statement s : removed) {
            List<String> live = liveStatements(c, s);
            if (live.isEmpty()) {
                // no evidence node recorded this triple yet: record the earlier value here
                reify(r.createResource(statementIri(iris, actIri, s)), s).addProperty(Vocab.wasInvalidatedBy, act);
            }
            for (String st : live) r.createResource(st).addProperty(Vocab.wasInvalidatedBy, act);
        }
        for (Statement s : added) {
            reify(r.createResource(statementIri(iris, actIri, s)), s)
                    .addProperty(Vocab.wasGeneratedBy, act)
                    .addProperty(Vocab.method, "edit");
        }
        return new Prepared(edit, graphIri, r, changed, removed.size(), added.size());
    }

    private static Resource reify(Resource n, Statement s) {
        return n.addProperty(RDF.type, Vocab.Statement)
                .addProperty(Vocab.rdfSubject, s.getSubject())
                .addProperty(Vocab.rdfPredicate, s.getPredicate())
                .addProperty(Vocab.rdfObject, s.getObject());
    }

    /** An edit's own statement node for a triple: distinct per edit, so one value set twice has two histories. */
    static String statementIri(Iris iris, String editIri, Statement s) {
        RDFNode o = s.getObject();
        String oKey = o.isLiteral() ? o.asLiteral().getLexicalForm() + "^^" + o.asLiteral().getDatatypeURI() : o.asResource().getURI();
        return iris.statement(editIri + " " + s.getSubject().getURI(), s.getPredicate().getURI(), oKey);
    }

    /** rdf:Statement nodes anywhere in the archive that record the triple and are not yet invalidated. */
    private static List<String> liveStatements(RDFConnection c, Statement s) {
        ParameterizedSparqlString q = new ParameterizedSparqlString("""
                SELECT DISTINCT ?st WHERE { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                  FILTER NOT EXISTS { ?st prov:wasInvalidatedBy ?any } } ORDER BY ?st""");
        q.setNsPrefixes(Vocab.PREFIXES);
        q.setParam("s", s.getSubject());
        q.setParam("p", s.getPredicate());
        q.setParam("o", s.getObject());
        List<String> out = new ArrayList<>();
        try (QueryExecution qe = c.query(q.asQuery())) {
            qe.execSelect().forEachRemaining(b -> out.add(b.getResource("st").getURI()));
        }
        return out;
    }

    /** Checks the request against the archive; may complete it (the kept entity's name, a removed value's IRI). */
    private EditRequests.Request check(RDFConnection c, EditRequests.Request req) {
        String f = req.focus();
        switch (req.op()) {
            case SET, ADD, REMOVE -> {
                if (!ask(c, "ASK { <" + f + "> a schema:NewsArticle }")) throw ParcException.usage("no article " + f + " in the archive");
                if (req.op() == Edit.Operation.REMOVE && req.value() != null) {
                    RDFNode found = currentValue(c, f, req.property(), req.value(), req.valueName());
                    if (found == null) throw ParcException.usage("the article has no such value: " + req.summary());
                    return new EditRequests.Request(req.op(), f, req.property(), found, null, List.of(), null,
                            List.of(), List.of(), req.summary());
                }
                if (req.op() == Edit.Operation.REMOVE && !ask(c, "ASK { <" + f + "> <" + req.property() + "> ?v }")) {
                    throw ParcException.usage("the article has no value to remove: " + req.summary());
                }
            }
            case MERGE -> {
                String gone = req.value().asResource().getURI();
                if (gone.equals(f)) throw ParcException.usage("cannot merge an entity with itself");
                Set<String> keepTypes = types(c, f);
                Set<String> goneTypes = types(c, gone);
                if (keepTypes.isEmpty()) throw ParcException.usage("no entity " + f + " in the archive");
                if (goneTypes.isEmpty()) throw ParcException.usage("no entity " + gone + " in the archive");
                if (!keepTypes.containsAll(goneTypes) && !goneTypes.containsAll(keepTypes)) {
                    throw ParcException.usage("cannot merge a " + String.join("/", shortNames(goneTypes)) + " into a "
                            + String.join("/", shortNames(keepTypes)));
                }
                String name = firstName(c, f);
                return new EditRequests.Request(req.op(), f, null, req.value(), name, List.of(), null, List.of(), List.of(), req.summary());
            }
            case SPLIT -> {
                if (types(c, f).isEmpty()) throw ParcException.usage("no entity " + f + " in the archive");
                if (req.movedNames().isEmpty() && req.movedMentions().isEmpty()) {
                    throw ParcException.usage("say which names (--name) or mentions (--mention) move to the new entity");
                }
                String name = firstName(c, f);
                if (req.movedNames().contains(name)) {
                    throw ParcException.usage("\"" + name + "\" is the main name of " + f + "; it stays with it");
                }
            }
            case REJECT_MENTION -> {
                if (!ask(c, "ASK { <" + f + "> a oa:Annotation }")) throw ParcException.usage("no mention (annotation) " + f + " in the archive");
            }
            case ACCEPT_LINK -> {
                String link = req.value().asResource().getURI();
                if (!ask(c, "ASK { <" + f + "> parc:linkCandidate <" + link + "> }")) {
                    throw ParcException.usage(link + " is not a link candidate of " + f);
                }
            }
        }
        return req;
    }

    /** The article's value equal to the one asked for: the same node, or one with that name or lexical form. */
    private static RDFNode currentValue(RDFConnection c, String article, String property, RDFNode asked, String name) {
        List<RDFNode> values = new ArrayList<>();
        try (QueryExecution qe = c.query("SELECT ?v WHERE { <" + article + "> <" + property + "> ?v } ORDER BY ?v")) {
            qe.execSelect().forEachRemaining(b -> values.add(b.get("v")));
        }
        for (RDFNode v : values) if (v.equals(asked)) return v;
        String want = asked.isLiteral() ? asked.asLiteral().getLexicalForm() : name;
        for (RDFNode v : values) {
            if (v.isLiteral() && v.asLiteral().getLexicalForm().equals(want)) return v;
            if (v.isURIResource() && want != null) {
                String n = firstName(c, v.asResource().getURI());
                if (want.equalsIgnoreCase(n) || v.asResource().getURI().equals(want)) return v;
            }
        }
        return null;
    }

    private List<String> affectedGraphs(RDFConnection c, Iris iris, EditRequests.Request req, Map<String, Set<String>> ancestors) {
        Set<String> iris2 = new LinkedHashSet<>();
        iris2.add(req.focus());
        if (req.op() == Edit.Operation.MERGE) iris2.add(req.value().asResource().getURI());
        if (req.op() == Edit.Operation.SET || req.op() == Edit.Operation.ADD || req.op() == Edit.Operation.REMOVE) {
            // later versions of the article carry the correction too
            ancestors.forEach((a, earlier) -> {
                if (earlier.contains(req.focus())) iris2.add(a);
            });
        }
        Set<String> out = new LinkedHashSet<>();
        String docGraph = iris.base() + "graph/";
        for (String x : iris2) {
            String q = "SELECT DISTINCT ?g WHERE { GRAPH ?g { { <" + x + "> ?p ?o } UNION { ?s ?p <" + x + "> } } "
                    + "FILTER(STRSTARTS(STR(?g), \"" + docGraph + "\") && !STRSTARTS(STR(?g), \"" + docGraph + "edit/\") "
                    + "&& !STRSTARTS(STR(?g), \"" + docGraph + "fixity/\")) } ORDER BY ?g";
            try (QueryExecution qe = c.query(q)) {
                qe.execSelect().forEachRemaining(b -> out.add(b.getResource("g").getURI()));
            }
        }
        return new ArrayList<>(out);
    }

    private static int nextSequence(RDFConnection c) {
        try (QueryExecution qe = c.query(prefixes() + "SELECT (MAX(?n) AS ?max) WHERE { ?e a parc:Edit ; parc:sequence ?n }")) {
            var rs = qe.execSelect();
            if (!rs.hasNext()) return 1;
            var b = rs.next();
            return b.contains("max") ? b.getLiteral("max").getInt() + 1 : 1;
        }
    }

    static Set<String> types(RDFConnection c, String iri) {
        Set<String> out = new java.util.TreeSet<>();
        try (QueryExecution qe = c.query("SELECT DISTINCT ?t WHERE { <" + iri + "> a ?t }")) {
            qe.execSelect().forEachRemaining(b -> out.add(b.getResource("t").getURI()));
        }
        return out;
    }

    static String firstName(RDFConnection c, String iri) {
        try (QueryExecution qe = c.query("SELECT ?n WHERE { <" + iri + "> <" + Vocab.name.getURI() + "> ?n } ORDER BY ?n LIMIT 1")) {
            var rs = qe.execSelect();
            return rs.hasNext() ? rs.next().getLiteral("n").getString() : null;
        }
    }

    private static List<String> shortNames(Set<String> types) {
        return types.stream().map(t -> Vocab.PREFIXES.shortForm(t)).toList();
    }

    private static boolean ask(RDFConnection c, String q) {
        try (QueryExecution qe = c.query(prefixes() + q)) {
            return qe.execAsk();
        }
    }

    static String prefixes() {
        StringBuilder sb = new StringBuilder();
        Vocab.PREFIXES.getNsPrefixMap().forEach((k, v) -> sb.append("PREFIX ").append(k).append(": <").append(v).append(">\n"));
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The agent named in the archive's settings (`parc edit agent NAME`), or null. */
    public static String defaultAgent(Archive archive) {
        return archive.read(c -> {
            try (QueryExecution qe = c.query("SELECT ?n WHERE { GRAPH <" + Archive.CONFIG_GRAPH + "> { ?a <"
                    + Terms.defaultAgent.getURI() + "> ?n } } LIMIT 1")) {
                var rs = qe.execSelect();
                return rs.hasNext() ? rs.next().getLiteral("n").getString() : null;
            }
        });
    }

    public static void setDefaultAgent(Archive archive, String name) {
        archive.write(c -> c.update("DELETE WHERE { GRAPH <" + Archive.CONFIG_GRAPH + "> { ?a <" + Terms.defaultAgent.getURI() + "> ?n } } ;\n"
                + "INSERT DATA { GRAPH <" + Archive.CONFIG_GRAPH + "> { <" + Archive.CONFIG_GRAPH + "> <" + Terms.defaultAgent.getURI()
                + "> \"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\" } }"));
    }
}
