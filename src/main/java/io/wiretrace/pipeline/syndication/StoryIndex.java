package io.wiretrace.pipeline.syndication;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.wiretrace.config.ConfigException;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.syndication.LshParams;
import io.wiretrace.pipeline.report.Tables;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * The story index: what a run on date D leaves for the runs after it, so that a story keeps one
 * id across days (docs/incremental.md). Written as the {@code story_index} table (one partition
 * per run date, committed with the reports); read back, for D, from the partitions of the
 * {@code syndication.window_days} dates before D, never D itself, so re-running D reads exactly
 * what its first run read.
 *
 * <p>Every row carries the matching parameters it was computed with ({@link #params}) and the
 * date its index was started. A run reads back only the partitions of the newest index (dates
 * since its start); one written with other parameters is refused, unless the run is told to
 * start a new index ({@code --rebuild-index}), which then begins at D.
 */
public final class StoryIndex {

    /**
     * What a run matches against: the earlier articles as pinned feature rows
     * ({@link SyndicationFeatures#SCHEMA}, null when there are none), the latest {@code stories}
     * row of each story in the window (cumulative counts; null when none), and the window read.
     */
    public record Earlier(Dataset<Row> pinned, Dataset<Row> priorStories, List<String> dates, String since,
                         String params) {
        public static Earlier empty(String runDate, String params) {
            return new Earlier(null, null, List.of(), runDate, params);
        }
    }

    private StoryIndex() {}

    /** The parameters that make two runs' features comparable, as one string. */
    public static String params(WiretraceConfig.Syndication cfg) {
        LshParams lsh = SyndicationStage.lshParams(cfg);
        return String.format(Locale.ROOT, "v2;shingles=%s:%d;minhash=%d;lsh=%dx%d;anchors=%d",
                cfg.shingleUnit().name().toLowerCase(Locale.ROOT), cfg.shingleSize(), cfg.minhashComponents(),
                lsh.bands(), lsh.rows(), cfg.lsh().anchorSentences());
    }

    /**
     * What run date {@code runDate} under {@code output}: the index partitions of the
     * {@code windowDays} dates before it that belong to the newest index. Fails with a usage error
     * when that index was written with other parameters (unless {@code rebuild}).
     */
    public static Earlier open(SparkSession spark, String output, String runDate, int windowDays, boolean rebuild,
                              String params) {
        if (windowDays == 0 || rebuild) {
            return Earlier.empty(runDate, params);
        }
        TreeMap<String, String> dates = partitions(spark, output, Tables.STORY_INDEX.name(), runDate, windowDays);
        if (dates.isEmpty()) {
            return Earlier.empty(runDate, params);
        }
        // The newest partition names the index in force; partitions before its start are left alone.
        Row newest = spark.read().parquet(dates.lastEntry().getValue()).select("index_params", "index_since")
                .limit(1).collectAsList().stream().findFirst().orElse(null);
        String since = newest == null ? dates.firstKey() : newest.getString(1);
        List<String> paths = new ArrayList<>(dates.tailMap(since, true).values());
        List<String> read = new ArrayList<>(dates.tailMap(since, true).keySet());
        Dataset<Row> index = spark.read().parquet(paths.toArray(String[]::new));
        List<Row> other = index.select("index_params").distinct().filter(col("index_params").notEqual(lit(params)))
                .limit(1).collectAsList();
        if (!other.isEmpty()) {
            throw new ConfigException("Cannot match run date " + runDate + " against the story index: it was written with "
                    + other.get(0).getString(0) + ", this run uses " + params
                    + " (re-run with --rebuild-index to start a new index at " + runDate + ")");
        }
        Dataset<Row> pinned = index.select(col("doc_key"), col("article_id"), col("outlet"), col("published_s"),
                col("title_hash"), col("lede_hash"), col("shingles"), col("sentences"), col("signature"),
                lit(null).cast("string").as("wire_credit"), col("sketch"), col("lsh_keys"), lit(0).as("content_chars"),
                lit(0).as("template_chars"), col("story_id").as("pin_story_id"),
                col("origin_article_id").as("pin_origin_id"), col("origin_published_s").as("pin_origin_s"));
        TreeMap<String, String> storyDates = partitions(spark, output, Tables.STORIES.name(), runDate, windowDays);
        List<String> storyPaths = new ArrayList<>();
        for (String d : read) {
            if (storyDates.containsKey(d)) {
                storyPaths.add(storyDates.get(d));
            }
        }
        return new Earlier(pinned, storyPaths.isEmpty() ? null : latestStories(spark, storyPaths), List.copyOf(read),
                since, params);
    }

    /** The newest row of every story among the given {@code stories} partitions. */
    private static Dataset<Row> latestStories(SparkSession spark, List<String> paths) {
        Dataset<Row> rows = null;
        for (String p : paths) {
            String date = p.substring(p.lastIndexOf('=') + 1);
            Dataset<Row> r = spark.read().parquet(p).withColumn("prior_run_date", lit(date));
            rows = rows == null ? r : rows.unionByName(r, true);
        }
        return rows.withColumn("r", row_number().over(Window.partitionBy("story_id")
                        .orderBy(col("prior_run_date").desc()))).filter(col("r").equalTo(1)).drop("r");
    }

    /** Partition directories {@code TABLE/run_date=X} with X in [D - windowDays, D), by date. */
    static TreeMap<String, String> partitions(SparkSession spark, String output, String table, String runDate,
                                              int windowDays) {
        LocalDate d = LocalDate.parse(runDate);
        String from = d.minusDays(windowDays).toString();
        TreeMap<String, String> out = new TreeMap<>();
        try {
            Path dir = new Path(output, table);
            FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(dir)) {
                return out;
            }
            String prefix = Tables.PARTITION_COLUMN + "=";
            for (FileStatus s : fs.listStatus(dir)) {
                String name = s.getPath().getName();
                if (s.isDirectory() && name.startsWith(prefix)) {
                    String date = name.substring(prefix.length());
                    if (date.compareTo(from) >= 0 && date.compareTo(runDate) < 0) {
                        out.put(date, s.getPath().toString());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new ConfigException("Cannot read the story index under '" + output + "': " + e.getMessage(), e);
        }
    }

    /**
     * The index rows of this run's articles: their features ({@link SyndicationFeatures#SCHEMA},
     * new articles only) and stories ({@code article_id, story_id, origin_article_id,
     * origin_published_s}).
     */
    static Dataset<Row> rows(Dataset<Row> newFeats, Dataset<Row> stories, String params, String since) {
        return newFeats.join(stories, "article_id").select(col("article_id"), col("doc_key"), col("outlet"),
                col("published_s"), col("title_hash"), col("lede_hash"), col("shingles"), col("sentences"),
                col("signature"), col("sketch"), col("lsh_keys"), col("story_id"), col("origin_article_id"),
                col("origin_published_s"),
                lit(params).as("index_params"), lit(since).as("index_since"));
    }
}
