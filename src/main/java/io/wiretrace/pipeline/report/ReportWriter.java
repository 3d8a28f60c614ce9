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
 * configuration give byte-identical files. The file count follows an upper bound of the row count
 * that the caller knows without counting ({@code output.max_records_per_file} rows per file), and
 * the writer's own {@code maxRecordsPerFile} caps every file, so a small table is one file, never
 * a tiny-file storm, and no table needs a counting pass before it is written.
 */
public final class ReportWriter {

    private final String compression;
    private final int maxRecordsPerFile;

    private final long runRecords;

    /** @param runRecords the run's input records (records_in): how large any table's source can be */
    public ReportWriter(String compression, int maxRecordsPerFile, long runRecords) {
        this.compression = compression;
        this.maxRecordsPerFile = maxRecordsPerFile;
        this.runRecords = runRecords;
    }

    /**
     * @param rows     the table's rows, with at least its columns and its sort columns
     * @param maxRows  an upper bound of the number of rows (known to the caller without a query)
     * @param path     the directory to write (a table's partition directory)
     */
    public void write(Tables.Table table, Dataset<Row> rows, long maxRows, String path) {
        int files = (int) Math.max(1, (maxRows + maxRecordsPerFile - 1) / maxRecordsPerFile);
        Column[] sort = table.sortBy().stream().map(c -> col(c)).toArray(Column[]::new);
        // A run small enough that every table fits one file: the rows' last stage runs as one task
        // instead of adding a shuffle, which on a small run costs more than the rows. Otherwise
        // files by a hash of the first sort column, so no single task scans a large input.
        boolean oneTask = files == 1 && runRecords <= maxRecordsPerFile;
        Dataset<Row> arranged = (oneTask ? rows.coalesce(1) : rows.repartition(files, col(table.sortBy().get(0))))
                .sortWithinPartitions(sort);
        // Test-only: the write task's first attempt fails (or straggles) after the rows are laid
        // out, at every table ("write") or at one ("write_TABLE").
        String tablePoint = "write_" + table.name();
        if (FaultInjection.enabled(rows.sparkSession(), "write") || FaultInjection.enabled(rows.sparkSession(), tablePoint)) {
            arranged = arranged.mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
                FaultInjection.maybeFail("write");
                FaultInjection.maybeFail(tablePoint);
                return it;
            }, Encoders.row(arranged.schema()));
        }
        table.conform(arranged).write()
                .option("compression", compression)
                .option("maxRecordsPerFile", maxRecordsPerFile)
                .parquet(path);
        FaultInjection.maybeHalt("write");
    }
}
