package io.wiretrace.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.config.ConfigLoader;
import io.wiretrace.pipeline.run.RunJob;
import io.wiretrace.pipeline.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The bundled sample — what the README's first command runs: 2,000 generated articles as scraped
 * pages of 57 outlets (chrome, stubs, a little breakage) and our aggregator page dump, with its
 * truth in {@code truth/} — run once per test JVM on each layout, for every test that only reads a
 * run's outputs:
 * <ul>
 *   <li>{@link #oneTask()}: through the command line, as a user runs it (no {@code --input}: the
 *       sample), with the default layout for its size (one partition, syndication in one task),
 *       tables registered in the session catalog as {@code bi_test.*};</li>
 *   <li>{@link #distributed()}: through {@link RunJob} directly, distributed layout, syndication
 *       and its connected components distributed.</li>
 * </ul>
 * Each run also records what it left in the test session: its settings while and after it ran,
 * and what was cached before and after it (read by SessionIsolationTest and CacheReleaseTest).
 * Tests must not write under these outputs.
 */
public final class SampleRuns {

    /** The run date of both runs. */
    public static final String DATE = "2026-11-27";
    /** The catalog database the one-task run registers its tables in. */
    public static final String DATABASE = "bi_test";
    /** The settings both runs share (the sample's own defaults, but a fixed k: the truth has 10 topics). */
    private static final List<String> SETTINGS = List.of("topics.k=10", "output.max_records_per_file=500");
    /**
     * What makes a run of the sample's size distributed; and it writes one table at a time (the
     * one-task run two), which must not change a byte.
     */
    private static final List<String> DISTRIBUTED = List.of("spark.one_partition_max_bytes=0",
            "syndication.local_max_articles=0", "syndication.local_components_max_pairs=0", "output.parallel_writes=1");

    /**
     * One run and what it did to the test session around it.
     *
     * @param confBefore the test session's settings before the run
     * @param confSeen every distinct value of them seen at the start of one of the run's Spark jobs
     * @param confAfter the test session's settings after the run
     */
    public record Run(Path output, String console, RunResult result, JsonNode manifest,
                      Map<String, String> confBefore, Set<Map<String, String>> confSeen, Map<String, String> confAfter,
                      boolean cacheEmptyBefore, boolean cacheEmptyAfter,
                      Set<Integer> persistedBefore, Set<Integer> persistedAfter) {}

    private static Path root;
    private static Run oneTask;
    private static Run distributed;

    private SampleRuns() {}

    /** Where the sample is generated: {@code articles/}, {@code pages/}, {@code truth/}. */
    public static synchronized Path sample() {
        return root().resolve("sample");
    }

    /** The sample's input paths, as the command line reads them without {@code --input}. */
    public static List<String> inputs() {
        return List.of(sample().resolve("articles").toString(), sample().resolve("pages").toString());
    }

    /**
     * The command line of the one-task run, writing to {@code output} (without registering tables):
     * what a test runs to compare a run of its own with {@link #oneTask()}.
     */
    public static String[] command(Path output) {
        List<String> args = new ArrayList<>(List.of("run", "--sample-dir", sample().toString(), "--output",
                output.toString(), "--run-date", DATE));
        SETTINGS.forEach(s -> args.addAll(List.of("--set", s)));
        return args.toArray(String[]::new);
    }

    /** The sample through the command line, one-partition layout, tables registered. */
    public static synchronized Run oneTask() {
        if (oneTask == null) {
            Path out = root().resolve("one-task");
            String[] args = Fixtures.concat(command(out), "--register-tables", "--set",
                    "output.catalog_database=" + DATABASE);
            oneTask = observed(out, () -> {
                Cli.Result r = Cli.run(args);
                if (r.code() != 0) {
                    throw new IllegalStateException("The sample run failed (" + r.code() + "):\n" + r.output());
                }
                return new Outcome(r.output(), null);
            });
        }
        return oneTask;
    }

    /** The sample through {@link RunJob}, distributed layout and syndication. */
    public static synchronized Run distributed() {
        if (distributed == null) {
            oneTask(); // generates the sample
            Path out = root().resolve("distributed");
            List<String> sets = new ArrayList<>(SETTINGS);
            sets.addAll(DISTRIBUTED);
            distributed = observed(out, () -> new Outcome(null, new RunJob(SparkTestSession.get(), new RunJob.Request(
                    ConfigLoader.load(null, sets), inputs(), out.toString(), false, "sample-distributed", DATE)).run()));
        }
        return distributed;
    }

    private record Outcome(String console, RunResult result) {}

    @FunctionalInterface
    private interface RunAction {
        Outcome run() throws Exception;
    }

    /** Runs {@code action}, watching the test session's settings and caches around it. */
    private static Run observed(Path out, RunAction action) {
        SparkSession spark = SparkTestSession.get();
        Set<Map<String, String>> seen = Collections.synchronizedSet(new java.util.LinkedHashSet<>());
        SparkListener watcher = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                seen.add(conf(spark));
            }
        };
        // What is cached after the run was cached by it (the test JVM runs one test at a time).
        spark.catalog().clearCache();
        Map<String, String> before = conf(spark);
        boolean cacheEmptyBefore = spark.sharedState().cacheManager().isEmpty();
        Set<Integer> persistedBefore = persisted(spark);
        spark.sparkContext().addSparkListener(watcher);
        Outcome o;
        try {
            o = action.run();
            // Listener events arrive asynchronously: see every job's start before looking.
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot run the sample: " + e, e);
        } finally {
            spark.sparkContext().removeSparkListener(watcher);
        }
        try {
            JsonNode manifest = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
            return new Run(out, o.console(), o.result(), manifest, before, Set.copyOf(seen), conf(spark),
                    cacheEmptyBefore, spark.sharedState().cacheManager().isEmpty(), persistedBefore, persisted(spark));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> conf(SparkSession spark) {
        return Collections.unmodifiableMap(new TreeMap<>(CollectionConverters.asJava(spark.conf().getAll())));
    }

    private static Set<Integer> persisted(SparkSession spark) {
        return new TreeSet<>(new JavaSparkContext(spark.sparkContext()).getPersistentRDDs().keySet());
    }

    /** One directory for this JVM's sample runs, removed when the JVM exits. */
    private static Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("wiretrace-sample-runs-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path dir = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        }
        return root;
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Best effort at exit: a temp directory left behind is not a test failure.
        }
    }
}
