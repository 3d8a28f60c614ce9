package io.wiretrace.pipeline.eval;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.wiretrace.config.ConfigException;
import io.wiretrace.core.eval.PartitionMetrics;
import java.util.List;
import io.wiretrace.pipeline.report.RunOutput;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Scores a run's topics against labelled topics, by input record id (lineage.source_id → article
 * → topic_id, so an exact duplicate counts with its article's topic). Truth is a CSV with a
 * header {@code id,topic}. Records the run left without a topic count as one extra cluster
 * ("none"), so leaving documents out is never rewarded.
 */
public final class TopicEval {

    public record Outcome(PartitionMetrics.Scores scores, long truthIds, long missingIds, long withoutTopic) {}

    private TopicEval() {}

    public static Outcome run(SparkSession spark, String runDir, String truthFile) {
        Dataset<Row> truth = spark.read().option("header", "true").csv(truthFile);
        if (!List.of(truth.columns()).containsAll(List.of("id", "topic"))) {
            throw new ConfigException("Invalid truth file '" + truthFile + "': expected columns id,topic");
        }
        Dataset<Row> articles = RunOutput.read(spark, runDir, "articles");
        if (!List.of(articles.columns()).contains("topic_id")
                || articles.filter(col("topic_id").isNotNull()).limit(1).count() == 0) {
            throw new ConfigException("Cannot evaluate topics: run '" + runDir + "' has no topics (topics disabled?)");
        }
        Dataset<Row> lineage = RunOutput.read(spark, runDir, "lineage").filter(col("article_id").isNotNull())
                .select(col("source_id").as("id"), col("article_id"));
        Dataset<Row> t = truth.select("id", "topic").dropDuplicates("id");
        long truthIds = t.count();
        Dataset<Row> joined = t.join(lineage, "id").join(articles.select("article_id", "topic_id"), "article_id")
                .select(col("topic"), coalesce(col("topic_id").cast("string"), lit("none")).as("predicted"));
        PartitionMetrics m = new PartitionMetrics();
        long found = 0;
        long without = 0;
        // The contingency table: (true topics × predicted topics) rows, small by construction.
        for (Row r : joined.groupBy("topic", "predicted").agg(count(lit(1))).collectAsList()) {
            m.add(r.getString(0), r.getString(1), r.getLong(2));
            found += r.getLong(2);
            if ("none".equals(r.getString(1))) {
                without += r.getLong(2);
            }
        }
        return new Outcome(m.scores(), truthIds, truthIds - found, without);
    }
}
