package org.parc.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.QueryExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.extract.Hints;
import org.parc.ingest.IngestSummary;
import org.parc.ingest.Ingester;
import org.parc.ingest.Pipelines;
import org.parc.query.QueryService;
import org.parc.source.Limits;
import org.parc.store.Archive;
import org.parc.store.Stores;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** A store in use: other processes are told so (exit 3), and readers see only whole documents. */
class ConcurrencyTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondProcessOnTheSameStoreGetsExitThreeAndTheStoreSurvives() throws Exception {
        Path store = tmp.resolve("archive");
        Path in = CrashRecoveryTest.corpus(tmp.resolve("in"), 3);
        assertEquals(0, TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString()).code());

        // A real child process opens the store with parc's own code and holds it.
        Process holder = Children.java(HoldStore.class.getName(), store.toString())
                .redirectError(tmp.resolve("holder.err").toFile()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("holding", out.readLine());
            Run q = TestArchives.parc("query", "--store", store.toString(), "ASK { ?s ?p ?o }");
            assertEquals(3, q.code(), q::toString);
            String pid = String.valueOf(holder.pid());
            assertEquals("parc: archive " + store + " is in use by another process (pid " + pid
                    + "); wait for it to finish, or query it through a SPARQL server", q.err().strip(), q::toString);
            Run i = TestArchives.parc("ingest", "--store", store.toString(), "--no-entities", in.toString());
            assertEquals(3, i.code(), i::toString);
            assertEquals(1, i.err().lines().count(), i::toString);
        } finally {
            holder.getOutputStream().close(); // the holder exits when its stdin closes
            assertTrue(holder.waitFor(20, TimeUnit.SECONDS));
        }
        Run after = TestArchives.parc("query", "--store", store.toString(), "--format", "csv",
                "SELECT (COUNT(?f) AS ?n) WHERE { ?f a parc:SourceFile }");
        assertEquals(0, after.code(), after::toString);
        assertTrue(after.out().contains("\n3"), after::toString);
    }

    @Test
    void queriesDuringAnIngestSeeOnlyWholeDocuments() throws Exception {
        Path in = CrashRecoveryTest.corpus(tmp.resolve("in"), 150);
        String counts = QueryService.PROLOGUE + """
                SELECT (COUNT(DISTINCT ?f) AS ?files) (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?t) AS ?texts) WHERE {
                  ?f a parc:SourceFile . ?a a schema:NewsArticle ; prov:wasDerivedFrom ?f .
                  ?t a parc:NormalizedText ; prov:wasDerivedFrom ?f }""";
        String partial = QueryService.PROLOGUE + """
                ASK { GRAPH ?g { ?f a parc:SourceFile } FILTER NOT EXISTS { GRAPH ?g { ?a a schema:NewsArticle ; dcterms:title ?t } } }""";
        try (Archive archive = Stores.open(tmp.resolve("archive").toString(), true)) {
            Ingester ingester = new Ingester(archive, Pipelines.standard(Limits.DEFAULT, false, Pipelines.clock()), 2, (p, r, m) -> Hints.NONE);
            CompletableFuture<IngestSummary> run = CompletableFuture.supplyAsync(() -> ingester.ingest(List.of(in), o -> {}));
            List<Integer> seen = new ArrayList<>();
            while (!run.isDone()) {
                int[] c = archive.read(conn -> {
                    try (QueryExecution qe = conn.query(counts)) {
                        var s = qe.execSelect().next();
                        return new int[]{s.getLiteral("files").getInt(), s.getLiteral("articles").getInt(), s.getLiteral("texts").getInt()};
                    }
                });
                assertEquals(c[0], c[1], "a source file without its article was visible");
                assertEquals(c[0], c[2], "a source file without its text was visible");
                boolean half = archive.read(conn -> {
                    try (QueryExecution qe = conn.query(partial)) {
                        return qe.execAsk();
                    }
                });
                assertFalse(half, "a half-written document graph was visible");
                if (seen.isEmpty() || seen.get(seen.size() - 1) != c[0]) seen.add(c[0]);
                Thread.sleep(50);
            }
            assertEquals(150, run.get().ingested());
            for (int k = 1; k < seen.size(); k++) assertTrue(seen.get(k) > seen.get(k - 1), "counts only grow: " + seen);
        }
    }
}
