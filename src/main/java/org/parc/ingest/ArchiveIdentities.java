package org.parc.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.util.ResourceUtils;
import org.apache.jena.vocabulary.RDF;
import org.parc.extract.entities.Names;
import org.parc.rdf.Iris;
import org.parc.rdf.NameKeys;
import org.parc.rdf.Vocab;
import org.parc.store.Archive;

/**
 * One IRI per real-world entity across the archive, where names differ only by spelling. Entities
 * are keyed by their normalized name when an article is described; when a new document names a
 * person, organization or place whose key the archive lacks but whose name is a spelling variant
 * of exactly one archived entity of the same type ("Sergey Lavrov" beside "Sergei Lavrov"), the
 * document is rewritten to use the archived IRI and name, and the evidence is recorded. A person's
 * bare surname ("Obama") or a variant matching several archived entities is never merged: it keeps
 * its own IRI and gets link candidates. Runs on the writer thread in input order, so the result
 * does not depend on thread timing; it does depend on what the archive held when the document was
 * described (a later "Barack Obama" does not go back to an earlier "Obama").
 */
final class ArchiveIdentities {
    /**
     * An archived entity. Its words are computed only when a comparison needs them, not kept: this
     * index holds every entity of the archive. Their count is kept, so that most candidates are
     * ruled out without computing them.
     */
    private record Known(String iri, String name, int wordCount) {
        List<String> words() {
            return ArchiveIdentities.words(name);
        }
    }

    // Both identity rules need the candidate's last word to equal the new name's last word, so
    // entities are indexed by it: a new name meets only the few that could match, not the archive.
    // A last word usually belongs to one entity, so a bucket is that entity itself and becomes an
    // array only when shared (a map per last word cost about twice the heap per entity).
    private final Map<String, Map<String, Object>> byTypeAndLastWord = new HashMap<>(); // type → last word → Known or Known[]
    private final Map<String, java.util.Set<String>> irisByType = new HashMap<>();

    static ArchiveIdentities load(Archive archive) {
        ArchiveIdentities ids = new ArchiveIdentities();
        String q = "SELECT DISTINCT ?e ?t ?n WHERE { ?e <" + Vocab.identityKey.getURI() + "> ?k ; a ?t ; <"
                + Vocab.name.getURI() + "> ?n }";
        archive.read(c -> {
            try (QueryExecution qe = c.query(q)) {
                qe.execSelect().forEachRemaining(s -> ids.remember(s.getResource("t").getURI(),
                        s.getResource("e").getURI(), s.getLiteral("n").getString()));
            }
            return null;
        });
        return ids;
    }

    private void remember(String type, String iri, String name) {
        if (!irisByType.computeIfAbsent(type, t -> new java.util.HashSet<>()).add(iri)) return;
        List<String> w = words(name);
        if (w.isEmpty()) return;
        Known k = new Known(iri, name, w.size());
        byTypeAndLastWord.computeIfAbsent(type, t -> new HashMap<>()).merge(w.get(w.size() - 1), k, (old, add) -> {
            Known[] was = entities(old);
            Known[] now = java.util.Arrays.copyOf(was, was.length + 1);
            now[was.length] = (Known) add;
            return now;
        });
    }

    /** The entities of a bucket: none, one (the bucket itself) or an array. */
    private static Known[] entities(Object bucket) {
        return bucket == null ? new Known[0] : bucket instanceof Known one ? new Known[] {one} : (Known[]) bucket;
    }

    /** Rewrites a document's entities to archived IRIs where the identity is clear; remembers the rest. */
    void resolve(Model m, Iris iris) {
        List<Resource> entities = m.listSubjectsWithProperty(Vocab.identityKey).toList();
        entities.sort((a, b) -> a.getURI().compareTo(b.getURI()));
        Resource linkActivity = m.listSubjectsWithProperty(Vocab.stage, "link-entities").nextOptional().orElse(null);
        boolean renamedAny = false;
        for (Resource e : entities) {
            Resource type = e.getPropertyResourceValue(RDF.type);
            Statement nameSt = e.getProperty(Vocab.name);
            if (type == null || nameSt == null) continue;
            // An IRI the archive already has keeps its identity; it may still get candidates.
            boolean archived = irisByType.getOrDefault(type.getURI(), java.util.Set.of()).contains(e.getURI());
            String name = nameSt.getString();
            List<Known> variants = new ArrayList<>();
            List<Known> surnameOf = new ArrayList<>();
            List<String> w = words(name);
            if (w.isEmpty()) continue;
            boolean person = type.equals(Vocab.Person);
            // Every entity of the bucket ends in the same word as this name, so a one-word name is
            // the surname of each that has more words.
            for (Known k : entities(byTypeAndLastWord.getOrDefault(type.getURI(), Map.of()).get(w.get(w.size() - 1)))) {
                if (k.iri().equals(e.getURI())) continue;
                if (k.wordCount() == w.size() && variant(w, k.words())) variants.add(k);
                else if (person && w.size() == 1 && k.wordCount() > 1) surnameOf.add(k);
            }
            variants.sort((a, b) -> a.iri().compareTo(b.iri()));
            surnameOf.sort((a, b) -> a.iri().compareTo(b.iri()));
            if (variants.size() == 1 && !archived) {
                Known k = variants.get(0);
                Resource renamed = ResourceUtils.renameResource(e, k.iri());
                renamed.removeAll(Vocab.name).addProperty(Vocab.name, k.name());
                if (!k.name().equals(name)) renamed.addProperty(Vocab.alternateName, name);
                renamed.removeAll(Vocab.identityKey).addProperty(Vocab.identityKey, k.iri().substring(k.iri().lastIndexOf('/') + 1));
                evidence(m, iris, renamed, Vocab.alternateName, m.createLiteral(name),
                        "spelling variant of the archived name \"" + k.name() + "\"", linkActivity);
                renamedAny = true;
            } else {
                List<Known> candidates = variants.isEmpty() ? surnameOf : variants;
                for (Known k : candidates) {
                    Resource other = m.createResource(k.iri());
                    e.addProperty(Vocab.linkCandidate, other);
                    evidence(m, iris, e, Vocab.linkCandidate, other, (variants.isEmpty() ? "surname of" : "spelling variant of")
                            + " the archived \"" + k.name() + "\"" + (candidates.size() > 1 ? ", one of " + candidates.size() : ""),
                            linkActivity);
                }
                remember(type.getURI(), e.getURI(), name);
            }
        }
        // A renamed entity took the archived name: its name keys follow its names.
        if (renamedAny) NameKeys.refresh(m);
    }

    private static void evidence(Model m, Iris iris, Resource s, Property p, RDFNode o, String detail, Resource activity) {
        String oKey = o.isLiteral() ? o.asLiteral().getLexicalForm() : o.asResource().getURI();
        Resource st = m.createResource(iris.statement(s.getURI(), p.getURI(), oKey))
                .addProperty(RDF.type, Vocab.Statement)
                .addProperty(Vocab.rdfSubject, s)
                .addProperty(Vocab.rdfPredicate, p)
                .addProperty(Vocab.rdfObject, o)
                .addProperty(Vocab.method, "archive-identity")
                .addProperty(Vocab.detail, detail);
        if (activity != null) st.addProperty(Vocab.wasGeneratedBy, activity);
    }

    /** Same number of words (two or more), the last word equal, every other word equal or a spelling variant. */
    private static boolean variant(List<String> a, List<String> b) {
        if (a.size() < 2 || a.size() != b.size() || a.equals(b)) return false;
        if (!a.get(a.size() - 1).equals(b.get(b.size() - 1))) return false;
        for (int i = 0; i < a.size() - 1; i++) {
            if (!a.get(i).equals(b.get(i)) && !Names.variantWords(a.get(i), b.get(i))) return false;
        }
        return true;
    }

    private static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String w : Iris.slug(name).split("-")) if (!w.isEmpty()) out.add(w.toLowerCase(Locale.ROOT));
        return out;
    }
}
