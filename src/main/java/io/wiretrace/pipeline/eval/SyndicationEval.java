package io.wiretrace.pipeline.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.wiretrace.config.ConfigException;
import io.wiretrace.core.eval.ClusteringMetrics;
import java.util.List;
import io.wiretrace.pipeline.report.RunOutput;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Scores a run's stories against labelled truth, by input record id ({@code lineage.source_id} →
 * article → story, so exact duplicates count as members of their article's story).
 * Truth is a CSV with a header, either {@code id,cluster} (clusters of copies; every record not
 * listed is ignored) or {@code id_a,id_b,label} with labels copy, partial or none (partial is ignored).
 */
public final class SyndicationEval {

    /** The outcome: scores, the truth format, and how many truth ids were not in the run. */
    public record Outcome(String format, ClusteringMetrics.Scores scores, long truthIds, long missingIds) {}

    private SyndicationEval() {}

    public static Outcome run(SparkSession spark, String runDir, String truthFile) {
        Dataset<Row> truth = spark.read().option("header", "true").csv(truthFile);
        List<String> cols = List.of(truth.columns());
        Dataset<Row> lineage = RunOutput.read(spark, runDir, "lineage").filter(col("article_id").isNotNull())
                .select(col("source_id"), col("article_id"));
        Dataset<Row> stories = RunOutput.read(spark, runDir, "articles").select("article_id", "story_id");
        if (stories.filter(col("story_id").isNotNull()).limit(1).count() == 0) {
            throw new ConfigException("Cannot evaluate syndication: run '" + runDir + "' has no stories (syndication disabled?)");
        }
        Dataset<Row> predicted = lineage.join(stories, "article_id").select(col("source_id").as("id"), col("story_id"));
        if (cols.contains("id") && cols.contains("cluster")) {
            Dataset<Row> t = truth.select(col("id"), col("cluster")).dropDuplicates("id");
            long truthIds = t.count();
            Dataset<Row> joined = t.join(predicted, "id").persist();
            long found = joined.count();
            ClusteringMetrics.Builder b = new ClusteringMetrics.Builder();
            for (Row r : joined.groupBy("cluster", "story_id").agg(count(lit(1))).collectAsList()) {
                b.cell(r.getLong(2));
            }
            for (Row r : joined.groupBy("cluster").agg(count(lit(1))).collectAsList()) {
                b.truthCluster(r.getLong(1));
            }
            for (Row r : joined.groupBy("story_id").agg(count(lit(1))).collectAsList()) {
                b.predictedCluster(r.getLong(1));
            }
            joined.unpersist();
            return new Outcome("clusters", b.scores(), truthIds, truthIds - found);
        }
        if (cols.contains("id_a") && cols.contains("id_b") && cols.contains("label")) {
            Dataset<Row> labelled = truth.filter(col("label").isin("copy", "none"));
            Dataset<Row> pa = predicted.select(col("id").as("id_a"), col("story_id").as("sa"));
            Dataset<Row> pb = predicted.select(col("id").as("id_b"), col("story_id").as("sb"));
            Dataset<Row> j = labelled.join(pa, "id_a").join(pb, "id_b")
                    .withColumn("together", col("sa").equalTo(col("sb")));
            long tp = j.filter(col("label").equalTo("copy").and(col("together"))).count();
            long fn = j.filter(col("label").equalTo("copy").and(col("together").equalTo(false))).count();
            long fp = j.filter(col("label").equalTo("none").and(col("together"))).count();
            long total = labelled.count();
            return new Outcome("pairs", ClusteringMetrics.fromPairs(tp, fp, fn), total, total - j.count());
        }
        throw new ConfigException("Invalid truth file '" + truthFile + "': expected columns id,cluster or id_a,id_b,label");
    }
}
