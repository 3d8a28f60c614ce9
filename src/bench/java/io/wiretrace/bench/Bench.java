package io.wiretrace.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.InputFormat;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.generate.CorpusGenerator;
import io.wiretrace.core.syndication.ArticleFeatures;
import io.wiretrace.core.syndication.MinHashSketcher;
import io.wiretrace.core.syndication.Shingler;
import io.wiretrace.pipeline.dedup.ExactDedupStage;
import io.wiretrace.pipeline.ingest.IngestStage;
import io.wiretrace.pipeline.ingest.InputPlan;
import io.wiretrace.pipeline.ingest.InputPlanner;
import io.wiretrace.pipeline.normalize.NormalizeStage;
import io.wiretrace.pipeline.run.SparkSessions;
import io.wiretrace.pipeline.syndication.SyndicationStage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Benchmarks, run by {@code scripts/bench}:
 * <ul>
 *   <li>{@code syndication --articles N}: on one generated corpus, in one process, wiretrace's
 *       syndication stage and Spark MLlib's MinHashLSH + approxSimilarityJoin at the same Jaccard
 *       threshold: time, peak heap, pairs found, recall against the generator's truth.</li>
 *   <li>{@code signatures}: single-thread shingling + signature throughput on 500-word articles.</li>
 * </ul>
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: bench syndication [--articles N] [--no-baseline] [--clean] [--set k=v] | bench signatures [--articles N]"
                    + " | bench topics (--data reuters|agnews [--seeds 0,1,2] [--no-baseline] | --articles N) [--set k=v]"
                    + " | bench job (--articles N | --input PATH) [--runs R] [--set k=v]"
                    + " | bench syndication-real [--set k=v] | bench templates [--set k=v]");
            System.exit(2);
        }
        int articles = intArg(args, "--articles", 20_000);
        switch (args[0]) {
            case "syndication" -> syndication(articles, !List.of(args).contains("--no-baseline"), args);
            case "signatures" -> signatures(articles);
            case "topics" -> TopicBench.run(args);
            case "extraction" -> ExtractionBench.run(args);
            case "warc" -> WarcBench.run(args);
            case "job" -> JobBench.run(args);
            case "syndication-real" -> RealSyndicationBench.run(args);
            case "templates" -> TemplateBench.run(args);
            case "incremental" -> IncrementalBench.run(args);
            default -> {
                System.err.println("unknown benchmark: " + args[0]);
                System.exit(2);
            }
        }
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
            }
        }
        return dflt;
    }

    /** {@code defaults}, then the value of every {@code --set k=v} in {@code args}, in order (later wins). */
    static List<String> overrides(String[] args, String... defaults) {
        List<String> out = new ArrayList<>(List.of(defaults));
        for (int i = 1; i + 1 < args.length; i++) {
            if (args[i].equals("--set")) {
                out.add(args[++i]);
            }
        }
        return out;
    }

    static Path corpus(int articles, long seed) throws Exception {
        return corpus(articles, seed, false);
    }

    /** A generated corpus, cached in target/bench; {@code pages}: rendered as scraped pages. */
    static Path corpus(int articles, long seed, boolean pages) throws Exception {
        Path dir = Path.of(System.getProperty("wiretrace.bench.dir", "target/bench"),
                "gen-" + articles + "-" + seed + (pages ? "-pages" : ""));
        if (!Files.exists(dir.resolve("_COMPLETE"))) {
            long t0 = System.nanoTime();
            CorpusGenerator.Summary s = new CorpusGenerator(new CorpusGenerator.Settings(articles, seed, 0.0, 50_000, null,
                    pages)).generate(dir);
            Files.writeString(dir.resolve("_COMPLETE"), "ok\n");
            System.out.printf("generated %,d records in %.1f s%n", s.records(), (System.nanoTime() - t0) / 1e9);
        }
        return dir;
    }

    /** The generated corpus ingested, normalised and deduplicated, cached (not timed by benchmarks). */
    static Dataset<Row> articles(SparkSession spark, Path dir, WiretraceConfig cfg) {
        InputPlan plan = InputPlanner.plan(List.of(dir.resolve("articles").toString()), InputFormat.AUTO, cfg.input().splitBytes(),
                spark.sparkContext().hadoopConfiguration());
        Dataset<Row> parsed = IngestStage.run(spark, plan, cfg)
                .filter(col("reject_reason").isNull().and(col("skip_reason").isNull()));
        return ExactDedupStage.run(NormalizeStage.run(parsed, cfg))
                .filter(col("status").equalTo(ExactDedupStage.KEPT))
                .select("article_id", "source_id", "outlet", "published_at", "title", "text")
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** Samples heap use on a background thread; {@link #peakMiB} reports the maximum since {@link #reset}. */
    static final class HeapWatch implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapWatch() {
            MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(mx.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        void reset() {
            System.gc();
            peak.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }

        long peakMiB() {
            return peak.get() / (1024 * 1024);
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }

    record Measured<T>(T value, double seconds, long peakMiB) {}

    static <T> Measured<T> measure(HeapWatch heap, Supplier<T> work) {
        heap.reset();
        long t0 = System.nanoTime();
        T v = work.get();
        return new Measured<>(v, (System.nanoTime() - t0) / 1e9, heap.peakMiB());
    }

    static void syndication(int n, boolean baseline, String[] args) throws Exception {
        Path dir = corpus(n, 42, !List.of(args).contains("--clean")); // scraped pages unless --clean
        WiretraceConfig cfg = ConfigLoader.load(null, overrides(args, "spark.conf.spark.ui.enabled=false"));
        SparkSession spark = SparkSessions.create(cfg);
        spark.sparkContext().setLogLevel("WARN");
        Dataset<Row> kept = articles(spark, dir, cfg);
        long docs = kept.count();
        // Truth: article pairs in the same generated story (counted, never enumerated).
        Dataset<Row> truth = spark.read().option("header", "true").csv(dir.resolve("truth/stories.csv").toString())
                .select(col("id").as("source_id"), col("cluster"));
        Dataset<Row> truthByArticle = kept.select("article_id", "source_id").join(truth, "source_id")
                .select("article_id", "cluster").persist(StorageLevel.MEMORY_AND_DISK());
        long truthPairs = 0;
        for (Row r : truthByArticle.groupBy("cluster").agg(count(lit(1))).collectAsList()) {
            long c = r.getLong(1);
            truthPairs += c * (c - 1) / 2;
        }
        System.out.printf("corpus: %,d articles, %,d truth copy pairs, %d cores%n", docs, truthPairs,
                Runtime.getRuntime().availableProcessors());

        try (HeapWatch heap = new HeapWatch()) {
            Measured<long[]> ours = measure(heap, () -> {
                SyndicationStage.Result r = SyndicationStage.run(kept, cfg.syndication());
                Dataset<Row> a = r.assignments().persist(StorageLevel.MEMORY_AND_DISK());
                Dataset<Row> p = r.pairs().persist(StorageLevel.MEMORY_AND_DISK());
                long assigned = a.count();
                long pairs = p.count();
                long foundTrue = truePairs(p.select(col("article_id_a").as("a"), col("article_id_b").as("b")), truthByArticle);
                long storyTrue = 0;
                Dataset<Row> joined = a.join(truthByArticle, "article_id");
                for (Row row : joined.groupBy("cluster", "story_id").agg(count(lit(1))).collectAsList()) {
                    long c = row.getLong(2);
                    storyTrue += c * (c - 1) / 2;
                }
                long storyPairs = 0;
                for (Row row : joined.groupBy("story_id").agg(count(lit(1))).collectAsList()) {
                    long c = row.getLong(1);
                    storyPairs += c * (c - 1) / 2;
                }
                return new long[]{assigned, pairs, foundTrue, storyTrue, storyPairs};
            });
            double storyRecall = (double) ours.value()[3] / truthPairs;
            double storyPrecision = ours.value()[4] == 0 ? 1.0 : (double) ours.value()[3] / ours.value()[4];
            System.out.printf("wiretrace syndication: %.1f s, peak heap %,d MiB, verified pairs %,d, pair recall %.4f;"
                            + " stories vs truth: pairwise precision %.4f, recall %.4f, F1 %.4f (lsh %s)%n", ours.seconds(),
                    ours.peakMiB(), ours.value()[1], (double) ours.value()[2] / truthPairs, storyPrecision, storyRecall,
                    2 * storyPrecision * storyRecall / (storyPrecision + storyRecall), SyndicationStage.lshParams(cfg.syndication()));
            System.out.flush();
            if (baseline) {
                double threshold = cfg.syndication().verify().jaccard();
                int limit = intArg(args, "--baseline-timeout", 1800);
                // MLlib's OR-only LSH can run for hours on a corpus with shared phrasing: bound it.
                java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
                java.util.concurrent.atomic.AtomicBoolean timedOut = new java.util.concurrent.atomic.AtomicBoolean();
                timer.schedule(() -> {
                    timedOut.set(true);
                    spark.sparkContext().cancelAllJobs();
                }, limit, java.util.concurrent.TimeUnit.SECONDS);
                // The baseline's best possible recall: approxSimilarityJoin keeps a candidate only when the
                // exact Jaccard distance of its own feature vectors passes, so no LSH setting can find a
                // truth pair whose exact Jaccard (on those features) is below the threshold.
                Dataset<Row> features = mllibFeatures(kept).persist(StorageLevel.MEMORY_AND_DISK());
                long reachable = pairsAtOrAbove(features, truthByArticle, threshold);
                System.out.printf("mllib ceiling: %,d of %,d truth pairs have exact Jaccard >= %.2f on MLlib's features:"
                                + " its pair recall can be at most %.4f (wiretrace: %.4f)%n", reachable, truthPairs, threshold,
                        (double) reachable / truthPairs, (double) ours.value()[2] / truthPairs);
                System.out.flush();
                features.unpersist();
                Measured<long[]> mllib;
                try {
                    mllib = measure(heap, () -> mllibBaseline(kept, truthByArticle, threshold, 5));
                } catch (Exception e) { // SparkException arrives undeclared from Scala
                    if (!timedOut.get()) {
                        throw e;
                    }
                    System.out.printf("mllib MinHashLSH(5 tables)+approxSimilarityJoin(J>=%.2f): did not finish in %d s%n",
                            threshold, limit);
                    System.out.printf("speed-up: more than %.1fx%n", limit / ours.seconds());
                    timer.shutdownNow();
                    spark.stop();
                    return;
                }
                timer.shutdownNow();
                System.out.printf("mllib MinHashLSH(5 tables)+approxSimilarityJoin(J>=%.2f): %.1f s, peak heap %,d MiB,"
                                + " pairs %,d, pair recall %.4f%n", threshold, mllib.seconds(), mllib.peakMiB(), mllib.value()[0],
                        (double) mllib.value()[1] / truthPairs);
                System.out.printf("speed-up: %.1fx%n", mllib.seconds() / ours.seconds());
            }
        }
        spark.stop();
    }

    private static long truePairs(Dataset<Row> pairs, Dataset<Row> truthByArticle) {
        Dataset<Row> ta = truthByArticle.select(col("article_id").as("a"), col("cluster").as("ca"));
        Dataset<Row> tb = truthByArticle.select(col("article_id").as("b"), col("cluster").as("cb"));
        return pairs.join(ta, "a").join(tb, "b").filter(col("ca").equalTo(col("cb"))).count();
    }

    /** The baseline's features: lower-cased \W+ tokens, word 5-grams, binary HashingTF (2^22). */
    static Dataset<Row> mllibFeatures(Dataset<Row> kept) {
        Dataset<Row> docs = kept.select("article_id", "text");
        PipelineModel features = new Pipeline().setStages(new PipelineStage[]{
                new RegexTokenizer().setInputCol("text").setOutputCol("tokens").setPattern("\\W+"),
                new NGram().setN(5).setInputCol("tokens").setOutputCol("ngrams"),
                new HashingTF().setInputCol("ngrams").setOutputCol("features").setNumFeatures(1 << 22).setBinary(true)})
                .fit(docs);
        return features.transform(docs).filter("size(ngrams) > 0").select("article_id", "features");
    }

    /** Truth pairs (same generated story) whose exact Jaccard on the given binary vectors is >= threshold. */
    static long pairsAtOrAbove(Dataset<Row> features, Dataset<Row> truthByArticle, double threshold) {
        Dataset<Row> withVec = truthByArticle.join(features, "article_id");
        Dataset<Row> a = withVec.select(col("cluster"), col("article_id").as("a"), col("features").as("fa"));
        Dataset<Row> b = withVec.select(col("cluster"), col("article_id").as("b"), col("features").as("fb"));
        org.apache.spark.sql.api.java.UDF2<org.apache.spark.ml.linalg.Vector, org.apache.spark.ml.linalg.Vector, Double> jaccard =
                (x, y) -> exactJaccard(x.toSparse().indices(), y.toSparse().indices());
        org.apache.spark.sql.expressions.UserDefinedFunction udf =
                org.apache.spark.sql.functions.udf(jaccard, org.apache.spark.sql.types.DataTypes.DoubleType);
        return a.join(b, "cluster").filter(col("a").lt(col("b")))
                .filter(udf.apply(col("fa"), col("fb")).geq(threshold)).count();
    }

    /** Jaccard of two sorted, distinct index arrays. */
    static double exactJaccard(int[] x, int[] y) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] == y[j]) {
                common++;
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = x.length + y.length - common;
        return union == 0 ? 0.0 : (double) common / union;
    }

    static long[] mllibBaseline(Dataset<Row> kept, Dataset<Row> truthByArticle, double jaccard, int tables) {
        Dataset<Row> vec = mllibFeatures(kept).cache();
        MinHashLSHModel model = new MinHashLSH().setNumHashTables(tables).setSeed(42).setInputCol("features")
                .setOutputCol("hashes").fit(vec);
        Dataset<Row> joined = model.approxSimilarityJoin(vec, vec, 1.0 - jaccard, "distance")
                .select(col("datasetA.article_id").as("a"), col("datasetB.article_id").as("b"))
                .filter(col("a").lt(col("b"))).persist(StorageLevel.MEMORY_AND_DISK());
        long pairs = joined.count();
        long found = truePairs(joined, truthByArticle);
        joined.unpersist();
        vec.unpersist();
        return new long[]{pairs, found};
    }

    /** Single-thread throughput of shingling + SuperMinHash signatures on 500-word articles. */
    static void signatures(int n) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
        String[] vocab = new String[5000];
        for (int i = 0; i < vocab.length; i++) {
            StringBuilder w = new StringBuilder();
            int len = 3 + rnd.nextInt(7);
            for (int c = 0; c < len; c++) {
                w.append((char) ('a' + rnd.nextInt(26)));
            }
            vocab[i] = w.toString();
        }
        List<String> texts = new ArrayList<>(n);
        for (int d = 0; d < n; d++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < 500; w++) {
                sb.append(vocab[rnd.nextInt(vocab.length)]).append(w % 25 == 24 ? ".\n\n" : " ");
            }
            texts.add(sb.toString());
        }
        for (int components : new int[]{128, 256}) {
            Shingler shingler = new Shingler(Shingler.Unit.WORD, 5);
            MinHashSketcher sketcher = new MinHashSketcher(components);
            ArticleFeatures features = new ArticleFeatures(shingler, sketcher);
            long[][] shingles = new long[n][];
            for (int round = 0; round < 3; round++) { // warm-up, then measure
                long t0 = System.nanoTime();
                long sink = 0;
                for (int i = 0; i < n; i++) {
                    sink += features.compute("", texts.get(i)).signature().length;
                }
                double full = n / ((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    shingles[i] = shingler.shingles(texts.get(i));
                }
                double shingleRate = n / ((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sink += sketcher.signature(shingles[i]).length;
                }
                double sigRate = n / ((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sink += sketcher.signature(shingler.shingles(texts.get(i))).length;
                }
                double fromText = n / ((System.nanoTime() - t0) / 1e9);
                if (round == 2) {
                    System.out.printf("%d components, one thread, %,d 500-word articles: signature from text (shingling"
                                    + " + SuperMinHash) %,.0f articles/s; shingling alone %,.0f/s; signature alone %,.0f/s;"
                                    + " all features (+ exact set, fingerprints, wire credit) %,.0f/s (sink %d)%n",
                            components, n, fromText, shingleRate, sigRate, full, sink % 10);
                }
            }
        }
    }

}
