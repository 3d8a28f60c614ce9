package io.wiretrace.pipeline.run;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.pipeline.Layout;
import io.wiretrace.pipeline.Lineage;
import io.wiretrace.pipeline.ingest.IngestStage;
import io.wiretrace.pipeline.ingest.InputPlan;
import io.wiretrace.pipeline.ingest.InputPlanner;
import io.wiretrace.pipeline.report.CatalogRegistration;
import io.wiretrace.pipeline.report.OutputCommitter;
import io.wiretrace.pipeline.report.ReportWriter;
import io.wiretrace.pipeline.report.RunReport;
import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.pipeline.report.WrittenRows;
import io.wiretrace.pipeline.syndication.StoryIndex;
import io.wiretrace.pipeline.syndication.SyndicationStage;
import io.wiretrace.pipeline.topics.TopicStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code run} action: plan → ingest (parse, normalise, exact dedup) → syndication (stories) →
 * topics → report tables, committed atomically with a manifest and an HTML summary. Each step runs
 * under a named Spark job group ({@link Steps}) so the Spark UI reads like the pipeline. Counts
 * come from the data itself (row counts of what is written), never from accumulators, so a retried
 * task cannot inflate them. Everything the run caches is released when it ends, failed or not:
 * inside a caller's long-lived session (RunCommand supports one) a failed run leaves no blocks.
 */
public final class RunJob {

    private static final Logger LOG = LoggerFactory.getLogger(RunJob.class);

    /** What to run. */
    public record Request(WiretraceConfig config, List<String> inputs, String output, boolean overwrite, String runId,
                          String runDate, boolean rebuildIndex) {
        public Request {
            RunDates.validate(runDate);
        }

        /** A run that matches against the story index as configured. */
        public Request(WiretraceConfig config, List<String> inputs, String output, boolean overwrite, String runId,
                       String runDate) {
            this(config, inputs, output, overwrite, runId, runDate, false);
        }
    }

    /**
     * A stage's result and the articles joined with its per-article annotation (article_id and the
     * stage's columns; see {@link Lineage#annotate}), cached and cut inside the stage's timed step
     * (the cut runs the stage's shuffles, which belong to that step's time).
     */
    private record Annotated<R>(R result, Dataset<Row> articles) {}

    private final SparkSession spark;
    private final Request request;
    private final WiretraceConfig config;
    private final List<Dataset<Row>> cached = new ArrayList<>();
    private final Map<String, String> notes = new LinkedHashMap<>();
    private Steps steps;
    /** What earlier runs left to match against; null until syndication runs. */
    private StoryIndex.Earlier earlier;
    private Layout layout = Layout.DISTRIBUTED;

    /**
     * A run on {@code spark}'s SparkContext, in a session of its own ({@link SparkSessions#forRun}):
     * the settings of {@code spark} are the run's starting point and are never changed by it.
     */
    public RunJob(SparkSession spark, Request request) {
        this.spark = SparkSessions.forRun(spark, request.config());
        this.request = request;
        this.config = request.config();
    }

    public RunResult run() throws IOException {
        SparkContext sc = spark.sparkContext();
        // Spark draws its own task bar on a terminal; elsewhere (logs, schedulers) our lines say it.
        boolean terminal = "true".equals(sc.getConf().get("spark.ui.showConsoleProgress", "false"));
        scala.Option<SparkSession> callers = SparkSession.getActiveSession();
        // Code that asks Spark for "the" session (some of MLlib does) gets the run's.
        SparkSession.setActiveSession(spark);
        try (Progress p = new Progress(sc, System.err, !terminal)) {
            steps = new Steps(sc, p);
            return runCommitted();
        } finally {
            cached.forEach(Dataset::unpersist);
            cached.clear();
            if (callers.isDefined()) {
                SparkSession.setActiveSession(callers.get());
            } else {
                SparkSession.clearActiveSession();
            }
        }
    }

    /** The pipeline, committed when every table is written and the accounting holds; aborted otherwise. */
    private RunResult runCommitted() throws IOException {
        Instant started = Instant.now();
        OutputCommitter committer = openCommitter();
        try {
            InputPlan plan = plan();
            Ingested in = ingest(plan);
            Annotated<SyndicationStage.Result> syndication = syndicate(in.kept(), in.counts().articles());
            Dataset<Row> annotated = syndication == null ? in.kept() : syndication.articles();
            Annotated<TopicStage.Result> topics = topics(annotated, in.counts().articles());
            annotated = topics == null ? annotated : topics.articles();
            // The derived reports read a copy without the text, cached once: a cut cache hands every
            // column to each query that reads it, and the text is most of the bytes (measured at 1M
            // articles: each derived table spent ~30 s re-reading 2.8 GB of text it never used).
            Dataset<Row> reportRows = syndication != null || topics != null
                    ? Lineage.persistAndCut(annotated.drop("text"), cached, layout) : annotated;
            List<ReportTables.Output> tables = ReportTables.of(spark, in, annotated, reportRows,
                    syndication == null ? null : syndication.result(), earlier, request.runDate(),
                    topics == null ? null : topics.result());
            Map<String, Long> written = write(committer, tables, in.counts().recordsIn());
            in.counts().checkWritten(written);
            RunResult result = result(committer, in.counts());
            new RunManifest(request, plan, layout, in.counts(), result,
                    syndication == null ? Map.of() : syndication.result().counts(),
                    topics == null ? Map.of() : topics.result().counts(), written, started).write(spark, committer);
            report(committer, tables, result, written);
            committer.commit();
            register(committer, tables);
            return result;
        } catch (Throwable e) { // Spark's job failures are checked exceptions, thrown unchecked from Scala
            committer.abort();
            throw e;
        }
    }

    private OutputCommitter openCommitter() {
        OutputCommitter committer = new OutputCommitter(request.output(), request.runId(), request.runDate(),
                request.overwrite(), spark.sparkContext().hadoopConfiguration());
        String recovered = committer.recoverInterruptedCommit();
        if (recovered != null) {
            LOG.warn("Finished the interrupted commit of run date {} in {} before this run", recovered,
                    committer.targetDir());
        }
        committer.checkTarget();
        return committer;
    }

    private InputPlan plan() {
        return steps.run("plan", "List input files and plan read splits", () ->
                InputPlanner.plan(request.inputs(), config.input().format(), config.input().splitBytes(),
                        spark.sparkContext().hadoopConfiguration()), pl -> String.format(Locale.ROOT,
                "%,d files, %,d bytes, %,d splits", pl.files().size(), pl.totalBytes(), pl.splits().size()));
    }

    private Ingested ingest(InputPlan plan) {
        Dataset<Row> parsed = IngestStage.run(spark, plan, config).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(parsed);
        // Parsed in parallel (one task per split); after that, a small run is one partition.
        layout = Layout.forInput(plan.totalBytes(), config.spark().onePartitionMaxBytes());
        layout.configure(spark);
        Ingested in = Ingested.run(parsed, layout, config, steps, cached);
        if (in.counts().articles() == 0) {
            notes.put("syndication", "no articles: every record was rejected or an exact duplicate");
        }
        return in;
    }

    private Annotated<SyndicationStage.Result> syndicate(Dataset<Row> articles, long count) {
        if (!config.syndication().enabled()) {
            return null;
        }
        earlier = steps.run("story_index", "Read the story index of the dates before this one", () ->
                StoryIndex.open(spark, request.output(), request.runDate(), config.syndication().windowDays(),
                        request.rebuildIndex(), StoryIndex.params(config.syndication())),
                e -> e.dates().isEmpty() ? "none" : e.dates().size() + " dates since " + e.since());
        return steps.run("syndication", "Detect copies (MinHash LSH), verify them, build stories", () -> {
            SyndicationStage.Result r = SyndicationStage.run(articles, count, config.syndication(), layout, earlier);
            cached.addAll(r.cached());
            return new Annotated<>(r, Lineage.annotate(articles, r.assignments(), "article_id", cached, layout));
        }, a -> String.format(Locale.ROOT, "%,d candidate pairs, %,d after the sketch filter",
                a.result().counts().get("candidate_pairs"),
                a.result().counts().get("candidate_pairs_after_sketch_filter")));
    }

    private Annotated<TopicStage.Result> topics(Dataset<Row> articles, long count) {
        if (!config.topics().enabled()) {
            return null;
        }
        int partitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));
        Annotated<TopicStage.Result> a = steps.run("topics",
                "Cluster stories into topics (TF-IDF, spherical k-means) and label them", () -> {
                    TopicStage.Result r = TopicStage.run(spark, articles, count, config.topics(), partitions, layout);
                    cached.addAll(r.cached());
                    return new Annotated<>(r, Lineage.annotate(articles, r.assignments(), "article_id", cached, layout));
                }, x -> x.result().skipped() ? "skipped — " + x.result().skippedReason()
                        : String.format(Locale.ROOT, "%,d stories, k=%s (%s)", x.result().counts().get("stories"),
                        x.result().counts().get("k"), x.result().counts().get("k_chosen_by")));
        if (a.result().skipped()) {
            notes.put("topics", "skipped — " + a.result().skippedReason());
        }
        return a;
    }

    /**
     * Writes each table into the commit's staging area, {@code output.parallel_writes} at a time;
     * rows written per table, in table order, from the Parquet footers.
     */
    private Map<String, Long> write(OutputCommitter committer, List<ReportTables.Output> tables, long recordsIn) {
        ReportWriter writer = new ReportWriter(config.output().compression().key(), config.output().maxRecordsPerFile(),
                recordsIn);
        List<Steps.Step<Long>> writes = new ArrayList<>();
        for (ReportTables.Output t : tables) {
            String path = committer.stagingPath(t.name());
            writes.add(new Steps.Step<>("write_" + t.name(), "Write the " + t.name() + " table", () -> {
                writer.write(t.table(), t.rows(), t.maxRows(), path);
                // Counted from the Parquet footers of what was written: no Spark job.
                return WrittenRows.count(path, spark.sparkContext().hadoopConfiguration());
            }, rows -> String.format(Locale.ROOT, "%,d rows", rows)));
        }
        List<Long> rows = steps.runAll(writes, config.output().parallelWrites());
        Map<String, Long> written = new LinkedHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            written.put(tables.get(i).name(), rows.get(i));
        }
        return written;
    }

    private RunResult result(OutputCommitter committer, RecordCounts c) {
        notes.forEach(steps::note);
        boolean exceeded = c.rejectRate() > config.quality().maxRejectRate();
        return new RunResult(request.runId(), committer.targetDir(), c.recordsIn(), c.articles(), c.exactDuplicates(),
                c.rejects(), c.rejectRate(), exceeded, c.rejectsByReason(), c.skipped(), c.skippedByReason(),
                steps.timings(), notes);
    }

    /** The HTML run summary, staged with the tables. */
    private void report(OutputCommitter committer, List<ReportTables.Output> tables, RunResult r,
                        Map<String, Long> written) {
        Map<String, Long> headline = new LinkedHashMap<>();
        headline.put("records_in", r.recordsIn());
        headline.put("articles", r.articles());
        headline.put("exact_duplicates", r.exactDuplicates());
        headline.put("rejects", r.rejects());
        if (r.recordsSkipped() > 0) {
            headline.put("records_skipped", r.recordsSkipped());
        }
        for (String t : List.of("stories", "syndication_pairs", "topics")) {
            if (written.containsKey(t)) {
                headline.put(t, written.get(t));
            }
        }
        List<Tables.Table> names = tables.stream().map(ReportTables.Output::table).toList();
        steps.run("write_report", "Write the HTML run summary", () -> {
            try {
                RunReport.write(spark, committer, names, new RunReport.RunFacts(request.runId(), request.runDate(),
                        r.status(), BuildInfo.version(), headline, steps.timings(), r.rejectsByReason()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** After the commit: the catalog points at committed data only. */
    private void register(OutputCommitter committer, List<ReportTables.Output> tables) {
        if (config.output().registerTables()) {
            steps.run("register_tables", "Register the tables in the session catalog", () -> CatalogRegistration.register(
                    spark, config.output().catalogDatabase(), committer.targetDir(),
                    tables.stream().map(ReportTables.Output::table).toList()));
        }
    }
}
