package io.wiretrace.pipeline.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import io.wiretrace.core.report.HtmlReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Gathers the run summary page's inputs from the staged tables — a few bounded queries (top
 * stories, the most active outlets, the topics), never a table collected whole — and writes
 * {@code report.html} into the staging directory, so it is committed with the run.
 */
public final class RunReport {

    /** Stories drawn as spread curves. */
    static final int TOP_STORIES = 8;
    /** Outlets in the overlap heatmap (by stories carried). */
    static final int HEATMAP_OUTLETS = 15;

    private RunReport() {}

    /** What the manifest already knows, passed in rather than re-read. */
    public record RunFacts(String runId, String runDate, String status, String version, Map<String, Long> counts,
                           Map<String, Long> timingsMs, Map<String, Long> rejectsByReason) {}

    public static void write(SparkSession spark, OutputCommitter committer, List<Tables.Table> written, RunFacts facts)
            throws IOException {
        List<String> names = written.stream().map(Tables.Table::name).toList();
        List<HtmlReport.Story> stories = names.contains("stories") ? stories(spark, committer) : List.of();
        List<String> outlets = new ArrayList<>();
        double[][] overlap = new double[0][0];
        if (names.contains("outlet_summary")) {
            for (Row r : spark.read().parquet(committer.stagingPath("outlet_summary"))
                    .orderBy(col("n_stories").desc(), col("outlet")).limit(HEATMAP_OUTLETS).collectAsList()) {
                outlets.add(r.getAs("outlet"));
            }
            overlap = new double[outlets.size()][outlets.size()];
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < outlets.size(); i++) {
                index.put(outlets.get(i), i);
            }
            for (Row r : spark.read().parquet(committer.stagingPath("outlet_overlap"))
                    .filter(col("outlet_a").isin(outlets.toArray()).and(col("outlet_b").isin(outlets.toArray())))
                    .select("outlet_a", "outlet_b", "jaccard").collectAsList()) {
                int a = index.get(r.getString(0));
                int b = index.get(r.getString(1));
                overlap[a][b] = r.getDouble(2);
                overlap[b][a] = r.getDouble(2);
            }
        }
        List<HtmlReport.Topic> topics = new ArrayList<>();
        if (names.contains("topics")) {
            for (Row r : spark.read().parquet(committer.stagingPath("topics")).orderBy("topic_id").collectAsList()) {
                topics.add(new HtmlReport.Topic(r.<Integer>getAs("topic_id"), r.getAs("label"), r.<Long>getAs("n_stories"),
                        r.<Long>getAs("n_articles"), r.getAs("central_title")));
            }
        }
        String html = HtmlReport.render(new HtmlReport.Data(facts.runId(), facts.runDate(), facts.status(), facts.version(),
                facts.counts(), facts.timingsMs(), facts.rejectsByReason(), stories, outlets, overlap, topics));
        try (OutputStream out = committer.fileSystem().create(committer.stagedReport(), true)) {
            out.write(html.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The widest stories and their step curves (one point per outlet count reached). */
    private static List<HtmlReport.Story> stories(SparkSession spark, OutputCommitter committer) {
        List<Row> top = spark.read().parquet(committer.stagingPath("stories"))
                .filter(col("n_outlets").geq(2))
                .orderBy(col("n_outlets").desc(), col("n_articles").desc(), col("story_id"))
                .limit(TOP_STORIES).collectAsList();
        if (top.isEmpty()) {
            return List.of();
        }
        Object[] ids = top.stream().map(r -> r.getAs("story_id")).toArray();
        Dataset<Row> points = spark.read().parquet(committer.stagingPath("story_spread"))
                .filter(col("story_id").isin(ids).and(col("lag_from_origin_s").isNotNull()))
                .groupBy("story_id", "cumulative_outlets").agg(min("lag_from_origin_s").as("lag"))
                .orderBy("story_id", "cumulative_outlets");
        Map<String, List<double[]>> curves = new LinkedHashMap<>();
        for (Row r : points.collectAsList()) {
            curves.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
                    .add(new double[] {Math.max(0, r.getLong(2)) / 3600.0, r.getInt(1)});
        }
        List<HtmlReport.Story> out = new ArrayList<>();
        for (Row r : top) {
            String id = r.getAs("story_id");
            out.add(new HtmlReport.Story(id, r.getAs("title"), r.getAs("origin_outlet"), r.<Integer>getAs("n_outlets"),
                    r.<Integer>getAs("n_articles"), curves.getOrDefault(id, List.of())));
        }
        return out;
    }
}
