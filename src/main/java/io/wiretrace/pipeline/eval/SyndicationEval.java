package io.wiretrace.pipeline.eval;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.wiretrace.config.ConfigException;
import io.wiretrace.core.eval.ClusteringMetrics;
import io.wiretrace.pipeline.report.RunOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Scores a run's stories against labelled truth, by input record id ({@code lineage.source_id} →
 * article → story, so exact duplicates count as members of their article's story).
 *
 * <p>Truth is a CSV with a header, either
 * <ul>
 *   <li>{@code id,cluster}: clusters of copies; records not listed are ignored. Scored from the
 *       contingency table (pairwise precision, recall, F1, ARI), no pair enumerated; or
 *   <li>{@code id_a,id_b,label} with labels {@code copy}, {@code partial} or {@code none}: copy
 *       pairs are the positives, partial and none pairs the negatives (a partial pair put in one
 *       story is a wrong copy claim). Pairs the file does not list are, by {@link Unlisted},
 *       either unknown (not scored: a file that labels a sample of pairs, such as COUNTER's) or
 *       none (a file that lists every pair sharing content, such as scraped_events: then every
 *       other pair of the run's records in one story is a false copy).
 * </ul>
 * Per label the outcome also says how many pairs the run put in one story and how many it
 * reported in {@code syndication_pairs} (as a copy or, where the table has a {@code relation}
 * column, as partial reuse). An optional wire file {@code id,wire_credit} (AP, AFP, Reuters,
 * other, none) is compared with {@code articles.wire_credit}.
 */
public final class SyndicationEval {

    /** What pairs the truth file does not list are. */
    public enum Unlisted {
        /** Not scored. */
        UNKNOWN,
        /** Pairs of records that share no copy: scored as negatives. */
        NONE;

        public static Unlisted parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "unknown" -> UNKNOWN;
                case "none" -> NONE;
                default -> throw new ConfigException("Invalid --unlisted '" + s + "': expected unknown or none");
            };
        }
    }

    /** Pairs with one truth label: how many, how many in one story, how many reported as copy / partial pairs. */
    public record LabelCounts(long pairs, long sameStory, long reportedCopy, long reportedPartial) {}

    /**
     * The outcome: scores, the truth format, how many truth ids (or listed pairs) there are and
     * how many were not in the run; for pair truth the counts per label (copy, partial, none, and
     * "unlisted" when unlisted pairs are none); the wire-credit agreement when a wire file was given.
     */
    public record Outcome(String format, ClusteringMetrics.Scores scores, long truthIds, long missingIds,
                          Map<String, LabelCounts> byLabel, WireAgreement wire) {}

    /** Wire credits: records compared, records that agree, and (truth → predicted) → records. */
    public record WireAgreement(long records, long agree, Map<String, Long> confusion) {
        public double rate() {
            return records == 0 ? Double.NaN : (double) agree / records;
        }
    }

    private SyndicationEval() {}

    public static Outcome run(SparkSession spark, String runDir, String truthFile) {
        return run(spark, runDir, truthFile, Unlisted.UNKNOWN, null);
    }

    public static Outcome run(SparkSession spark, String runDir, String truthFile, Unlisted unlisted, String wireFile) {
        Dataset<Row> truth = spark.read().option("header", "true").csv(truthFile);
        List<String> cols = List.of(truth.columns());
        Dataset<Row> lineage = RunOutput.read(spark, runDir, "lineage").filter(col("article_id").isNotNull())
                .select(col("source_id"), col("article_id"));
        Dataset<Row> articles = RunOutput.read(spark, runDir, "articles");
        Dataset<Row> stories = articles.select("article_id", "story_id");
        if (stories.filter(col("story_id").isNotNull()).limit(1).count() == 0) {
            throw new ConfigException("Cannot evaluate syndication: run '" + runDir + "' has no stories (syndication disabled?)");
        }
        Dataset<Row> predicted = lineage.join(stories, "article_id")
                .select(col("source_id").as("id"), col("article_id"), col("story_id"));
        WireAgreement wire = wireFile == null ? null : wire(spark, lineage.join(articles.select("article_id", "wire_credit"),
                "article_id"), wireFile);
        if (cols.contains("id") && cols.contains("cluster")) {
            return clusters(truth, predicted, wire);
        }
        if (cols.contains("id_a") && cols.contains("id_b") && cols.contains("label")) {
            Dataset<Row> reported = RunOutput.read(spark, runDir, "syndication_pairs");
            return pairs(truth, predicted, reported, unlisted, wire);
        }
        throw new ConfigException("Invalid truth file '" + truthFile + "': expected columns id,cluster or id_a,id_b,label");
    }

    private static Outcome clusters(Dataset<Row> truth, Dataset<Row> predicted, WireAgreement wire) {
        Dataset<Row> t = truth.select(col("id"), col("cluster")).dropDuplicates("id");
        long truthIds = t.count();
        Dataset<Row> joined = t.join(predicted, "id").persist();
        try {
            long found = joined.count();
            ClusteringMetrics.Builder b = new ClusteringMetrics.Builder();
            for (Row r : joined.groupBy("cluster", "story_id").agg(count(lit(1))).collectAsList()) {
                b.cell(r.getLong(2));
            }
            for (Row r : joined.groupBy("cluster").agg(count(lit(1))).collectAsList()) {
                b.truthCluster(r.getLong(1));
            }
            for (Row r : joined.groupBy("story_id").agg(count(lit(1))).collectAsList()) {
                b.predictedCluster(r.getLong(1));
            }
            return new Outcome("clusters", b.scores(), truthIds, truthIds - found, Map.of(), wire);
        } finally {
            joined.unpersist();
        }
    }

    private static Outcome pairs(Dataset<Row> truth, Dataset<Row> predicted, Dataset<Row> reported, Unlisted unlisted,
                                 WireAgreement wire) {
        Dataset<Row> listed = truth.select(col("id_a"), col("id_b"), col("label"))
                .filter(col("label").isin("copy", "partial", "none"))
                // One row per unordered pair: a file may list a pair both ways.
                .select(least(col("id_a"), col("id_b")).as("id_a"), greatest(col("id_a"), col("id_b")).as("id_b"), col("label"))
                .distinct();
        List<Row> conflicting = listed.groupBy("id_a", "id_b").count().filter(col("count").gt(1)).limit(1).collectAsList();
        if (!conflicting.isEmpty()) {
            throw new ConfigException("Invalid truth file: pair " + conflicting.get(0).getString(0) + ","
                    + conflicting.get(0).getString(1) + " has two different labels");
        }
        long listedPairs = listed.count();
        Dataset<Row> pa = predicted.select(col("id").as("id_a"), col("article_id").as("aa"), col("story_id").as("sa"));
        Dataset<Row> pb = predicted.select(col("id").as("id_b"), col("article_id").as("ab"), col("story_id").as("sb"));
        boolean hasRelation = List.of(reported.columns()).contains("relation");
        Dataset<Row> rep = reported.select(col("article_id_a").as("ra"), col("article_id_b").as("rb"),
                hasRelation ? col("relation") : lit("copy").as("relation"));
        Dataset<Row> j = listed.join(pa, "id_a").join(pb, "id_b")
                .join(rep, least(col("aa"), col("ab")).equalTo(col("ra")).and(greatest(col("aa"), col("ab")).equalTo(col("rb"))), "left")
                .withColumn("together", col("sa").equalTo(col("sb")));
        Map<String, LabelCounts> byLabel = new LinkedHashMap<>();
        for (String label : List.of("copy", "partial", "none")) {
            byLabel.put(label, new LabelCounts(0, 0, 0, 0));
        }
        long scored = 0;
        for (Row r : j.groupBy("label").agg(count(lit(1)), sum(when(col("together"), 1L).otherwise(0L)),
                sum(when(col("relation").equalTo("copy"), 1L).otherwise(0L)),
                sum(when(col("relation").equalTo("partial"), 1L).otherwise(0L))).collectAsList()) {
            byLabel.put(r.getString(0), new LabelCounts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)));
            scored += r.getLong(1);
        }
        long tp = byLabel.get("copy").sameStory();
        long fn = byLabel.get("copy").pairs() - tp;
        long fp = byLabel.get("partial").sameStory() + byLabel.get("none").sameStory();
        if (unlisted == Unlisted.NONE) {
            // Every pair of the run's records not listed: pairs and same-story pairs by subtraction,
            // from story sizes (no enumeration). Listed pairs with an id not in the run do not count.
            long records = predicted.count();
            Row sizes = predicted.groupBy("story_id").agg(count(lit(1)).as("n"))
                    .agg(coalesce(sum(col("n").multiply(col("n").minus(1)).divide(2)), lit(0))).first();
            long sameStoryAll = Math.round(((Number) sizes.get(0)).doubleValue());
            long listedSame = byLabel.values().stream().mapToLong(LabelCounts::sameStory).sum();
            // Reported pairs of records the file does not list (few: only reported pairs are read).
            Row unlistedReported = rep.join(pa, col("ra").equalTo(col("aa"))).join(pb, col("rb").equalTo(col("ab")))
                    .select(least(col("id_a"), col("id_b")).as("id_a"), greatest(col("id_a"), col("id_b")).as("id_b"),
                            col("relation"))
                    .join(listed, new String[]{"id_a", "id_b"}, "left_anti")
                    .agg(coalesce(sum(when(col("relation").equalTo("copy"), 1L).otherwise(0L)), lit(0L)),
                            coalesce(sum(when(col("relation").equalTo("partial"), 1L).otherwise(0L)), lit(0L))).first();
            LabelCounts other = new LabelCounts(records * (records - 1) / 2 - scored, sameStoryAll - listedSame,
                    unlistedReported.getLong(0), unlistedReported.getLong(1));
            byLabel.put("unlisted", other);
            fp += other.sameStory();
        }
        return new Outcome("pairs", ClusteringMetrics.fromPairs(tp, fp, fn), listedPairs, listedPairs - scored, byLabel, wire);
    }

    /** The outcome as the eval command prints it. */
    public static String format(Outcome o, Unlisted unlisted) {
        StringBuilder b = new StringBuilder();
        var s = o.scores();
        if (o.format().equals("clusters")) {
            b.append(String.format(Locale.ROOT, "truth: clusters, %,d ids (%,d not in the run)%n", o.truthIds(), o.missingIds()));
            b.append(String.format(Locale.ROOT, "pairs: truth %,d, predicted %,d, shared %,d%n",
                    s.truePairs(), s.predictedPairs(), s.sharedPairs()));
        } else {
            b.append(String.format(Locale.ROOT, "truth: pairs, %,d listed (%,d with an id not in the run); unlisted pairs: %s%n",
                    o.truthIds(), o.missingIds(), unlisted.name().toLowerCase(Locale.ROOT)));
            b.append(String.format(Locale.ROOT, "%-9s %11s %20s %16s %16s%n", "label", "pairs", "in one story",
                    "reported copy", "reported partial"));
            o.byLabel().forEach((label, c) -> b.append(String.format(Locale.ROOT, "%-9s %,11d %,11d (%5.1f%%) %,16d %,16d%n",
                    label, c.pairs(), c.sameStory(), c.pairs() == 0 ? 0.0 : 100.0 * c.sameStory() / c.pairs(),
                    c.reportedCopy(), c.reportedPartial())));
        }
        b.append(String.format(Locale.ROOT, "precision %.4f  recall %.4f  F1 %.4f%s%n", s.precision(), s.recall(), s.f1(),
                Double.isNaN(s.ari()) ? "" : String.format(Locale.ROOT, "  ARI %.4f", s.ari())));
        if (o.wire() != null) {
            b.append(String.format(Locale.ROOT, "wire credit: %,d of %,d records agree (%.4f)%n", o.wire().agree(),
                    o.wire().records(), o.wire().rate()));
            o.wire().confusion().forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-22s %,d%n", k, v)));
        }
        return b.toString();
    }

    /** Agreement of {@code articles.wire_credit} (other agencies as "other", null as "none") with a wire file. */
    private static WireAgreement wire(SparkSession spark, Dataset<Row> creditById, String wireFile) {
        Dataset<Row> truth = spark.read().option("header", "true").csv(wireFile);
        if (!List.of(truth.columns()).containsAll(List.of("id", "wire_credit"))) {
            throw new ConfigException("Invalid wire file '" + wireFile + "': expected columns id,wire_credit");
        }
        Dataset<Row> ours = creditById.select(col("source_id").as("id"),
                when(col("wire_credit").isNull(), lit("none"))
                        .when(col("wire_credit").isin("AP", "AFP", "Reuters"), col("wire_credit"))
                        .otherwise(lit("other")).as("predicted"));
        Map<String, Long> confusion = new java.util.TreeMap<>();
        long records = 0;
        long agree = 0;
        for (Row r : truth.select(col("id"), col("wire_credit").as("expected")).join(ours, "id")
                .groupBy("expected", "predicted").count().collectAsList()) {
            confusion.put(r.getString(0) + " → " + r.getString(1), r.getLong(2));
            records += r.getLong(2);
            if (r.getString(0).equals(r.getString(1))) {
                agree += r.getLong(2);
            }
        }
        return new WireAgreement(records, agree, confusion);
    }
}
