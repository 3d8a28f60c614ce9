package io.wiretrace.cli;

/**
 * Process exit codes, part of the public contract (README, {@code --help}, docs/operations).
 * <pre>
 *   0  success
 *   1  job failure (Spark or I/O error; nothing committed, or only --register-tables failed after the commit)
 *   2  usage or configuration error (found before Spark starts; nothing written)
 *   3  reject rate above quality.max_reject_rate (reports written and committed)
 * </pre>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int JOB_FAILED = 1;
    public static final int USAGE = 2;
    public static final int REJECT_RATE = 3;

    public static final String TABLE = "%nExit codes:%n"
            + "  0  success%n"
            + "  1  job failure (Spark or I/O error; nothing committed, or only --register-tables%n"
            + "     failed after the commit)%n"
            + "  2  usage or configuration error (nothing started, nothing written)%n"
            + "  3  reject rate above quality.max_reject_rate (reports written)%n";

    private ExitCodes() {}
}
