package org.parc;

/** The process exit codes; listed in every command's help. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Some inputs failed, or the data does not conform. */
    public static final int FAILED_INPUTS = 1;
    public static final int USAGE = 2;
    /** The store could not be opened: missing, unreachable or locked by another process. */
    public static final int STORE_UNAVAILABLE = 3;
    public static final int INTERNAL = 4;

    public static final String HELP = """
            Exit codes:
              0  ok
              1  some inputs failed or data does not conform
              2  usage error (bad option, malformed query)
              3  store unavailable or locked by another process
              4  internal error (rerun with --verbose for details)""";

    private ExitCodes() {}
}
