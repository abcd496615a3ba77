package org.parc.rdf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.parc.extract.entities.Names;

/**
 * One {@code schema:name} per person, organization or place in a document graph. Two sources can give
 * one entity (one IRI) two names: a byline "NATALIYA VASILYEVA" and the text's "Nataliya Vasilyeva",
 * a dateline "CAIRO" and the text's "Cairo", a credit with a double space. The best is kept as the name,
 * the others become alternate names; a form that differs from it only in spacing is dropped.
 */
public final class OneName {
    /** Written as in running text before capitals only, regular spacing before irregular, fuller before shorter. */
    static final Comparator<String> BEST = Comparator.<String, Boolean>comparing(Names::capitals)
            .thenComparing(n -> !n.equals(Names.spaced(n)))
            .thenComparing(n -> -n.codePointCount(0, n.length()))
            .thenComparing(Comparator.naturalOrder());

    private OneName() {}

    /** Applies the rule to every typed entity of the graph (in place) and returns it. */
    public static Model apply(Model m) {
        List<Resource> subjects = m.listSubjectsWithProperty(Vocab.name).toList();
        for (Resource r : subjects) {
            if (!(r.hasProperty(org.apache.jena.vocabulary.RDF.type, Vocab.Person)
                    || r.hasProperty(org.apache.jena.vocabulary.RDF.type, Vocab.Organization)
                    || r.hasProperty(org.apache.jena.vocabulary.RDF.type, Vocab.Place))) continue;
            List<Statement> names = r.listProperties(Vocab.name).toList();
            if (names.size() < 2 || !names.stream().allMatch(s -> s.getObject().isLiteral())) continue;
            List<Literal> forms = new ArrayList<>(names.stream().map(Statement::getLiteral).toList());
            forms.sort(Comparator.comparing(Literal::getLexicalForm, BEST));
            Literal best = forms.get(0);
            m.remove(names);
            r.addLiteral(Vocab.name, best);
            for (Literal other : forms.subList(1, forms.size())) {
                if (!Names.spaced(other.getLexicalForm()).equals(Names.spaced(best.getLexicalForm()))) r.addLiteral(Vocab.alternateName, other);
            }
        }
        return m;
    }
}
