package io.wiretrace.pipeline.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each pipeline step under a named Spark job group ({@code wiretrace:<step>}, so the Spark
 * UI reads like the pipeline), times it, and prints its start and end lines. Every step of a run
 * goes through {@link #run}; the timings end up in the manifest and the run summary. The console
 * lines are for a person following the run; the same events go to the log (logger
 * {@code io.wiretrace.pipeline.run.Steps}: DEBUG per step, WARN for a failed step) for log
 * collection on a cluster.
 */
final class Steps {

    private static final Logger LOG = LoggerFactory.getLogger(Steps.class);

    private final SparkContext sc;
    private final Progress progress;
    private final Map<String, Long> timings = new LinkedHashMap<>();

    Steps(SparkContext sc, Progress progress) {
        this.sc = sc;
        this.progress = progress;
    }

    /**
     * Runs {@code work} as step {@code step}; {@code summary} says what it produced, for the
     * step's end line. The job group is cleared and the time recorded also when the step fails.
     */
    <T> T run(String step, String description, Supplier<T> work, Function<T, String> summary) {
        sc.setJobGroup("wiretrace:" + step, description, false);
        progress.start(step, description);
        long t0 = System.nanoTime();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            LOG.warn("Step {} failed after {} ms: {}", step, (System.nanoTime() - t0) / 1_000_000, e.toString());
            throw e;
        } finally {
            timings.put(step, (System.nanoTime() - t0) / 1_000_000);
            sc.clearJobGroup();
        }
        String said = summary.apply(result);
        LOG.debug("Step {} done in {} ms{}", step, timings.get(step), said.isEmpty() ? "" : ": " + said);
        progress.end(step, timings.get(step), said);
        return result;
    }

    /** A step with nothing to summarise. */
    void run(String step, String description, Runnable work) {
        run(step, description, () -> {
            work.run();
            return null;
        }, x -> "");
    }

    /** A note that is not a step (a stage that did less than usual, and why). */
    void note(String step, String message) {
        progress.note(step, message);
    }

    /** Milliseconds per step so far, in the order the steps ran (a copy). */
    Map<String, Long> timings() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }
}
