package io.wiretrace.testing;

import org.apache.spark.sql.SparkSession;

/**
 * One real local-mode SparkSession for the whole test JVM (start-up costs seconds; the suite
 * shares it). Two cores like the CI machine, task retries as on a cluster, small shuffle partition
 * count, no UI.
 */
public final class SparkTestSession {

    private static SparkSession session;

    private SparkTestSession() {}

    public static synchronized SparkSession get() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2,4]") // two cores; a failed task is retried (up to 4 attempts), as on a cluster
                    .appName("wiretrace-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
                    .config("spark.sql.session.timeZone", "UTC")
                    .config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
