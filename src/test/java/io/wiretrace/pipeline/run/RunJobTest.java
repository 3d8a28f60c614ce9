package io.wiretrace.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.pipeline.FaultInjection;
import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.testing.SampleRuns;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkException;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run orchestrator on its own, without the CLI: what it writes and accounts for, and how it fails. */
class RunJobTest {

    private static final String DATE = "2026-11-27";

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static SparkSession spark;
    private static Path corpus;

    @BeforeAll
    static void corpus() throws Exception {
        spark = SparkTestSession.get();
        corpus = shared.resolve("gen");
        new CorpusGenerator(new CorpusGenerator.Settings(100, 11, 0.03, 150, null)).generate(corpus);
    }

    private RunJob job(String output) {
        WiretraceConfig cfg = ConfigLoader.load(null, List.of("topics.k=4", "topics.restarts=1"));
        return new RunJob(spark, new RunJob.Request(cfg, List.of(corpus.resolve("articles").toString()), output, false,
                "run-" + Math.abs(output.hashCode()), DATE));
    }

    /** The distributed sample run ({@link SampleRuns#distributed}), which runs RunJob directly. */
    @Test
    void aRunWritesEveryTableAccountsForEveryRecordAndReleasesItsCaches() throws Exception {
        SampleRuns.Run run = SampleRuns.distributed();
        RunResult r = run.result();
        Path out = run.output();

        assertEquals(r.recordsIn(), r.articles() + r.exactDuplicates() + r.rejects());
        assertTrue(r.articles() > 2000 && r.exactDuplicates() > 0 && r.rejects() > 0, r.toString());
        assertEquals("succeeded", r.status());
        assertTrue(r.timingsMs().keySet().containsAll(List.of("plan", "ingest", "rejects_by_reason", "syndication",
                "topics", "write_articles", "write_topic_outlets")), r.timingsMs().toString());

        JsonNode manifest = run.manifest();
        assertEquals(r.recordsIn(), manifest.path("counts").path("records_in").asLong());
        assertTrue(manifest.path("counts").path("identity_holds").asBoolean());
        for (Tables.Table t : Tables.ALL) {
            long rows = spark.read().parquet(out.resolve(t.name()).resolve("run_date=" + SampleRuns.DATE).toString()).count();
            assertEquals(rows, manifest.path("tables").path(t.name()).path("rows").asLong(-1), t.name());
        }
        assertEquals(r.articles(), manifest.path("tables").path("articles").path("rows").asLong());
        assertEquals(r.rejects(), manifest.path("tables").path("rejects").path("rows").asLong());
        assertTrue(Files.exists(out.resolve("_SUCCESS")) && Files.exists(out.resolve("report.html")));
        assertTrue(run.cacheEmptyAfter(), "the run released what it cached");
    }

    /**
     * A run works in a session of its own: the session it was given (here the test JVM's) has the
     * same settings while every job of the run starts and after it — through RunJob and through the
     * command line, whose one-partition layout turns code generation off for the run.
     */
    @Test
    void theCallersSessionKeepsItsSettingsWhileAndAfterARun() {
        for (SampleRuns.Run run : List.of(SampleRuns.oneTask(), SampleRuns.distributed())) {
            String layout = run.manifest().path("spark").path("layout").asText();
            assertEquals(run.confBefore(), run.confAfter(), layout + " run: the session's settings after it");
            assertEquals(java.util.Set.of(run.confBefore()), run.confSeen(), layout + " run: the session's settings during it");
            assertEquals("4", run.confAfter().get("spark.sql.shuffle.partitions"), "the test session's own");
        }
    }

    @Test
    void aFailedSparkJobAbortsTheCommitReleasesItsCachesAndRestoresTheSession() throws Exception {
        spark.catalog().clearCache();
        Path out = tmp.resolve("failed");
        String partitions = spark.conf().get("spark.sql.shuffle.partitions");
        SparkContext sc = spark.sparkContext();
        // Every job of the syndication step is cancelled as it starts (its first task is slowed so
        // the cancellation arrives while it runs): the step fails with Spark's own checked
        // exception, thrown unchecked from Scala — the kind a narrower catch would let past the abort.
        SparkListener canceller = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                if ("wiretrace:syndication".equals(start.properties().getProperty("spark.jobGroup.id"))) {
                    sc.cancelJobGroup("wiretrace:syndication");
                }
            }
        };
        sc.addSparkListener(canceller);
        sc.setLocalProperty(FaultInjection.SLOW, "syndication:4000");
        Exception e;
        try {
            e = assertThrows(Exception.class, () -> job(out.toString()).run());
        } finally {
            sc.setLocalProperty(FaultInjection.SLOW, null);
            sc.removeSparkListener(canceller);
        }
        assertTrue(e instanceof SparkException, "the step failed in Spark: " + e);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains("staging")).toList(),
                    "the staged run was removed");
        }
        assertFalse(Files.exists(out.resolve("_SUCCESS")));
        assertFalse(Files.exists(out.resolve("articles")));
        assertTrue(spark.sharedState().cacheManager().isEmpty(), "a failed run released what it cached");
        assertEquals(partitions, spark.conf().get("spark.sql.shuffle.partitions"), "the run's layout was undone");
    }
}
