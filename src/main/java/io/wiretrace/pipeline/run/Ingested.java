package io.wiretrace.pipeline.run;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.pipeline.Layout;
import io.wiretrace.pipeline.Lineage;
import io.wiretrace.pipeline.dedup.ExactDedupStage;
import io.wiretrace.pipeline.normalize.NormalizeStage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The parsed input records, normalised and deduplicated, and their accounting.
 *
 * @param records every accepted record with its dedup {@code status}, cached, partitioned and
 *                sorted by article_id (the stages' annotations join it without moving the text)
 * @param rejected the rejected records with {@code reason} and {@code detail}
 */
record Ingested(Dataset<Row> records, Dataset<Row> rejected, RecordCounts counts) {

    /** The articles: records kept by exact dedup. */
    Dataset<Row> kept() {
        return records.filter(col("status").equalTo(ExactDedupStage.KEPT));
    }

    /** One row per input record: where it came from and what became of it. */
    Dataset<Row> lineage() {
        return records.select(col("source_file"), col("location"), col("ordinal"), col("source_id"),
                        col("status"), col("article_id"), lit(null).cast("string").as("reason"))
                .unionByName(rejected.select(col("source_file"), col("location"), col("ordinal"), col("source_id"),
                        lit("rejected").as("status"), lit(null).cast("string").as("article_id"), col("reason")));
    }

    /**
     * Normalises and deduplicates the accepted {@code parsed} rows and counts every kind of record,
     * as two steps ({@code ingest}, {@code rejects_by_reason}). Releases {@code parsed} once the
     * records and the set-aside rows are cached; everything cached is added to {@code cached}.
     */
    static Ingested run(Dataset<Row> parsed, Layout layout, WiretraceConfig config, Steps steps,
                        List<Dataset<Row>> cached) {
        Dataset<Row> laidOut = layout.keep(parsed);
        Dataset<Row> accepted = laidOut.filter(col("reject_reason").isNull().and(col("skip_reason").isNull()));
        // Rejected and skipped records are set aside (a small cache), so that the parsed rows,
        // text and all, can be released once the articles are cached.
        Dataset<Row> setAside = laidOut.filter(col("reject_reason").isNotNull().or(col("skip_reason").isNotNull()))
                .persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(setAside);
        Dataset<Row> rejected = setAside.filter(col("reject_reason").isNotNull())
                .withColumnRenamed("reject_reason", "reason").withColumnRenamed("reject_detail", "detail");

        Map<String, Long> byStatus = new TreeMap<>();
        long[] dateWarningsAndOutlets = {0, 0};
        Dataset<Row> records = steps.run("ingest", "Read, parse, normalise and deduplicate input records", () -> {
            // The dedup window leaves the rows partitioned and sorted by article_id: kept so.
            Dataset<Row> rs = Lineage.persistKeyed(ExactDedupStage.run(NormalizeStage.run(accepted, config)),
                    cached, layout);
            for (Row r : rs.groupBy("status").agg(count(lit(1)), coalesce(sum("date_warnings"), lit(0L)),
                    countDistinct("outlet")).collectAsList()) {
                byStatus.put(r.getString(0), r.getLong(1));
                dateWarningsAndOutlets[0] += r.getLong(2);
                dateWarningsAndOutlets[1] += r.getLong(3); // per status; their sum bounds the outlets
            }
            return rs;
        }, rs -> String.format(Locale.ROOT, "%,d articles, %,d exact duplicates",
                byStatus.getOrDefault(ExactDedupStage.KEPT, 0L), byStatus.getOrDefault(ExactDedupStage.DUPLICATE, 0L)));

        Map<String, Long> rejectsByReason = new TreeMap<>();
        Map<String, Long> skippedByReason = new TreeMap<>();
        steps.run("rejects_by_reason", "Count rejects, and skipped archive records, by reason", () -> {
            // Skipped web-archive records are not input records: only their counts are kept. One
            // aggregation counts both kinds.
            for (Row r : setAside.groupBy("reject_reason", "skip_reason").count().collectAsList()) {
                if (!r.isNullAt(0)) {
                    rejectsByReason.merge(r.getString(0), r.getLong(2), Long::sum);
                } else {
                    skippedByReason.merge(r.getString(1), r.getLong(2), Long::sum);
                }
            }
            parsed.unpersist(); // everything after this reads the records' or the set-aside cache
            return rejectsByReason;
        }, x -> String.format(Locale.ROOT, "%,d rejects %s", x.values().stream().mapToLong(Long::longValue).sum(),
                x.isEmpty() ? "" : x));
        RecordCounts counts = new RecordCounts(byStatus.getOrDefault(ExactDedupStage.KEPT, 0L),
                byStatus.getOrDefault(ExactDedupStage.DUPLICATE, 0L), rejectsByReason, skippedByReason,
                dateWarningsAndOutlets[0], dateWarningsAndOutlets[1]);
        return new Ingested(records, rejected, counts);
    }
}
