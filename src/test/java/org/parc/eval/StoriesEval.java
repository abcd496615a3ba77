package org.parc.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.parc.extract.Story;
import org.parc.extract.text.HeuristicStorySplitter;
import org.parc.source.Checksums;
import org.parc.source.Limits;
import org.parc.source.NormalizedDocument;
import org.parc.source.SourceFile;
import org.parc.source.TikaNormalizer;

/**
 * Story counts of {@link HeuristicStorySplitter}: every file of the dev sets holds one article (expected 1),
 * the seeds 1,1,1,1,2. Prints the files split wrongly. Never fails on a low score.
 */
class StoriesEval {

    private final HeuristicStorySplitter splitter = new HeuristicStorySplitter();
    private final TikaNormalizer tika = new TikaNormalizer(Limits.DEFAULT);

    @Test
    void storyCounts() throws Exception {
        Path eval = DatesEval.evalDir();
        assumeTrue(Files.isDirectory(eval), "no eval data");
        System.out.println("== StoriesEval (expected: one story per dev-set file)");
        for (String set : List.of("gum-news-entities", "readability-metadata", "htmldate-dates")) {
            Path dir = eval.resolve(set);
            if (!Files.isDirectory(dir)) continue;
            int files = 0;
            int one = 0;
            StringBuilder wrong = new StringBuilder();
            for (Path p : list(dir, ".txt", ".html")) {
                List<Story> ss = splitter.split(normalize(p));
                files++;
                if (ss.size() == 1) one++;
                else wrong.append("   ").append(p.getFileName()).append(": ").append(ss.size()).append(" stories: ")
                        .append(ss.stream().map(s -> s.text().lines().findFirst().orElse("")).toList()).append('\n');
            }
            System.out.printf("-- %s: %d/%d files one story (%.3f)%n", set, one, files, one / (double) files);
            System.out.print(wrong);
        }
        Path seeds = DatesEval.seedsDir();
        if (Files.isDirectory(seeds)) {
            System.out.println("-- seeds (expected 1,1,1,1,2):");
            for (Path p : list(seeds, ".txt")) {
                List<Story> ss = splitter.split(normalize(p));
                System.out.println("   " + p.getFileName() + ": " + ss.size() + " "
                        + ss.stream().map(s -> s.range() + " \"" + s.text().lines().findFirst().orElse("") + "\"")
                                .toList());
            }
        }
    }

    private NormalizedDocument normalize(Path p) throws Exception {
        SourceFile sf = new SourceFile(p, p.getFileName().toString(), Files.size(p), Checksums.sha256(p));
        return tika.normalize(sf);
    }

    private static List<Path> list(Path dir, String... exts) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Stream.of(exts).anyMatch(e -> p.toString().endsWith(e))).sorted().toList();
        }
    }
}
