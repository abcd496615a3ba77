package org.parc.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.ingest.Pipelines;
import org.parc.store.Archive;
import org.parc.verify.FixityChecker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Fixity: re-hash the archived source files and report the missing and changed ones.",
                "Give the folder(s) the files were ingested from: a source archived with parc:path a/b.txt is looked for at ROOT/a/b.txt "
                        + "(a ROOT that is a file matches by file name, as a single-file ingest records it). Only the newest version of "
                        + "each source is checked. The check is recorded as a prov:Activity (graph <base>graph/fixity/<id>) with each "
                        + "file's outcome (parc:outcome ok, changed or missing) unless --no-record."},
        footer = {"", "Example:", "  parc verify seeds/ inbox/", "", ExitCodes.HELP})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Parameters(arity = "1..*", paramLabel = "ROOT", description = "Folders (or files) to look for the archived sources in.")
    List<Path> roots;

    @Option(names = "--no-record", negatable = false, description = "Check only; do not record the check in the archive.")
    boolean noRecord;

    @Option(names = "--agent", paramLabel = "NAME", description = "The person running the check (recorded with it).")
    String agent;

    @Option(names = {"-q", "--quiet"}, description = "Print only missing and changed files and the summary.")
    boolean quiet;

    @Override
    public Integer call() {
        for (Path r : roots) if (!Files.exists(r)) throw ParcException.usage("no such folder or file: " + r);
        try (Archive archive = store.open(false)) {
            FixityChecker.Report rep = new FixityChecker(archive, Pipelines.clock()).check(roots, !noRecord, agent);
            for (FixityChecker.Result r : rep.results()) {
                if (quiet && r.outcome().equals(FixityChecker.OK)) continue;
                String line = String.format("%-8s %s", r.outcome(), r.path());
                if (r.outcome().equals(FixityChecker.CHANGED)) {
                    line += "  (archived sha256 " + r.archivedSha256().substring(0, 12) + "…, now " + r.observedSha256().substring(0, 12) + "…)";
                }
                parc.out.println(line);
            }
            parc.out.println("checked " + rep.results().size() + ": ok " + rep.count(FixityChecker.OK) + ", changed "
                    + rep.count(FixityChecker.CHANGED) + ", missing " + rep.count(FixityChecker.MISSING)
                    + (rep.graph() == null ? "" : " (recorded in " + rep.graph() + ")"));
            return rep.ok() ? ExitCodes.OK : ExitCodes.FAILED_INPUTS;
        }
    }
}
