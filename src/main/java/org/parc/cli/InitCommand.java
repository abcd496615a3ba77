package org.parc.cli;

import java.util.concurrent.Callable;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.rdf.Iris;
import org.parc.store.Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Create an archive and set its base IRI (optional: ingest creates one with the default base "
                + Iris.DEFAULT_BASE + ").",
                "Every IRI parc mints (articles, sources, people, places, ...) lives under the base: choose it before the first ingest."},
        footer = {"", "Example:", "  parc init --store ./archive --base https://archive.example.net/news/", "", ExitCodes.HELP})
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Option(names = "--base", paramLabel = "IRI", description = "The archive's base IRI (http or https, ending in / or #).")
    String base = Iris.DEFAULT_BASE;

    @Override
    public Integer call() {
        if (!base.matches("https?://[^\\s<>\"{}|\\\\^`]+")) throw ParcException.usage("--base must be an http(s) IRI: " + base);
        try (Archive archive = store.open(true)) {
            String current = archive.storedBase();
            boolean hasDocs = !new org.parc.export.Exporter(archive).graphs(null).isEmpty();
            String wanted = new Iris(base).base();
            if (hasDocs && !wanted.equals(archive.iris().base())) {
                throw ParcException.usage("the archive already holds documents under " + archive.iris().base()
                        + "; its base cannot change");
            }
            if (!wanted.equals(current)) archive.setBase(wanted);
            parc.out.println("archive " + archive.location() + " with base " + wanted);
        }
        return ExitCodes.OK;
    }
}
