package org.parc.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parc.edit.Fixtures;
import org.parc.support.TestArchives;
import org.parc.support.TestArchives.Run;

/** Fixity through the CLI: one changed byte and one missing file are found, and each check is recorded. */
class VerifyTest {
    @TempDir
    Path tmp;

    @Test
    void detectsOneChangedByteAndAMissingFile() throws Exception {
        Path in = tmp.resolve("in");
        TestArchives.copyTree(TestArchives.seeds(), in);
        String store = tmp.resolve("archive").toString();
        assertEquals(0, TestArchives.parc("ingest", "--store", store, in.toString()).code());

        Run ok = TestArchives.parc("verify", "--store", store, in.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertTrue(ok.out().contains("checked 5: ok 5, changed 0, missing 0"), ok::toString);

        Path f = in.resolve("001_96def1fca564f25b.txt");
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length / 2] ^= 1;
        Files.write(f, bytes);
        Files.delete(in.resolve("004_f849e5fb9fd605c9.txt"));
        Run bad = TestArchives.parc("verify", "--store", store, "--agent", "Ann Librarian", in.toString());
        assertEquals(1, bad.code(), bad::toString);
        assertTrue(bad.out().contains("changed  001_96def1fca564f25b.txt"), bad::toString);
        assertTrue(bad.out().contains("missing  004_f849e5fb9fd605c9.txt"), bad::toString);
        assertTrue(bad.out().contains("checked 5: ok 3, changed 1, missing 1"), bad::toString);

        // not recorded with --no-record; the two recorded checks are in their own graphs
        assertEquals(1, TestArchives.parc("verify", "--store", store, "--no-record", "-q", in.toString()).code());
        Path s = Path.of(store);
        assertEquals(List.of("failed", "ok"), Fixtures.values(s, "SELECT ?o WHERE { ?a a parc:FixityCheck ; parc:outcome ?o }", "o"));
        assertEquals(List.of("changed"), Fixtures.values(s, """
                SELECT ?o WHERE { ?r a parc:FixityResult ; parc:checkedSource ?src ; parc:outcome ?o ; prov:wasGeneratedBy ?act .
                  ?act a parc:FixityCheck ; prov:wasAssociatedWith/schema:name "Ann Librarian" . ?src parc:path "001_96def1fca564f25b.txt" }""", "o"));
        try (var a = org.parc.store.Tdb2Archive.open(s)) {
            assertEquals(2L, (long) a.read(c -> {
                try (var qe = c.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?a a <https://w3id.org/parc/ns#FixityCheck> } "
                        + "FILTER(STRSTARTS(STR(?g), \"https://parc.example.org/graph/fixity/\")) }")) {
                    return qe.execSelect().next().getLiteral("n").getLong();
                }
            }));
        }
        Run h = TestArchives.parc("history", "--store", store, "001_96def1fca564f25b.txt");
        assertTrue(h.out().contains("Fixity check of 001_96def1fca564f25b.txt: changed"), h::toString);
        assertTrue(h.out().contains("Fixity check of 001_96def1fca564f25b.txt: ok"), h::toString);
        assertEquals(0, TestArchives.parc("validate", "--store", store).code());

        // a root that is one file matches by file name, as a single-file ingest records it
        Run one = TestArchives.parc("verify", "--store", store, "--no-record", in.resolve("000_929ae95f8ef135cd.txt").toString());
        assertTrue(one.out().contains("ok       000_929ae95f8ef135cd.txt"), one::toString);
        assertEquals(2, TestArchives.parc("verify", "--store", store, tmp.resolve("nowhere").toString()).code());
    }
}
