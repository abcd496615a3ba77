package org.parc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.edit.History;
import org.parc.edit.Refs;
import org.parc.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"Show the timeline of an article's record: who did what, when and why.",
                "Ingest activities (with the software and versions that ran), every librarian's edit (person and reason) "
                        + "and every fixity check of its source file, in time order; earlier versions of a revised file included."},
        footer = {"", "Examples:", "  parc history 003_fce4307d2c9900bd.txt", "  parc history 54dce0720a519039-1 --format json", "", ExitCodes.HELP})
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "ARTICLE", description = "The article: IRI, id (54dce0720a519039-1), or its source file's path or name.")
    String article;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) throw ParcException.usage("unknown format " + format + " (text or json)");
        try (Archive archive = store.open(false)) {
            String iri = Refs.article(archive, article);
            List<History.Entry> entries = History.of(archive, iri);
            if (format.equals("json")) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("article", iri);
                doc.put("events", entries.stream().map(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("time", e.time().toString());
                    m.put("kind", e.kind());
                    m.put("agent", e.agent());
                    m.put("what", e.what());
                    m.put("why", e.why());
                    m.put("activity", e.activity());
                    return m;
                }).toList());
                parc.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            } else {
                parc.out.println(iri);
                parc.out.print(History.table(entries));
            }
        }
        return ExitCodes.OK;
    }
}
