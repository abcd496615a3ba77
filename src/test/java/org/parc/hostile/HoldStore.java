package org.parc.hostile;

import java.nio.file.Path;
import org.parc.store.Archive;
import org.parc.store.Stores;

/**
 * A child process for the concurrency tests: opens the archive with parc's own store code, says
 * "holding" on stdout, and keeps the store open until its standard input closes.
 */
public final class HoldStore {
    private HoldStore() {}

    public static void main(String[] args) throws Exception {
        try (Archive a = Stores.open(Path.of(args[0]).toString(), true)) {
            a.containsGraph(Archive.CONFIG_GRAPH);
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our stdin
            }
        }
    }
}
