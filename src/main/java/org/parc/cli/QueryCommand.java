package org.parc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.query.QueryService;
import org.parc.query.SavedQueries;
import org.parc.query.SavedQuery;
import org.parc.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the archive, or a saved query (--named).",
                "The default graph is the union of all documents' graphs; GRAPH ?g reaches each document's own graph. "
                        + "The prefixes dcterms, oa, owl, parc, prov, rdf, rdfs, schema and xsd are predeclared."},
        footer = {"", "Examples:",
                "  parc query 'SELECT ?title ?date WHERE { ?a a schema:NewsArticle ; dcterms:title ?title . OPTIONAL { ?a dcterms:issued ?date } }'",
                "  parc query -f question.rq --format csv",
                "  echo 'ASK { ?a a schema:NewsArticle }' | parc query",
                "  parc query --list",
                "  parc query --named articles-mentioning --param name=Baghdad --format csv",
                "  parc query --named articles-by-outlet --param outlet='Kurdistan 24' --param from=2017-01 --param to=2017-12-31",
                "", ExitCodes.HELP})
final class QueryCommand implements Callable<Integer> {
    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "The query text ('-' or none: read standard input).")
    String queryText;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the query from FILE.")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "SELECT/ASK: text (default), csv, tsv, json, xml. CONSTRUCT/DESCRIBE: turtle (default), json-ld, n-triples, rdf/xml, ...")
    String format;

    @Option(names = "--named", paramLabel = "NAME", description = "Run the saved query NAME (see --list) instead of a query text.")
    String named;

    @Option(names = "--param", paramLabel = "KEY=VALUE", mapFallbackValue = "",
            description = "A parameter of the saved query (repeatable); IRIs may use parc's prefixes, dates are 2017, 2017-06 or 2017-06-30.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--list", description = "List the saved queries with their descriptions and parameters.")
    boolean list;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop a query running longer than this (default ${DEFAULT-VALUE}).")
    double timeout = 60;

    @Override
    public Integer call() throws IOException {
        if (list) {
            if (named != null || queryText != null || file != null) throw ParcException.usage("--list takes no query");
            list();
            return ExitCodes.OK;
        }
        Query q;
        if (named != null) {
            if (queryText != null || file != null) throw ParcException.usage("give a saved query (--named) or a query text, not both");
            q = SavedQueries.shipped().get(named).bind(params);
        } else {
            if (!params.isEmpty()) throw ParcException.usage("--param goes with --named");
            q = QueryService.parse(queryText());
        }
        if (format != null) {
            // Check the format name before running: a usage error, not a late failure.
            if (q.isSelectType() || q.isAskType()) org.parc.query.OutputFormats.resultLang(format);
            else org.parc.query.OutputFormats.rdfLang(format);
        }
        if (timeout <= 0) throw ParcException.usage("--timeout must be positive");
        try (Archive archive = store.open(false)) {
            QueryService.run(archive, q, format, parc.out, (long) (timeout * 1000));
        }
        return ExitCodes.OK;
    }

    private void list() {
        for (SavedQuery sq : SavedQueries.shipped().all()) {
            parc.out.println(sq.name());
            parc.out.println("    " + sq.description());
            for (SavedQuery.Param p : sq.params()) {
                parc.out.println("    --param " + p.name() + "=" + p.type().name().toLowerCase(java.util.Locale.ROOT)
                        + (p.required() ? " (required) " : " (optional) ") + p.description());
            }
        }
        parc.out.flush();
    }

    private String queryText() throws IOException {
        if (file != null && queryText != null) throw ParcException.usage("give the query as an argument or with -f, not both");
        if (file != null) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw ParcException.usage("no such query file: " + file);
            }
        }
        if (queryText != null && !queryText.equals("-")) return queryText;
        return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
