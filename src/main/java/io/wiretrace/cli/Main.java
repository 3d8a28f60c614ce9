package io.wiretrace.cli;

import io.wiretrace.config.ConfigException;
import picocli.CommandLine;

/** Entry point for scripts/wiretrace and spark-submit. Exit codes: see {@link ExitCodes}. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new WiretraceCommand());
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigException) {
                commandLine.getErr().println("wiretrace: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            commandLine.getErr().println("wiretrace: job failed: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return ExitCodes.JOB_FAILED;
        });
        return cli.execute(args);
    }
}
