package org.parc.edit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.parc.rdf.NameKeys;
import org.parc.rdf.Vocab;
import org.parc.store.Archive;

/**
 * Librarians' corrections, replayed onto document graphs. A document graph always holds what
 * extraction found with every correction applied in order; the corrections themselves live in
 * their own edit graphs, which ingest never touches. The Ingester calls {@link #apply(Model)} on
 * each freshly mapped document graph before it replaces the stored one, so that re-ingest (or a
 * new parc version extracting again) does not silently undo a librarian's work.
 *
 * <p>Replaying is idempotent: applying an edit to a graph that already reflects it changes nothing.
 */
public final class Corrections {
    /** Edit graphs live under {base}graph/edit/. */
    public static final String EDIT_GRAPH_SEGMENT = "graph/edit/";

    private final List<Edit> edits;
    /** Article IRI → the earlier versions of it (transitively), from prov:wasRevisionOf. */
    private final Map<String, Set<String>> ancestors;

    public Corrections(List<Edit> edits, Map<String, Set<String>> ancestors) {
        this.edits = edits.stream().sorted(Edit.ORDER).toList();
        this.ancestors = ancestors;
    }

    public static final Corrections NONE = new Corrections(List.of(), Map.of());

    /** Reads every edit in the archive: one query that starts from the edits' type, so it stays cheap in a large archive. */
    public static Corrections load(Archive archive) {
        return archive.read(c -> {
            Model m = ModelFactory.createDefaultModel();
            String q = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?e a <" + Terms.Edit.getURI() + "> . "
                    + "{ ?e ?p ?o BIND(?e AS ?s) } UNION { ?e <" + Vocab.wasAssociatedWith.getURI() + "> ?s . ?s ?p ?o } } }";
            try (QueryExecution qe = c.query(q)) {
                qe.execConstruct(m);
            }
            List<Edit> edits = Edit.read(m);
            if (edits.isEmpty()) return NONE;
            return new Corrections(edits, revisions(c));
        });
    }

    /** article → all its earlier versions. */
    static Map<String, Set<String>> revisions(org.apache.jena.rdfconnection.RDFConnection c) {
        Map<String, Set<String>> direct = new HashMap<>();
        String q = "SELECT ?a ?b WHERE { ?a a <" + Vocab.NewsArticle.getURI() + "> ; <" + Vocab.wasRevisionOf.getURI() + "> ?b }";
        try (QueryExecution qe = c.query(q)) {
            qe.execSelect().forEachRemaining(s -> direct.computeIfAbsent(s.getResource("a").getURI(), k -> new LinkedHashSet<>())
                    .add(s.getResource("b").getURI()));
        }
        Map<String, Set<String>> all = new HashMap<>();
        for (String a : direct.keySet()) {
            Set<String> seen = new LinkedHashSet<>();
            List<String> todo = new ArrayList<>(direct.get(a));
            while (!todo.isEmpty()) {
                String b = todo.remove(todo.size() - 1);
                if (seen.add(b)) todo.addAll(direct.getOrDefault(b, Set.of()));
            }
            all.put(a, seen);
        }
        return all;
    }

    public List<Edit> edits() {
        return edits;
    }

    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /** Applies every correction, in order, to a document graph (in place), refreshes its name keys and returns it. */
    public Model apply(Model documentGraph) {
        for (Edit e : edits) applyOne(documentGraph, e, ancestors);
        return edits.isEmpty() ? documentGraph : NameKeys.refresh(documentGraph);
    }

    /** What one edit changed in one graph. */
    public record Effects(List<Statement> removed, List<Statement> added) {
        public boolean isEmpty() {
            return removed.isEmpty() && added.isEmpty();
        }
    }

    /**
     * Applies one edit to a document graph, in place.
     *
     * @param ancestors article → its earlier versions: an edit of an earlier version carries over to later ones
     */
    public static Effects applyOne(Model m, Edit e, Map<String, Set<String>> ancestors) {
        Change ch = new Change(m, e);
        switch (e.op()) {
            case SET, ADD, REMOVE -> {
                for (Resource art : articles(m, e.focus(), ancestors)) articleValue(ch, art);
            }
            case MERGE -> merge(ch);
            case SPLIT -> split(ch);
            case REJECT_MENTION -> reject(ch);
            case ACCEPT_LINK -> accept(ch);
        }
        return ch.done();
    }

    /** The articles in m that are the focus or a later version of it. */
    static List<Resource> articles(Model m, String focus, Map<String, Set<String>> ancestors) {
        List<Resource> out = new ArrayList<>();
        m.listSubjectsWithProperty(RDF.type, Vocab.NewsArticle).forEachRemaining(a -> {
            if (a.getURI().equals(focus)) {
                out.add(a);
                return;
            }
            Set<String> earlier = new HashSet<>();
            a.listProperties(Vocab.wasRevisionOf).forEachRemaining(s -> {
                String b = s.getResource().getURI();
                earlier.add(b);
                earlier.addAll(ancestors.getOrDefault(b, Set.of()));
            });
            if (earlier.contains(focus)) out.add(a);
        });
        return out;
    }

    // --- article values --------------------------------------------------------------------

    private static void articleValue(Change ch, Resource art) {
        Edit e = ch.edit;
        Model m = ch.m;
        Property p = m.createProperty(e.property());
        RDFNode v = e.value() == null ? null : m.asRDFNode(e.value().asNode());
        if (e.op() != Edit.Operation.ADD) {
            for (Statement s : art.listProperties(p).toList()) {
                boolean keep = e.op() == Edit.Operation.SET ? s.getObject().equals(v)
                        : v != null && !s.getObject().equals(v);
                if (!keep) {
                    ch.remove(s);
                    if (s.getObject().isResource()) removeCredits(ch, art, s.getResource(), e.property());
                }
            }
        }
        if (e.op() == Edit.Operation.REMOVE || v == null) return;
        ch.add(art, p, v);
        if (v.isResource()) {
            Resource r = v.asResource();
            describe(ch, r, e.valueTypes(), e.valueName());
            if (e.role() != null) addCredit(ch, art, r, e.role());
        }
    }

    private static void describe(Change ch, Resource r, List<String> types, String name) {
        for (String t : types) ch.add(r, RDF.type, ch.m.createResource(t));
        if (name != null && !r.hasProperty(Vocab.name)) ch.add(r, Vocab.name, ch.m.createLiteral(name));
    }

    /** The credit (schema:Role) nodes crediting who in the role that property stands for. */
    private static void removeCredits(Change ch, Resource art, Resource who, String property) {
        for (Statement cs : art.listProperties(Vocab.credit).toList()) {
            Resource credit = cs.getResource();
            if (!credit.hasProperty(Vocab.agent, who)) continue;
            Statement rn = credit.getProperty(Vocab.roleName);
            if (rn != null && !EditRequests.propertyForRole(rn.getString()).equals(property)) continue;
            ch.remove(cs);
            for (Statement s : credit.listProperties().toList()) ch.remove(s);
        }
    }

    private static void addCredit(Change ch, Resource art, Resource who, String role) {
        Resource credit = ch.m.createResource(art.getURI() + "/credit/" + ch.edit.id());
        if (art.hasProperty(Vocab.credit, credit)) return;
        int max = 0;
        for (Statement cs : art.listProperties(Vocab.credit).toList()) {
            Statement pos = cs.getResource().getProperty(Vocab.position);
            if (pos != null) max = Math.max(max, pos.getInt());
        }
        ch.add(art, Vocab.credit, credit);
        ch.add(credit, RDF.type, Vocab.Role);
        ch.add(credit, Vocab.roleName, ch.m.createLiteral(role));
        ch.add(credit, Vocab.position, ch.m.createTypedLiteral(java.math.BigInteger.valueOf(max + 1)));
        ch.add(credit, Vocab.agent, who);
        ch.add(credit, Vocab.wasDerivedFrom, art);
    }

    // --- entities ------------------------------------------------------------------------------

    /** Merge: the entity named by value is merged into the focus; every use of it now names the focus. */
    private static void merge(Change ch) {
        Model m = ch.m;
        Resource keep = m.createResource(ch.edit.focus());
        Resource gone = ch.edit.value().asResource().inModel(m);
        boolean touched = false;
        String keepName = ch.edit.valueName();
        for (Statement s : gone.listProperties().toList()) {
            if (s.getPredicate().equals(Vocab.nameKey)) continue; // derived from the names afterwards (NameKeys)
            touched = true;
            ch.remove(s);
            Property p = s.getPredicate();
            if (p.equals(Vocab.name) || p.equals(Vocab.alternateName)) {
                if (!s.getObject().isLiteral() || !s.getString().equals(keepName)) ch.add(keep, Vocab.alternateName, s.getObject());
            } else {
                ch.add(keep, p, s.getObject());
            }
        }
        for (Statement s : m.listStatements(null, null, gone).toList()) {
            if (isReification(s.getPredicate())) continue;
            touched = true;
            ch.remove(s);
            ch.add(s.getSubject(), s.getPredicate(), keep);
        }
        if (!touched) return;
        if (keepName != null) {
            if (!keep.hasProperty(Vocab.name)) ch.add(keep, Vocab.name, m.createLiteral(keepName));
            Statement dup = m.createStatement(keep, Vocab.alternateName, m.createLiteral(keepName));
            if (m.contains(dup)) ch.remove(dup);
        }
    }

    /** Split: some mentions of the focus (by name or by annotation) become mentions of a new entity. */
    private static void split(Change ch) {
        Model m = ch.m;
        Edit e = ch.edit;
        Resource old = m.createResource(e.focus());
        Resource fresh = e.value().asResource().inModel(m);
        Set<String> names = new HashSet<>(e.movedNames());
        Set<String> anns = new HashSet<>(e.movedMentions());
        Set<Resource> articles = new LinkedHashSet<>();
        boolean moved = false;
        for (Resource ann : m.listSubjectsWithProperty(Vocab.hasBody, old).toList()) {
            if (!anns.contains(ann.getURI()) && !names.contains(exact(ann))) continue;
            ch.remove(m.createStatement(ann, Vocab.hasBody, old));
            ch.add(ann, Vocab.hasBody, fresh);
            Resource art = ann.getPropertyResourceValue(Vocab.wasDerivedFrom);
            if (art != null) articles.add(art);
            moved = true;
        }
        for (String n : e.movedNames()) {
            Statement alt = m.createStatement(old, Vocab.alternateName, m.createLiteral(n));
            if (m.contains(alt)) {
                ch.remove(alt);
                moved = true;
            }
        }
        if (!moved) return;
        describe(ch, fresh, e.valueTypes(), e.valueName());
        for (String n : e.movedNames()) {
            if (!n.equals(e.valueName())) ch.add(fresh, Vocab.alternateName, m.createLiteral(n));
        }
        for (Resource art : articles) {
            ch.add(art, Vocab.mentions, fresh);
            if (!stillAnnotated(m, art, old)) {
                Statement s = m.createStatement(art, Vocab.mentions, old);
                if (m.contains(s)) ch.remove(s);
            }
        }
    }

    /** Reject a mention: the annotation goes (kept in history); the article stops mentioning what no other annotation supports. */
    private static void reject(Change ch) {
        Model m = ch.m;
        Resource ann = m.createResource(ch.edit.focus());
        if (!ann.hasProperty(RDF.type, Vocab.Annotation)) return;
        Resource body = ann.getPropertyResourceValue(Vocab.hasBody);
        Resource art = ann.getPropertyResourceValue(Vocab.wasDerivedFrom);
        for (Statement ts : ann.listProperties(Vocab.hasTarget).toList()) {
            Resource target = ts.getResource();
            for (Statement ss : target.listProperties(Vocab.hasSelector).toList()) {
                for (Statement s : ss.getResource().listProperties().toList()) ch.remove(s);
            }
            for (Statement s : target.listProperties().toList()) ch.remove(s);
        }
        for (Statement s : ann.listProperties().toList()) ch.remove(s);
        if (art == null || body == null || stillAnnotated(m, art, body)) return;
        Statement mention = m.createStatement(art, Vocab.mentions, body);
        if (m.contains(mention)) ch.remove(mention);
        Statement value = body.getProperty(Vocab.rdfValue);
        if (value != null) {
            Statement temporal = m.createStatement(art, Vocab.temporal, value.getObject());
            if (m.contains(temporal)) ch.remove(temporal);
        }
    }

    /** Accept a link candidate: it becomes schema:sameAs wherever the entity is described. */
    private static void accept(Change ch) {
        Model m = ch.m;
        Resource ent = m.createResource(ch.edit.focus());
        if (!ent.hasProperty(RDF.type)) return;
        RDFNode link = m.asRDFNode(ch.edit.value().asNode());
        Statement cand = m.createStatement(ent, Vocab.linkCandidate, link);
        if (m.contains(cand)) ch.remove(cand);
        ch.add(ent, Vocab.sameAs, link);
    }

    private static boolean stillAnnotated(Model m, Resource art, Resource body) {
        for (Resource a : m.listSubjectsWithProperty(Vocab.hasBody, body).toList()) {
            if (a.hasProperty(Vocab.wasDerivedFrom, art)) return true;
        }
        return false;
    }

    static String exact(Resource ann) {
        Resource target = ann.getPropertyResourceValue(Vocab.hasTarget);
        if (target == null) return null;
        for (Statement s : target.listProperties(Vocab.hasSelector).toList()) {
            Statement ex = s.getResource().getProperty(Vocab.exact);
            if (ex != null) return ex.getString();
        }
        return null;
    }

    private static boolean isReification(Property p) {
        return p.equals(Vocab.rdfSubject) || p.equals(Vocab.rdfObject) || p.equals(Vocab.rdfPredicate);
    }

    /** Collects one edit's changes to one graph and marks the evidence of what it removes as invalidated. */
    private static final class Change {
        final Model m;
        final Edit edit;
        final List<Statement> removed = new ArrayList<>();
        final List<Statement> added = new ArrayList<>();

        Change(Model m, Edit edit) {
            this.m = m;
            this.edit = edit;
        }

        void remove(Statement s) {
            if (!m.contains(s)) return;
            m.remove(s);
            removed.add(s);
            // The extraction's evidence for the value stays, marked replaced by this edit.
            Resource activity = m.createResource(edit.iri());
            for (Resource st : m.listSubjectsWithProperty(Vocab.rdfSubject, s.getSubject()).toList()) {
                if (st.hasProperty(Vocab.rdfPredicate, s.getPredicate()) && st.hasProperty(Vocab.rdfObject, s.getObject())
                        && !st.hasProperty(Vocab.wasInvalidatedBy)) {
                    m.add(st, Vocab.wasInvalidatedBy, activity);
                }
            }
        }

        void add(Resource s, Property p, RDFNode o) {
            Statement st = m.createStatement(s, p, o);
            if (m.contains(st)) return;
            m.add(st);
            added.add(st);
        }

        Effects done() {
            return new Effects(List.copyOf(removed), List.copyOf(added));
        }
    }

    /** For messages. */
    static String lexical(RDFNode n) {
        if (n == null) return "";
        if (n.isLiteral()) {
            Literal l = n.asLiteral();
            return l.getLexicalForm();
        }
        return n.isURIResource() ? n.asResource().getURI() : n.toString();
    }
}
