package org.parc.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.parc.ExitCodes;
import org.parc.ParcException;
import org.parc.store.Archive;
import org.parc.store.Stores;
import org.parc.store.Tdb2Archive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Reclaim the disk space of an embedded archive.",
                "TDB2 never overwrites a block in place: each commit leaves the blocks it replaced behind, so after a large",
                "ingest the store is several times the size of its data. Compaction rewrites the live data and deletes the",
                "old files. The archive's content does not change. A SPARQL endpoint manages its own storage (exit 2)."},
        footer = {"", "Example:", "  parc compact --store ./archive", "", ExitCodes.HELP})
final class CompactCommand implements Callable<Integer> {
    @ParentCommand
    Parc parc;

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        // decided before opening: a usage error needs no connection to the server
        if (Stores.isRemote(store.location())) {
            throw ParcException.usage("compact applies to an embedded archive; " + store.location() + " is a SPARQL endpoint");
        }
        try (Archive archive = store.open(false)) {
            Tdb2Archive tdb = (Tdb2Archive) archive;
            long t0 = System.nanoTime();
            long[] size = tdb.compact();
            parc.out.printf(Locale.ROOT, "compacted %s: %s -> %s in %.1f s%n", archive.location(), mb(size[0]), mb(size[1]),
                    (System.nanoTime() - t0) / 1e9);
        }
        return ExitCodes.OK;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
