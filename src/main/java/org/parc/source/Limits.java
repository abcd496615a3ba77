package org.parc.source;

import java.time.Duration;

/**
 * Bounds on what one source file may cost.
 *
 * @param maxFileBytes files larger than this are refused before parsing
 * @param writeLimit   at most this many characters of text are kept (Tika's write limit); the rest is cut and noted
 * @param parseTimeout a parser still running after this is abandoned and the file reported as failed
 */
public record Limits(long maxFileBytes, int writeLimit, Duration parseTimeout) {
    public static final Limits DEFAULT = new Limits(200L * 1024 * 1024, 5_000_000, Duration.ofSeconds(60));
}
