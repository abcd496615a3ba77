package org.parc.rdf;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;

/**
 * The folded forms of entities' names ({@code parc:nameKey}), so that a search by name is one
 * index lookup. Comparing a name with every name in the archive (LCASE in a FILTER) reads every
 * entity description of every article: 60–90 ms at 10,000 articles, ten times that at 100,000.
 */
public final class NameKeys {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]+");
    private static final Pattern APOSTROPHES = Pattern.compile("[\\u2018\\u2019\\u02BC\\u0060\\u00B4]");
    private static final Pattern HYPHENS = Pattern.compile("[\\u2010-\\u2015\\u2212]");

    private NameKeys() {}

    /** "São  Paulo" → "sao paulo", "Al‐Maliki’s" → "al-maliki's": what a searcher may type for the name. */
    public static String fold(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = APOSTROPHES.matcher(s).replaceAll("'");
        s = HYPHENS.matcher(s).replaceAll("-");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * Makes the name keys of every entity in a document graph (what an article mentions, and whatever has
     * a {@code parc:identityKey}) match its current names: called on each graph parc writes, after identities and corrections.
     */
    public static Model refresh(Model m) {
        List<Statement> stale = m.listStatements(null, Vocab.nameKey, (RDFNode) null).toList();
        m.remove(stale);
        List<Statement> keys = new ArrayList<>();
        Set<Resource> entities = new LinkedHashSet<>(m.listSubjectsWithProperty(Vocab.identityKey).toList());
        m.listObjectsOfProperty(Vocab.mentions).forEachRemaining(o -> {
            if (o.isURIResource()) entities.add(o.asResource());
        });
        for (Resource e : entities) {
            for (Property p : new Property[] {Vocab.name, Vocab.alternateName}) {
                e.listProperties(p).forEachRemaining(s -> {
                    if (!s.getObject().isLiteral()) return;
                    String k = fold(s.getString());
                    if (!k.isEmpty()) keys.add(m.createStatement(e, Vocab.nameKey, k));
                });
            }
        }
        m.add(keys);
        return m;
    }
}
