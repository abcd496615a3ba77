package org.parc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.riot.Lang;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.export.ExportFormat;
import org.parc.importer.ImportOutcome;
import org.parc.importer.Importer;
import org.parc.ingest.Pipelines;
import org.parc.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import RDF from another archive (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML).",
                "Each file is loaded in one transaction. Named graphs keep their names; triples outside any named graph go "
                        + "into a graph named from the file's SHA-256. A graph already in the archive with the same content is "
                        + "left as it is; one with different content makes the whole file fail, unless --replace. Provenance "
                        + "(file name, checksum, time, agent) goes into a graph of its own per file; no local path is recorded. "
                        + "A bad file is reported on one line and the others go on."},
        footer = {"", "Example:", "  parc import --agent 'J. Librarian' other-archive.trig more/*.jsonld",
                "", ExitCodes.HELP})
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "RDF files to import.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT", description = "turtle, trig, n-triples, n-quads, json-ld, rdf/xml "
            + "(default: from each file's extension).")
    String format;

    @Option(names = "--agent", paramLabel = "NAME", description = "Who imports, recorded in the provenance (default: ${DEFAULT-VALUE}).")
    String agent = "unknown";

    @Option(names = "--replace", description = "Overwrite graphs the archive holds with different content (default: refuse the file).")
    boolean replace;

    @Option(names = {"-q", "--quiet"}, description = "Print only failures and the summary.")
    boolean quiet;

    @Override
    public Integer call() {
        Lang lang = format == null ? null : lang(format);
        int imported = 0, unchanged = 0, failed = 0;
        try (Archive archive = store.open(true)) {
            Importer importer = new Importer(archive, agent, Pipelines.clock(), replace);
            for (Path f : files) {
                ImportOutcome o = Files.isRegularFile(f)
                        ? importer.importFile(f, f.toString(), lang)
                        : new ImportOutcome.Failed(f.toString(), "no such file");
                if (o instanceof ImportOutcome.Failed x) {
                    failed++;
                    parc.err.println("parc: " + x.file() + ": " + x.reason());
                } else if (o instanceof ImportOutcome.Imported i) {
                    imported++;
                    if (!quiet) {
                        parc.out.println("imported  " + i.file() + "  (" + i.written().size() + (i.written().size() == 1 ? " graph" : " graphs")
                                + (i.unchanged().isEmpty() ? "" : ", " + i.unchanged().size() + " unchanged")
                                + (i.skipped().isEmpty() ? "" : ", skipped the other archive's settings graph") + ")");
                    }
                } else if (o instanceof ImportOutcome.Unchanged u) {
                    unchanged++;
                    if (!quiet) parc.out.println("unchanged " + u.file());
                }
            }
        }
        parc.out.println("imported " + imported + ", unchanged " + unchanged + ", failed " + failed);
        parc.out.flush();
        return failed > 0 ? ExitCodes.FAILED_INPUTS : ExitCodes.OK;
    }

    private static Lang lang(String name) {
        ExportFormat f;
        try {
            f = ExportFormat.byName(name);
        } catch (ParcException e) {
            f = null;
        }
        if (f == null || f.lang() == null) {
            throw ParcException.usage("unknown RDF format '" + name + "' (one of turtle, trig, n-triples, n-quads, json-ld, rdf/xml)");
        }
        return f.lang();
    }
}
