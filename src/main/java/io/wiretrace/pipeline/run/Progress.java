package io.wiretrace.pipeline.run;

import java.io.PrintStream;
import java.util.Locale;
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
 * those submitted so far in that step. When the console is a terminal, Spark's own progress bar
 * shows the tasks and the periodic lines are left out.
 */
public final class Progress implements AutoCloseable {

    /** Seconds between "still running" lines of a long step. */
    static final int TICK_SECONDS = 20;

    private final PrintStream out;
    private final SparkContext sc;
    private final TaskCounter tasks = new TaskCounter();
    private final ScheduledExecutorService ticker;
    private volatile String step;
    private volatile long stepStartNanos;
    private volatile long lastTickNanos;

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

    /** A step starts: one line, and the task counter starts from zero. */
    public void start(String name, String description) {
        tasks.reset();
        stepStartNanos = System.nanoTime();
        lastTickNanos = stepStartNanos;
        step = name;
        out.printf("wiretrace: %-24s %s%n", "[" + name + "]", description);
    }

    /** The step ended; {@code summary} (may be empty) says what it produced. */
    public void end(String name, long millis, String summary) {
        step = null;
        out.printf("wiretrace: %-24s done in %s%s%n", "[" + name + "]", seconds(millis),
                summary == null || summary.isEmpty() ? "" : " — " + summary);
    }

    /** A note that is not a step (a stage that did less, and why). */
    public void note(String name, String message) {
        out.printf("wiretrace: %-24s %s%n", "[" + name + "]", message);
    }

    private void tick() {
        String current = step;
        long now = System.nanoTime();
        if (current == null || now - lastTickNanos < TimeUnit.SECONDS.toNanos(TICK_SECONDS)) {
            return;
        }
        lastTickNanos = now;
        out.printf("wiretrace: %-24s running %s: %,d of %,d tasks submitted so far done%n", "[" + current + "]",
                seconds((now - stepStartNanos) / 1_000_000), tasks.done.get(), tasks.submitted.get());
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
