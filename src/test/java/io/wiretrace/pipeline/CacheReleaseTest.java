package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.pipeline.syndication.SyndicationStage;
import io.wiretrace.testing.SampleRuns;
import io.wiretrace.testing.SparkTestSession;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a run or a stage caches is released when it ends, failed or not: inside a caller's
 * long-lived session (RunCommand supports one) nothing may be left behind.
 */
class CacheReleaseTest {

    private static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = SparkTestSession.get();
    }

    private static boolean nothingCached() {
        return spark.sharedState().cacheManager().isEmpty();
    }

    /** Both sample runs: in one task (the default at its size, through the CLI) and distributed. */
    @Test
    void runsReleaseEverythingTheyCached() {
        for (SampleRuns.Run run : List.of(SampleRuns.oneTask(), SampleRuns.distributed())) {
            String layout = run.manifest().path("spark").path("layout").asText();
            assertTrue(run.cacheEmptyBefore(), "each sample run starts with nothing cached");
            assertTrue(run.cacheEmptyAfter(), "datasets left cached by a " + layout + " run");
            assertEquals(run.persistedBefore(), run.persistedAfter(), "RDDs left persisted by a " + layout + " run");
        }
    }

    @Test
    void theSyndicationStageHandsOverItsCachesAndReleasesThemWhenItFails() throws Exception {
        WiretraceConfig cfg = ConfigLoader.load(null, List.of());
        Dataset<Row> articles = spark.createDataFrame(List.of(
                RowFactory.create("00000000000000a1", "one.example", "A title", "First paragraph of a story.\nSecond line."),
                RowFactory.create("00000000000000a2", "two.example", "Another title", "Quite different words here.\nAnd more.")),
                new org.apache.spark.sql.types.StructType().add("article_id", "string").add("outlet", "string")
                        .add("title", "string").add("text", "string"))
                .withColumn("published_at", org.apache.spark.sql.functions.lit(null).cast("timestamp"));
        spark.catalog().clearCache();
        SyndicationStage.Result ok = SyndicationStage.run(articles, cfg.syndication());
        assertEquals(2, ok.assignments().count());
        assertFalse(ok.cached().isEmpty());
        assertFalse(nothingCached());
        ok.cached().forEach(Dataset::unpersist);
        assertTrue(nothingCached(), "the handed-over caches are all the stage cached");

        // Every attempt of a task fails: the job fails after the page templates are cached.
        Dataset<Row> failing = articles.map((MapFunction<Row, Row>) r -> {
            if (r.getString(0).equals("00000000000000a2")) {
                throw new IllegalStateException("bad article");
            }
            return r;
        }, Encoders.row(articles.schema()));
        assertThrows(Exception.class, () -> SyndicationStage.run(failing, cfg.syndication()));
        assertTrue(nothingCached(), "a failed stage releases what it cached");
    }
}
