package io.wiretrace.pipeline.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.topics.TopicLabels;
import io.wiretrace.pipeline.Layout;
import io.wiretrace.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The topic stage on its own, without the CLI: three themes with their own (made-up) vocabularies
 * come out as three topics labelled by their words, through the fit in one task and through
 * MLlib; copies take their story's topic; too little input is a skip with a reason; the input
 * contract is checked before anything runs.
 */
class TopicStageTest {

    private static SparkSession spark;

    private static final String[][] THEMES = {
        {"zorbel", "quenta", "milvax", "trudon", "pelsik", "gavrin", "hoxley", "dunmar"},
        {"falcrest", "ombrin", "tiskel", "varnoth", "keplin", "sudrow", "mentax", "olvund"},
        {"brisko", "yaldeen", "crumpet", "wexford", "nimbral", "zastro", "pomvik", "ulgant"},
    };

    private static final StructType ARTICLES = new StructType()
            .add("article_id", DataTypes.StringType, false)
            .add("title", DataTypes.StringType, true)
            .add("text", DataTypes.StringType, false);

    @BeforeAll
    static void session() {
        spark = SparkTestSession.get();
    }

    private static String text(int theme, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            sb.append(THEMES[theme][rnd.nextInt(THEMES[theme].length)]).append(i % 8 == 7 ? ". " : " ");
        }
        return sb.toString().strip();
    }

    /** 12 articles per theme, ids "t{theme}-{n}". */
    private static List<Row> rows() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < THEMES.length; t++) {
            for (int n = 0; n < 12; n++) {
                rows.add(RowFactory.create("t" + t + "-" + n, THEMES[t][n % 8] + " news", text(t, rnd)));
            }
        }
        return rows;
    }

    private static WiretraceConfig.Topics cfg(String... sets) {
        List<String> all = new ArrayList<>(List.of("topics.k=3"));
        all.addAll(List.of(sets));
        return ConfigLoader.load(null, all).topics();
    }

    private static Map<String, Integer> topics(TopicStage.Result r) {
        Map<String, Integer> out = new HashMap<>();
        for (Row row : r.assignments().collectAsList()) {
            out.put(row.getString(0), row.isNullAt(1) ? null : row.getInt(1));
        }
        return out;
    }

    private static void assertThemesAreTopics(TopicStage.Result r) {
        assertFalse(r.skipped(), () -> "skipped: " + r.skippedReason());
        assertEquals(3, r.topics().size());
        Map<String, Integer> byArticle = topics(r);
        assertEquals(36, byArticle.size());
        Set<Integer> seen = new HashSet<>();
        for (int t = 0; t < THEMES.length; t++) {
            Integer topic = byArticle.get("t" + t + "-0");
            for (int n = 1; n < 12; n++) {
                assertEquals(topic, byArticle.get("t" + t + "-" + n), "t" + t + "-" + n + " with its theme");
            }
            assertTrue(seen.add(topic), "one topic per theme");
            TopicLabels.Topic labelled = r.topics().get(topic);
            List<String> themeWords = List.of(THEMES[t]);
            assertTrue(labelled.topTerms().stream().limit(3).allMatch(term -> themeWords.contains(term.term())),
                    "topic " + topic + " labelled by its theme's words: " + labelled.label());
        }
    }

    @Test
    void themesBecomeLabelledTopicsInOneTaskAndThroughMllib() {
        Dataset<Row> articles = spark.createDataFrame(rows(), ARTICLES);
        TopicStage.Result local = TopicStage.run(spark, articles, 36, cfg(), 2, Layout.DISTRIBUTED);
        TopicStage.Result mllib = TopicStage.run(spark, articles, 36, cfg("topics.local_fit_max_stories=0"), 2,
                Layout.DISTRIBUTED);
        try {
            assertEquals("one_task", local.counts().get("fit"));
            assertEquals("mllib", mllib.counts().get("fit"));
            assertThemesAreTopics(local);
            assertThemesAreTopics(mllib);
            assertEquals(36L, local.counts().get("stories"));
            assertEquals("config", local.counts().get("k_chosen_by"));
        } finally {
            local.cached().forEach(Dataset::unpersist);
            mllib.cached().forEach(Dataset::unpersist);
        }
    }

    @Test
    void copiesTakeTheirStorysTopicAndOnlyOriginsAreClustered() {
        List<Row> rows = new ArrayList<>();
        for (Row r : rows()) {
            rows.add(RowFactory.create(r.getString(0), r.getString(1), r.getString(2), r.getString(0), true));
        }
        // Copies of t0-0 whose text is another theme's: clustering must not see them.
        for (int c = 0; c < 5; c++) {
            rows.add(RowFactory.create("copy-" + c, "copy", text(2, new SplittableRandom(c)), "t0-0", false));
        }
        Dataset<Row> articles = spark.createDataFrame(rows, ARTICLES.add("story_id", DataTypes.StringType)
                .add("is_origin", DataTypes.BooleanType));
        TopicStage.Result r = TopicStage.run(spark, articles, 41, cfg(), 2, Layout.DISTRIBUTED);
        try {
            assertEquals(36L, r.counts().get("stories"), "one representative per story");
            Map<String, Integer> byArticle = topics(r);
            for (int c = 0; c < 5; c++) {
                assertEquals(byArticle.get("t0-0"), byArticle.get("copy-" + c));
            }
        } finally {
            r.cached().forEach(Dataset::unpersist);
        }
    }

    @Test
    void tooLittleInputIsASkipWithAReason() {
        Dataset<Row> one = spark.createDataFrame(rows().subList(0, 1), ARTICLES);
        TopicStage.Result r = TopicStage.run(spark, one, 1, cfg(), 2, Layout.DISTRIBUTED);
        assertTrue(r.skipped());
        assertEquals("1 article, fewer than 2", r.skippedReason());
        assertTrue(r.topics().isEmpty());
        assertNull(topics(r).get("t0-0"));
        Dataset<Row> none = spark.createDataFrame(List.of(), ARTICLES);
        assertEquals("no articles", TopicStage.run(spark, none, 0, cfg(), 2, Layout.DISTRIBUTED).skippedReason());
    }

    @Test
    void theInputContractIsCheckedBeforeAnythingRuns() {
        Dataset<Row> noText = spark.createDataFrame(rows(), ARTICLES).drop("text");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicStage.run(spark, noText, cfg(), 2));
        assertEquals("Invalid input to topics: missing column text (string)", e.getMessage());
        Dataset<Row> storyWithoutOrigin = spark.createDataFrame(rows(), ARTICLES)
                .withColumn("story_id", org.apache.spark.sql.functions.col("article_id"));
        e = assertThrows(IllegalArgumentException.class, () -> TopicStage.run(spark, storyWithoutOrigin, cfg(), 2));
        assertEquals("Invalid input to topics: missing column is_origin (boolean)", e.getMessage());
    }
}
