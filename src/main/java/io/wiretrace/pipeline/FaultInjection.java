package io.wiretrace.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-only fault injection, off unless a test asks for it. Three kinds:
 * <ul>
 *   <li>{@link #FAIL} — Spark local property, a comma-separated list of points ({@code ingest},
 *   {@code syndication}, {@code topics}, {@code write} — every table — or {@code write_TABLE}): the
 *   first attempt of each stage's partition-0 task throws at those points, so Spark retries it
 *   (with {@code local[N,F]} or {@code spark.task.maxFailures} > 1).</li>
 *   <li>{@link #SLOW} — Spark local property {@code point:millis,...}: the first attempt of each
 *   stage's partition-0 task sleeps that long at those points (a straggler, for speculation).</li>
 *   <li>{@link #HALT} — JVM system property {@code write:N} or {@code commit:N}: the driver halts
 *   the JVM (as {@code kill -9} would: no finally blocks, no shutdown hooks) after the N-th table
 *   written into staging, or after the N-th table step of the commit.</li>
 * </ul>
 * The task properties travel with every job of the thread that sets them. Under spark-submit,
 * where a test cannot reach the driver's threads, {@code --conf spark.wiretrace.faults.<name>=...}
 * sets them ({@link #fromConf}). Tests then prove that retried, duplicated or killed work changes
 * neither the reports nor the manifest counts.
 *
 * <p>The two ways in from outside the JVM — {@code --conf spark.wiretrace.faults.*} and the halt
 * system property — only work together with the testing flag ({@link #TESTING}, as
 * {@code --conf spark.wiretrace.testing=true} or {@code -Dwiretrace.testing=true}): a production
 * job given a stray fault setting logs a warning and ignores it.
 */
public final class FaultInjection {

    /** Local property naming the points that fail their first attempt. */
    public static final String FAIL = "wiretrace.faults.failFirstAttempt";
    /** Local property {@code point:millis,...}: points whose first attempt is slow. */
    public static final String SLOW = "wiretrace.faults.slowFirstAttempt";
    /** System property {@code write:N} or {@code commit:N}: where the driver halts the JVM. */
    public static final String HALT = "wiretrace.faults.haltAt";
    /** The testing flag: a system property, or a Spark setting with the {@code spark.} prefix. */
    public static final String TESTING = "wiretrace.testing";
    /** Exit status of a halted driver (that of a process killed by SIGKILL). */
    public static final int HALT_STATUS = 137;

    private static final Map<String, AtomicInteger> DRIVER_STEPS = new ConcurrentHashMap<>();
    private static final AtomicBoolean HALT_WARNED = new AtomicBoolean();
    private static final Logger LOG = LoggerFactory.getLogger(FaultInjection.class);

    private FaultInjection() {}

    /** Called inside tasks at injection point {@code point}; a no-op unless a property lists it. */
    public static void maybeFail(String point) {
        TaskContext tc = TaskContext.get();
        if (tc == null || tc.attemptNumber() > 0 || tc.partitionId() != 0) {
            return;
        }
        long millis = slowMillis(tc.getLocalProperty(SLOW), point);
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                // Killed because another attempt won: stop here, the result is discarded anyway.
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Injected straggler interrupted", e);
            }
        }
        if (listed(tc.getLocalProperty(FAIL), point)) {
            throw new IllegalStateException("Injected failure: first attempt of a '" + point + "' task (" + FAIL + ")");
        }
    }

    /** Driver side: whether the current thread's jobs inject anything at {@code point}. */
    public static boolean enabled(SparkSession spark, String point) {
        return listed(spark.sparkContext().getLocalProperty(FAIL), point)
                || slowMillis(spark.sparkContext().getLocalProperty(SLOW), point) > 0;
    }

    /**
     * Driver side, once after the session starts: copies {@code spark.wiretrace.faults.*} from the
     * Spark configuration (spark-submit {@code --conf}) into the current thread's local properties.
     */
    public static void fromConf(SparkSession spark) {
        fromConf(spark.sparkContext().getConf(), Boolean.getBoolean(TESTING)).forEach(spark.sparkContext()::setLocalProperty);
    }

    /**
     * The local properties that {@code spark.wiretrace.faults.*} settings ask for: none, with a
     * warning, unless the testing flag is on (in the Spark settings or as {@code testingProperty}).
     */
    static Map<String, String> fromConf(SparkConf conf, boolean testingProperty) {
        boolean testing = testingProperty || conf.getBoolean("spark." + TESTING, false);
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : new String[] {FAIL, SLOW}) {
            if (!conf.contains("spark." + key)) {
                continue;
            }
            if (testing) {
                out.put(key, conf.get("spark." + key));
            } else {
                LOG.warn("Ignoring spark.{}: fault injection is for tests only (set spark.{}=true to use it)", key, TESTING);
            }
        }
        return out;
    }

    /** Driver side: halts the JVM at the N-th call for {@code point} when {@link #HALT} asks for it. */
    public static void maybeHalt(String point) {
        String spec = System.getProperty(HALT);
        if (spec == null || !spec.startsWith(point + ":")) {
            return;
        }
        if (!Boolean.getBoolean(TESTING)) {
            if (HALT_WARNED.compareAndSet(false, true)) {
                LOG.warn("Ignoring -D{}: fault injection is for tests only (set -D{}=true to use it)", HALT, TESTING);
            }
            return;
        }
        int n = DRIVER_STEPS.computeIfAbsent(point, k -> new AtomicInteger()).incrementAndGet();
        if (n == Integer.parseInt(spec.substring(point.length() + 1).trim())) {
            System.err.println("wiretrace: injected halt at " + point + " step " + n + " (" + HALT + ")");
            System.err.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
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

    private static long slowMillis(String value, String point) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        for (String p : value.split(",")) {
            String[] kv = p.trim().split(":");
            if (kv.length == 2 && kv[0].equals(point)) {
                return Long.parseLong(kv[1].trim());
            }
        }
        return 0;
    }
}
