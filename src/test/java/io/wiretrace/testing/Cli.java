package io.wiretrace.testing;

import io.wiretrace.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The command line in the test JVM, as a user runs it, with what it printed. */
public final class Cli {

    private Cli() {}

    /** Exit code and console output (stdout and stderr, interleaved as printed). */
    public record Result(int code, String output) {}

    /**
     * Runs {@code wiretrace ARGS} through {@link Main#execute}, capturing stdout and stderr. The
     * capture swaps the JVM's {@code System.out}/{@code System.err}: tests that use it run one at a
     * time (the test JVM runs classes sequentially, docs/testing.md).
     */
    public static synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            int code = Main.execute(args);
            return new Result(code, buf.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
