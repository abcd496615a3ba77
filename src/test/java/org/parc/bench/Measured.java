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
        ThreadCpu cpu = new ThreadCpu();
        Thread sampler = new Thread(() -> {
            var mem = ManagementFactory.getMemoryMXBean();
            for (int i = 0; ; i++) {
                sampledMax.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                if (i % 50 == 0) cpu.sample();
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
        sampler.join();
        cpu.sample();
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) peak += p.getPeakUsage().getUsed();
        }
        System.out.flush();
        System.err.println("BENCH ms=" + ms + " code=" + code + " heapPeak=" + peak + " heapSampledMax=" + sampledMax.get()
                + " rss=" + vmHwm() + " heapAfterGcMax=" + afterGc.get() + " cpu=" + cpu.summary());
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

    /**
     * CPU seconds by kind of thread, from /proc/self/task (Linux): threads are sampled every second
     * and their last figures kept, because workers and the writer end before the command returns.
     * "other" is the process's total less the threads seen (threads that lived less than a second).
     */
    static final class ThreadCpu {
        private final java.util.Map<String, Long> ticksByTask = new java.util.HashMap<>();
        private final java.util.Map<String, String> nameByTask = new java.util.HashMap<>();
        private long processTicks;

        synchronized void sample() {
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path t : (Iterable<Path>) tasks::iterator) {
                    try {
                        long ticks = ticks(Files.readString(t.resolve("stat")));
                        ticksByTask.put(t.getFileName().toString(), ticks);
                        nameByTask.put(t.getFileName().toString(), Files.readString(t.resolve("comm")).strip());
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
                processTicks = ticks(Files.readString(Path.of("/proc/self/stat")));
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
        }

        /** utime + stime, fields 14 and 15, counted after the parenthesized command name. */
        private static long ticks(String stat) {
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        /** "total:workers:writer:gc:jit:other" in seconds (100 ticks a second), or "-". */
        synchronized String summary() {
            if (processTicks == 0) return "-";
            long workers = 0, writer = 0, gc = 0, jit = 0, seen = 0;
            for (var e : ticksByTask.entrySet()) {
                String n = nameByTask.getOrDefault(e.getKey(), "");
                long v = e.getValue();
                seen += v;
                if (n.startsWith("parc-ingest") || n.startsWith("parc-tika")) workers += v;
                else if (n.startsWith("parc-commit")) writer += v;
                else if (n.startsWith("GC ") || n.startsWith("G1 ")) gc += v;
                else if (n.startsWith("C1 ") || n.startsWith("C2 ")) jit += v;
            }
            long other = processTicks - workers - writer - gc - jit;
            return String.format(java.util.Locale.ROOT, "%.1f:%.1f:%.1f:%.1f:%.1f:%.1f", processTicks / 100.0, workers / 100.0,
                    writer / 100.0, gc / 100.0, jit / 100.0, other / 100.0);
        }
    }
}
