package org.parc.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.junit.jupiter.api.Test;
import org.parc.store.Tdb2Archive;

/**
 * Where the writer's time goes, apart from everything else ingest does: the first documents of an
 * earlier bench store (IngestBench's {@code target/bench/store-N}) are read into memory and written
 * again, in groups of one transaction, into fresh stores with parc's layout, one way per store, all on
 * this thread, timed by its CPU:
 * <ul>
 * <li>{@code add}: each quad through {@code DatasetGraph.add}, the baseline;
 * <li>{@code put}: each document's model through {@code RDFConnection.put}, as ingest's writer does;
 * <li>{@code unsorted}: TDB2's own tables, the whole group's term ids first, then each index in turn;
 * <li>{@code sorted}: the same, each index's tuples sorted in that index's order first;
 * <li>{@code perdoc}: the same as unsorted, one document at a time (not run by default);
 * <li>{@code terms}: only the node table (each term's id, allocated when new): its share of the cost.
 * </ul>
 * Session 19 tried the fastest of these ({@code unsorted}, 15-23 % under {@code put} or {@code add} in the same run) as ingest's
 * writer, flushing every 131,072 quads: on 10,000 files the writer's CPU fell 6-11 % but the workers'
 * rose by 30 s, and ingest took as long (bench/RESULTS.md), so the writer stays with {@code put}.
 * Run after IngestBench: {@code mvn -B -o -Pbench test -Dtest=StoreWriteBench}
 * ({@code -Dparc.bench.writeFrom=target/bench/store-10000 -Dparc.bench.writeDocs=2000 -Dparc.bench.writeGroup=500}).
 */
class StoreWriteBench {
    private static final Path WORK = Path.of("target", "bench");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void write() throws Exception {
        Path from = Path.of(System.getProperty("parc.bench.writeFrom", WORK.resolve("store-10000").toString()));
        assumeTrue(Files.isDirectory(from), "no store at " + from + ": run IngestBench first");
        int docs = Integer.getInteger("parc.bench.writeDocs", 2000);
        int group = Integer.getInteger("parc.bench.writeGroup", 500);
        List<List<Quad>> graphs = read(from, docs);
        long quads = graphs.stream().mapToLong(List::size).sum();
        System.out.printf(Locale.ROOT, "# store write bench: %d documents (%d quads, %.0f per document) from %s, groups of %d%n",
                graphs.size(), quads, (double) quads / graphs.size(), from, group);
        // the first way timed otherwise pays for compiling both paths (13.6 against 10.5 µs/quad)
        write("warm-up", graphs.subList(0, Math.min(500, graphs.size())), group);
        write("unsorted", graphs.subList(0, Math.min(500, graphs.size())), group);
        Map<String, Double> usPerQuad = new LinkedHashMap<>();
        // -Dparc.bench.writeWays: another order, or a way twice (the last run of a way is the one kept)
        for (String way : System.getProperty("parc.bench.writeWays", "add,put,unsorted,sorted,terms").split(",")) {
            double[] r = write(way, graphs, group);
            usPerQuad.put(way, r[0] * 1e6 / quads);
            System.out.printf(Locale.ROOT, "%-7s CPU %6.2f s  wall %6.2f s  %5.2f µs/quad  (%.2f of add)%n",
                    way, r[0], r[1], r[0] * 1e6 / quads, usPerQuad.get(way) / usPerQuad.getOrDefault("add", Double.NaN));
        }
        if (usPerQuad.containsKey("add") && usPerQuad.containsKey("terms")) {
            System.out.printf(Locale.ROOT, "node table %.2f µs/quad; the indexes (add - terms) %.2f µs/quad%n",
                    usPerQuad.get("terms"), usPerQuad.get("add") - usPerQuad.get("terms"));
        }
    }

    /** The first {@code n} document graphs of the store, as quads. */
    private static List<List<Quad>> read(Path from, int n) {
        List<List<Quad>> out = new ArrayList<>();
        try (Tdb2Archive archive = Tdb2Archive.open(from)) {
            var dsg = archive.datasetGraph();
            Txn.executeRead(dsg, () -> {
                for (var it = dsg.listGraphNodes(); it.hasNext() && out.size() < n; ) {
                    Node g = it.next();
                    if (g.getURI().startsWith("urn:")) continue; // the archive's settings and corrections
                    List<Quad> l = new ArrayList<>();
                    dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(l::add);
                    out.add(l);
                }
            });
        }
        return out;
    }

    /** Writes the graphs into a fresh store one way; returns CPU and wall seconds. */
    private static double[] write(String way, List<List<Quad>> graphs, int group) throws Exception {
        Path dir = WORK.resolve("write-" + way);
        BenchCorpus.deleteTree(dir);
        List<Model> models = new ArrayList<>();
        if (way.equals("put") || way.equals("warm-up")) {
            for (List<Quad> g : graphs) {
                Model m = ModelFactory.createDefaultModel();
                g.forEach(q -> m.getGraph().add(q.asTriple()));
                models.add(m);
            }
        }
        long cpu = THREADS.getCurrentThreadCpuTime(), wall = System.nanoTime();
        try (Tdb2Archive archive = Tdb2Archive.open(dir)) {
            var dsg = archive.datasetGraph();
            var tdb = (DatasetGraphTDB) ((DatasetGraphSwitchable) dsg).get();
            for (int b = 0; b < graphs.size(); b += group) {
                int from = b, to = Math.min(graphs.size(), b + group);
                switch (way) {
                    case "put", "warm-up" -> archive.write(conn -> {
                        for (int i = from; i < to; i++) conn.put(graphs.get(i).get(0).getGraph().getURI(), models.get(i));
                    });
                    case "add" -> Txn.executeWrite(dsg, () -> {
                        for (int i = from; i < to; i++) graphs.get(i).forEach(dsg::add);
                    });
                    // one sort per document instead of per group; the group's tuples unsorted
                    case "perdoc" -> Txn.executeWrite(dsg, () -> graphs.subList(from, to).forEach(g -> tables(tdb, List.of(g), true, true)));
                    case "unsorted" -> Txn.executeWrite(dsg, () -> tables(tdb, graphs.subList(from, to), true, false));
                    default -> Txn.executeWrite(dsg, () -> tables(tdb, graphs.subList(from, to), way.equals("sorted"), true));
                }
            }
        } finally {
            cpu = THREADS.getCurrentThreadCpuTime() - cpu;
            wall = System.nanoTime() - wall;
            BenchCorpus.deleteTree(dir);
        }
        return new double[] {cpu / 1e9, wall / 1e9};
    }

    /** Node ids for every quad, then (unless only the terms are wanted) each index's tuples, sorted in its order. */
    private static void tables(DatasetGraphTDB tdb, List<List<Quad>> graphs, boolean indexes, boolean sort) {
        var table = tdb.getQuadTable().getNodeTupleTable();
        var nodes = table.getNodeTable();
        Map<Node, NodeId> ids = new HashMap<>();
        List<Tuple<NodeId>> rows = new ArrayList<>();
        for (List<Quad> g : graphs) {
            for (Quad q : g) {
                rows.add(TupleFactory.create4(ids.computeIfAbsent(q.getGraph(), nodes::getAllocateNodeId),
                        ids.computeIfAbsent(q.getSubject(), nodes::getAllocateNodeId),
                        ids.computeIfAbsent(q.getPredicate(), nodes::getAllocateNodeId),
                        ids.computeIfAbsent(q.getObject(), nodes::getAllocateNodeId)));
            }
        }
        if (!indexes) return;
        for (TupleIndex index : table.getTupleTable().getIndexes()) {
            TupleMap map = index.getMapping();
            List<Tuple<NodeId>> sorted = new ArrayList<>(rows);
            if (sort) sorted.sort((x, y) -> {
                for (int i = 0; i < 4; i++) {
                    int c = NodeId.compare(map.mapSlot(i, x), map.mapSlot(i, y));
                    if (c != 0) return c;
                }
                return 0;
            });
            sorted.forEach(index::add);
        }
    }
}
