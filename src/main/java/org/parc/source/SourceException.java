package org.parc.source;

/** A source file parc cannot read; the message is the reason, said in one line for the user. */
public class SourceException extends Exception {
    public SourceException(String reason) {
        super(reason);
    }

    public SourceException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
