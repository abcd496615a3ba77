package org.parc.hostile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.parc.support.TestArchives;

/** Real child JVMs on the test classpath, for crash and concurrency tests. */
final class Children {
    private Children() {}

    static ProcessBuilder java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-Dparc.sourceDateEpoch=" + TestArchives.EPOCH);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd);
    }

    static Process parc(Path errLog, String... args) throws IOException {
        return java("org.parc.cli.Parc", args).redirectError(errLog.toFile()).start();
    }
}
