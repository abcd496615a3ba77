package org.parc.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parc.extract.Article;
import org.parc.extract.ArticleMetadata;
import org.parc.extract.DateExtractor;
import org.parc.extract.DateMention;
import org.parc.extract.Entity;
import org.parc.extract.EntityLinker;
import org.parc.extract.EntityRecognizer;
import org.parc.extract.Hints;
import org.parc.extract.MetadataExtractor;
import org.parc.extract.Story;
import org.parc.extract.StorySplitter;
import org.parc.rdf.DocumentRecord;
import org.parc.rdf.Software;
import org.parc.rdf.Stage;
import org.parc.rdf.StageRun;
import org.parc.source.NormalizedDocument;
import org.parc.source.Normalizer;
import org.parc.source.SourceException;
import org.parc.source.SourceFile;

/** The ingest stages for one file, timed as activities. Thread-safe when its stages are. */
public record Pipeline(Normalizer normalizer, StorySplitter splitter, MetadataExtractor metadata,
                       DateExtractor dates, EntityRecognizer entities, List<Software> recognizerSoftware,
                       EntityLinker linker, Clock clock) {

    /** A pipeline that links nothing. */
    public Pipeline(Normalizer normalizer, StorySplitter splitter, MetadataExtractor metadata, DateExtractor dates,
                    EntityRecognizer entities, List<Software> recognizerSoftware, Clock clock) {
        this(normalizer, splitter, metadata, dates, entities, recognizerSoftware, EntityLinker.NONE, clock);
    }

    public DocumentRecord process(SourceFile file, Hints hints, String previousSha256) throws SourceException {
        List<StageRun> runs = new ArrayList<>();
        Instant t0 = clock.instant();
        NormalizedDocument doc = normalizer.normalize(file);
        Instant t1 = clock.instant();
        boolean rendered = doc.isHtml() && org.parc.source.Markdown.is(doc.mediaType(), file.fileName());
        runs.add(new StageRun(Stage.NORMALIZE, t0, t1, rendered ? List.of(Software.PARC, Software.COMMONMARK, Software.TIKA)
                : List.of(Software.PARC, Software.TIKA)));

        List<Story> stories = splitter.split(doc);
        List<ArticleMetadata> described = new ArrayList<>();
        List<List<DateMention>> dated = new ArrayList<>();
        for (Story s : stories) {
            ArticleMetadata md = metadata.extract(doc, s, hints);
            described.add(md);
            dated.add(dates.extract(s.text(), md.issued() == null ? null : md.issued().value()));
        }
        if (doc.page() != null) doc.page().release(); // read by the splitter and the metadata rules only
        Instant t2 = clock.instant();
        runs.add(new StageRun(Stage.EXTRACT_METADATA, t1, t2, List.of(Software.PARC)));

        List<List<Entity>> recognized = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            var lang = described.get(i).language();
            recognized.add(entities.recognize(stories.get(i).text(), lang == null ? null : lang.value()));
        }
        Instant t3 = clock.instant();
        if (entities != EntityRecognizer.NONE) {
            List<Software> sw = new ArrayList<>(List.of(Software.PARC));
            sw.addAll(recognizerSoftware);
            runs.add(new StageRun(Stage.RECOGNIZE_ENTITIES, t2, t3, sw));
        }
        if (linker != EntityLinker.NONE && entities != EntityRecognizer.NONE) {
            recognized.replaceAll(linker::link);
            runs.add(new StageRun(Stage.LINK_ENTITIES, t3, clock.instant(), List.of(Software.PARC)));
        }

        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < stories.size(); i++) {
            articles.add(new Article(stories.get(i), described.get(i), dated.get(i), recognized.get(i)));
        }
        return new DocumentRecord(doc, articles, runs, previousSha256, hints);
    }
}
