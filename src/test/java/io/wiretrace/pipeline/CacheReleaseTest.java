package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.cli.Main;
import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.pipeline.syndication.SyndicationStage;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run or a stage caches is released when it ends, failed or not: inside a caller's
 * long-lived session (RunCommand supports one) nothing may be left behind.
 */
class CacheReleaseTest {

    @TempDir
    Path tmp;

    private static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = SparkTestSession.get();
    }

    /** RDDs persisted in the session, by id (cached Datasets included, once computed). */
    private static Set<Integer> persistentRdds() {
        return new TreeSet<>(new org.apache.spark.api.java.JavaSparkContext(spark.sparkContext()).getPersistentRDDs().keySet());
    }

    private static boolean nothingCached() {
        return spark.sharedState().cacheManager().isEmpty();
    }

    @Test
    void runsReleaseEverythingTheyCached() throws Exception {
        Path in = tmp.resolve("gen");
        new CorpusGenerator(new CorpusGenerator.Settings(400, 5, 0.0, 200, null)).generate(in);
        spark.catalog().clearCache();
        Set<Integer> before = persistentRdds();
        // Both syndication paths: in one task (the default at this size) and distributed.
        assertEquals(0, Main.execute("run", "--input", in.resolve("articles").toString(), "--output",
                tmp.resolve("one").toString()));
        assertTrue(nothingCached(), "datasets left cached by a run");
        assertEquals(before, persistentRdds(), "RDDs left persisted by a run");
        assertEquals(0, Main.execute("run", "--input", in.resolve("articles").toString(), "--output",
                tmp.resolve("distributed").toString(), "--set", "syndication.local_max_articles=0",
                "--set", "spark.one_partition_max_bytes=0", "--set", "syndication.local_components_max_pairs=0"));
        assertTrue(nothingCached(), "datasets left cached by a distributed run");
        assertEquals(before, persistentRdds(), "RDDs left persisted by a distributed run");
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
