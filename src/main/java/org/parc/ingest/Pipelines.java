package org.parc.ingest;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.parc.extract.meta.CatalogueMetadataExtractor;
import org.parc.extract.meta.SidecarHints;
import org.parc.extract.text.RuleDateExtractor;
import org.parc.extract.EntityRecognizer;
import org.parc.extract.EntityLinker;
import org.parc.extract.entities.CoreNlpRecognizer;
import org.parc.extract.entities.GazetteerLinker;
import org.parc.extract.entities.WikipediaLinker;
import org.parc.rdf.Software;
import org.parc.extract.text.HeuristicStorySplitter;
import org.parc.source.Limits;
import org.parc.source.TikaNormalizer;

/** Assembles the standard ingest pipeline. */
public final class Pipelines {
    private Pipelines() {}

    /**
     * @param entities recognize entities (loads the NLP models on first use)
     */
    public static Pipeline standard(Limits limits, boolean entities, Clock clock) {
        String coreNlp = Software.versionOf(edu.stanford.nlp.pipeline.StanfordCoreNLP.class, "4.5.10");
        return new Pipeline(new TikaNormalizer(limits), new HeuristicStorySplitter(), new CatalogueMetadataExtractor(),
                new RuleDateExtractor(), entities ? recognizer() : EntityRecognizer.NONE,
                List.of(new Software("Stanford CoreNLP", coreNlp)),
                entities ? GazetteerLinker.shipped().andThen(WikipediaLinker.shipped(coreNlp)) : EntityLinker.NONE, clock);
    }

    /** The entity recognizer ingest uses; its models load on first use, once per process. */
    public static EntityRecognizer recognizer() {
        return CoreNlpRecognizer.shared();
    }

    /** The user's hints for a file: a sidecar FILE.json beside it, and --source-url. */
    public static org.parc.extract.Hints hints(java.nio.file.Path file, String sourceUrl) {
        return SidecarHints.forFile(file, sourceUrl);
    }

    /**
     * The clock for activity times: the system clock, or a fixed instant when SOURCE_DATE_EPOCH is set
     * (the reproducible-builds convention; or the system property parc.sourceDateEpoch), so that
     * exports of the same inputs are byte-identical.
     */
    public static Clock clock() {
        String epoch = System.getProperty("parc.sourceDateEpoch", System.getenv("SOURCE_DATE_EPOCH"));
        if (epoch != null && epoch.matches("\\d+")) {
            return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(epoch)), ZoneOffset.UTC);
        }
        return Clock.systemUTC();
    }
}
