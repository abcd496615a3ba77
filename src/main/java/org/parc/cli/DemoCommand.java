package org.parc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.ingest.IngestSummary;
import org.parc.ingest.Ingester;
import org.parc.ingest.Outcome;
import org.parc.query.QueryService;
import org.parc.source.Limits;
import org.parc.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"The main job in one step: ingest the seed collection (seeds/) into the archive, "
                + "then show what the archive holds and the answer to a sample query."},
        footer = {"", "Example:", "  ./parc demo", "", ExitCodes.HELP})
final class DemoCommand implements Callable<Integer> {
    static final String ARTICLES = """
            SELECT ?title ?outlet ?issued ?lang (COUNT(DISTINCT ?m) AS ?mentions)
            WHERE {
              ?a a schema:NewsArticle ; dcterms:title ?title ; dcterms:language ?lang .
              OPTIONAL { ?a dcterms:publisher/schema:name ?outlet }
              OPTIONAL { ?a dcterms:issued ?issued }
              OPTIONAL { ?a schema:mentions ?m }
            }
            GROUP BY ?title ?outlet ?issued ?lang
            ORDER BY ?title""";

    static final String SAMPLE = """
            # The places most often mentioned, with the number of articles that mention each
            SELECT ?place (COUNT(DISTINCT ?a) AS ?articles)
            WHERE { ?a schema:mentions ?p . ?p a schema:Place ; schema:name ?place }
            GROUP BY ?place ORDER BY DESC(?articles) ?place LIMIT 10""";

    static final String COUNTS = """
            SELECT (COUNT(DISTINCT ?src) AS ?sourceFiles) (COUNT(DISTINCT ?a) AS ?articles)
                   (COUNT(DISTINCT ?per) AS ?people) (COUNT(DISTINCT ?org) AS ?organizations) (COUNT(DISTINCT ?pl) AS ?places)
                   (COUNT(DISTINCT ?geo) AS ?onGeoNames) (COUNT(DISTINCT ?wiki) AS ?onWikipedia)
            WHERE {
              { ?src a parc:SourceFile } UNION { ?a a schema:NewsArticle }
              UNION { ?x schema:mentions ?per . ?per a schema:Person }
              UNION { ?x schema:mentions ?org . ?org a schema:Organization }
              UNION { ?x schema:mentions ?pl . ?pl a schema:Place }
              # entities with an asserted link to an authority (candidates are not counted)
              UNION { ?geo schema:sameAs ?g FILTER(STRSTARTS(STR(?g), "%s")) }
              UNION { ?wiki schema:sameAs ?w FILTER(STRSTARTS(STR(?w), "%s")) }
            }""".formatted(org.parc.extract.entities.PlaceGazetteer.GEONAMES_PREFIX,
            org.parc.extract.entities.WikipediaLinker.DBPEDIA_PREFIX);

    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "What to ingest (default: seeds/).")
    List<Path> paths;

    @Option(names = "--no-entities", description = "Skip entity recognition.")
    boolean noEntities;

    @Override
    public Integer call() {
        List<Path> inputs = paths == null || paths.isEmpty() ? List.of(Path.of("seeds")) : paths;
        for (Path p : inputs) {
            if (!Files.exists(p)) throw ParcException.usage("no such file or folder: " + p + " (run the demo from parc's folder)");
        }
        IngestSummary summary;
        try (Archive archive = store.open(true)) {
            parc.out.println("== Ingesting " + inputs + " into " + archive.location());
            Ingester ingester = IngestCommand.ingester(archive, Limits.DEFAULT, !noEntities,
                    Runtime.getRuntime().availableProcessors(), null);
            summary = ingester.ingest(inputs, o -> {
                if (o instanceof Outcome.Failed f) parc.err.println(IngestCommand.failure(f));
            });
            parc.out.println(summary.line());
            section(archive, "What the archive holds", COUNTS);
            section(archive, "Articles", ARTICLES);
            section(archive, "Sample query", SAMPLE);
        }
        return summary.failed() > 0 ? ExitCodes.FAILED_INPUTS : ExitCodes.OK;
    }

    private void section(Archive archive, String title, String sparql) {
        parc.out.println();
        parc.out.println("== " + title);
        if (sparql == SAMPLE) parc.out.println(sparql.strip());
        QueryService.run(archive, QueryService.parse(sparql), "text", parc.out, 60_000);
    }
}
