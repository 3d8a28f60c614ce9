package io.wiretrace.pipeline.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Counts the rows a table directory holds from its Parquet footers, on the driver: a few kilobytes
 * read per file and no Spark job. The run's accounting identity is checked on these counts, so it
 * holds for what was actually written, not for what a query over the inputs says; and the writes
 * need no counting pass of their own.
 */
public final class WrittenRows {

    private WrittenRows() {}

    /** Rows in every {@code *.parquet} file directly under {@code dir} (0 when there is none). */
    public static long count(String dir, Configuration conf) {
        Path path = new Path(dir);
        try {
            FileSystem fs = path.getFileSystem(conf);
            long rows = 0;
            for (FileStatus f : fs.listStatus(path, p -> p.getName().endsWith(".parquet"))) {
                try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(f, conf))) {
                    rows += reader.getRecordCount();
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot count the rows written to " + dir + ": " + e.getMessage(), e);
        }
    }
}
