package org.parc;

/** A failure with a user-facing one-line message and the exit code it maps to. */
public class ParcException extends RuntimeException {
    private final int exitCode;

    public ParcException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public ParcException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static ParcException usage(String message) {
        return new ParcException(ExitCodes.USAGE, message);
    }

    public static ParcException storeUnavailable(String message, Throwable cause) {
        return new ParcException(ExitCodes.STORE_UNAVAILABLE, message, cause);
    }
}
