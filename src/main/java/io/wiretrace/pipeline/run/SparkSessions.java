package io.wiretrace.pipeline.run;

import io.wiretrace.config.WiretraceConfig;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Creates the SparkSession. Every setting here is a default: whatever the operator passed to
 * spark-submit (or in spark-defaults.conf) wins, because {@link SparkConf} already holds those and
 * only missing keys are filled.
 */
public final class SparkSessions {

    /** Work on a session; may throw what the work throws. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(SparkSession spark) throws Exception;
    }

    private SparkSessions() {}

    /**
     * Runs {@code work} on the session of {@code config} ({@link #create}), then stops the session
     * only if this call started it: an embedding application (or a test) that owns a session keeps
     * it running.
     */
    public static <T> T using(WiretraceConfig config, Work<T> work) throws Exception {
        boolean own = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = create(config);
        try {
            return work.apply(spark);
        } finally {
            if (own) {
                spark.stop();
            }
        }
    }

    public static SparkSession create(WiretraceConfig config) {
        SparkConf conf = new SparkConf();
        WiretraceConfig.Spark s = config.spark();
        conf.setIfMissing("spark.master", s.master());
        conf.setIfMissing("spark.app.name", s.appName());
        for (Map.Entry<String, String> e : s.conf().entrySet()) {
            conf.setIfMissing(e.getKey(), e.getValue());
        }
        int partitions = s.shufflePartitions() > 0 ? s.shufflePartitions()
                : Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        conf.setIfMissing("spark.sql.shuffle.partitions", Integer.toString(partitions));
        // BI readers: INT64 microsecond timestamps (INT96 is deprecated and misread), UTC semantics.
        conf.setIfMissing("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        conf.setIfMissing("spark.sql.session.timeZone", "UTC");
        conf.setIfMissing("spark.sql.sources.partitionOverwriteMode", "dynamic");
        // Spark's task progress bar only on a terminal: in logs and schedulers its carriage returns
        // are noise, and wiretrace prints its own progress lines there (see Progress).
        conf.setIfMissing("spark.ui.showConsoleProgress", Boolean.toString(System.console() != null));
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
