package org.parc.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.apache.jena.atlas.io.IO;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.rdfconnection.RDFConnection;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.CopyDSG;
import org.apache.jena.tdb2.sys.DatabaseOps;
import org.apache.jena.tdb2.sys.StoreConnection;
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

    /**
     * The quad indexes a new store gets. TDB2's default adds GPOS and GOSP, which serve only patterns
     * that name a graph and leave its subject open. parc keeps one document per graph (about 1,700
     * quads), and GSPO scans such a graph as fast, while patterns across the archive use the ???G
     * indexes. Every quad goes into every index: on the first 3,000 bench files the writer thread's
     * CPU fell from 108 to 75 s and the store from 2.4 to 1.7 GB. TDB2 records the indexes in the
     * store (tdb.cfg), so stores created with six open, and compact, with six.
     */
    static final String[] QUAD_INDEXES = {"GSPO", "SPOG", "POSG", "OSPG"};

    private static org.apache.jena.tdb2.params.StoreParams params(int nodeCache) {
        int n = Integer.getInteger("parc.tdb.nodeCache", nodeCache);
        return org.apache.jena.tdb2.params.StoreParams.builder(org.apache.jena.tdb2.params.StoreParams.getDftStoreParams())
                .primaryIndexQuads(QUAD_INDEXES[0])
                .quadIndexes(QUAD_INDEXES)
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
     * <p>TDB2's own {@code DatabaseMgr.compact} builds the new generation with its default indexes,
     * whatever the store was created with; this follows its steps (copy into {@code Data-N-tmp}, then
     * rename it to {@code Data-N}, switch, delete the old generation) with the store's own layout,
     * holding the store's lock throughout. A {@code Data-N-tmp} left by a compaction that was killed
     * is deleted first: it is a partial copy, and the live generation is untouched by it.
     *
     * @return bytes on disk before and after
     */
    public long[] compact() {
        long before = sizeOnDisk();
        var container = (DatasetGraphSwitchable) dsg;
        var current = (DatasetGraphTDB) container.get();
        var params = current.getStoreParams();
        Path live = DatabaseOps.findStorageLocation(container.getContainerPath());
        String name = live.getFileName().toString();
        int generation = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
        Path next = live.resolveSibling(String.format(Locale.ROOT, "Data-%04d", generation + 1));
        Path tmp = live.resolveSibling(next.getFileName() + "-tmp");
        if (Files.exists(tmp)) IO.deleteAll(tmp);
        var tmpLocation = Location.create(tmp);
        boolean copied = false;
        try {
            CopyDSG.copy(current, StoreConnection.connectCreate(tmpLocation, params, null).getDatasetGraphTDB());
            copied = true;
        } finally {
            StoreConnection.internalExpel(tmpLocation, true);
            if (!copied) IO.deleteAll(tmp);
        }
        try {
            Files.move(tmp, next, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var compacted = StoreConnection.connectCreate(
                Location.create(next), params, null).getDatasetGraphTDB();
        container.set(compacted);
        dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
        StoreConnection.release(current.getLocation());
        IO.deleteAll(live);
        return new long[] {before, sizeOnDisk()};
    }

    /** Bytes of the store's files (every generation still on disk). */
    public long sizeOnDisk() {
        try (java.util.stream.Stream<Path> s = Files.walk(Path.of(location()))) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
