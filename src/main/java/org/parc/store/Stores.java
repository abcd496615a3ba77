package org.parc.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.parc.ParcException;

/** Opens an archive from a --store value: a folder (embedded TDB2) or an http(s) URL (SPARQL 1.1 endpoint). */
public final class Stores {
    public static final String ENV = "PARC_STORE";
    public static final String DEFAULT_DIR = "archive";

    private Stores() {}

    /** The store named by --store, else $PARC_STORE, else ./archive. */
    public static String resolve(String option) {
        if (option != null && !option.isBlank()) return option;
        String env = System.getenv(ENV);
        return env != null && !env.isBlank() ? env : DEFAULT_DIR;
    }

    public static boolean isRemote(String location) {
        return location.startsWith("http://") || location.startsWith("https://");
    }

    /**
     * Opens the store.
     *
     * @param create create an embedded store if the folder does not exist yet; otherwise a missing
     *               store is "unavailable" (exit 3)
     */
    public static Archive open(String location, boolean create) {
        return open(location, create, false);
    }

    /** Opens an existing store to serve queries (embedded: with a larger cache of terms). */
    public static Archive openForServing(String location) {
        return open(location, false, true);
    }

    private static Archive open(String location, boolean create, boolean serving) {
        if (isRemote(location)) return RemoteArchive.connect(location);
        Path dir = Path.of(location);
        if (!create && !Files.isDirectory(dir)) {
            throw ParcException.storeUnavailable("no archive at " + location
                    + " (ingest something first, or give --store)", null);
        }
        if (Files.isDirectory(dir) && !isTdb2(dir) && !isEmpty(dir)) {
            // Never scatter database files into a folder of the user's documents (or seeds/).
            throw ParcException.storeUnavailable(location + " is a folder but not a parc archive"
                    + " (give --store a new or empty folder, or an existing archive)", null);
        }
        if (!create && !isTdb2(dir)) {
            throw ParcException.storeUnavailable("no archive at " + location + " (ingest something first, or give --store)", null);
        }
        return serving ? Tdb2Archive.openForServing(dir) : Tdb2Archive.open(dir);
    }

    /** A TDB2 database folder: its lock file or a Data-NNNN generation folder. */
    static boolean isTdb2(Path dir) {
        if (Files.exists(dir.resolve("tdb.lock"))) return true;
        try (var s = Files.list(dir)) {
            return s.anyMatch(p -> p.getFileName().toString().matches("Data-\\d+") && Files.isDirectory(p));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean isEmpty(Path dir) {
        try (var s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
