package org.parc.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Groups keep their base size on a small archive and grow with a large one (a quarter of it). */
class BatchScaleTest {

    @Test
    void smallArchivesKeepTheBaseLimits() {
        assertEquals(1, Ingester.batchScale(0, 0, 0));
        assertEquals(1, Ingester.batchScale(0, 1_700_000, 1_000)); // 1,000 articles written, nothing before
        assertEquals(1, Ingester.batchScale(3_000, 1_700, 1)); // 3,000 articles before: 5.1M quads, a quarter is under 2M
    }

    @Test
    void groupsGrowWithTheArchive() {
        // 100,000 articles of 1,700 quads: a quarter is 42.5M quads, 21.25 times the 2M base
        assertEquals(21.25, Ingester.batchScale(0, 170_000_000, 100_000), 1e-9);
        // the same archive mostly from before this run: the estimate uses this run's quads per article
        assertEquals(21.25, Ingester.batchScale(99_000, 1_700_000, 1_000), 1e-9);
    }
}
