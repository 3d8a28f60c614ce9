package io.wiretrace.pipeline.run;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress a person can follow on the console (standard error): a line when a pipeline step
 * starts, a line when it ends (elapsed time and what it produced), and, while a step runs longer
 * than {@link #TICK_SECONDS}, a line every {@link #TICK_SECONDS} with the Spark tasks done out of
 * those submitted so far in that step. Steps may run at the same time (the table writes): the
 * periodic line then names the longest-running one and how many others run with it, and counts
 * the tasks since the first of them started. When the console is a terminal, Spark's own progress
 * bar shows the tasks and the periodic lines are left out.
 */
public final class Progress implements AutoCloseable {

    /** Seconds between "still running" lines of a long step. */
    static final int TICK_SECONDS = 20;

    private final PrintStream out;
    private final SparkContext sc;
    private final TaskCounter tasks = new TaskCounter();
    private final ScheduledExecutorService ticker;
    /** Steps running now, by start time (guarded by this). */
    private final Map<String, Long> running = new LinkedHashMap<>();
    private long lastTickNanos;

    /**
     * @param periodic whether to print the periodic task lines (false when Spark draws its
     *                 progress bar on a terminal)
     */
    public Progress(SparkContext sc, PrintStream out, boolean periodic) {
        this.out = out;
        this.sc = sc;
        sc.addSparkListener(tasks);
        if (periodic) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "wiretrace-progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        } else {
            ticker = null;
        }
    }

    /** A step starts: one line, and the task counter starts from zero unless other steps run. */
    public synchronized void start(String name, String description) {
        long now = System.nanoTime();
        if (running.isEmpty()) {
            tasks.reset();
            lastTickNanos = now;
        }
        running.put(name, now);
        out.printf("wiretrace: %-24s %s%n", "[" + name + "]", description);
    }

    /** The step ended; {@code summary} (may be empty) says what it produced. */
    public synchronized void end(String name, long millis, String summary) {
        running.remove(name);
        out.printf("wiretrace: %-24s done in %s%s%n", "[" + name + "]", seconds(millis),
                summary == null || summary.isEmpty() ? "" : " — " + summary);
    }

    /** A note that is not a step (a stage that did less, and why). */
    public synchronized void note(String name, String message) {
        out.printf("wiretrace: %-24s %s%n", "[" + name + "]", message);
    }

    private synchronized void tick() {
        long now = System.nanoTime();
        if (running.isEmpty() || now - lastTickNanos < TimeUnit.SECONDS.toNanos(TICK_SECONDS)) {
            return;
        }
        lastTickNanos = now;
        Map.Entry<String, Long> first = running.entrySet().iterator().next();
        String others = running.size() == 1 ? "" : " (with " + (running.size() - 1) + " more)";
        out.printf("wiretrace: %-24s running %s%s: %,d of %,d tasks submitted so far done%n", "[" + first.getKey() + "]",
                seconds((now - first.getValue()) / 1_000_000), others, tasks.done.get(), tasks.submitted.get());
    }

    static String seconds(long millis) {
        return millis < 60_000 ? String.format(Locale.ROOT, "%.1f s", millis / 1000.0)
                : String.format(Locale.ROOT, "%d min %02d s", millis / 60_000, (millis / 1000) % 60);
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        sc.removeSparkListener(tasks);
    }

    /** Tasks submitted and finished since the step started (the listener bus calls it from one thread). */
    private static final class TaskCounter extends SparkListener {
        final AtomicLong submitted = new AtomicLong();
        final AtomicLong done = new AtomicLong();

        void reset() {
            submitted.set(0);
            done.set(0);
        }

        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted e) {
            submitted.addAndGet(e.stageInfo().numTasks());
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd e) {
            done.incrementAndGet();
        }
    }
}
