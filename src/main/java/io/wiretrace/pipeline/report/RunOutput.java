package io.wiretrace.pipeline.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Finds a committed run's tables: {@code DIR/TABLE/run_date=D}, D by default the last run committed. */
public final class RunOutput {

    private RunOutput() {}

    /** The run date of the last run committed to {@code runDir} (from its {@code _manifest.json}). */
    public static String latestRunDate(Configuration conf, String runDir) {
        Path manifest = new Path(runDir, "_manifest.json");
        try {
            FileSystem fs = manifest.getFileSystem(conf);
            if (!fs.exists(manifest)) {
                throw new ConfigException("Cannot read run '" + runDir + "': no _manifest.json (not a completed wiretrace run)");
            }
            try (InputStream in = fs.open(manifest)) {
                JsonNode m = new ObjectMapper().readTree(in);
                String date = m.path("run_date").asText("");
                if (date.isEmpty()) {
                    throw new ConfigException("Cannot read run '" + runDir + "': its manifest has no run_date"
                            + " (written by a wiretrace version before partitioned output; re-run it)");
                }
                return date;
            }
        } catch (IOException e) {
            throw new ConfigException("Cannot read run '" + runDir + "': " + e.getMessage(), e);
        }
    }

    /** One table's rows of the last run committed to {@code runDir}. */
    public static Dataset<Row> read(SparkSession spark, String runDir, String table) {
        return spark.read().parquet(table(spark.sparkContext().hadoopConfiguration(), runDir, table));
    }

    /** The directory of one table's partition for the last run committed to {@code runDir}. */
    public static String table(Configuration conf, String runDir, String table) {
        return runDir + "/" + table + "/" + Tables.PARTITION_COLUMN + "=" + latestRunDate(conf, runDir);
    }
}
