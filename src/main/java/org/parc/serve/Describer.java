package org.parc.serve;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.parc.query.QueryService;
import org.parc.store.Archive;

/** The queries behind dereferencing: what the archive says about one IRI. Thread-safe. */
final class Describer {
    /**
     * The description of ?x: its own triples with the labels of what they point to, the evidence
     * (rdf:Statement) for its values, and what points to it (bounded) with labels, leaving out the
     * plumbing of statements and annotations.
     */
    private static final String DESCRIBE = """
            CONSTRUCT { ?x ?p ?o . ?o ?lp ?label . ?st ?sp ?so . ?in ?ip ?x . ?in ?ilp ?ilabel }
            WHERE {
              { ?x ?p ?o OPTIONAL { ?o ?lp ?label FILTER(?lp IN (schema:name, dcterms:title, rdfs:label, schema:softwareVersion, schema:sha256, schema:text)) } }
              UNION { ?st rdf:subject ?x ; ?sp ?so }
              UNION { { SELECT ?in ?ip WHERE { ?in ?ip ?x FILTER(?ip NOT IN (rdf:subject, rdf:object, oa:hasBody, oa:hasSource)) } LIMIT 1000 }
                      OPTIONAL { ?in ?ilp ?ilabel FILTER(?ilp IN (schema:name, dcterms:title, rdfs:label)) } }
            }""";

    /** The stage runs on the source file an article was derived from, with their software. */
    private static final String ACTIVITIES = """
            SELECT ?act ?stage ?label ?start ?end ?agentName ?version WHERE {
              ?x prov:wasDerivedFrom ?src . ?src a parc:SourceFile .
              ?act a prov:Activity ; prov:used ?src .
              OPTIONAL { ?act parc:stage ?stage } OPTIONAL { ?act rdfs:label ?label }
              OPTIONAL { ?act prov:startedAtTime ?start } OPTIONAL { ?act prov:endedAtTime ?end }
              OPTIONAL { ?act prov:wasAssociatedWith ?ag . OPTIONAL { ?ag schema:name ?agentName } OPTIONAL { ?ag schema:softwareVersion ?version } }
            } ORDER BY ?start ?act ?agentName""";

    /** Articles for the index page. */
    private static final String ARTICLES = """
            SELECT ?a (SAMPLE(?t) AS ?title) (SAMPLE(?d) AS ?issued) (SAMPLE(?on) AS ?outlet) WHERE {
              ?a a schema:NewsArticle .
              OPTIONAL { ?a dcterms:title ?t } OPTIONAL { ?a dcterms:issued ?d } OPTIONAL { ?a dcterms:publisher/schema:name ?on }
            } GROUP BY ?a ORDER BY DESC(STR(?issued)) ?title ?a LIMIT 1000""";

    private final Archive archive;
    private final long timeoutMillis;

    Describer(Archive archive, long timeoutMillis) {
        this.archive = archive;
        this.timeoutMillis = timeoutMillis;
    }

    /** The description of the IRI; empty when the archive knows nothing of it. */
    Model describe(String iri) {
        Query q = bind(DESCRIBE, iri);
        return archive.read(c -> {
            try (QueryExecution qe = c.newQuery().query(archive.forUnionDefaultGraph(q)).timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
                return qe.execConstruct();
            }
        });
    }

    List<Map<String, RDFNode>> activities(String articleIri) {
        return select(bind(ACTIVITIES, articleIri));
    }

    List<Map<String, RDFNode>> articles() {
        return select(QueryService.parse(ARTICLES));
    }

    /** Rows copied out while the read transaction is open (stores may resolve nodes lazily). */
    private List<Map<String, RDFNode>> select(Query q) {
        return archive.read(c -> {
            List<Map<String, RDFNode>> out = new ArrayList<>();
            try (QueryExecution qe = c.newQuery().query(archive.forUnionDefaultGraph(q)).timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
                qe.execSelect().forEachRemaining(s -> {
                    Map<String, RDFNode> row = new HashMap<>();
                    s.varNames().forEachRemaining(v -> row.put(v, s.get(v)));
                    out.add(row);
                });
            }
            return out;
        });
    }

    private static Query bind(String sparql, String iri) {
        ParameterizedSparqlString pss = new ParameterizedSparqlString(QueryService.PROLOGUE + sparql);
        pss.setIri("x", iri);
        return pss.asQuery();
    }
}
