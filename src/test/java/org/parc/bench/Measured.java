package org.parc.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.parc.cli.Parc;

/**
 * Child-process entry point for the bench: runs one parc command (or Jena's own writer, for the
 * export baseline) and prints on stderr one line "BENCH ms=… heapPeak=… heapSampledMax=… rss=…"
 * with the command's wall time (JVM start-up excluded) and the process's peak memory.
 *
 * <pre>Measured parc ARGS... | Measured jena turtle|nquads STORE OUT</pre>
 */
public final class Measured {
    private Measured() {}

    public static void main(String[] args) throws Exception {
        AtomicLong sampledMax = new AtomicLong();
        Thread sampler = new Thread(() -> {
            var mem = ManagementFactory.getMemoryMXBean();
            while (true) {
                sampledMax.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-heap-sampler");
        sampler.setDaemon(true);
        sampler.start();
        AtomicLong afterGc = afterGcMax();
        long t0 = System.nanoTime();
        int code;
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals("jena")) {
            code = jena(rest[0], Path.of(rest[1]), Path.of(rest[2]));
        } else {
            code = Parc.run(System.out, System.err, rest);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        sampler.interrupt();
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) peak += p.getPeakUsage().getUsed();
        }
        System.out.flush();
        System.err.println("BENCH ms=" + ms + " code=" + code + " heapPeak=" + peak + " heapSampledMax=" + sampledMax.get()
                + " rss=" + vmHwm() + " heapAfterGcMax=" + afterGc.get());
        System.exit(code);
    }

    /**
     * The largest heap in use right after a collection: closer to the live data than the peak of "used",
     * which counts garbage that G1 has not needed to collect yet.
     */
    private static AtomicLong afterGcMax() {
        AtomicLong max = new AtomicLong();
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) heapPools.add(p.getName());
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof javax.management.NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((n, hb) -> {
                if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) return;
                var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) n.getUserData());
                long used = 0;
                for (var e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (heapPools.contains(e.getKey())) used += e.getValue().getUsed();
                }
                max.accumulateAndGet(used, Math::max);
            }, null, null);
        }
        return max;
    }

    /** Jena's RDFDataMgr writing the same archive: the union graph as Turtle blocks, or every quad as N-Quads. */
    private static int jena(String format, Path store, Path out) throws IOException {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(store.toString());
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            Txn.executeRead(dsg, () -> {
                if (format.equals("turtle")) RDFDataMgr.write(os, dsg.getUnionGraph(), RDFFormat.TURTLE_BLOCKS);
                else RDFDataMgr.write(os, dsg, RDFFormat.NQUADS);
            });
        } finally {
            TDBInternal.expel(dsg);
        }
        return 0;
    }

    /** Peak resident set size in bytes (Linux), or -1. */
    private static long vmHwm() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
