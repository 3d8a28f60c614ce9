package io.wiretrace.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.bench.DailyRuns;
import io.wiretrace.cli.ExitCodes;
import io.wiretrace.cli.Main;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.pipeline.FaultInjection;
import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.testing.ChildJvm;
import io.wiretrace.testing.Fixtures;
import io.wiretrace.testing.Lanes;
import io.wiretrace.testing.SparkTestSession;
import io.wiretrace.testing.StandaloneCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar on a real Spark standalone cluster (a Master and two Workers, each its own JVM,
 * executors in further JVMs), submitted through {@code scripts/submit.sh} — Spark's
 * {@code SparkSubmit} in client mode, exactly as an operator would. Catches what local mode hides:
 * closures that do not serialise, state kept on the driver, classes missing from the shaded jar.
 * Two applications are submitted (a cold submit costs minutes on two cores): a faulty scheduled
 * run, compared table by table with local mode, and a failing one.
 */
@Lanes.Integration
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private StandaloneCluster cluster;
    private Path split;
    private String day1;
    private String day2;
    /** Day 1 in local mode: the index the cluster run reads; day 2 in local mode: its reference. */
    private Path localOut;

    @BeforeAll
    void startClusterAndRunLocally() throws Exception {
        cluster = new StandaloneCluster(tmp.resolve("cluster"), 2, 1, "1536m");
        Path gen = tmp.resolve("gen-2days");
        new CorpusGenerator(new CorpusGenerator.Settings(400, 29, 0.0, 400, null, false, 2)).generate(gen);
        split = tmp.resolve("split-2days");
        assertEquals(1, DailyRuns.split(SparkTestSession.get(), gen, split, 2,
                io.wiretrace.config.ConfigLoader.load(null, List.of())), "two publication days");
        // Day 2 also holds a few broken records: its reject rate is above the limit the runs set.
        Files.writeString(split.resolve("day=1/broken.jsonl"), "{not json\n{\"id\": \"b1\", \"title\": \"no text\"}\n[1, 2]\n");
        day1 = DailyRuns.DAY_1.toString();
        day2 = DailyRuns.DAY_1.plusDays(1).toString();
        localOut = tmp.resolve("two-dates-local");
        // The reference, in local mode (the test JVM's session, local[2,4]), where a corpus this small
        // runs in one partition with syndication in one task; on the cluster both are distributed.
        assertEquals(0, Main.execute(dayArgs(split.resolve("day=0"), localOut, day1)));
        assertEquals(ExitCodes.REJECT_RATE, Main.execute(dayArgs(split.resolve("day=1"), localOut, day2)));
        assertEquals("one_partition", JSON.readTree(localOut.resolve("_manifest.json").toFile())
                .path("spark").path("layout").asText());
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * A scheduled second date submitted to the cluster, as an operator runs it, under faults: it
     * reads the first date's story index (written in local mode) through the executors, runs
     * distributed (layout and syndication), and must give the local-mode tables of that date
     * exactly — copies of first-date stories under their ids — although one executor is killed
     * mid-job and the first attempts of several tasks straggle. Its reject rate is above the limit:
     * client-mode exit code 3, reports committed. (One submit covers what took three: a cold
     * submit costs minutes here.)
     */
    @Test
    void aSecondDateOnTheClusterGivesTheLocalModeTablesDespiteAKilledExecutorAndStragglers() throws Exception {
        Path clusterOut = tmp.resolve("two-dates-cluster");
        copyDate(localOut, clusterOut, day1);
        Path events = Files.createDirectories(tmp.resolve("events"));
        List<String> conf = List.of(
                "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri(),
                "--conf", "spark.eventLog.compress=false",
                // The partition-0 task of the ingest stage and of two table writes straggles on its
                // first attempt. Speculation starts a copy on the other executor after 2 s (the stages
                // are small: the threshold, not the quantile, decides) and the copy's output is the one
                // used (the straggler is killed). Spark 4's "efficiency" rule would wait for a
                // processing rate the sleeping straggler never reports: off.
                "--conf", "spark.speculation=true", "--conf", "spark.speculation.quantile=0.5",
                "--conf", "spark.speculation.task.duration.threshold=2s",
                "--conf", "spark.speculation.efficiency.enabled=false",
                "--conf", "spark.speculation.interval=200ms",
                "--conf", "spark." + FaultInjection.TESTING + "=true",
                "--conf", "spark." + FaultInjection.SLOW + "=ingest:60000,write_articles:60000,write_stories:60000");
        List<String> args = new ArrayList<>(List.of(dayArgs(split.resolve("day=1"), clusterOut, day2)));
        args.addAll(List.of("--set", "spark.one_partition_max_bytes=0", "--set", "syndication.local_max_articles=0"));
        try (ChildJvm job = startSubmit("second-date", conf, args)) {
            // Kill one executor (kill -9) once the tables start being written: its cached blocks and
            // shuffle files are gone and must be recomputed from lineage.
            String prefix = "." + clusterOut.getFileName() + ".staging-";
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
            boolean killed = false;
            while (!killed && job.process().isAlive() && System.nanoTime() < deadline) {
                try (Stream<Path> s = Files.list(tmp)) {
                    boolean writing = s.anyMatch(p -> p.getFileName().toString().startsWith(prefix)
                            && Files.exists(p.resolve("articles")));
                    List<ProcessHandle> executors = cluster.executors();
                    if (writing && !executors.isEmpty()) {
                        killed = executors.get(0).destroyForcibly();
                    }
                }
                Thread.sleep(100);
            }
            assertTrue(killed, "an executor was killed mid-job:\n" + job.output());
            int code = job.waitFor(900);
            assertEquals(ExitCodes.REJECT_RATE, code, new ChildJvm.Result(code, job.output()).tail());
        }
        assertTrue(Files.exists(clusterOut.resolve("_SUCCESS")), "reports committed");
        List<String> log = new ArrayList<>();
        // Spark 4 writes event logs as a directory per application (eventlog_v2_APP/events_N_APP).
        try (Stream<Path> files = Files.walk(events)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("events_")).toList()) {
                log.addAll(Files.readAllLines(f));
            }
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("\"Event\":\"SparkListenerExecutorRemoved\"")),
                "the event log records the lost executor");
        long speculative = log.stream().filter(l -> l.contains("\"Event\":\"SparkListenerTaskStart\"")
                && l.contains("\"Speculative\":true")).count();
        assertTrue(speculative >= 3, "speculative copies of straggling write tasks ran: " + speculative);

        JsonNode manifest = JSON.readTree(clusterOut.resolve("_manifest.json").toFile());
        assertEquals(cluster.masterUrl(), manifest.path("spark").path("master").asText(), "ran on the cluster");
        assertEquals("distributed", manifest.path("spark").path("layout").asText());
        assertEquals("reject_rate_exceeded", manifest.path("status").asText());
        assertTrue(manifest.path("stages").path("syndication").path("index_articles_matched").asLong() > 0,
                manifest.path("stages").toString());
        for (Tables.Table t : Tables.ALL) {
            Path partition = Path.of(t.name(), Tables.PARTITION_COLUMN + "=" + day2);
            Map<String, Long> expected = Fixtures.fileRows(localOut.resolve(partition));
            assertFalse(expected.isEmpty(), t.name());
            assertEquals(expected, Fixtures.fileRows(clusterOut.resolve(partition)), t.name());
        }
        JsonNode local = JSON.readTree(localOut.resolve("_manifest.json").toFile());
        assertEquals(local.get("counts"), manifest.get("counts"));
        assertEquals(local.path("stages").path("syndication"), manifest.path("stages").path("syndication"));
        // Copies on the second date of first-date stories kept those stories' ids.
        var spark = SparkTestSession.get();
        long continued = spark.read().parquet(clusterOut.resolve("articles/run_date=" + day2).toString()).select("story_id")
                .intersect(spark.read().parquet(clusterOut.resolve("articles/run_date=" + day1).toString())
                        .select("story_id")).count();
        assertTrue(continued > 0, "stories continued across the two dates");
    }

    @Test
    void clientModeExitCodesAreWiretracesOwn() throws Exception {
        // 2: configuration error, found before Spark starts.
        ChildJvm.Result usage = submit("usage", List.of(), List.of("run", "--input", tmp.resolve("missing").toString(),
                "--output", tmp.resolve("usage-out").toString()));
        assertEquals(ExitCodes.USAGE, usage.exitCode(), usage.tail());
        assertFalse(Files.exists(tmp.resolve("usage-out")));

        // 1: the job fails on the cluster (a task that fails on its only allowed attempt).
        Path failed = tmp.resolve("failed-out");
        ChildJvm.Result failure = submit("failure", List.of("--conf", "spark.task.maxFailures=1",
                "--conf", "spark." + FaultInjection.TESTING + "=true",
                "--conf", "spark." + FaultInjection.FAIL + "=ingest"),
                List.of(dayArgs(split.resolve("day=0"), failed, day1)));
        assertEquals(ExitCodes.JOB_FAILED, failure.exitCode(), failure.tail());
        assertTrue(failure.output().contains("Injected failure"), failure.tail());
        assertFalse(Files.exists(failed.resolve("_SUCCESS")), "nothing committed");
        // 3: the second-date run above (reports committed, reject rate above the limit).
    }

    /** A run of {@code date} on {@code input}, topics included, failing on more than 0.5 % rejects. */
    private static String[] dayArgs(Path input, Path out, String date) {
        return new String[] {"run", "--input", input.toString(), "--output", out.toString(), "--run-date", date,
                "--set", "topics.k=4", "--set", "topics.restarts=1", "--set", "quality.max_reject_rate=0.005"};
    }

    /** The tables and manifest of {@code date} in {@code from}, as a new output {@code to}. */
    private static void copyDate(Path from, Path to, String date) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path rel = from.relativize(p);
                if (rel.toString().contains("run_date=" + date)) {
                    Files.createDirectories(to.resolve(rel).getParent());
                    Files.copy(p, to.resolve(rel));
                }
            }
        }
    }

    private ChildJvm.Result submit(String name, List<String> sparkOptions, List<String> args) throws Exception {
        try (ChildJvm job = startSubmit(name, sparkOptions, args)) {
            int code = job.waitFor(900);
            return new ChildJvm.Result(code, job.output());
        }
    }

    /** {@code scripts/submit.sh --master <cluster> [options] <wiretrace command>}, client mode. */
    private ChildJvm startSubmit(String name, List<String> sparkOptions, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", ChildJvm.projectDir().resolve("scripts/submit.sh").toString(),
                "--master", cluster.masterUrl(), "--deploy-mode", "client",
                "--conf", "spark.executor.memory=1g", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.ui.enabled=false",
                "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", ChildJvm.SHORT_LIVED)));
        cmd.addAll(sparkOptions);
        cmd.addAll(args);
        return ChildJvm.start(cmd, tmp.resolve("submit-" + name + ".log"),
                // The driver JVM (submit.sh's SparkSubmit, as spark-submit reads SPARK_SUBMIT_OPTS).
                Map.of("JAVA", ChildJvm.java(), "SPARK_SUBMIT_OPTS", String.join(" ", ChildJvm.SHORT_LIVED)));
    }
}
