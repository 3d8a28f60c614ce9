package io.wiretrace.bench;

import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.pipeline.run.RunJob;
import io.wiretrace.pipeline.run.RunResult;
import io.wiretrace.pipeline.run.SparkSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bench incremental}: scheduled daily runs against one run over the same days. A generated
 * corpus whose stories start over {@code --days} days (pickups lag hours to days, so many cross
 * midnight) is split by publication date into one input per day; then
 * <ol>
 *   <li>one run over every day's input (window 0: a run on its own);</li>
 *   <li>one run per day, in order, each with its own run date (the story index window as configured);</li>
 *   <li>the last day's input once more, on its own (no index): the index's cost at equal volume;</li>
 *   <li>day 4 and day 5 run again with --overwrite.</li>
 * </ol>
 * It prints the story co-membership pairwise F1 between the two (over all articles), origins that
 * agree, whether the day-1 story ids are unchanged after the last day, the cost of each daily run,
 * and whether the re-runs left days 1–3 byte-equal and days 4–5 with the same rows.
 */
final class IncrementalBench {

    private static final LocalDate DAY_1 = DailyRuns.DAY_1;

    private IncrementalBench() {}

    static void run(String[] args) throws Exception {
        int articles = 100_000;
        int days = 7;
        String data = null;
        List<String> sets = new ArrayList<>(List.of("spark.conf.spark.ui.enabled=false"));
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--articles" -> articles = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--set" -> sets.add(args[++i]);
                case "--data" -> data = args[++i];
                default -> throw new IllegalArgumentException("Invalid bench incremental argument: " + args[i]);
            }
        }
        if ("counter".equals(data)) {
            counter(sets);
            return;
        }
        Path base = Path.of(System.getProperty("wiretrace.bench.dir", "target/bench"));
        Path corpus = base.resolve("gen-" + articles + "-42-d" + days);
        if (!Files.exists(corpus.resolve("_COMPLETE"))) {
            new CorpusGenerator(new CorpusGenerator.Settings(articles, 42, 0.0, 50_000, null, false, days)).generate(corpus);
            Files.writeString(corpus.resolve("_COMPLETE"), "ok\n");
        }
        WiretraceConfig cfg = ConfigLoader.load(null, sets);
        List<String> single = new ArrayList<>(sets);
        single.add("syndication.window_days=0");
        WiretraceConfig alone = ConfigLoader.load(null, single);
        SparkSession spark = SparkSessions.create(cfg);
        spark.sparkContext().setLogLevel("WARN");
        Path split = base.resolve("incremental-" + articles + "-d" + days);
        int lastDay = DailyRuns.split(spark, corpus, split, days, cfg);

        Path outAll = base.resolve("incremental-out-all");
        Path outDaily = base.resolve("incremental-out-daily");
        List<String> allInputs = new ArrayList<>();
        for (int d = 0; d <= lastDay; d++) {
            allInputs.add(split.resolve("day=" + d).toString());
        }
        double allS = time(() -> run(spark, alone, allInputs, outAll, DAY_1.plusDays(lastDay).toString()));
        System.out.printf(Locale.ROOT, "one run over %d days: %.1f s%n", lastDay + 1, allS);
        System.out.printf("%-12s %10s %10s %9s %14s%n", "run date", "articles", "seconds", "ms/art", "index dates");
        double[] secs = new double[lastDay + 1];
        long[] counts = new long[lastDay + 1];
        for (int d = 0; d <= lastDay; d++) {
            String date = DAY_1.plusDays(d).toString();
            RunResult[] r = new RunResult[1];
            int day = d;
            secs[d] = time(() -> r[0] = run(spark, cfg, List.of(split.resolve("day=" + day).toString()), outDaily, date));
            counts[d] = r[0].articles();
            System.out.printf(Locale.ROOT, "%-12s %,10d %10.1f %9.3f %14d%n", date, counts[d], secs[d],
                    secs[d] * 1000 / Math.max(1, counts[d]), Math.min(d, cfg.syndication().windowDays()));
        }
        DailyRuns.Agreement ag = DailyRuns.compare(spark, outAll, outDaily);
        System.out.printf(Locale.ROOT, "daily vs one run: %,d articles; co-membership pairwise precision %.4f, recall %.4f,"
                + " F1 %.4f; origin equal %.4f; story id equal %.4f%n", ag.articles(), ag.precision(), ag.recall(), ag.f1(),
                ag.originEqual(), ag.storyIdEqual());
        List<Long> day1Before = DailyRuns.rowHashes(spark, outDaily.resolve("articles/run_date=" + DAY_1), "article_id",
                "story_id", "origin_article_id");
        System.out.printf(Locale.ROOT, "cost: last day / day 1 = %.2f per article (%.3f vs %.3f ms)%n",
                (secs[lastDay] / counts[lastDay]) / (secs[0] / counts[0]), secs[lastDay] * 1000 / counts[lastDay],
                secs[0] * 1000 / counts[0]);
        // Equal volume: the last day's input once more, as a first day (no index to read).
        String lastInput = split.resolve("day=" + lastDay).toString();
        double fresh = time(() -> run(spark, alone, List.of(lastInput), base.resolve("incremental-out-last-alone"),
                DAY_1.plusDays(lastDay).toString()));
        System.out.printf(Locale.ROOT, "cost: last day with its window / the same input without an index = %.2f"
                + " (%.1f s vs %.1f s)%n", secs[lastDay] / fresh, secs[lastDay], fresh);
        rerun(spark, cfg, split, outDaily, lastDay);
        System.out.println("day-1 story ids unchanged after the last day and the re-runs: "
                + day1Before.equals(DailyRuns.rowHashes(spark, outDaily.resolve("articles/run_date=" + DAY_1), "article_id",
                "story_id", "origin_article_id")));
        spark.stop();
    }

    /**
     * {@code --data counter}: ../shared/data/counter_urdu split by news date (published_at), one run
     * per date in order, against one run over all of it: the copy pairs found, compared as sets.
     * Records without a date go to the last date.
     */
    private static void counter(List<String> sets) throws IOException {
        Path source = Path.of("../shared/data/counter_urdu/counter.jsonl");
        if (!Files.exists(source)) {
            System.out.println("counter: " + source + " not found; skipped");
            return;
        }
        Path base = Path.of(System.getProperty("wiretrace.bench.dir", "target/bench"), "incremental-counter");
        java.util.TreeMap<String, List<String>> byDate = new java.util.TreeMap<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> undated = new ArrayList<>();
        List<String> records = Files.readAllLines(source);
        for (String line : records) {
            com.fasterxml.jackson.databind.JsonNode r = json.readTree(line);
            String t = r.path("published_at").asText("");
            if (t.length() >= 10 && validDate(t.substring(0, 10))) {
                byDate.computeIfAbsent(t.substring(0, 10), k -> new ArrayList<>()).add(line);
            } else {
                undated.add(line);
            }
        }
        byDate.lastEntry().getValue().addAll(undated);
        List<String> all = new ArrayList<>();
        for (var e : byDate.entrySet()) {
            Path f = base.resolve("in/" + e.getKey() + "/part.jsonl");
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
            all.add(f.getParent().toString());
        }
        WiretraceConfig cfg = ConfigLoader.load(null, sets);
        List<String> single = new ArrayList<>(sets);
        single.add("syndication.window_days=0");
        SparkSession spark = SparkSessions.create(cfg);
        spark.sparkContext().setLogLevel("WARN");
        Path outAll = base.resolve("out-all");
        Path outDaily = base.resolve("out-daily");
        double allS = time(() -> run(spark, ConfigLoader.load(null, single), all, outAll, byDate.lastKey()));
        long t0 = System.nanoTime();
        for (String date : byDate.keySet()) {
            run(spark, cfg, List.of(base.resolve("in/" + date).toString()), outDaily, date);
        }
        double dailyS = (System.nanoTime() - t0) / 1e9;
        String copies = "relation = 'copy'";
        var one = spark.read().parquet(outAll.resolve("syndication_pairs").toString()).filter(copies)
                .select("article_id_a", "article_id_b");
        var daily = spark.read().parquet(outDaily.resolve("syndication_pairs").toString()).filter(copies)
                .select("article_id_a", "article_id_b");
        long both = one.intersect(daily).count();
        System.out.printf(Locale.ROOT, "counter: %d records over %d news dates; one run %.1f s, %d daily runs %.1f s%n",
                records.size(), byDate.size(), allS, byDate.size(), dailyS);
        System.out.printf(Locale.ROOT, "counter copy pairs: one run %d, daily runs %d, in both %d (only one run %d,"
                + " only daily %d)%n", one.count(), daily.count(), both, one.count() - both, daily.count() - both);
        spark.stop();
    }

    /** Real data has dates like 2014-09-31: those records count as undated. */
    private static boolean validDate(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static RunResult run(SparkSession spark, WiretraceConfig cfg, List<String> in, Path out, String date) {
        try {
            return new RunJob(spark, new RunJob.Request(cfg, in, out.toString(), true, "bench-" + System.nanoTime(),
                    date)).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Re-runs days 4 and 5 (--overwrite); days 1–3 must be byte-equal, days 4–5 the same rows. */
    private static void rerun(SparkSession spark, WiretraceConfig cfg, Path split, Path out, int lastDay)
            throws IOException {
        if (lastDay < 4) {
            return;
        }
        List<String> tables = List.of("articles", "stories", "story_spread", "syndication_pairs", "outlet_overlap",
                "outlet_summary", "story_index");
        List<Object> before = snapshot(spark, out, tables);
        for (int d = 3; d <= 4; d++) {
            run(spark, cfg, List.of(split.resolve("day=" + d).toString()), out, DAY_1.plusDays(d).toString());
        }
        List<Object> after = snapshot(spark, out, tables);
        System.out.println("re-run of days 4 and 5: days 1-3 byte-equal " + before.get(0).equals(after.get(0))
                + "; days 4-5 same rows " + before.get(1).equals(after.get(1)));
    }

    /** Days 1–3 of every table as file hashes, days 4–5 as row hashes. */
    private static List<Object> snapshot(SparkSession spark, Path out, List<String> tables) throws IOException {
        List<String> files = new ArrayList<>();
        List<List<Long>> rows = new ArrayList<>();
        for (String t : tables) {
            for (int d = 0; d < 5; d++) {
                Path p = out.resolve(t + "/run_date=" + DAY_1.plusDays(d));
                if (d < 3) {
                    files.add(DailyRuns.treeHash(p));
                } else {
                    rows.add(DailyRuns.rowHashes(spark, p));
                }
            }
        }
        return List.of(files, rows);
    }
}
