package io.wiretrace.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.eval.PartitionMetrics;
import io.wiretrace.pipeline.eval.TopicEval;
import io.wiretrace.pipeline.run.RunDates;
import io.wiretrace.pipeline.run.RunJob;
import io.wiretrace.pipeline.run.RunResult;
import io.wiretrace.pipeline.run.SparkSessions;
import io.wiretrace.pipeline.syndication.SyndicationStage;
import io.wiretrace.pipeline.topics.TopicStage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code scripts/bench topics}:
 * <ul>
 *   <li>{@code --data reuters|agnews [--seeds 0,1,2] [--no-baseline] [--set k=v ...]}: for each
 *       seed, a full {@code wiretrace run} of the real labelled corpus with {@code topics.k} = the
 *       number of labelled topics, scored by {@code eval topics}; side by side, scikit-learn's
 *       TF-IDF + KMeans recipe ({@code ../shared/tools/sklearn_topics_baseline.py}) on the same
 *       documents, k and seed. Prints every score and the means.</li>
 *   <li>{@code --articles N [--set k=v ...]}: the topic stage alone on a generated corpus (after
 *       ingest, dedup and syndication, which are not timed): time, time per article, peak heap,
 *       and the scores against the generator's topics.</li>
 * </ul>
 */
final class TopicBench {

    private record Labelled(String name, String corpus, String truth, int k) {}

    private TopicBench() {}

    static void run(String[] args) throws Exception {
        List<String> sets = new ArrayList<>(List.of("spark.conf.spark.ui.enabled=false"));
        String data = null;
        String seeds = "0,1,2";
        int articles = 0;
        boolean baseline = true;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> sets.add(args[++i]);
                case "--data" -> data = args[++i];
                case "--seeds" -> seeds = args[++i];
                case "--articles" -> articles = Integer.parseInt(args[++i].replace("_", "").replace(",", ""));
                case "--no-baseline" -> baseline = false;
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
        }
        if (data != null) {
            labelled(data, seeds, baseline, sets);
        } else {
            generated(articles > 0 ? articles : 100_000, sets);
        }
    }

    static Path shared() {
        return Path.of(System.getProperty("wiretrace.shared.dir", "../shared"));
    }

    private static Labelled dataset(String name) {
        Path s = shared().resolve("data");
        return switch (name) {
            case "reuters" -> new Labelled("Reuters-21578 top-10", s.resolve("reuters21578/reuters_top10.jsonl").toString(),
                    s.resolve("reuters21578/reuters_top10.topics.csv").toString(), 10);
            case "agnews" -> new Labelled("AG News test", s.resolve("ag_news_test/ag_news_test.jsonl").toString(),
                    s.resolve("ag_news_test/ag_news_test.topics.csv").toString(), 4);
            default -> throw new IllegalArgumentException("unknown data set: " + name + " (reuters or agnews)");
        };
    }

    private static final String[] METRICS = {"nmi", "ari", "v_measure", "homogeneity", "completeness", "purity"};

    static void labelled(String name, String seedList, boolean baseline, List<String> sets) throws Exception {
        Labelled d = dataset(name);
        if (!Files.exists(Path.of(d.corpus()))) {
            throw new IllegalStateException("Cannot run the topics benchmark: " + d.corpus() + " is missing");
        }
        Map<String, List<Double>> ours = new TreeMap<>();
        Map<String, List<Double>> theirs = new TreeMap<>();
        List<Double> ourSeconds = new ArrayList<>();
        List<Double> theirSeconds = new ArrayList<>();
        SparkSession spark = null;
        for (String seed : seedList.split(",")) {
            List<String> overrides = new ArrayList<>(sets);
            overrides.add("topics.k=" + d.k());
            overrides.add("topics.seed=" + seed.trim());
            WiretraceConfig cfg = ConfigLoader.load(null, overrides);
            if (spark == null) {
                spark = SparkSessions.create(cfg);
                spark.sparkContext().setLogLevel("WARN");
            }
            String out = Path.of("target/bench/topics-" + name + "-" + seed.trim()).toAbsolutePath().toString();
            RunResult r = new RunJob(spark, new RunJob.Request(cfg, List.of(d.corpus()), out, true, "bench-" + seed,
                    RunDates.resolve(null, java.time.Clock.systemUTC()))).run();
            TopicEval.Outcome o = TopicEval.run(spark, out, d.truth());
            PartitionMetrics.Scores s = o.scores();
            double secs = r.timingsMs().getOrDefault("topics", 0L) / 1000.0;
            ourSeconds.add(secs);
            double[] v = {s.nmi(), s.ari(), s.vMeasure(), s.homogeneity(), s.completeness(), s.purity()};
            for (int i = 0; i < METRICS.length; i++) {
                ours.computeIfAbsent(METRICS[i], x -> new ArrayList<>()).add(v[i]);
            }
            System.out.printf("wiretrace  seed %s: docs=%d k=%d nmi=%.4f ari=%.4f v_measure=%.4f homogeneity=%.4f"
                            + " completeness=%.4f purity=%.4f topic_stage_seconds=%.1f%n", seed.trim(), s.items(), d.k(),
                    v[0], v[1], v[2], v[3], v[4], v[5], secs);
            if (baseline) {
                Map<String, Double> b = sklearn(d, seed.trim());
                for (String m : METRICS) {
                    theirs.computeIfAbsent(m, x -> new ArrayList<>()).add(b.get(m));
                }
                theirSeconds.add(b.get("seconds"));
            }
            System.out.flush();
        }
        System.out.printf("%s, k=%d, mean over seeds %s:%n", d.name(), d.k(), seedList);
        System.out.printf("  %-10s %s seconds=%.1f%n", "wiretrace", means(ours), mean(ourSeconds));
        if (baseline) {
            System.out.printf("  %-10s %s seconds=%.1f%n", "sklearn", means(theirs), mean(theirSeconds));
        }
        if (spark != null) {
            spark.stop();
        }
    }

    private static String means(Map<String, List<Double>> scores) {
        StringBuilder sb = new StringBuilder();
        for (String m : METRICS) {
            sb.append(String.format("%s=%.4f ", m, mean(scores.get(m))));
        }
        return sb.toString().trim();
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static final Pattern KV = Pattern.compile("([a-z_]+)=([0-9.]+)");

    /** Runs the scikit-learn recipe and parses its one-line result. */
    static Map<String, Double> sklearn(Labelled d, String seed) throws Exception {
        Path script = shared().resolve("tools/sklearn_topics_baseline.py");
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), d.corpus(), d.truth(), Integer.toString(d.k()),
                "--seed", seed).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                out.append(line).append('\n');
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("Cannot run the scikit-learn baseline (apt-get install -y python3-sklearn): " + out);
        }
        String last = out.toString().strip();
        last = last.substring(last.lastIndexOf('\n') + 1);
        System.out.printf("sklearn    seed %s: %s%n", seed, last);
        Map<String, Double> m = new TreeMap<>();
        Matcher mt = KV.matcher(last);
        while (mt.find()) {
            m.put(mt.group(1), Double.parseDouble(mt.group(2)));
        }
        return m;
    }

    static void generated(int n, List<String> sets) throws Exception {
        Path dir = Bench.corpus(n, 42);
        WiretraceConfig cfg = ConfigLoader.load(null, sets);
        SparkSession spark = SparkSessions.create(cfg);
        spark.sparkContext().setLogLevel("WARN");
        Dataset<Row> kept = Bench.articles(spark, dir, cfg);
        long docs = kept.count();
        Dataset<Row> articles = kept;
        if (cfg.syndication().enabled()) {
            SyndicationStage.Result syn = SyndicationStage.run(kept, cfg.syndication());
            articles = kept.join(syn.assignments(), "article_id", "left").persist(StorageLevel.MEMORY_AND_DISK());
            articles.count();
        }
        System.out.printf("corpus: %,d articles, %d cores; topic stage config: %s%n", docs,
                Runtime.getRuntime().availableProcessors(), ConfigLoader.toTree(cfg).get("topics"));
        int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
        Dataset<Row> input = articles;
        try (Bench.HeapWatch heap = new Bench.HeapWatch()) {
            Bench.Measured<TopicStage.Result> m = Bench.measure(heap, () -> {
                TopicStage.Result r = TopicStage.run(spark, input, cfg.topics(), partitions);
                Dataset<Row> a = r.assignments().persist(StorageLevel.MEMORY_AND_DISK());
                a.count();
                return new TopicStage.Result(a, r.topics(), r.counts(), r.cached(), r.skippedReason());
            });
            System.out.printf("wiretrace topics: %.1f s (%.3f ms/article), peak heap %,d MiB, counts %s%n", m.seconds(),
                    m.seconds() * 1000 / docs, m.peakMiB(), m.value().counts());
            m.value().topics().forEach(t -> System.out.printf("  topic %d: %s | %s%n", t.topicId(), t.label(), t.centralTitle()));
            Dataset<Row> truth = spark.read().option("header", "true").csv(dir.resolve("truth/topics.csv").toString())
                    .select(col("id").as("source_id"), col("topic"));
            PartitionMetrics pm = new PartitionMetrics();
            for (Row r : kept.select("article_id", "source_id").join(truth, "source_id")
                    .join(m.value().assignments(), "article_id")
                    .groupBy("topic", "topic_id").agg(count(lit(1))).collectAsList()) {
                pm.add(r.getString(0), r.isNullAt(1) ? "none" : Integer.toString(r.getInt(1)), r.getLong(2));
            }
            PartitionMetrics.Scores s = pm.scores();
            System.out.printf("vs generator topics: nmi=%.4f ari=%.4f v_measure=%.4f purity=%.4f (%d classes, %d clusters)%n",
                    s.nmi(), s.ari(), s.vMeasure(), s.purity(), s.classes(), s.clusters());
        }
        spark.stop();
    }
}
