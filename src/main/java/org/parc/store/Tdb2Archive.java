package org.parc.store;

import java.nio.file.Path;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.TDB2;
import org.parc.ParcException;

/** The embedded default: an Apache Jena TDB2 database in a folder, locked to one process. */
public final class Tdb2Archive extends ConnectionArchive {
    private final DatasetGraph dsg;

    /**
     * TDB2's node caches count entries, not bytes, and each article's full text is one literal: with
     * the default sizes the heap kept after a GC grew to ~430 MB over a 10,000-article ingest; with
     * 20,000 entries it stayed at ~280 MB at the same speed (bench/RESULTS.md). Cache sizes are
     * per-connection settings: existing stores open with them unchanged. -Dparc.tdb.nodeCache overrides.
     */
    static final int NODE_CACHE = 20_000;
    /**
     * A server answers many queries that turn the same ids back into terms (names, titles): at
     * 500,000 entries the saved queries returning thousands of rows ran 17-50 % faster on the
     * 10,000-article archive (bench/RESULTS.md), and a server is not bound to ingest's small heap.
     */
    static final int SERVING_NODE_CACHE = 500_000;

    private static org.apache.jena.tdb2.params.StoreParams params(int nodeCache) {
        int n = Integer.getInteger("parc.tdb.nodeCache", nodeCache);
        return org.apache.jena.tdb2.params.StoreParams.builder(org.apache.jena.tdb2.params.StoreParams.getDftStoreParams())
                .nodeId2NodeCacheSize(n)
                .node2NodeIdCacheSize(Math.min(n, NODE_CACHE))
                .build();
    }

    private Tdb2Archive(DatasetGraph dsg, String location) {
        super(RDFConnection.connect(org.apache.jena.query.DatasetFactory.wrap(dsg)), location);
        this.dsg = dsg;
    }

    public static Tdb2Archive open(Path dir) {
        return open(dir, NODE_CACHE);
    }

    /** Opens the store with a larger cache of terms, for serving queries. */
    public static Tdb2Archive openForServing(Path dir) {
        return open(dir, SERVING_NODE_CACHE);
    }

    private static Tdb2Archive open(Path dir, int nodeCache) {
        DatasetGraph dsg;
        try {
            dsg = DatabaseMgr.connectDatasetGraph(dir.toString(), params(nodeCache));
        } catch (RuntimeException e) {
            throw openFailure(dir, e);
        }
        // Queries see the union of the per-document graphs as their default graph.
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        return new Tdb2Archive(dsg, dir.toString());
    }

    /**
     * What a failed open means for the user. Another process holding the store makes TDB2's
     * ProcessFileLock throw DBOpEnvException "Failed to get a lock: file='DIR/tdb.lock': held by
     * process PID" (AlreadyLocked, its subclass, within one process); anything else is a store that
     * is damaged or not a TDB2 database.
     */
    static ParcException openFailure(Path dir, RuntimeException e) {
        String msg = String.valueOf(e.getMessage());
        if (e instanceof DBOpEnvException && msg.startsWith("Failed to get a lock")) {
            var m = java.util.regex.Pattern.compile("held by process (\\d+)").matcher(msg);
            String who = m.find() ? "another process (pid " + m.group(1) + ")" : "another process";
            return ParcException.storeUnavailable("archive " + dir + " is in use by " + who
                    + "; wait for it to finish, or query it through a SPARQL server", e);
        }
        if (e instanceof DBOpEnvException || e instanceof TDBException || e instanceof org.apache.jena.dboe.base.block.BlockException) {
            return ParcException.storeUnavailable("cannot open archive " + dir + ": it looks damaged or is not a parc archive ("
                    + oneLine(msg) + ")", e);
        }
        return ParcException.storeUnavailable("cannot open archive " + dir + ": " + e.getClass().getSimpleName() + ": " + oneLine(msg), e);
    }

    /**
     * Rewrites the store with only its live data and deletes the old generation. TDB2 writes
     * copy-on-write: every commit leaves the blocks it replaced behind until this runs, so a store
     * filled by many commits is several times the size of its data. Blocks writers while it runs.
     *
     * @return bytes on disk before and after
     */
    public long[] compact() {
        long before = sizeOnDisk();
        DatabaseMgr.compact(dsg, true);
        return new long[] {before, sizeOnDisk()};
    }

    /** Bytes of the store's files (every generation still on disk). */
    public long sizeOnDisk() {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(java.nio.file.Path.of(location()))) {
            return s.filter(java.nio.file.Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public DatasetGraph datasetGraph() {
        return dsg;
    }

    /** Straight from the quad indexes: ingest asks this for every file, and a SPARQL ASK costs a parse. */
    @Override
    public boolean containsGraph(String graphIri) {
        var g = org.apache.jena.graph.NodeFactory.createURI(graphIri);
        return org.apache.jena.system.Txn.calculateRead(dsg, () -> dsg.find(g, org.apache.jena.graph.Node.ANY,
                org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY).hasNext());
    }

    @Override
    public boolean unionDefaultGraph() {
        return true;
    }

    @Override
    public void close() {
        super.close();
        // Release the files and the process lock so that another process (or test) can open them.
        org.apache.jena.tdb2.sys.TDBInternal.expel(dsg);
    }

    private static String oneLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
