package org.parc.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.export.ExportFormat;
import org.parc.export.Exporter;
import org.parc.export.Selection;
import org.parc.query.QueryService;
import org.parc.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the archive, or a selection of it, as RDF or as citations.",
                "Output is deterministic: the same archive always exports the same bytes, and documents are read one at a "
                        + "time, so memory stays flat however large the archive. Quad formats (trig, n-quads) keep each "
                        + "document's named graph; turtle, n-triples, json-ld and rdf/xml write the union; json-ld is "
                        + "compacted with parc's context (vocab/context.jsonld, written inline); json-ld-framed writes one "
                        + "object per article with its publisher, creators and mentions embedded; csl-json, bibtex and ris "
                        + "write one citation per article for citation managers."},
        footer = {"", "Examples:", "  parc export --format turtle --out archive.ttl",
                "  parc export --out archive.jsonld            (format from the extension: .ttl .trig .nt .nq .jsonld",
                "                                               .framed.jsonld .rdf .json (csl-json) .bib .ris)",
                "  parc export --format trig --doc https://parc.example.org/article/929ae95f8ef135cd-1",
                "  parc export --since 2025-06-01 --out june.bib",
                "  parc export --construct 'CONSTRUCT { ?a dcterms:title ?t } WHERE { ?a dcterms:title ?t }' --format n-triples",
                "", ExitCodes.HELP})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Option(names = "--format", paramLabel = "FORMAT", description = "turtle, trig, n-triples, n-quads, json-ld, json-ld-framed, "
            + "rdf/xml, csl-json, bibtex, ris (default: from --out's extension, else turtle).")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE (default: standard output).")
    Path out;

    @Option(names = "--doc", paramLabel = "IRI", description = "Export only the document holding this article (or source file, or graph) IRI.")
    String doc;

    @Option(names = "--since", paramLabel = "DATE-TIME", description = "Export only the documents ingested (or imported) at or after "
            + "this time: 2025-06-01, 2025-06-01T12:00:00Z (no offset: UTC).")
    String since;

    @Option(names = "--construct", paramLabel = "FILE|QUERY", description = "Export the result of this SPARQL CONSTRUCT query "
            + "(a file, or the query text; parc's prefixes are predeclared). Quad formats write it as the default graph.")
    String construct;

    @Override
    public Integer call() throws IOException {
        ExportFormat f = format != null ? ExportFormat.byName(format)
                : out != null && ExportFormat.byFileName(out.getFileName().toString()) != null
                ? ExportFormat.byFileName(out.getFileName().toString()) : ExportFormat.TURTLE;
        Selection sel = new Selection(doc, since == null ? null : Selection.parseInstant(since),
                construct == null ? null : QueryService.parse(queryText(construct)));
        try (Archive archive = store.open(false)) {
            Exporter exporter = new Exporter(archive);
            if (out == null) {
                exporter.export(f, parc.out, sel);
                parc.out.flush();
            } else {
                // Write beside the target and move into place: a failed export leaves no half file.
                Path abs = out.toAbsolutePath();
                if (abs.getParent() != null) Files.createDirectories(abs.getParent());
                Path tmp = Files.createTempFile(abs.getParent(), ".parc-export", ".tmp");
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    exporter.export(f, os, sel);
                } catch (RuntimeException | IOException e) {
                    Files.deleteIfExists(tmp);
                    throw e;
                }
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return ExitCodes.OK;
    }

    /** The query text: the file's content when the argument names a file, else the argument itself. */
    private static String queryText(String arg) throws IOException {
        if (!arg.contains("{") && !arg.contains("\n")) {
            Path p = Path.of(arg);
            if (!Files.isRegularFile(p)) throw ParcException.usage("--construct: no file " + arg + " (and no query text either)");
            return Files.readString(p, StandardCharsets.UTF_8);
        }
        return arg;
    }
}
