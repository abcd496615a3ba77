package org.parc.edit;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QueryExecution;
import org.parc.ParcException;
import org.parc.rdf.Iris;
import org.parc.rdf.Vocab;
import org.parc.store.Archive;

/**
 * What librarians type to name a resource: a full IRI, a path under the archive's base
 * ("person/haider-al-abadi", "article/54dce0720a519039-1") or a bare article id ("54dce0720a519039-1").
 */
public final class Refs {
    private Refs() {}

    public static String iri(Iris iris, String ref) {
        String r = ref.strip();
        if (r.matches("(?i)(https?|urn):\\S+")) return r;
        if (r.matches("[0-9a-f]{16}-\\d+")) return iris.base() + "article/" + r;
        return iris.base() + (r.startsWith("/") ? r.substring(1) : r);
    }

    /** The articles a reference names: an article, or the articles of a source file given by IRI, path or file name. */
    public static List<String> articles(Archive archive, String ref) {
        String iri = iri(archive.iris(), ref);
        ParameterizedSparqlString q = new ParameterizedSparqlString("""
                SELECT DISTINCT ?a WHERE {
                  { ?a a schema:NewsArticle . FILTER(?a = ?iri) }
                  UNION { ?a a schema:NewsArticle ; prov:wasDerivedFrom ?src . ?src a parc:SourceFile .
                          { FILTER(?src = ?iri) } UNION { ?src parc:path ?ref } UNION { ?src schema:name ?ref } }
                } ORDER BY ?a""");
        q.setNsPrefixes(Vocab.PREFIXES);
        q.setIri("iri", iri);
        q.setLiteral("ref", ref.strip());
        List<String> out = new ArrayList<>();
        archive.read(c -> {
            try (QueryExecution qe = c.query(q.asQuery())) {
                qe.execSelect().forEachRemaining(b -> out.add(b.getResource("a").getURI()));
            }
            return null;
        });
        return out;
    }

    /** Exactly one article, or a usage error that lists the candidates. */
    public static String article(Archive archive, String ref) {
        List<String> found = articles(archive, ref);
        if (found.isEmpty()) throw ParcException.usage("no article " + ref + " in the archive (give an article IRI, its id, or a source file's path)");
        if (found.size() > 1) throw ParcException.usage(ref + " holds " + found.size() + " articles; name one: " + String.join(", ", found));
        return found.get(0);
    }
}
