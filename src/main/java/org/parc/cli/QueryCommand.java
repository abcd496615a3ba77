package org.parc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.jena.query.Query;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.query.QueryService;
import org.parc.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) over the archive.",
                "The default graph is the union of all documents' graphs; GRAPH ?g reaches each document's own graph. "
                        + "The prefixes dcterms, oa, owl, parc, prov, rdf, rdfs, schema and xsd are predeclared."},
        footer = {"", "Examples:",
                "  parc query 'SELECT ?title ?date WHERE { ?a a schema:NewsArticle ; dcterms:title ?title . OPTIONAL { ?a dcterms:issued ?date } }'",
                "  parc query -f question.rq --format csv",
                "  echo 'ASK { ?a a schema:NewsArticle }' | parc query",
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

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop a query running longer than this (default ${DEFAULT-VALUE}).")
    double timeout = 60;

    @Override
    public Integer call() throws IOException {
        String text = queryText();
        Query q = QueryService.parse(text);
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
