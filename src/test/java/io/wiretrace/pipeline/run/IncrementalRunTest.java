package io.wiretrace.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.bench.DailyRuns;
import io.wiretrace.config.ConfigException;
import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.testing.Lanes;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled daily runs on one output (docs/incremental.md): a generated corpus whose pickups cross
 * midnight, split into one input per publication day, run day by day, against one run over all of
 * it. Slow lane: ten whole runs.
 */
@Lanes.Slow
class IncrementalRunTest {

    private static final int DAYS = 3;

    @TempDir
    static Path shared;

    private static SparkSession spark;
    private static Path split;
    private static Path daily;
    private static DailyRuns.Agreement agreement;

    private static WiretraceConfig config(String... sets) {
        List<String> s = new java.util.ArrayList<>(List.of("topics.enabled=false"));
        s.addAll(List.of(sets));
        return ConfigLoader.load(null, s);
    }

    private static String day(int d) {
        return DailyRuns.DAY_1.plusDays(d).toString();
    }

    private static RunResult run(WiretraceConfig cfg, Path out, int d, boolean rebuild) throws Exception {
        return new RunJob(spark, new RunJob.Request(cfg, List.of(split.resolve("day=" + d).toString()), out.toString(),
                true, "t-" + d + "-" + System.nanoTime(), day(d), rebuild)).run();
    }

    @BeforeAll
    static void dailyRunsAndOneRun() throws Exception {
        spark = SparkTestSession.get();
        Path corpus = shared.resolve("gen");
        new CorpusGenerator(new CorpusGenerator.Settings(500, 5, 0.0, 1000, null, false, DAYS)).generate(corpus);
        split = shared.resolve("split");
        DailyRuns.split(spark, corpus, split, DAYS, config());
        daily = shared.resolve("daily");
        for (int d = 0; d < DAYS; d++) {
            run(config(), daily, d, false);
        }
        Path all = shared.resolve("all");
        List<String> inputs = java.util.stream.IntStream.range(0, DAYS).mapToObj(d -> split.resolve("day=" + d).toString())
                .toList();
        new RunJob(spark, new RunJob.Request(config("syndication.window_days=0"), inputs, all.toString(), true, "t-all",
                day(DAYS - 1))).run();
        agreement = DailyRuns.compare(spark, all, daily);
    }

    /**
     * A new output holding what the daily runs wrote on day 0 (every table's partition of that date
     * and its manifest): the state after a first scheduled run, without running it again.
     */
    private static Path afterDayZero(String name) throws Exception {
        Path out = shared.resolve(name);
        String partition = "run_date=" + day(0);
        try (Stream<Path> files = Files.walk(daily)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path rel = daily.relativize(p);
                if (rel.toString().contains(partition)) {
                    Files.createDirectories(out.resolve(rel).getParent());
                    Files.copy(p, out.resolve(rel));
                }
            }
        }
        assertTrue(Files.exists(out.resolve("story_index/" + partition + "/_SUCCESS")));
        return out;
    }

    private static Dataset<Row> table(Path out, String name, int d) {
        return spark.read().parquet(out.resolve(name).resolve("run_date=" + day(d)).toString());
    }

    @Test
    void dailyRunsGroupArticlesAsOneRunDoes() {
        assertTrue(agreement.articles() > 450, agreement.toString());
        assertTrue(agreement.f1() >= 0.99, agreement.toString());
        assertTrue(agreement.originEqual() >= 0.99, agreement.toString());
    }

    @Test
    void storiesAcrossMidnightKeepTheirIdAndCountCumulatively() {
        Dataset<Row> continued = table(daily, "stories", 1).filter("first_run_date = '" + day(0) + "'");
        assertTrue(continued.count() > 5, "pickups after midnight joined day-1 stories");
        assertEquals(0, continued.filter("n_articles <= n_new_articles").count());
        // Every continued story id is one that day 1 wrote.
        Dataset<Row> day1 = table(daily, "stories", 0).select("story_id");
        assertEquals(0, continued.select("story_id").except(day1).count());
        // Its pickups on day 2 rank after its day-1 articles.
        Dataset<Row> spread = table(daily, "story_spread", 1).join(continued.select("story_id"), "story_id");
        assertTrue(spread.count() > 0);
        assertEquals(0, spread.filter("pickup_rank = 1").count(), "the origin was on day 1");
    }

    @Test
    void reRunningADateReplacesItWithTheSameRowsAndLeavesEarlierDatesAlone() throws Exception {
        List<List<Long>> before = List.of(DailyRuns.rowHashes(spark, daily.resolve("stories/run_date=" + day(1))),
                DailyRuns.rowHashes(spark, daily.resolve("articles/run_date=" + day(1))),
                DailyRuns.rowHashes(spark, daily.resolve("story_index/run_date=" + day(1))));
        List<Long> day1 = DailyRuns.rowHashes(spark, daily.resolve("articles/run_date=" + day(0)));
        run(config(), daily, 1, false);
        assertEquals(before, List.of(DailyRuns.rowHashes(spark, daily.resolve("stories/run_date=" + day(1))),
                DailyRuns.rowHashes(spark, daily.resolve("articles/run_date=" + day(1))),
                DailyRuns.rowHashes(spark, daily.resolve("story_index/run_date=" + day(1)))));
        assertEquals(day1, DailyRuns.rowHashes(spark, daily.resolve("articles/run_date=" + day(0))));
    }

    @Test
    void anIndexWrittenWithOtherParametersIsRefusedUnlessRebuilt() throws Exception {
        Path out = afterDayZero("params");
        WiretraceConfig other = config("syndication.shingle_size=4");
        ConfigException e = assertThrows(ConfigException.class, () -> run(other, out, 1, false));
        assertTrue(e.getMessage().startsWith("Cannot match run date " + day(1) + " against the story index"), e.getMessage());
        assertTrue(e.getMessage().contains("--rebuild-index"), e.getMessage());
        run(other, out, 1, true);
        assertEquals(0, table(out, "stories", 1).filter("first_run_date <> '" + day(1) + "'").count(),
                "a rebuilt index starts at its date");
        // The next date reads the new index only: no refusal, and it continues day 2's stories.
        run(other, out, 2, false);
        assertTrue(table(out, "stories", 2).filter("first_run_date = '" + day(1) + "'").count() > 0);
        assertEquals(0, table(out, "stories", 2).filter("first_run_date = '" + day(0) + "'").count());
    }

    @Test
    void pagesScrapedAgainOnTheNextDateAreNotCountedTwice() throws Exception {
        Path out = afterDayZero("again");
        // Day 1's input once more, on day 2: the same articles (same ids), their stories unchanged.
        new RunJob(spark, new RunJob.Request(config(), List.of(split.resolve("day=0").toString()), out.toString(), true,
                "t-again", day(1))).run();
        Dataset<Row> again = table(out, "stories", 1);
        assertEquals(table(out, "stories", 0).count(), again.count());
        assertEquals(0, again.filter("n_new_articles <> 0 OR first_run_date <> '" + day(0) + "'").count());
        assertEquals(0, table(out, "stories", 0).select("story_id", "n_articles")
                .except(again.select("story_id", "n_articles")).count(), "cumulative counts did not grow");
        assertEquals(0, table(out, "story_spread", 1).count());
    }

    @Test
    void withoutAWindowEveryRunStandsAlone() throws Exception {
        Path out = afterDayZero("alone");
        run(config("syndication.window_days=0"), out, 1, false);
        assertFalse(table(out, "stories", 1).filter("first_run_date <> '" + day(1) + "'").count() > 0);
        assertEquals(table(out, "stories", 1).count(), table(out, "stories", 1).filter("n_articles = n_new_articles").count());
    }
}
