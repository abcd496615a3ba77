package org.parc.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** Every query in vocab/PROVENANCE.md runs through `parc query` and answers on the seed archive (plus mentions, corrections, fixity). */
class ProvenanceQueriesTest {
    @TempDir
    static Path tmp;
    static String store;

    @BeforeAll
    static void archive() {
        store = tmp.resolve("archive").toString();
        ok("ingest", "--store", store, TestArchives.seeds().toString());
        Fixtures.addTo(Path.of(store));
        ok("edit", "set", "--store", store, "003_fce4307d2c9900bd.txt", "issued", "2015-10-09", "--agent", "Ann Librarian",
                "--reason", "date on the web page");
        ok("edit", "set", "--store", store, "003_fce4307d2c9900bd.txt", "title", "Iraq turns to Russia", "--agent", "Ann Librarian");
        ok("edit", "set", "--store", store, "003_fce4307d2c9900bd.txt", "outlet", "Alwaght News Agency", "--agent", "Bob Cataloguer");
        ok("edit", "merge", "--store", store, "person/haider-al-abadi", "person/abadi", "--agent", "Bob Cataloguer");
        TestArchives.parc("verify", "--store", store, TestArchives.seeds().toString());
    }

    static Run ok(String... args) {
        Run r = TestArchives.parc(args);
        assertEquals(0, r.code(), r::toString);
        return r;
    }

    static List<String> queries() throws IOException {
        Path doc = Path.of("vocab", "PROVENANCE.md");
        Matcher m = Pattern.compile("```sparql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(doc));
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void everyQueryAnswers() throws IOException {
        List<String> qs = queries();
        assertEquals(10, qs.size());
        List<String> answers = new ArrayList<>();
        for (String q : qs) {
            Run r = ok("query", "--store", store, "--format", "json", q);
            ResultSetRewindable rs = ResultSetFactory.makeRewindable(ResultSetMgr.read(
                    new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON));
            assertTrue(rs.size() > 0, () -> "no answer to:\n" + q);
            answers.add(r.out());
        }
        // 1: extraction evidence with parc's version, and the librarian's value with method "edit"
        assertTrue(answers.get(0).contains("\"first-line\"") && answers.get(0).contains("\"edit\""), answers.get(0));
        // 2: the issue date a person set, with the reason; and one extracted from a dateline
        assertTrue(answers.get(1).contains("Ann Librarian") && answers.get(1).contains("date on the web page"), answers.get(1));
        assertTrue(answers.get(1).contains("\"dateline\""), answers.get(1));
        // 3: a mention found by the recognizer's software and version
        assertTrue(answers.get(2).contains("test-ner") && answers.get(2).contains("recognize-entities"), answers.get(2));
        // 5: the old title, replaced by Ann
        assertTrue(answers.get(4).contains("Iraq leans toward Russia in war on ISIS") && answers.get(4).contains("Ann Librarian"), answers.get(4));
        // 8: the merged-away IRI finds the mentions of the entity it was merged into
        assertTrue(answers.get(7).contains("Haider al-Abadi"), answers.get(7));
        // 9: fixity outcomes
        assertTrue(answers.get(8).contains("\"ok\"") && answers.get(8).contains("\"missing\""), answers.get(8));
    }
}
