package org.parc.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.store.Archive;
import org.parc.store.Stores;
import org.parc.support.SyntheticDocs;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** Every saved query, through the real CLI, on the seed archive plus two synthetic documents and a correction. */
class SavedQueriesTest {
    @TempDir
    static Path tmp;
    static String store;
    static List<String> articles;

    @BeforeAll
    static void archive() {
        store = tmp.resolve("archive").toString();
        Run r = TestArchives.parc("ingest", "--store", store, "--no-entities", TestArchives.seeds().toString());
        assertEquals(0, r.code(), r::toString);
        try (Archive a = Stores.open(store, false)) {
            articles = SyntheticDocs.add(a);
            // a second person linked to Nouri al-Maliki's article, and one already merged away (owl:sameAs)
            org.apache.jena.rdf.model.Model m = org.apache.jena.rdf.model.ModelFactory.createDefaultModel();
            var dbr = m.createResource("http://dbpedia.org/resource/Nouri_al-Maliki");
            m.createResource(a.iris().base() + "person/nouri-kamil-al-maliki").addProperty(org.apache.jena.vocabulary.RDF.type, org.parc.rdf.Vocab.Person)
                    .addProperty(org.parc.rdf.Vocab.name, "Nouri Kamil al-Maliki").addProperty(org.parc.rdf.Vocab.sameAs, dbr);
            m.createResource(a.iris().base() + "person/n-al-maliki").addProperty(org.apache.jena.vocabulary.RDF.type, org.parc.rdf.Vocab.Person)
                    .addProperty(org.parc.rdf.Vocab.sameAs, dbr)
                    .addProperty(org.apache.jena.vocabulary.OWL.sameAs, m.createResource(a.iris().base() + "person/nouri-al-maliki"));
            a.replaceGraph(a.iris().base() + "graph/test-shared-authority", m);
        }
    }

    @Test
    void entitiesSharingAnAuthorityRecordAreListedForReview() {
        var rows = rows("shared-authority");
        assertEquals(List.of("Nouri al-Maliki", "Nouri Kamil al-Maliki"), rows.stream().map(s -> str(s, "name")).toList(), rows::toString);
        assertTrue(rows.stream().allMatch(s -> "http://dbpedia.org/resource/Nouri_al-Maliki".equals(str(s, "authority"))));
        assertEquals(List.of(1, 0), rows.stream().map(s -> s.getLiteral("articles").getInt()).toList());
        assertEquals(2, rows("shared-authority", "class=schema:Person").size());
        assertEquals(0, rows("shared-authority", "class=schema:Place").size());
    }

    static List<QuerySolution> rows(String name, String... params) {
        List<String> args = new ArrayList<>(List.of("query", "--store", store, "--format", "json", "--named", name));
        for (String p : params) {
            args.add("--param");
            args.add(p);
        }
        Run r = TestArchives.parc(args.toArray(String[]::new));
        assertEquals(0, r.code(), r::toString);
        ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        ResultSetRewindable rw = ResultSetFactory.copyResults(rs);
        List<QuerySolution> out = new ArrayList<>();
        rw.forEachRemaining(out::add);
        return out;
    }

    static String str(QuerySolution s, String var) {
        return s.get(var) == null ? null : s.get(var).isLiteral() ? s.getLiteral(var).getLexicalForm() : s.getResource(var).getURI();
    }

    @Test
    void everySavedQueryHasADescriptionAndRunsWithItsRequiredParameters() {
        var all = SavedQueries.shipped().all();
        assertTrue(all.size() >= 7, all::toString);
        for (SavedQuery q : all) {
            assertFalse(q.description().isBlank(), q.name());
            List<String> ps = new ArrayList<>();
            for (SavedQuery.Param p : q.params()) {
                assertFalse(p.description().isBlank(), q.name() + " " + p.name());
                if (p.required()) ps.add(p.name() + "=" + articles.get(0));
            }
            rows(q.name(), ps.toArray(String[]::new)); // parses, binds and runs
        }
    }

    @Test
    void listPrintsNamesAndDescriptions() {
        Run r = TestArchives.parc("query", "--list");
        assertEquals(0, r.code(), r::toString);
        for (SavedQuery q : SavedQueries.shipped().all()) {
            assertTrue(r.out().contains(q.name() + "\n    " + q.description()), r::toString);
        }
        assertTrue(r.out().contains("--param outlet=string (optional)"), r::toString);
    }

    @Test
    void articlesByOutletAndDateRange() {
        assertTrue(rows("articles-by-outlet").size() >= 7, "all seeds and the synthetic articles");
        var byOutlet = rows("articles-by-outlet", "outlet=example wire");
        assertEquals(2, byOutlet.size(), byOutlet::toString);
        assertEquals(SyntheticDocs.TITLE_2, str(byOutlet.get(0), "title"), "newest first");
        var march = rows("articles-by-outlet", "outlet=" + SyntheticDocs.OUTLET, "from=2017-03", "to=2017-03");
        assertEquals(List.of(articles.get(0)), march.stream().map(s -> str(s, "article")).toList());
        var range = rows("articles-by-outlet", "from=2017-03-06", "to=2017");
        assertEquals(List.of(articles.get(1)), range.stream().filter(s -> str(s, "issued") != null && str(s, "issued").startsWith("2017"))
                .map(s -> str(s, "article")).toList());
    }

    @Test
    void entitiesOfAnArticleWithMentionCounts() {
        var rows = rows("article-entities", "article=" + articles.get(0));
        Map<String, Integer> counts = new java.util.TreeMap<>();
        rows.forEach(s -> counts.put(str(s, "name"), s.getLiteral("mentions").getInt()));
        assertEquals(Map.of("Baghdad", 3, "Nouri al-Maliki", 1, "Russia", 1), counts);
        assertTrue(rows.stream().anyMatch(s -> "http://schema.org/Person".equals(str(s, "type"))));
        // the asserted authority links: GeoNames for places, Wikipedia (as DBpedia) for people
        Map<String, String> authority = new java.util.TreeMap<>();
        rows.forEach(s -> authority.put(str(s, "name"), String.valueOf(str(s, "authority"))));
        assertEquals("http://dbpedia.org/resource/Nouri_al-Maliki", authority.get("Nouri al-Maliki"));
        assertTrue(authority.get("Baghdad").startsWith("https://sws.geonames.org/"), authority::toString);
    }

    @Test
    void articlesMentioningAnEntityByNameOrIri() {
        var byName = rows("articles-mentioning", "name=baghdad");
        assertEquals(2, byName.size(), byName::toString);
        String iri = str(byName.get(0), "e");
        assertTrue(iri.endsWith("/place/baghdad"), iri);
        assertEquals(2, rows("articles-mentioning", "entity=" + iri).size());
        assertEquals(1, rows("articles-mentioning", "name=Nouri al-Maliki").size());
        // names are folded as parc:nameKey is: case, accents and spacing do not matter
        assertEquals(2, rows("articles-mentioning", "name=  BAGHDÁD ").size());
        assertEquals(1, rows("articles-mentioning", "name=nouri  al‐maliki").size());
        assertEquals(0, rows("articles-mentioning", "name=x\" } DROP ALL { \"y").size(), "values are escaped, never pasted in");
    }

    @Test
    void coOccurrenceCounts() {
        var rows = rows("co-occurrence", "min=2");
        assertEquals(1, rows.size(), rows::toString);
        assertEquals(2, rows.get(0).getLiteral("articles").getInt());
        assertEquals(java.util.Set.of("Baghdad", "Russia"), java.util.Set.of(str(rows.get(0), "aName"), str(rows.get(0), "bName")));
        String maliki = archiveIri("person/nouri-al-maliki");
        assertEquals(2, rows("co-occurrence", "entity=" + maliki).size());
    }

    @Test
    void timelineOfAnEntity() {
        var rows = rows("entity-timeline", "name=Russia");
        assertEquals(List.of("2017-03-05", "2017-07-01"), rows.stream().map(s -> str(s, "issued")).toList());
        assertEquals(SyntheticDocs.OUTLET, str(rows.get(0), "outletName"));
    }

    @Test
    void provenanceOfOneValue() {
        var rows = rows("value-provenance", "subject=" + articles.get(1), "property=dcterms:title");
        assertEquals(1, rows.size(), rows::toString);
        QuerySolution s = rows.get(0);
        assertEquals(SyntheticDocs.TITLE_2, str(s, "value"));
        assertEquals("first-line", str(s, "method"));
        assertEquals("extract-metadata", str(s, "stage"));
        assertTrue(str(s, "agents").contains("parc "), str(s, "agents"));
        assertEquals("synthetic-2.txt", str(s, "file"));
        assertEquals(64, str(s, "sha256").length());
        assertTrue(rows("value-provenance", "subject=" + articles.get(1)).size() >= 5, "title, language, issued, publisher, creator");
    }

    @Test
    void correctionsByALibrarian() {
        var rows = rows("librarian-corrections");
        assertEquals(1, rows.size(), rows::toString);
        assertEquals(SyntheticDocs.LIBRARIAN, str(rows.get(0), "librarianName"));
        assertEquals("Corrected title", str(rows.get(0), "value"));
        assertEquals("set", str(rows.get(0), "change"));
        assertEquals(1, rows("librarian-corrections", "librarian=jane librarian", "since=2025-02").size());
        assertEquals(0, rows("librarian-corrections", "since=2025-03").size());
    }

    @Test
    void badParametersAreUsageErrors() {
        assertEquals(2, TestArchives.parc("query", "--store", store, "--named", "no-such-query").code());
        assertEquals(2, TestArchives.parc("query", "--store", store, "--named", "article-entities").code(), "missing required");
        assertEquals(2, TestArchives.parc("query", "--store", store, "--named", "articles-by-outlet", "--param", "nope=1").code());
        assertEquals(2, TestArchives.parc("query", "--store", store, "--named", "articles-by-outlet", "--param", "from=June").code());
        assertEquals(2, TestArchives.parc("query", "--store", store, "--named", "article-entities", "--param", "article=not an iri").code());
        assertEquals(2, TestArchives.parc("query", "--store", store, "--param", "a=b", "ASK {}").code());
    }

    private static String archiveIri(String path) {
        return articles.get(0).substring(0, articles.get(0).indexOf("article/")) + path;
    }

    @Test
    void linesDependOnWhetherAParameterIsGiven() {
        String text = "SELECT * WHERE {\n  ?a ?p ?entity .   #if entity\n  ?a ?p ?o .   #unless entity\n  # a comment #if entity\n}\n";
        String given = SavedQuery.conditional(text, Map.of("entity", "x"));
        assertTrue(given.contains("?a ?p ?entity .") && !given.contains("?a ?p ?o"), given);
        assertFalse(given.contains(".   #if"), given);
        String absent = SavedQuery.conditional(text, Map.of());
        assertTrue(absent.contains("?a ?p ?o .") && !absent.contains("?entity ."), absent);
        assertTrue(SavedQuery.conditional(text, Map.of("entity", "")).contains("?a ?p ?o ."), "an empty value is not given");
        // several names: #if needs every one given, #unless needs none given
        String two = "SELECT * WHERE {\n  ?a ?b ?c .   #if entity name\n  ?d ?e ?f .   #unless entity name\n}\n";
        assertTrue(SavedQuery.conditional(two, Map.of("entity", "x", "name", "y")).contains("?a ?b ?c ."));
        assertFalse(SavedQuery.conditional(two, Map.of("entity", "x", "name", "y")).contains("?d ?e ?f"));
        for (Map<String, String> one : List.of(Map.of("entity", "x"), Map.of("name", "y"))) {
            String t = SavedQuery.conditional(two, one);
            assertFalse(t.contains("?a ?b ?c") || t.contains("?d ?e ?f"), t);
        }
        String none = SavedQuery.conditional(two, Map.of("name", ""));
        assertTrue(none.contains("?d ?e ?f .") && !none.contains("?a ?b ?c"), none);
        // a condition on something that is not a parameter is a broken file
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> SavedQueries.parse("broken", "# d\n# @param a iri optional x\nSELECT * { ?s ?p ?b }  #if b\n"));
    }
}
