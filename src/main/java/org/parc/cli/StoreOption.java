package org.parc.cli;

import org.parc.store.Archive;
import org.parc.store.Stores;
import picocli.CommandLine.Option;

/** --store, shared by every command that opens an archive. */
final class StoreOption {
    @Option(names = {"-s", "--store"}, paramLabel = "DIR|URL",
            description = "The archive: a folder (embedded TDB2, the default ./archive or $PARC_STORE) or a SPARQL 1.1 endpoint URL (e.g. http://localhost:3030/parc).")
    String store;

    String location() {
        return Stores.resolve(store);
    }

    Archive open(boolean create) {
        return Stores.open(location(), create);
    }

    Archive openForServing() {
        return Stores.openForServing(location());
    }
}
