package io.wiretrace.pipeline.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
 * collection on a cluster. Independent steps (the table writes) can run a few at a time
 * ({@link #runAll}).
 */
final class Steps {

    /** One step for {@link #runAll}: what {@link #run} takes. */
    record Step<T>(String name, String description, Supplier<T> work, Function<T, String> summary) {}

    private static final Logger LOG = LoggerFactory.getLogger(Steps.class);

    private final SparkContext sc;
    private final Progress progress;
    private final Map<String, Long> timings = Collections.synchronizedMap(new LinkedHashMap<>());

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

    /**
     * Runs independent steps, up to {@code parallel} at a time; their results in the order given.
     * Each runs as {@link #run} does, under its own job group. After a failure no further step
     * starts and the running steps' Spark jobs are cancelled; the first failure is thrown once
     * every started step has ended.
     */
    <T> List<T> runAll(List<Step<T>> all, int parallel) {
        List<T> out = new ArrayList<>();
        if (parallel <= 1 || all.size() <= 1) {
            all.forEach(s -> out.add(run(s.name(), s.description(), s.work(), s.summary())));
            return out;
        }
        // The pool's threads are started by this thread, so each inherits its Spark local
        // properties (the scheduler pool; fault injection in tests) and its active session.
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, all.size()), r -> {
            Thread t = new Thread(r, "wiretrace-step-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Set<String> active = ConcurrentHashMap.newKeySet();
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Step<T> s : all) {
                futures.add(pool.submit(() -> {
                    if (failure.get() != null) {
                        return null; // not started: an earlier step failed
                    }
                    active.add(s.name());
                    try {
                        return run(s.name(), s.description(), s.work(), s.summary());
                    } catch (RuntimeException | Error e) {
                        if (failure.compareAndSet(null, e)) {
                            active.stream().filter(n -> !n.equals(s.name()))
                                    .forEach(n -> sc.cancelJobGroup("wiretrace:" + n));
                        }
                        throw e;
                    } finally {
                        active.remove(s.name());
                    }
                }));
            }
            for (Future<T> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    // The first failure is thrown below; later ones are its consequences.
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for steps", e);
        } finally {
            pool.shutdownNow();
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException r) {
            throw r;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        return out;
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
        synchronized (timings) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(timings));
        }
    }
}
