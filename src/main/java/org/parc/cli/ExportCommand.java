package org.parc.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.export.ExportFormat;
import org.parc.export.Exporter;
import org.parc.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the archive, or one article's document, as RDF.",
                "Output is deterministic: the same archive always exports the same bytes. Quad formats (trig, n-quads) keep "
                        + "each document's named graph; the others write the union."},
        footer = {"", "Examples:", "  parc export --format turtle --out archive.ttl",
                "  parc export --out archive.jsonld            (format from the extension)",
                "  parc export --format trig --doc https://parc.example.org/article/929ae95f8ef135cd-1",
                "", ExitCodes.HELP})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Option(names = "--format", paramLabel = "FORMAT", description = "turtle, trig, n-triples, n-quads, json-ld, rdf/xml (default: from --out's extension, else turtle).")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Write to FILE (default: standard output).")
    Path out;

    @Option(names = "--doc", paramLabel = "IRI", description = "Export only the document holding this article (or source file) IRI.")
    String doc;

    @Override
    public Integer call() throws IOException {
        ExportFormat f = format != null ? ExportFormat.byName(format)
                : out != null && ExportFormat.byFileName(out.getFileName().toString()) != null
                ? ExportFormat.byFileName(out.getFileName().toString()) : ExportFormat.TURTLE;
        try (Archive archive = store.open(false)) {
            Exporter exporter = new Exporter(archive);
            if (out == null) {
                exporter.export(f, parc.out, doc);
                parc.out.flush();
            } else {
                // Write beside the target and move into place: a failed export leaves no half file.
                Path abs = out.toAbsolutePath();
                if (abs.getParent() != null) Files.createDirectories(abs.getParent());
                Path tmp = Files.createTempFile(abs.getParent(), ".parc-export", ".tmp");
                try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                    exporter.export(f, os, doc);
                } catch (RuntimeException | IOException e) {
                    Files.deleteIfExists(tmp);
                    throw e;
                }
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (ParcException e) {
            throw e;
        }
        return ExitCodes.OK;
    }
}
