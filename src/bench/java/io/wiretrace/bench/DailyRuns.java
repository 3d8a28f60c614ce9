package io.wiretrace.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.eval.ClusteringMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Daily runs against one run, shared by {@code bench incremental} and the incremental run test:
 * a generated corpus split into one input per publication day, and how two outputs' stories agree.
 */
public final class DailyRuns {

    /** Day 0 of a generated corpus (its stories start at 06:00 UTC that day). */
    public static final LocalDate DAY_1 = LocalDate.parse("2026-03-02");

    /** How the daily runs' stories agree with the single run's, over the articles of both. */
    public record Agreement(long articles, double precision, double recall, double f1, double originEqual,
                            double storyIdEqual) {}

    private DailyRuns() {}

    /**
     * One input per publication day (UTC) of the kept articles: day 0 is {@link #DAY_1}; articles
     * published after the last story day go to the last input. An article without a time is
     * scraped on the day of the last timed article of its (true) story: it exists by then, and
     * not before its story began. Returns the last day number.
     */
    public static int split(SparkSession spark, Path corpus, Path split, int days, WiretraceConfig cfg)
            throws IOException {
        if (Files.exists(split.resolve("_COMPLETE"))) {
            return days - 1;
        }
        Dataset<Row> a = Bench.articles(spark, corpus, cfg);
        Dataset<Row> truth = spark.read().option("header", "true").csv(corpus.resolve("truth/articles.csv").toString())
                .select(col("id").as("source_id"), col("story"));
        // greatest/least skip nulls: the CASE keeps an unknown time unknown.
        String dayOf = "CASE WHEN %1$s IS NOT NULL THEN least(" + (days - 1) + ", greatest(0, datediff(to_date(%1$s), to_date('"
                + DAY_1 + "')))) END";
        Dataset<Row> withDay = a.join(truth, "source_id", "left")
                .withColumn("timed_day", expr(String.format(dayOf, "published_at")))
                .withColumn("story_day", expr("max(timed_day) OVER (PARTITION BY story)"))
                .withColumn("day", expr("coalesce(timed_day, story_day, " + (days - 1) + ")"));
        withDay.select(col("source_id").as("id"), col("outlet"), col("title"), col("text"),
                        expr("date_format(published_at, \"yyyy-MM-dd'T'HH:mm:ss'Z'\")").as("published_at"), col("day"))
                .repartition(col("day")).write().mode("overwrite").partitionBy("day").json(split.toString());
        Files.writeString(split.resolve("_COMPLETE"), "from " + corpus + "\n");
        a.unpersist();
        return days - 1;
    }

    /** Co-membership pairwise F1 (the single run as truth) and the share of articles whose origin agrees. */
    public static Agreement compare(SparkSession spark, Path outAll, Path outDaily) {
        Dataset<Row> all = withOrigins(spark, outAll).select(col("article_id"), col("story_id").as("s_all"),
                col("origin_article_id").as("o_all"));
        Dataset<Row> daily = withOrigins(spark, outDaily).select(col("article_id"), col("story_id").as("s_daily"),
                col("origin_article_id").as("o_daily"));
        Dataset<Row> j = all.join(daily, "article_id").cache();
        ClusteringMetrics.Builder m = new ClusteringMetrics.Builder();
        j.groupBy("s_all", "s_daily").agg(count(lit(1)).as("n")).select("n").collectAsList()
                .forEach(r -> m.cell(r.getLong(0)));
        j.groupBy("s_all").agg(count(lit(1))).collectAsList().forEach(r -> m.truthCluster(r.getLong(1)));
        j.groupBy("s_daily").agg(count(lit(1))).collectAsList().forEach(r -> m.predictedCluster(r.getLong(1)));
        ClusteringMetrics.Scores s = m.scores();
        long n = j.count();
        long sameOrigin = j.filter(expr("o_all <=> o_daily")).count();
        long sameId = j.filter(expr("s_all = s_daily")).count();
        j.unpersist();
        return new Agreement(n, s.precision(), s.recall(), s.f1(), (double) sameOrigin / n, (double) sameId / n);
    }

    /** Every article of an output with its story's origin (a story's origin never changes, so any of its rows). */
    private static Dataset<Row> withOrigins(SparkSession spark, Path out) {
        Dataset<Row> origins = spark.read().parquet(out.resolve("stories").toString())
                .select("story_id", "origin_article_id").dropDuplicates("story_id");
        return spark.read().parquet(out.resolve("articles").toString()).select("article_id", "story_id")
                .join(origins, "story_id", "left");
    }

    /** The sorted hashes of a partition's rows (all columns, or the given ones). */
    public static List<Long> rowHashes(SparkSession spark, Path partition, String... columns) {
        Dataset<Row> rows = spark.read().parquet(partition.toString());
        List<String> exprs = new ArrayList<>();
        for (org.apache.spark.sql.types.StructField f : rows.schema().fields()) {
            if (columns.length == 0 || List.of(columns).contains(f.name())) {
                // Maps cannot be hashed; their JSON can.
                exprs.add(f.dataType() instanceof org.apache.spark.sql.types.MapType ? "to_json(" + f.name() + ")" : f.name());
            }
        }
        String cols = String.join(", ", exprs);
        return rows.selectExpr("xxhash64(" + cols + ") AS h").orderBy("h").collectAsList().stream()
                .map(r -> r.getLong(0)).toList();
    }

    /** MD5 of a directory's files (names and bytes, in name order); "absent" when it does not exist. */
    public static String treeHash(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return "absent";
        }
        try (var files = Files.walk(dir)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                md.update(dir.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(f));
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
