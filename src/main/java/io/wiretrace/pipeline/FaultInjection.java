package io.wiretrace.pipeline;

import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;

/**
 * Test-only fault injection, off unless a test sets the Spark local property {@link #PROPERTY}
 * on the thread that runs the job (it travels with every task of that job): a comma-separated
 * list of points — {@code ingest}, {@code syndication}, {@code topics}, {@code write}. At a listed
 * point, the first attempt of each stage's partition-0 task throws, so Spark retries it (with
 * {@code local[N,F]} or {@code spark.task.maxFailures} > 1). Tests then prove that a retried task
 * changes neither the reports nor the manifest counts.
 */
public final class FaultInjection {

    /** Local property naming the points that fail their first attempt. */
    public static final String PROPERTY = "wiretrace.faults.failFirstAttempt";

    private FaultInjection() {}

    /** Called inside tasks at injection point {@code point}; a no-op unless the property lists it. */
    public static void maybeFail(String point) {
        TaskContext tc = TaskContext.get();
        if (tc == null || tc.attemptNumber() > 0 || tc.partitionId() != 0) {
            return;
        }
        if (listed(tc.getLocalProperty(PROPERTY), point)) {
            throw new IllegalStateException("Injected failure: first attempt of a '" + point + "' task (" + PROPERTY + ")");
        }
    }

    /** Driver side: whether the current thread's jobs inject at {@code point}. */
    public static boolean enabled(SparkSession spark, String point) {
        return listed(spark.sparkContext().getLocalProperty(PROPERTY), point);
    }

    private static boolean listed(String value, String point) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (String p : value.split(",")) {
            if (p.trim().equals(point)) {
                return true;
            }
        }
        return false;
    }
}
