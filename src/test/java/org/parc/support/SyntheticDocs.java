package org.parc.support;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.parc.extract.Article;
import org.parc.extract.ArticleMetadata;
import org.parc.extract.Credit;
import org.parc.extract.DateMention;
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
import org.parc.rdf.Vocab;
import org.parc.source.Checksums;
import org.parc.source.NormalizedDocument;
import org.parc.source.SourceFile;
import org.parc.store.Archive;

/**
 * Two made-up documents with everything the contract can say (outlet, issue date, bylines,
 * entities, mentions), mapped by the real RecordMapper, and one librarian correction: so that
 * saved queries and the server have every kind of value to show whatever the extractors find
 * in the seeds today.
 */
public final class SyntheticDocs {
    public static final String OUTLET = "Example Wire";
    public static final String TITLE_1 = "Talks in Baghdad <draw> \"attention\" & more";
    public static final String TITLE_2 = "Russia and Baghdad sign an accord";
    public static final String LIBRARIAN = "Jane Librarian";

    private SyntheticDocs() {}

    /** Adds the documents and the correction; returns the two article IRIs. */
    public static List<String> add(Archive archive) {
        Iris iris = archive.iris();
        List<String> articles = new ArrayList<>();
        String[][] docs = {
                {TITLE_1, "2017-03-05", "Baghdad hosted talks on Monday. Nouri al-Maliki met envoys from Russia in Baghdad."},
                {TITLE_2, "2017-07-01", "Russia signed an accord with Baghdad. Officials in Baghdad praised Russia."}};
        int n = 0;
        for (String[] d : docs) {
            n++;
            String text = d[0] + "\n\n" + d[2];
            String sha = Checksums.sha256("synthetic document " + n + "\n" + text);
            SourceFile f = new SourceFile(Path.of("synthetic-" + n + ".txt"), "synthetic/synthetic-" + n + ".txt", text.length(), sha);
            NormalizedDocument doc = new NormalizedDocument(f, "text/plain", text, Map.of(), false, null);
            ArticleMetadata md = ArticleMetadata.EMPTY
                    .withTitle(Found.of(d[0], "first-line", "0-" + d[0].length()))
                    .withLanguage(Found.of("en", "language-detection", "tika-opennlp"))
                    .withIssued(Found.of(PartialDate.parse(d[1]), "hint", "synthetic"))
                    .withOutlet(Found.of(OUTLET, "hint", "synthetic"))
                    .withCredits(List.of(new Credit("Nadia Riva", Role.AUTHOR, false, Evidence.of("byline", "synthetic"))), null);
            List<Entity> entities = new ArrayList<>();
            entities.add(entity(text, EntityType.PLACE, "Baghdad", "https://sws.geonames.org/98182/"));
            entities.add(entity(text, EntityType.PLACE, "Russia", "https://sws.geonames.org/2017370/"));
            if (text.contains("Nouri al-Maliki")) entities.add(entity(text, EntityType.PERSON, "Nouri al-Maliki", "http://dbpedia.org/resource/Nouri_al-Maliki"));
            List<DateMention> dates = List.of();
            Article a = new Article(new Story(1, new Span(0, text.length()), text), md, dates, entities);
            Instant t = Instant.parse("2025-01-01T00:00:00Z");
            List<StageRun> runs = List.of(
                    new StageRun(Stage.NORMALIZE, t, t, List.of(Software.PARC, Software.TIKA)),
                    new StageRun(Stage.EXTRACT_METADATA, t, t, List.of(Software.PARC)),
                    new StageRun(Stage.RECOGNIZE_ENTITIES, t, t, List.of(Software.PARC, new Software("Stanford CoreNLP", "4.5.10"))),
                    new StageRun(Stage.LINK_ENTITIES, t, t, List.of(Software.PARC)));
            DocumentRecord rec = new DocumentRecord(doc, List.of(a), runs, null, Hints.NONE);
            archive.replaceGraph(iris.graph(sha), new RecordMapper(iris).map(rec));
            articles.add(iris.article(sha, 1));
        }
        archive.replaceGraph(iris.base() + "graph/edit/1", correction(iris, articles.get(0)));
        return articles;
    }

    private static Entity entity(String text, EntityType type, String name, String authority) {
        List<Mention> mentions = new ArrayList<>();
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            mentions.add(new Mention(name, new Span(i, i + name.length())));
        }
        List<Entity.Link> links = List.of(new Entity.Link(authority, 0.95, true, Evidence.of("synthetic", "hand-made")));
        return new Entity(type, Iris.slug(name), name, List.of(), mentions, links, Evidence.of("corenlp", "ner"));
    }

    private static Model correction(Iris iris, String article) {
        Model m = ModelFactory.createDefaultModel();
        Resource person = m.createResource(iris.agentPerson(LIBRARIAN))
                .addProperty(RDF.type, Vocab.ProvPerson).addProperty(Vocab.name, LIBRARIAN);
        Resource act = m.createResource(iris.base() + "activity/edit/1")
                .addProperty(RDF.type, Vocab.Activity)
                .addProperty(Vocab.label, "Correct the title")
                .addProperty(Vocab.wasAssociatedWith, person)
                .addProperty(Vocab.endedAtTime, m.createTypedLiteral("2025-02-01T10:00:00Z", XSDDatatype.XSDdateTime));
        m.createResource(iris.statement(article, Vocab.title.getURI(), "Corrected title"))
                .addProperty(RDF.type, Vocab.Statement)
                .addProperty(Vocab.rdfSubject, m.createResource(article))
                .addProperty(Vocab.rdfPredicate, Vocab.title)
                .addProperty(Vocab.rdfObject, "Corrected title")
                .addProperty(Vocab.method, "librarian")
                .addProperty(Vocab.wasGeneratedBy, act);
        return m;
    }
}
