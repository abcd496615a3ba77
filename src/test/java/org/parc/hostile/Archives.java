package org.parc.hostile;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.parc.query.QueryService;
import org.parc.support.Stores;

/** Reads what an ingest left in a (closed) archive, for the hostile-input tests. */
final class Archives {
    private Archives() {}

    /** What the archive says about one source file. */
    record Doc(String path, String mediaType, String text, boolean truncated) {}

    /** The documents of a closed archive by their recorded relative path. */
    static Map<String, Doc> docs(Path store) {
        return docs(Stores.snapshot(store));
    }

    static Map<String, Doc> docs(DatasetGraph dsg) {
        String q = QueryService.PROLOGUE + """
                SELECT ?path ?format ?text ?trunc WHERE { GRAPH ?g {
                  ?f a parc:SourceFile ; parc:path ?path ; dcterms:format ?format .
                  OPTIONAL { ?f parc:truncated ?trunc }
                  OPTIONAL { ?t a parc:NormalizedText ; prov:wasDerivedFrom ?f ; schema:text ?text } } }""";
        Map<String, Doc> out = new TreeMap<>();
        try (QueryExecution qe = QueryExecutionFactory.create(q, DatasetFactory.wrap(dsg))) {
            qe.execSelect().forEachRemaining((QuerySolution s) -> out.put(s.getLiteral("path").getString(),
                    new Doc(s.getLiteral("path").getString(), s.getLiteral("format").getString(),
                            s.contains("text") ? s.getLiteral("text").getString() : null,
                            s.contains("trunc") && s.getLiteral("trunc").getBoolean())));
        }
        return out;
    }
}
