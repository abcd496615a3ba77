package org.parc.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.extract.Hints;
import org.parc.ingest.IngestSummary;
import org.parc.ingest.Ingester;
import org.parc.ingest.Pipeline;
import org.parc.ingest.Pipelines;
import org.parc.source.Limits;
import org.parc.source.TikaNormalizer;
import org.parc.store.Archive;
import org.parc.store.Stores;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * A parser that hangs must not hang the ingest. A real file that makes Tika hang is hard to make,
 * so this is fault injection: a test-only Parser wraps the real AutoDetectParser and, for files
 * named hang-*.txt, never finishes (the rest of the pipeline, the store and the ingester are real).
 */
class ParseTimeoutTest {
    @TempDir
    Path tmp;

    /** The real parser, except that hang-talk* keeps producing output forever and hang-silent* spins without any. */
    static final class HangingParser implements Parser {
        final AutoDetectParser real = new AutoDetectParser(TikaConfig.getDefaultConfig());
        final CountDownLatch talkerEnded = new CountDownLatch(1);
        volatile boolean release;

        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return real.getSupportedTypes(context);
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
                throws IOException, SAXException, org.apache.tika.exception.TikaException {
            String name = String.valueOf(metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY));
            if (name.startsWith("hang-talk")) {
                try {
                    char[] word = "more ".toCharArray();
                    while (true) {
                        handler.characters(word, 0, word.length);
                        long until = System.nanoTime() + 5_000_000;
                        while (System.nanoTime() < until) Thread.onSpinWait(); // deaf to interrupts
                    }
                } finally {
                    talkerEnded.countDown();
                }
            }
            if (name.startsWith("hang-silent")) {
                while (!release) Thread.onSpinWait(); // no output, deaf to interrupts: only the test can end it
                throw new IOException("released");
            }
            real.parse(stream, handler, metadata, context);
        }
    }

    @Test
    void aHangingParserIsAbandonedAtTheTimeoutAndStopsAtItsNextOutput() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (String n : List.of("a.txt", "hang-talk.txt", "b.txt", "hang-silent.txt", "c.txt")) {
            Files.writeString(in.resolve(n), "Headline " + n + "\n\n" + OddFiles.BODY, StandardCharsets.UTF_8);
        }
        Limits limits = new Limits(Limits.DEFAULT.maxFileBytes(), Limits.DEFAULT.writeLimit(), Duration.ofSeconds(1));
        HangingParser parser = new HangingParser();
        TikaNormalizer normalizer = new TikaNormalizer(limits, parser);
        Pipeline std = Pipelines.standard(limits, false, Pipelines.clock());
        Pipeline pipeline = new Pipeline(normalizer, std.splitter(), std.metadata(), std.dates(), std.entities(),
                std.recognizerSoftware(), std.clock());
        IngestSummary s;
        long t0 = System.nanoTime();
        try (Archive archive = Stores.open(tmp.resolve("archive").toString(), true)) {
            s = new Ingester(archive, pipeline, 2, (p, r, m) -> Hints.NONE).ingest(List.of(in), o -> {});
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        try {
            assertTrue(ms < 15_000, "took " + ms + " ms");
            assertEquals(3, s.ingested(), s::toString);
            Map<String, String> failed = new java.util.TreeMap<>();
            s.failures().forEach(f -> failed.put(f.file(), f.reason()));
            assertEquals(Set.of("hang-talk.txt", "hang-silent.txt"), failed.keySet(), s::toString);
            failed.values().forEach(r -> assertEquals("parsing took longer than 1 s (--parse-timeout); abandoned", r));
            // The abandoned parse that still produces output is cancelled at its next SAX event ...
            assertTrue(parser.talkerEnded.await(5, TimeUnit.SECONDS), "runaway parse thread still running");
            // ... the silent one cannot be stopped by Java, and is counted as lingering.
            assertEquals(1, normalizer.lingering());
        } finally {
            parser.release = true;
        }
        long until = System.nanoTime() + 5_000_000_000L;
        while (normalizer.lingering() > 0 && System.nanoTime() < until) Thread.sleep(20);
        assertEquals(0, normalizer.lingering());
    }
}
