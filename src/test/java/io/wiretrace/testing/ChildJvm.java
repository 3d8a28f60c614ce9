package io.wiretrace.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a separate JVM the way the scripts do (Spark's Java 17 module options, loopback, the test
 * log configuration) and waits for it. For what cannot happen inside the test JVM: a driver that
 * is killed, spark-submit's own exit code, cluster daemons. A process that outlives its deadline,
 * or a test that fails, never leaves it running ({@link #close}).
 */
public final class ChildJvm implements AutoCloseable {

    /**
     * JVM options of every child JVM (drivers, cluster daemons, executors): they live seconds to a
     * minute and run cold code once, where C2's compiling and G1's threads cost more CPU than they
     * save — on two cores the suite is CPU-bound. Measured on StandaloneClusterIT: 252 s → 194 s.
     */
    public static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The project directory (surefire/failsafe set it; the working directory otherwise). */
    public static Path projectDir() {
        return Path.of(System.getProperty("wiretrace.project.dir", ".")).toAbsolutePath();
    }

    /** The java launcher of the running JVM (so children run on the same Java as the tests). */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * {@code java} with Spark's module options, {@link #SHORT_LIVED}, {@code jvmArgs},
     * {@code -cp classpath}, then {@code mainAndArgs}.
     */
    public static List<String> command(String classpath, List<String> jvmArgs, List<String> mainAndArgs) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.add("@" + projectDir().resolve("conf/spark-java17.options"));
        cmd.add("-Dlog4j2.configurationFile=" + projectDir().resolve("src/test/resources/log4j2-test.properties"));
        cmd.addAll(SHORT_LIVED);
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.addAll(mainAndArgs);
        return cmd;
    }

    /** Starts {@code command}, output (both streams) to {@code log}, with extra environment. */
    public static ChildJvm start(List<String> command, Path log, java.util.Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().remove("SPARK_HOME");
        pb.environment().putAll(env);
        return new ChildJvm(pb.start(), log);
    }

    /** Runs wiretrace's Main in a JVM on the test classpath; returns its exit code. */
    public static Result runMain(Path log, List<String> jvmArgs, String... args) throws Exception {
        List<String> main = new ArrayList<>(List.of("io.wiretrace.cli.Main"));
        main.addAll(List.of(args));
        try (ChildJvm jvm = start(command(System.getProperty("java.class.path"), jvmArgs, main), log, java.util.Map.of())) {
            return new Result(jvm.waitFor(600), jvm.output());
        }
    }

    /** Exit code and output of a finished process. */
    public record Result(int exitCode, String output) {
        /** The last lines of the output, for assertion messages. */
        public String tail() {
            String[] lines = output.split("\n");
            return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
        }
    }

    public Process process() {
        return process;
    }

    /** Waits for the process to end; kills it (and fails) after {@code seconds}. */
    public int waitFor(long seconds) throws Exception {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            close();
            throw new AssertionError("Process did not finish within " + seconds + " s; its output:\n"
                    + new Result(-1, output()).tail());
        }
        return process.exitValue();
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Kills the process and everything it started (a Worker's executors). */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
