package org.parc.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The `parc` command. Tests drive it in-process through {@link #run(PrintStream, PrintStream, String...)}. */
@Command(name = "parc",
        mixinStandardHelpOptions = true,
        versionProvider = Parc.VersionProvider.class,
        description = "A provenance-aware archive for news sources: ingest articles, describe them as linked data, query and export.",
        subcommands = {
                DemoCommand.class,
                InitCommand.class,
                IngestCommand.class,
                QueryCommand.class,
                ServeCommand.class,
                ExportCommand.class,
                ImportCommand.class,
                EditCommand.class,
                HistoryCommand.class,
                VerifyCommand.class,
                ValidateCommand.class,
                CompactCommand.class,
                CommandLine.HelpCommand.class
        },
        footer = {"", "Example:", "  parc ingest seeds/ && parc query 'SELECT ?t WHERE { ?a dcterms:title ?t }'", "", ExitCodes.HELP})
public final class Parc implements Runnable {
    final PrintStream out;
    final PrintStream err;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print details, and stack traces of internal errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Parc(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command (see parc --help)");
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs parc with the given streams and returns the exit code; never calls System.exit. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        Parc parc = new Parc(out, err);
        CommandLine cl = new CommandLine(parc);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExitCodeExceptionMapper(t -> t instanceof ParcException pe ? pe.exitCode() : ExitCodes.INTERNAL);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("parc: " + ex.getMessage());
            err.println("(see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ParcException pe) {
                err.println("parc: " + pe.getMessage());
                if (parc.verbose && pe.getCause() != null) pe.getCause().printStackTrace(err);
                return pe.exitCode();
            }
            err.println("parc: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage().lines().findFirst().orElse(""))
                    + (parc.verbose ? "" : " (rerun with --verbose for details)"));
            if (parc.verbose) ex.printStackTrace(err);
            return ExitCodes.INTERNAL;
        });
        try {
            return cl.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{Version.NAME + " " + Version.VERSION};
        }
    }
}
