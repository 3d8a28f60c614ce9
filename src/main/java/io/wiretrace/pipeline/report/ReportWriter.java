package io.wiretrace.pipeline.report;

import static org.apache.spark.sql.functions.col;

import io.wiretrace.pipeline.FaultInjection;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Writes one report table as Parquet. Output is deterministic: rows go to files by a hash of the
 * first sort column (not by task timing), and are sorted within each file, so the same input and
 * configuration give byte-identical files. The file count follows the row count
 * ({@code output.max_records_per_file}), so a small table is one file, never a tiny-file storm.
 */
public final class ReportWriter {

    private final String compression;
    private final int maxRecordsPerFile;

    public ReportWriter(String compression, int maxRecordsPerFile) {
        this.compression = compression;
        this.maxRecordsPerFile = maxRecordsPerFile;
    }

    /**
     * @param rows     the table's rows, with at least its columns and its sort columns
     * @param rowCount the number of rows (already known to the caller)
     * @param path     the directory to write (a table's partition directory)
     */
    public void write(Tables.Table table, Dataset<Row> rows, long rowCount, String path) {
        int files = (int) Math.max(1, (rowCount + maxRecordsPerFile - 1) / maxRecordsPerFile);
        Column[] sort = table.sortBy().stream().map(c -> col(c)).toArray(Column[]::new);
        Dataset<Row> arranged = rows.repartition(files, col(table.sortBy().get(0))).sortWithinPartitions(sort);
        if (FaultInjection.enabled(rows.sparkSession(), "write")) {
            // Test-only: the write task's first attempt fails after the rows are laid out.
            arranged = arranged.mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
                FaultInjection.maybeFail("write");
                return it;
            }, Encoders.row(arranged.schema()));
        }
        table.conform(arranged).write()
                .option("compression", compression)
                .parquet(path);
        FaultInjection.maybeHalt("write");
    }
}
