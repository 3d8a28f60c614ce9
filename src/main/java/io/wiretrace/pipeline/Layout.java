package io.wiretrace.pipeline;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * How a run lays out its rows between steps, decided once from the input size before anything
 * runs ({@code spark.one_partition_max_bytes}).
 *
 * <p>A small run keeps every row after parsing in one partition. A single partition satisfies
 * every distribution an operator asks for (group-by, join, window), so Spark plans no shuffle at
 * all: each report is one job of one task instead of a job per shuffle with a task per partition,
 * which on a few thousand rows costs far more than the rows. A large run is distributed as usual.
 * The outputs are the same either way: every table is sorted before it is written, and no step
 * depends on the partitioning (tested in {@code RunPipelineTest}).
 */
public enum Layout {
    /** Everything after parsing in one partition: no shuffles. */
    ONE_PARTITION,
    /** Partitions and shuffles as Spark plans them. */
    DISTRIBUTED;

    /** The layout for {@code inputBytes} of input files. */
    public static Layout forInput(long inputBytes, long onePartitionMaxBytes) {
        return inputBytes <= onePartitionMaxBytes ? ONE_PARTITION : DISTRIBUTED;
    }

    /**
     * Sets what this layout runs with on {@code runSession}, the run's own session
     * ({@code SparkSessions.forRun}: no caller's session, nor another run's, ever sees it). A
     * one-partition run:
     * <ul>
     *   <li>keeps single-partition join inputs unshuffled: Spark re-shuffles those whose estimated
     *       size exceeds {@code spark.sql.maxSinglePartitionBytes}, and rows read back from the
     *       run's cache carry no estimate (so count as huge); the run is small by construction;
     *   <li>interprets expressions instead of generating code: compiling the generated Java of each
     *       query (Janino) costs more than evaluating a few thousand rows, and a cold JVM pays it
     *       for every plan (measured: the seed page's stages 23 s → 14 s, docs/benchmarks.md).
     * </ul>
     */
    public void configure(SparkSession runSession) {
        if (this != ONE_PARTITION) {
            return;
        }
        runSession.conf().set("spark.sql.maxSinglePartitionBytes", Long.toString(Long.MAX_VALUE));
        runSession.conf().set("spark.sql.codegen.wholeStage", "false");
        runSession.conf().set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
    }

    /**
     * The rows with the layout's partitioning declared, e.g. after a plan cut forgot it (a
     * one-partition dataset read back from cache says nothing about its partitioning, and Spark
     * would shuffle it again).
     */
    public Dataset<Row> keep(Dataset<Row> rows) {
        return this == ONE_PARTITION ? rows.coalesce(1) : rows;
    }

    /** All rows into one task; in a distributed run, what comes before still runs in parallel. */
    public Dataset<Row> gather(Dataset<Row> rows) {
        return this == ONE_PARTITION ? rows.coalesce(1) : rows.repartition(1);
    }

    /** Rows hash-partitioned by {@code key} into {@code partitions}; one partition as it is. */
    public Dataset<Row> byKey(Dataset<Row> rows, int partitions, Column key) {
        return this == ONE_PARTITION ? rows.coalesce(1) : rows.repartition(partitions, key);
    }
}
