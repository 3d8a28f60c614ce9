package io.wiretrace.pipeline.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretrace.config.ConfigLoader;
import io.wiretrace.pipeline.Layout;
import io.wiretrace.pipeline.ingest.InputPlan;
import io.wiretrace.pipeline.report.OutputCommitter;
import io.wiretrace.pipeline.report.Tables;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * The run manifest ({@code _manifest.json}): what ran (version, commit, Spark, config and its
 * hash), on what (inputs), what became of every record (counts and the identity), what each stage
 * did, the quality gate, the tables written and the timings. docs/operations.md describes it.
 *
 * @param syndication the syndication stage's counts; empty when it did not run
 * @param topics      the topic stage's counts; empty when it did not run
 * @param written     rows written per table, counted from the Parquet footers
 */
record RunManifest(RunJob.Request request, InputPlan plan, Layout layout, RecordCounts counts, RunResult result,
                   Map<String, Long> syndication, Map<String, Object> topics, Map<String, Long> written,
                   Instant started) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the manifest into the commit's staging area (published with the tables). */
    void write(SparkSession spark, OutputCommitter committer) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        header(m, spark);
        inputs(m.putObject("inputs"));
        counts(m.putObject("counts"));
        stages(m.putObject("stages"));
        ObjectNode notes = m.putObject("stage_notes");
        result.stageNotes().forEach(notes::put);
        ObjectNode quality = m.putObject("quality");
        quality.put("reject_rate", result.rejectRate());
        quality.put("max_reject_rate", request.config().quality().maxRejectRate());
        quality.put("reject_rate_exceeded", result.rejectRateExceeded());
        ObjectNode tables = m.putObject("tables");
        for (Tables.Table t : Tables.ALL) {
            if (written.containsKey(t.name())) {
                tables.putObject(t.name()).put("rows", written.get(t.name())).put("path", committer.targetPath(t.name()));
            }
        }
        ObjectNode timings = m.putObject("timings_ms");
        result.timingsMs().forEach(timings::put);
        try (OutputStream out = committer.fileSystem().create(committer.stagedManifest(), true)) {
            JSON.writeValue(out, m);
        }
    }

    private void header(ObjectNode m, SparkSession spark) {
        m.put("run_id", result.runId());
        m.put("run_date", request.runDate());
        m.put("status", result.status());
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
    }

    private void inputs(ObjectNode inputs) {
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
    }

    private void counts(ObjectNode c) {
        c.put("records_in", result.recordsIn());
        c.put("articles", result.articles());
        c.put("exact_duplicates", result.exactDuplicates());
        c.put("rejects", result.rejects());
        c.put("identity", "records_in = articles + exact_duplicates + rejects");
        c.put("identity_holds", result.recordsIn() == result.articles() + result.exactDuplicates() + result.rejects());
        ObjectNode byReason = c.putObject("rejects_by_reason");
        result.rejectsByReason().forEach(byReason::put);
        // Web-archive records that are not pages; outside the identity because they never were
        // input records (see docs/input-formats.md).
        c.put("records_skipped", result.recordsSkipped());
        ObjectNode skippedBy = c.putObject("skipped_by_reason");
        result.skippedByReason().forEach(skippedBy::put);
        c.put("date_warnings", counts.dateWarnings());
    }

    private void stages(ObjectNode stages) {
        RunResult r = result;
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
    }
}
