package io.wiretrace.bench;

import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.pipeline.run.RunJob;
import io.wiretrace.pipeline.run.RunResult;
import io.wiretrace.pipeline.run.SparkSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bench job}: the whole {@code run} (every stage, every table written and committed) on a
 * generated corpus of {@code --articles N} (or on {@code --input PATH...}), in one process, as a user
 * runs it. Prints, per pipeline step: wall time, Spark jobs, tasks, shuffle bytes written; and for
 * the run: peak heap, total shuffle, cost per article (wall ms and core-ms). {@code --runs R} runs it
 * R times in the same JVM (the first run pays class loading and JIT; later runs show the pipeline's
 * own fixed cost).
 */
final class JobBench {

    private JobBench() {}

    static void run(String[] args) throws Exception {
        int articles = 20_000;
        int runs = 1;
        List<String> inputs = new ArrayList<>();
        List<String> sets = new ArrayList<>(List.of("spark.conf.spark.ui.enabled=false"));
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--input" -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        inputs.add(args[++i]);
                    }
                }
                case "--set" -> sets.add(args[++i]);
                default -> throw new IllegalArgumentException("Invalid bench job argument: " + args[i]);
            }
        }
        List<String> in = inputs.isEmpty() ? List.of(Bench.corpus(articles, 42).resolve("articles").toString()) : inputs;
        WiretraceConfig cfg = ConfigLoader.load(null, sets);
        SparkSession spark = SparkSessions.create(cfg);
        spark.sparkContext().setLogLevel("WARN");
        int cores = spark.sparkContext().defaultParallelism();
        Meter meter = new Meter();
        spark.sparkContext().addSparkListener(meter);
        Path out = Path.of(System.getProperty("wiretrace.bench.dir", "target/bench"), "job-out");
        System.out.printf("input: %s; %d cores, max heap %,d MiB%n", in, cores, Runtime.getRuntime().maxMemory() >> 20);
        try (Bench.HeapWatch heap = new Bench.HeapWatch()) {
            for (int r = 1; r <= runs; r++) {
                meter.reset();
                Bench.Measured<RunResult> m = Bench.measure(heap, () -> {
                    try {
                        return new RunJob(spark, new RunJob.Request(cfg, in, out.toString(), true,
                                "bench-" + System.nanoTime(), "2026-01-01")).run();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                report(r, m, meter, cores);
            }
        }
        spark.stop();
    }

    private static void report(int run, Bench.Measured<RunResult> m, Meter meter, int cores) {
        RunResult r = m.value();
        System.out.printf("%nrun %d: %,d records in, %,d articles; %.1f s wall, peak heap %,d MiB%n", run, r.recordsIn(),
                r.articles(), m.seconds(), m.peakMiB());
        System.out.printf("%-26s %9s %6s %7s %12s%n", "step", "seconds", "jobs", "tasks", "shuffle MiB");
        long stepsMs = 0;
        for (Map.Entry<String, Long> e : r.timingsMs().entrySet()) {
            String group = "wiretrace:" + e.getKey();
            stepsMs += e.getValue();
            System.out.printf("%-26s %9.1f %6d %7d %12.1f%n", e.getKey(), e.getValue() / 1000.0,
                    meter.jobs.getOrDefault(group, new AtomicLong()).get(), meter.tasks.getOrDefault(group, new AtomicLong()).get(),
                    meter.shuffle.getOrDefault(group, new AtomicLong()).get() / 1048576.0);
        }
        long shuffle = meter.shuffle.values().stream().mapToLong(AtomicLong::get).sum();
        long articles = Math.max(1, r.articles());
        System.out.printf(Locale.ROOT, "steps %.1f s of %.1f s wall; jobs %d; tasks %d; shuffle written %.1f MiB;"
                        + " cost per article: %.3f ms wall, %.3f core-ms, %.0f shuffle bytes%n",
                stepsMs / 1000.0, m.seconds(), meter.jobs.values().stream().mapToLong(AtomicLong::get).sum(),
                meter.tasks.values().stream().mapToLong(AtomicLong::get).sum(), shuffle / 1048576.0,
                m.seconds() * 1000 / articles, m.seconds() * 1000 * cores / articles, (double) shuffle / articles);
        r.stageNotes().forEach((k, v) -> System.out.println("note: " + k + ": " + v));
    }

    /** Jobs, tasks and shuffle bytes written, per job group (the pipeline step). */
    static final class Meter extends SparkListener {
        final Map<String, AtomicLong> jobs = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> tasks = new ConcurrentHashMap<>();
        final Map<String, AtomicLong> shuffle = new ConcurrentHashMap<>();
        private final Map<Integer, String> stageGroup = new ConcurrentHashMap<>();

        void reset() {
            jobs.clear();
            tasks.clear();
            shuffle.clear();
        }

        private static String group(java.util.Properties p) {
            String g = p == null ? null : p.getProperty("spark.jobGroup.id");
            return g == null ? "(none)" : g;
        }

        @Override
        public void onJobStart(SparkListenerJobStart e) {
            String g = group(e.properties());
            jobs.computeIfAbsent(g, k -> new AtomicLong()).incrementAndGet();
            scala.jdk.javaapi.CollectionConverters.asJava(e.stageIds()).forEach(s -> stageGroup.put((Integer) s, g));
        }

        @Override
        public void onStageSubmitted(SparkListenerStageSubmitted e) {
            stageGroup.putIfAbsent(e.stageInfo().stageId(), group(e.properties()));
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd e) {
            String g = stageGroup.getOrDefault(e.stageId(), "(none)");
            tasks.computeIfAbsent(g, k -> new AtomicLong()).incrementAndGet();
            if (e.taskMetrics() != null) {
                shuffle.computeIfAbsent(g, k -> new AtomicLong())
                        .addAndGet(e.taskMetrics().shuffleWriteMetrics().bytesWritten());
            }
        }
    }
}
