package io.wiretrace.pipeline.run;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.pipeline.Layout;
import io.wiretrace.pipeline.Lineage;
import io.wiretrace.pipeline.dedup.ExactDedupStage;
import io.wiretrace.pipeline.ingest.IngestStage;
import io.wiretrace.pipeline.ingest.InputPlan;
import io.wiretrace.pipeline.ingest.InputPlanner;
import io.wiretrace.pipeline.normalize.NormalizeStage;
import io.wiretrace.pipeline.report.CatalogRegistration;
import io.wiretrace.pipeline.report.OutputCommitter;
import io.wiretrace.pipeline.report.ReportWriter;
import io.wiretrace.pipeline.report.RunReport;
import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.pipeline.report.WrittenRows;
import io.wiretrace.pipeline.syndication.SyndicationReports;
import io.wiretrace.pipeline.syndication.SyndicationStage;
import io.wiretrace.pipeline.topics.TopicReports;
import io.wiretrace.pipeline.topics.TopicStage;
import java.util.ArrayList;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The {@code run} action: ingest → normalise → exact dedup → syndication (stories) → topics →
 * reports, committed atomically with a manifest. Each step runs under a named Spark job group so
 * the Spark UI reads like the pipeline. Counts come from the data itself (row counts of what is written), never from accumulators, so a
 * retried task cannot inflate them.
 */
public final class RunJob {

    /** What to run. */
    public record Request(WiretraceConfig config, List<String> inputs, String output, boolean overwrite, String runId,
                          String runDate) {
        public Request {
            RunDates.validate(runDate);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SparkSession spark;
    private final Request request;
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private Progress progress;
    /** Restores the session settings the run's layout changed. */
    private Runnable restoreLayout = () -> {};
    private Layout layout = Layout.DISTRIBUTED;

    /**
     * A stage's result and the articles joined with its per-article annotation (article_id and the
     * stage's columns; see {@link Lineage#annotate}), cached and cut inside the stage's timed step
     * (the cut runs the stage's shuffles, which belong to that step's time).
     */
    private record Annotated<R>(R result, Dataset<Row> articles) {}

    public RunJob(SparkSession spark, Request request) {
        this.spark = spark;
        this.request = request;
    }

    public RunResult run() throws IOException {
        SparkContext sc = spark.sparkContext();
        // Spark draws its own task bar on a terminal; elsewhere (logs, schedulers) our lines say it.
        boolean terminal = "true".equals(sc.getConf().get("spark.ui.showConsoleProgress", "false"));
        try (Progress p = new Progress(sc, System.err, !terminal)) {
            progress = p;
            return runWithProgress();
        } finally {
            progress = null;
            restoreLayout.run();
            restoreLayout = () -> {};
        }
    }

    private RunResult runWithProgress() throws IOException {
        Instant started = Instant.now();
        WiretraceConfig config = request.config();
        SparkContext sc = spark.sparkContext();
        OutputCommitter committer = new OutputCommitter(request.output(), request.runId(), request.runDate(),
                request.overwrite(), sc.hadoopConfiguration());
        String recovered = committer.recoverInterruptedCommit();
        if (recovered != null) {
            System.err.println("wiretrace: finished the interrupted commit of run date " + recovered + " in "
                    + committer.targetDir() + " before this run");
        }
        committer.checkTarget();
        // Everything the run caches, released when it ends, failed or not: inside a caller's
        // long-lived session (RunCommand supports one) a failed run must not leave blocks behind.
        List<Dataset<Row>> cached = new ArrayList<>();
        try {
            InputPlan plan = timed("plan", "List input files and plan read splits", () ->
                    InputPlanner.plan(request.inputs(), config.input().format(), config.input().splitBytes(),
                            sc.hadoopConfiguration()), pl -> String.format(Locale.ROOT, "%,d files, %,d bytes, %,d splits",
                    pl.files().size(), pl.totalBytes(), pl.splits().size()));

            Dataset<Row> parsed = IngestStage.read(spark, plan, config).persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(parsed);
            // Parsed in parallel (one task per split); after that, a small run is one partition.
            layout = Layout.forInput(plan.totalBytes(), config.spark().onePartitionMaxBytes());
            restoreLayout = layout.plan(spark);
            Dataset<Row> laidOut = layout.keep(parsed);
            Dataset<Row> accepted = laidOut.filter(col("reject_reason").isNull().and(col("skip_reason").isNull()));
            // Rejected and skipped records are set aside (a small cache), so that the parsed rows,
            // text and all, can be released once the articles are cached.
            Dataset<Row> setAside = laidOut.filter(col("reject_reason").isNotNull().or(col("skip_reason").isNotNull()))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(setAside);
            Dataset<Row> rejected = setAside.filter(col("reject_reason").isNotNull())
                    .withColumnRenamed("reject_reason", "reason").withColumnRenamed("reject_detail", "detail");

            // Stage counts, derived from data (two small aggregations over cached rows).
            Map<String, Long> byStatus = new TreeMap<>();
            long[] dateWarnings = {0};
            long[] outletBound = {0};
            Dataset<Row> records = timed("ingest", "Read, parse, normalise and deduplicate input records", () -> {
                // The dedup window leaves the rows partitioned and sorted by article_id: kept so, the
                // stages' annotations join them without moving the text again.
                Dataset<Row> rs = Lineage.persistKeyed(ExactDedupStage.apply(NormalizeStage.apply(accepted, config)),
                        cached, layout);
                for (Row r : rs.groupBy("status").agg(count(lit(1)), coalesce(sum("date_warnings"), lit(0L)),
                                countDistinct("outlet")).collectAsList()) {
                    byStatus.put(r.getString(0), r.getLong(1));
                    dateWarnings[0] += r.getLong(2);
                    outletBound[0] += r.getLong(3); // per status; their sum bounds the outlets
                }
                return rs;
            }, rs -> String.format(Locale.ROOT, "%,d articles, %,d exact duplicates",
                    byStatus.getOrDefault(ExactDedupStage.KEPT, 0L), byStatus.getOrDefault(ExactDedupStage.DUPLICATE, 0L)));
            Map<String, Long> rejectsByReason = new TreeMap<>();
            Map<String, Long> skippedByReason = new TreeMap<>();
            timed("rejects_by_reason", "Count rejects, and skipped archive records, by reason", () -> {
                // Skipped web-archive records (requests, revisits, non-HTML…) are not input records:
                // only their counts are kept. One aggregation counts both kinds.
                for (Row r : setAside.groupBy("reject_reason", "skip_reason").count().collectAsList()) {
                    if (!r.isNullAt(0)) {
                        rejectsByReason.merge(r.getString(0), r.getLong(2), Long::sum);
                    } else {
                        skippedByReason.merge(r.getString(1), r.getLong(2), Long::sum);
                    }
                }
                parsed.unpersist(); // everything after this reads the articles' or the set-aside cache
                return null;
            }, x -> String.format(Locale.ROOT, "%,d rejects %s", rejectsByReason.values().stream()
                    .mapToLong(Long::longValue).sum(), rejectsByReason.isEmpty() ? "" : rejectsByReason));
            long articles = byStatus.getOrDefault(ExactDedupStage.KEPT, 0L);
            long duplicates = byStatus.getOrDefault(ExactDedupStage.DUPLICATE, 0L);
            long rejects = rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
            long skipped = skippedByReason.values().stream().mapToLong(Long::longValue).sum();
            long outlets = outletBound[0];

            Dataset<Row> kept = records.filter(col("status").equalTo(ExactDedupStage.KEPT));
            Dataset<Row> articleRows = kept;
            List<Tables.Table> tables = new ArrayList<>(Tables.CORE);
            Map<String, Long> syndicationCounts = new LinkedHashMap<>();
            Map<String, Object> topicCounts = new LinkedHashMap<>();
            Map<String, String> notes = new LinkedHashMap<>();
            Dataset<Row> pairs = null;
            long pairBound = 0;
            if (config.syndication().enabled()) {
                Dataset<Row> in = articleRows;
                Annotated<SyndicationStage.Result> annotated = timed("syndication",
                        "Detect copies (MinHash LSH), verify them, build stories", () -> {
                            SyndicationStage.Result r = SyndicationStage.run(in, articles, config.syndication(), layout);
                            cached.addAll(r.cached());
                            return new Annotated<>(r, Lineage.annotate(in, r.assignments(), "article_id", cached, layout));
                        }, a -> String.format(Locale.ROOT, "%,d candidate pairs, %,d after the sketch filter",
                                a.result().counts().get("candidate_pairs"),
                                a.result().counts().get("candidate_pairs_after_sketch_filter")));
                SyndicationStage.Result syn = annotated.result();
                syndicationCounts.putAll(syn.counts());
                articleRows = annotated.articles();
                pairs = syn.pairs();
                pairBound = syn.counts().get("candidate_pairs_after_sketch_filter");
                tables.addAll(Tables.SYNDICATION);
            }
            TopicStage.Result topics = null;
            if (config.topics().enabled()) {
                Dataset<Row> in = articleRows;
                int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
                Annotated<TopicStage.Result> annotated = timed("topics",
                        "Cluster stories into topics (TF-IDF, spherical k-means) and label them", () -> {
                            TopicStage.Result r = TopicStage.run(spark, in, articles, config.topics(), partitions, layout);
                            cached.addAll(r.cached());
                            return new Annotated<>(r, Lineage.annotate(in, r.assignments(), "article_id", cached, layout));
                        }, a -> a.result().skipped() ? "skipped — " + a.result().skippedReason()
                                : String.format(Locale.ROOT, "%,d stories, k=%s (%s)", a.result().counts().get("stories"),
                                a.result().counts().get("k"), a.result().counts().get("k_chosen_by")));
                topics = annotated.result();
                topicCounts.putAll(topics.counts());
                if (topics.skipped()) {
                    notes.put("topics", "skipped — " + topics.skippedReason());
                }
                articleRows = annotated.articles();
                tables.addAll(Tables.TOPIC_TABLES);
            }
            Dataset<Row> finalArticles = articleRows;
            // The derived reports read a copy without the text, cached once: a cut cache hands every
            // column to each query that reads it, and the text is most of the bytes (measured at 1M
            // articles: each derived table spent ~30 s re-reading 2.8 GB of text it never used).
            Dataset<Row> reportRows = pairs != null || topics != null
                    ? Lineage.persistAndCut(finalArticles.drop("text"), cached, layout) : finalArticles;
            Dataset<Row> lineage = records.select(col("source_file"), col("location"), col("ordinal"), col("source_id"),
                            col("status"), col("article_id"), lit(null).cast("string").as("reason"))
                    .unionByName(rejected.select(col("source_file"), col("location"), col("ordinal"), col("source_id"),
                            lit("rejected").as("status"), lit(null).cast("string").as("article_id"), col("reason")));
            long recordsIn = articles + duplicates + rejects;
            ReportWriter writer = new ReportWriter(config.output().compression(), config.output().maxRecordsPerFile(),
                    recordsIn);
            // Each table with an upper bound of its rows, known without a query (the writer sizes
            // files from it): stories and spreads are at most one row per article, outlet tables at
            // most one per outlet (pair), verified pairs at most the likely pairs.
            Map<String, Dataset<Row>> rowsOf = new LinkedHashMap<>();
            Map<String, Long> boundOf = new LinkedHashMap<>();
            rowsOf.put("articles", finalArticles);
            boundOf.put("articles", articles);
            rowsOf.put("rejects", rejected);
            boundOf.put("rejects", rejects);
            rowsOf.put("lineage", lineage);
            boundOf.put("lineage", recordsIn);
            if (pairs != null) {
                rowsOf.put("syndication_pairs", pairs);
                boundOf.put("syndication_pairs", pairBound);
                rowsOf.put("stories", SyndicationReports.stories(reportRows));
                boundOf.put("stories", articles);
                rowsOf.put("story_spread", SyndicationReports.storySpread(reportRows));
                boundOf.put("story_spread", articles);
                rowsOf.put("outlet_overlap", SyndicationReports.outletOverlap(reportRows));
                boundOf.put("outlet_overlap", Math.min(articles * articles, outlets * outlets));
                rowsOf.put("outlet_summary", SyndicationReports.outletSummary(reportRows));
                boundOf.put("outlet_summary", outlets);
            }
            if (topics != null) {
                rowsOf.put("topics", TopicReports.topics(spark, reportRows, topics.topics()));
                boundOf.put("topics", (long) topics.topics().size());
                rowsOf.put("topic_outlets", TopicReports.topicOutlets(reportRows));
                boundOf.put("topic_outlets", Math.min(articles, topics.topics().size() * outlets));
            }
            Map<String, Long> written = new LinkedHashMap<>();
            for (Tables.Table t : tables) {
                String path = committer.stagingPath(t.name());
                timed("write_" + t.name(), "Write the " + t.name() + " table", () -> {
                    writer.write(t, rowsOf.get(t.name()), boundOf.get(t.name()), path);
                    // Counted from the Parquet footers of what was written: no Spark job.
                    written.put(t.name(), WrittenRows.count(path, sc.hadoopConfiguration()));
                    return null;
                }, x -> String.format(Locale.ROOT, "%,d rows", written.get(t.name())));
            }

            // The accounting identity, checked against what was actually written.
            if (written.get("lineage") != written.get("articles") + duplicates + written.get("rejects")
                    || written.get("articles") != articles || written.get("rejects") != rejects) {
                throw new IllegalStateException("Cannot commit run: records_in " + written.get("lineage")
                        + " != articles " + written.get("articles") + " + exact_duplicates " + duplicates
                        + " + rejects " + written.get("rejects"));
            }
            if (articles == 0) {
                notes.put("syndication", "no articles: every record was rejected or an exact duplicate");
            }
            notes.forEach(progress::note);

            double rejectRate = recordsIn == 0 ? 0.0 : (double) rejects / recordsIn;
            boolean exceeded = rejectRate > config.quality().maxRejectRate();
            RunResult result = new RunResult(request.runId(), committer.targetDir(), recordsIn, articles, duplicates,
                    rejects, rejectRate, exceeded, rejectsByReason, skipped, skippedByReason, timings, notes);
            writeManifest(committer, plan, result, written, dateWarnings[0], syndicationCounts, topicCounts, started);
            Map<String, Long> headline = new LinkedHashMap<>();
            headline.put("records_in", recordsIn);
            headline.put("articles", articles);
            headline.put("exact_duplicates", duplicates);
            headline.put("rejects", rejects);
            if (skipped > 0) {
                headline.put("records_skipped", skipped);
            }
            for (String t : List.of("stories", "syndication_pairs", "topics")) {
                if (written.containsKey(t)) {
                    headline.put(t, written.get(t));
                }
            }
            timed("write_report", "Write the HTML run summary", () -> {
                try {
                    RunReport.write(spark, committer, tables, new RunReport.RunFacts(request.runId(), request.runDate(),
                            exceeded ? "reject_rate_exceeded" : "succeeded", BuildInfo.version(), headline,
                            new LinkedHashMap<>(timings), rejectsByReason));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return null;
            }, x -> "");
            committer.commit();
            if (config.output().registerTables()) {
                // After the commit: the catalog points at committed data only.
                timed("register_tables", "Register the tables in the session catalog", () ->
                        CatalogRegistration.register(spark, config.output().catalogDatabase(), committer.targetDir(), tables),
                        x -> "");
            }
            return result;
        } catch (IOException | RuntimeException e) {
            committer.abort();
            throw e;
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    /**
     * Runs one pipeline step under a named Spark job group (so the Spark UI reads like the
     * pipeline), records its time, and prints its start and end lines with {@code summary} of its result.
     */
    private <T> T timed(String step, String description, Supplier<T> work, Function<T, String> summary) {
        SparkContext sc = spark.sparkContext();
        sc.setJobGroup("wiretrace:" + step, description, false);
        progress.start(step, description);
        long t0 = System.nanoTime();
        T result;
        try {
            result = work.get();
        } finally {
            timings.put(step, (System.nanoTime() - t0) / 1_000_000);
            sc.clearJobGroup();
        }
        progress.end(step, timings.get(step), summary.apply(result));
        return result;
    }

    private void writeManifest(OutputCommitter committer, InputPlan plan, RunResult r, Map<String, Long> written,
                               long dateWarnings, Map<String, Long> syndication, Map<String, Object> topics,
                               Instant started) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("run_id", r.runId());
        m.put("run_date", request.runDate());
        m.put("status", r.rejectRateExceeded() ? "reject_rate_exceeded" : "succeeded");
        m.put("wiretrace_version", BuildInfo.version());
        m.put("git_commit", BuildInfo.gitCommit());
        m.put("started_at", started.toString());
        m.put("finished_at", Instant.now().toString());
        ObjectNode sparkNode = m.putObject("spark");
        sparkNode.put("app_id", spark.sparkContext().applicationId());
        sparkNode.put("version", spark.version());
        sparkNode.put("master", spark.sparkContext().master());
        sparkNode.put("layout", layout.name().toLowerCase(Locale.ROOT));
        m.put("config_hash", ConfigLoader.hash(request.config()));
        m.set("config", ConfigLoader.toTree(request.config()));
        ObjectNode inputs = m.putObject("inputs");
        ArrayNode paths = inputs.putArray("paths");
        plan.inputs().forEach(paths::add);
        inputs.put("files", plan.files().size());
        inputs.put("bytes", plan.totalBytes());
        inputs.put("splits", plan.splits().size());
        ObjectNode byFormat = inputs.putObject("files_by_format");
        Map<String, Long> formats = new TreeMap<>();
        plan.files().forEach(f -> formats.merge(f.format(), 1L, Long::sum));
        formats.forEach(byFormat::put);
        ArrayNode skipped = inputs.putArray("skipped_files");
        plan.skipped().forEach(skipped::add);
        ObjectNode counts = m.putObject("counts");
        counts.put("records_in", r.recordsIn());
        counts.put("articles", r.articles());
        counts.put("exact_duplicates", r.exactDuplicates());
        counts.put("rejects", r.rejects());
        counts.put("identity", "records_in = articles + exact_duplicates + rejects");
        counts.put("identity_holds", r.recordsIn() == r.articles() + r.exactDuplicates() + r.rejects());
        ObjectNode byReason = counts.putObject("rejects_by_reason");
        r.rejectsByReason().forEach(byReason::put);
        // Web-archive records that are not pages; outside the identity because they never were
        // input records (see docs/input-formats.md).
        counts.put("records_skipped", r.recordsSkipped());
        ObjectNode skippedBy = counts.putObject("skipped_by_reason");
        r.skippedByReason().forEach(skippedBy::put);
        counts.put("date_warnings", dateWarnings);
        ObjectNode stages = m.putObject("stages");
        stages.putObject("ingest").put("records_in", r.recordsIn()).put("parsed", r.recordsIn() - r.rejects())
                .put("rejected", r.rejects()).put("skipped", r.recordsSkipped());
        stages.putObject("normalize").put("records", r.recordsIn() - r.rejects());
        stages.putObject("exact_dedup").put("kept", r.articles()).put("exact_duplicates", r.exactDuplicates());
        if (!syndication.isEmpty()) {
            ObjectNode syn = stages.putObject("syndication");
            syndication.forEach(syn::put);
            syn.put("verified_pairs", written.get("syndication_pairs"));
            syn.put("stories", written.get("stories"));
        }
        if (!topics.isEmpty()) {
            ObjectNode top = stages.putObject("topics");
            topics.forEach((k, v) -> top.set(k, JSON.valueToTree(v)));
            top.put("topics", written.get("topics"));
        }
        ObjectNode notes = m.putObject("stage_notes");
        r.stageNotes().forEach(notes::put);
        ObjectNode quality = m.putObject("quality");
        quality.put("reject_rate", r.rejectRate());
        quality.put("max_reject_rate", request.config().quality().maxRejectRate());
        quality.put("reject_rate_exceeded", r.rejectRateExceeded());
        ObjectNode tables = m.putObject("tables");
        for (Tables.Table t : Tables.ALL) {
            if (!written.containsKey(t.name())) {
                continue;
            }
            tables.putObject(t.name()).put("rows", written.get(t.name()))
                    .put("path", committer.targetPath(t.name()));
        }
        ObjectNode t = m.putObject("timings_ms");
        r.timingsMs().forEach(t::put);
        try (OutputStream out = committer.fileSystem().create(committer.stagedManifest(), true)) {
            JSON.writeValue(out, m);
        }
    }
}
