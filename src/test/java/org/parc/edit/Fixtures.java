package org.parc.edit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.parc.rdf.Vocab;
import org.parc.support.Stores;
import org.parc.extract.Article;
import org.parc.extract.ArticleMetadata;
import org.parc.extract.Credit;
import org.parc.extract.DateMention;
import org.parc.extract.Dateline;
import org.parc.extract.Entity;
import org.parc.extract.EntityType;
import org.parc.extract.Evidence;
import org.parc.extract.Found;
import org.parc.extract.Hints;
import org.parc.extract.Mention;
import org.parc.extract.PartialDate;
import org.parc.extract.Role;
import org.parc.extract.Span;
import org.parc.extract.Story;
import org.parc.rdf.DocumentRecord;
import org.parc.rdf.Iris;
import org.parc.rdf.RecordMapper;
import org.parc.rdf.Software;
import org.parc.rdf.Stage;
import org.parc.rdf.StageRun;
import org.parc.source.Checksums;
import org.parc.source.NormalizedDocument;
import org.parc.source.SourceFile;
import org.parc.store.Archive;
import org.parc.store.Tdb2Archive;

/**
 * A small article with people, places, a date and a link candidate, mapped by the real
 * RecordMapper: the seeds have no mentions until entity recognition lands. The text has a
 * character outside the BMP so that offsets in code points and in UTF-16 differ.
 */
public final class Fixtures {
    public static final String TEXT = "Talks in Baghdad\n\n"
            + "BAGHDAD (Example News) - Haider al-Abadi met officials in Baghdad \uD83D\uDE42 on 9 October 2015. "
            + "Abadi said Baghdad would welcome help. George Bush and Bush Jr. were both named, "
            + "and Mr. Abadi spoke last.";
    public static final String FILE = "talks.txt";

    private Fixtures() {}

    public static String sha() {
        return Checksums.sha256(TEXT);
    }

    public static DocumentRecord record() {
        String sha = sha();
        SourceFile f = new SourceFile(Path.of(FILE), FILE, TEXT.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, sha);
        NormalizedDocument doc = new NormalizedDocument(f, "text/plain", TEXT, Map.of(), false, null);
        Evidence ner = Evidence.of("test-ner", null);
        List<Entity> entities = List.of(
                new Entity(EntityType.PERSON, "haider-al-abadi", "Haider al-Abadi", List.of(),
                        mentions("Haider al-Abadi"), List.of(), ner),
                new Entity(EntityType.PERSON, "abadi", "Abadi", List.of(), mentions("Abadi"), List.of(), ner),
                new Entity(EntityType.PLACE, "baghdad", "Baghdad", List.of(), mentions("Baghdad"),
                        List.of(new Entity.Link("https://sws.geonames.org/98182/", 0.8, false, ner)), ner),
                new Entity(EntityType.PERSON, "george-bush", "George Bush", List.of("Bush Jr."),
                        concat(mentions("George Bush"), mentions("Bush Jr.")), List.of(), ner));
        int d = TEXT.indexOf("9 October 2015");
        List<DateMention> dates = List.of(new DateMention("9 October 2015", new Span(d, d + 14), new PartialDate(2015, 10, 9),
                Evidence.of("test-dates", null)));
        int dl = TEXT.indexOf("BAGHDAD (Example News) -");
        ArticleMetadata md = new ArticleMetadata(Found.of("Talks in Baghdad", "first-line", "0-16"), Found.of("en", "declared", null),
                Found.of(new PartialDate(2015, 10, 9), "dateline", null), Found.of("Example News", "dateline", null),
                List.of(new Credit("Nadia Riva", Role.AUTHOR, false, Evidence.of("byline", null))),
                Found.of("By Nadia Riva", "byline", null),
                new Dateline("BAGHDAD (Example News) -", "Baghdad", "Example News", new Span(dl, dl + 24), Evidence.of("dateline", null)));
        Article a = new Article(new Story(1, new Span(0, TEXT.length()), TEXT), md, dates, entities);
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        List<StageRun> runs = List.of(
                new StageRun(Stage.NORMALIZE, t, t, List.of(Software.PARC, Software.TIKA)),
                new StageRun(Stage.EXTRACT_METADATA, t, t, List.of(Software.PARC)),
                new StageRun(Stage.RECOGNIZE_ENTITIES, t, t, List.of(Software.PARC, new Software("test-ner", "1.0"))));
        return new DocumentRecord(doc, List.of(a), runs, null, Hints.NONE);
    }

    public static Model map(Iris iris) {
        return new RecordMapper(iris).map(record());
    }

    /** Adds the fixture's document graph (with corrections re-applied, as ingest does) to an archive folder. */
    public static String addTo(Path store) {
        try (Archive archive = Tdb2Archive.open(store)) {
            Model m = Corrections.load(archive).apply(map(archive.iris()));
            archive.replaceGraph(archive.iris().graph(sha()), m);
            return archive.iris().article(sha(), 1);
        }
    }

    /** SELECT over the union of a closed archive's graphs (prefixes predeclared). */
    public static List<QuerySolution> select(Path store, String q) {
        DatasetGraph dsg = Stores.snapshot(store);
        Model union = ModelFactory.createModelForGraph(dsg.getUnionGraph());
        union.setNsPrefixes(Vocab.PREFIXES);
        List<QuerySolution> out = new ArrayList<>();
        try (QueryExecution qe = QueryExecutionFactory.create(Editor.prefixes() + q, union)) {
            qe.execSelect().forEachRemaining(out::add);
        }
        return out;
    }

    public static List<String> values(Path store, String q, String var) {
        return select(store, q).stream().map(s -> s.get(var).isLiteral() ? s.getLiteral(var).getLexicalForm() : s.getResource(var).getURI()).sorted().toList();
    }

    /** Every whole-word occurrence of a name (not inside a longer name). */
    static List<Mention> mentions(String name) {
        List<Mention> out = new ArrayList<>();
        for (int i = TEXT.indexOf(name); i >= 0; i = TEXT.indexOf(name, i + 1)) {
            boolean before = i == 0 || !Character.isLetter(TEXT.charAt(i - 1)) && TEXT.charAt(i - 1) != '-';
            int end = i + name.length();
            boolean after = end == TEXT.length() || !Character.isLetter(TEXT.charAt(end));
            if (before && after && !(name.equals("Abadi") && TEXT.startsWith("al-", i - 3))) out.add(new Mention(name, new Span(i, end)));
        }
        return out;
    }

    private static List<Mention> concat(List<Mention> a, List<Mention> b) {
        List<Mention> l = new ArrayList<>(a);
        l.addAll(b);
        l.sort((x, y) -> Integer.compare(x.span().start(), y.span().start()));
        return l;
    }
}
