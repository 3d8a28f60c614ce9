package io.wiretrace.pipeline.dedup;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Exact duplicates: records with the same {@code article_id} (same outlet, same text in matching
 * form — typically one URL scraped twice) collapse to one article. The record kept is chosen by a
 * total order, so the choice never depends on partitioning: earliest known publication time, then
 * URL, source id, file and position.
 */
public final class ExactDedupStage {

    public static final String KEPT = "kept";
    public static final String DUPLICATE = "exact_duplicate";

    private ExactDedupStage() {}

    /** Adds {@code status} ({@value #KEPT} or {@value #DUPLICATE}) to every normalised row. */
    public static Dataset<Row> run(Dataset<Row> normalized) {
        WindowSpec w = Window.partitionBy("article_id").orderBy(
                col("published_at").asc_nulls_last(), col("url").asc_nulls_last(), col("source_id").asc_nulls_last(),
                col("source_file").asc(), col("ordinal").asc());
        return normalized.withColumn("status", when(row_number().over(w).equalTo(1), KEPT).otherwise(DUPLICATE));
    }
}
