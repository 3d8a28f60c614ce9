package io.wiretrace.pipeline.run;

import io.wiretrace.config.WiretraceConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Creates the SparkSession, and the session each run works in.
 *
 * <p>Every setting here is a default: whatever the operator passed to spark-submit (or in
 * spark-defaults.conf) wins, because {@link SparkConf} already holds those and only missing keys
 * are filled. A session that already exists (an embedding application's, a notebook's, a test's)
 * is never changed: {@link #create} hands it back as it is, and each run works in a session of its
 * own on the same SparkContext ({@link #forRun}) — where wiretrace's SQL settings, and whatever a
 * run changes for its layout, stay.
 */
public final class SparkSessions {

    private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);

    /** Work on a session; may throw what the work throws. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(SparkSession spark) throws Exception;
    }

    private SparkSessions() {}

    /**
     * Runs {@code work} on a run session ({@link #forRun}) of the session of {@code config}
     * ({@link #create}), then stops the session only if this call started it: an embedding
     * application (or a test) that owns a session keeps it running, with its settings as they were.
     */
    public static <T> T using(WiretraceConfig config, Work<T> work) throws Exception {
        boolean own = existing().isEmpty();
        SparkSession spark = create(config);
        try {
            return work.apply(forRun(spark, config));
        } finally {
            if (own) {
                spark.stop();
            }
        }
    }

    /**
     * The session to run on: the one that exists, untouched (a builder's {@code getOrCreate} would
     * apply every non-static option to it, changing the caller's session behind its back), else a
     * new one with wiretrace's defaults under whatever spark-submit set.
     */
    public static SparkSession create(WiretraceConfig config) {
        Optional<SparkSession> existing = existing();
        if (existing.isPresent()) {
            LOG.info("Using the existing Spark session; wiretrace's settings apply to each run's own session");
            return existing.get();
        }
        SparkConf conf = new SparkConf();
        WiretraceConfig.Spark s = config.spark();
        conf.setIfMissing("spark.master", s.master());
        conf.setIfMissing("spark.app.name", s.appName());
        // Spark's task progress bar only on a terminal: in logs and schedulers its carriage returns
        // are noise, and wiretrace prints its own progress lines there (see Progress).
        conf.setIfMissing("spark.ui.showConsoleProgress", Boolean.toString(System.console() != null));
        settings(config).forEach(conf::setIfMissing);
        return SparkSession.builder().config(conf).getOrCreate();
    }

    /**
     * A session of the run's own on {@code caller}'s SparkContext (same executors, same cache, same
     * catalog): the caller's SQL settings, then wiretrace's where the caller set none. What the run
     * sets on it (its layout) never reaches the caller's session, nor another run's.
     */
    public static SparkSession forRun(SparkSession caller, WiretraceConfig config) {
        SparkSession run = caller.newSession();
        Map<String, String> callers = CollectionConverters.asJava(caller.conf().getAll());
        callers.forEach((key, value) -> {
            if (run.conf().isModifiable(key)) {
                run.conf().set(key, value);
            }
        });
        TreeSet<String> ignored = new TreeSet<>();
        settings(config).forEach((key, value) -> {
            if (callers.containsKey(key)) {
                return;
            }
            if (run.conf().isModifiable(key)) {
                run.conf().set(key, value);
            } else {
                ignored.add(key);
            }
        });
        if (!ignored.isEmpty()) {
            LOG.warn("Ignoring Spark settings {}: they apply only when a Spark application starts, and this run "
                    + "joins one that is running", ignored);
        }
        return run;
    }

    /**
     * wiretrace's own Spark settings: the configuration's {@code spark.conf} entries, then the SQL
     * settings every run needs (those the configuration names win).
     */
    static Map<String, String> settings(WiretraceConfig config) {
        WiretraceConfig.Spark s = config.spark();
        Map<String, String> out = new LinkedHashMap<>(s.conf());
        int partitions = s.shufflePartitions() > 0 ? s.shufflePartitions()
                : Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        out.putIfAbsent("spark.sql.shuffle.partitions", Integer.toString(partitions));
        // BI readers: INT64 microsecond timestamps (INT96 is deprecated and misread), UTC semantics.
        out.putIfAbsent("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        out.putIfAbsent("spark.sql.session.timeZone", "UTC");
        out.putIfAbsent("spark.sql.sources.partitionOverwriteMode", "dynamic");
        return out;
    }

    private static Optional<SparkSession> existing() {
        scala.Option<SparkSession> active = SparkSession.getActiveSession();
        scala.Option<SparkSession> session = active.isDefined() ? active : SparkSession.getDefaultSession();
        return session.isDefined() ? Optional.of(session.get()) : Optional.empty();
    }
}
