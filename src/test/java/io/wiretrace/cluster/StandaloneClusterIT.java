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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar on a real Spark standalone cluster (a Master and two Workers, each its own JVM,
 * executors in further JVMs), submitted through {@code scripts/submit.sh} — Spark's
 * {@code SparkSubmit} in client mode, exactly as an operator would. Catches what local mode hides:
 * closures that do not serialise, state kept on the driver, classes missing from the shaded jar.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class StandaloneClusterIT {

    private static final String DATE = "2026-11-27";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    private StandaloneCluster cluster;
    private Path corpus;
    private Path local;

    @BeforeAll
    void startClusterAndRunLocally() throws Exception {
        cluster = new StandaloneCluster(tmp.resolve("cluster"), 2, 1, "1536m");
        corpus = tmp.resolve("gen");
        new CorpusGenerator(new CorpusGenerator.Settings(1000, 23, 0.02, 400, null)).generate(corpus);
        // The reference: the same command in local mode (the test JVM's session, local[2,4]).
        SparkTestSession.get();
        // A corpus this small runs in one partition locally (the default); on the cluster it is
        // distributed (spark.one_partition_max_bytes=0), so the comparison covers both layouts.
        local = tmp.resolve("local");
        assertEquals(0, Main.execute(runArgs(local)));
        assertEquals("one_partition", JSON.readTree(local.resolve("_manifest.json").toFile())
                .path("spark").path("layout").asText());
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * One submitted run, under faults: it must give the local-mode reports exactly, although one
     * executor is killed mid-job and the first attempts of several tasks straggle. (A fault-free
     * run checks nothing this one does not, and a cold submit costs two minutes here.)
     */
    @Test
    void aSubmittedRunGivesTheLocalModeReportsDespiteAKilledExecutorAndStragglers() throws Exception {
        Path out = tmp.resolve("faulty-run");
        Path events = Files.createDirectories(tmp.resolve("events-faulty"));
        List<String> conf = List.of(
                "--conf", "spark.eventLog.enabled=true", "--conf", "spark.eventLog.dir=" + events.toUri(),
                "--conf", "spark.eventLog.compress=false",
                // The partition-0 task of the ingest stage and of every table write straggles on its
                // first attempt. Speculation starts a copy on the other executor — for ingest once half
                // the tasks are done, for the one-task write stages after 2 s — and the copy's output
                // is the one used (the straggler is killed). Spark 4's "efficiency" rule would wait
                // for a processing rate the sleeping straggler never reports: off.
                "--conf", "spark.speculation=true", "--conf", "spark.speculation.quantile=0.5",
                "--conf", "spark.speculation.task.duration.threshold=2s",
                "--conf", "spark.speculation.efficiency.enabled=false",
                "--conf", "spark.speculation.interval=200ms",
                "--conf", "spark." + FaultInjection.TESTING + "=true",
                "--conf", "spark." + FaultInjection.SLOW + "=ingest:60000,write:60000");
        List<String> args = new ArrayList<>(List.of(runArgs(out)));
        args.addAll(List.of("--set", "spark.one_partition_max_bytes=0"));
        try (ChildJvm job = startSubmit("faulty", conf, args)) {
            // Kill one executor (kill -9) once the tables start being written: its cached blocks and
            // shuffle files are gone and must be recomputed from lineage.
            Path parent = out.getParent();
            String prefix = "." + out.getFileName() + ".staging-";
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
            boolean killed = false;
            while (!killed && job.process().isAlive() && System.nanoTime() < deadline) {
                try (Stream<Path> s = Files.list(parent)) {
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
            assertEquals(0, code, new ChildJvm.Result(code, job.output()).tail());
        }
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
        JsonNode manifest = JSON.readTree(out.resolve("_manifest.json").toFile());
        assertEquals(cluster.masterUrl(), manifest.path("spark").path("master").asText(), "ran on the cluster");
        assertEquals("distributed", manifest.path("spark").path("layout").asText());
        assertSameReports(out);
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
                "--conf", "spark." + FaultInjection.FAIL + "=ingest"), List.of(runArgs(failed)));
        assertEquals(ExitCodes.JOB_FAILED, failure.exitCode(), failure.tail());
        assertTrue(failure.output().contains("Injected failure"), failure.tail());
        assertFalse(Files.exists(failed.resolve("_SUCCESS")), "nothing committed");

        // 3: reports committed, reject rate above the configured maximum.
        Path nasty = Files.createDirectories(tmp.resolve("nasty"));
        Fixtures.nastyCorpus(nasty);
        Path rejected = tmp.resolve("reject-out");
        ChildJvm.Result rate = submit("rate", List.of(), List.of("run", "--input", nasty.toString(), "--output",
                rejected.toString(), "--run-date", DATE, "--set", "quality.max_reject_rate=0.01",
                // Only the exit code is under test here: the engines would add a minute of fixed cost.
                "--set", "syndication.enabled=false", "--set", "topics.enabled=false"));
        assertEquals(ExitCodes.REJECT_RATE, rate.exitCode(), rate.tail());
        assertTrue(Files.exists(rejected.resolve("_SUCCESS")), "reports committed");
    }

    /**
     * A scheduled second date on the cluster: it reads the first date's story index (written in
     * local mode) through the executors, with the distributed syndication path, and must give the
     * second date's tables exactly as the same run in local mode does, copies of the first date's
     * stories under their ids.
     */
    @Test
    void aSecondDateOnTheClusterContinuesTheFirstDatesStoriesAsLocalModeDoes() throws Exception {
        Path gen = tmp.resolve("gen-2days");
        new CorpusGenerator(new CorpusGenerator.Settings(400, 29, 0.0, 400, null, false, 2)).generate(gen);
        Path split = tmp.resolve("split-2days");
        int last = DailyRuns.split(SparkTestSession.get(), gen, split, 2,
                io.wiretrace.config.ConfigLoader.load(null, List.of()));
        assertEquals(1, last, "two publication days");
        String d1 = DailyRuns.DAY_1.toString();
        String d2 = DailyRuns.DAY_1.plusDays(1).toString();
        Path localOut = tmp.resolve("two-dates-local");
        assertEquals(0, Main.execute(dayArgs(split.resolve("day=0"), localOut, d1)));
        Path clusterOut = tmp.resolve("two-dates-cluster");
        copyTree(localOut, clusterOut);
        assertEquals(0, Main.execute(dayArgs(split.resolve("day=1"), localOut, d2)));
        List<String> args = new ArrayList<>(List.of(dayArgs(split.resolve("day=1"), clusterOut, d2)));
        args.addAll(List.of("--set", "spark.one_partition_max_bytes=0", "--set", "syndication.local_max_articles=0"));
        ChildJvm.Result r = submit("second-date", List.of(), args);
        assertEquals(0, r.exitCode(), r.tail());
        for (Tables.Table t : Tables.ALL) {
            if (Tables.TOPIC_TABLES.contains(t)) {
                continue;
            }
            Path partition = Path.of(t.name(), Tables.PARTITION_COLUMN + "=" + d2);
            assertEquals(Fixtures.fileRows(localOut.resolve(partition)), Fixtures.fileRows(clusterOut.resolve(partition)),
                    t.name());
        }
        JsonNode manifest = JSON.readTree(clusterOut.resolve("_manifest.json").toFile());
        assertEquals(cluster.masterUrl(), manifest.path("spark").path("master").asText(), "ran on the cluster");
        assertTrue(manifest.path("stages").path("syndication").path("index_articles_matched").asLong() > 0,
                manifest.path("stages").toString());
        // Copies on the second date of first-date stories kept those stories' ids.
        var spark = SparkTestSession.get();
        long continued = spark.read().parquet(clusterOut.resolve("articles/run_date=" + d2).toString()).select("story_id")
                .intersect(spark.read().parquet(clusterOut.resolve("articles/run_date=" + d1).toString())
                        .select("story_id")).count();
        assertTrue(continued > 0, "stories continued across the two dates");
    }

    private static String[] dayArgs(Path input, Path out, String date) {
        return new String[] {"run", "--input", input.toString(), "--output", out.toString(), "--run-date", date,
                "--set", "topics.enabled=false", "--overwrite"};
    }

    private static void copyTree(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    private String[] runArgs(Path out) {
        return new String[] {"run", "--input", corpus.resolve("articles").toString(), "--output", out.toString(),
                "--run-date", DATE, "--set", "topics.k=4", "--set", "topics.restarts=1"};
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
                "--conf", "spark.ui.enabled=false"));
        cmd.addAll(sparkOptions);
        cmd.addAll(args);
        return ChildJvm.start(cmd, tmp.resolve("submit-" + name + ".log"),
                Map.of("JAVA", ChildJvm.java()));
    }

    /** Same rows, file by file, in every table, and the same manifest counts, as the local run. */
    private void assertSameReports(Path out) throws Exception {
        for (Tables.Table t : Tables.ALL) {
            Path partition = Path.of(t.name(), Tables.PARTITION_COLUMN + "=" + DATE);
            Map<String, Long> expected = Fixtures.fileRows(local.resolve(partition));
            assertFalse(expected.isEmpty(), t.name());
            assertEquals(expected, Fixtures.fileRows(out.resolve(partition)), t.name());
        }
        JsonNode a = JSON.readTree(local.resolve("_manifest.json").toFile());
        JsonNode b = JSON.readTree(out.resolve("_manifest.json").toFile());
        assertEquals(a.get("counts"), b.get("counts"));
        assertEquals(a.path("stages").path("syndication"), b.path("stages").path("syndication"));
    }
}
