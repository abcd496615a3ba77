package org.parc.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A package's byte limit: 2 GiB, or 20 times its size for the large web archives and mailboxes that hold more without expanding. */
class PackageLimitsTest {
    @Test
    void largePackagesMayHoldMoreThanTwoGibibytes() {
        long gib = 1L << 30;
        assertEquals(2 * gib, Packages.byteLimit(1_000), "a small package: a bomb's expansion is stopped at 2 GiB");
        assertEquals(2 * gib, Packages.byteLimit(100L << 20));
        assertEquals(20 * gib, Packages.byteLimit(gib), "a crawl's 1 GiB web archive may hold 20 GiB of pages");
        assertEquals(Long.MAX_VALUE, Packages.byteLimit(Long.MAX_VALUE / 2));
    }
}
