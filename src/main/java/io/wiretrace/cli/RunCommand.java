package io.wiretrace.cli;

import io.wiretrace.config.ConfigException;
import io.wiretrace.config.ConfigLoader;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.pipeline.ingest.InputPlan;
import io.wiretrace.pipeline.ingest.InputPlanner;
import io.wiretrace.pipeline.report.OutputCommitter;
import io.wiretrace.pipeline.run.RunDates;
import io.wiretrace.pipeline.run.RunJob;
import io.wiretrace.pipeline.run.RunResult;
import io.wiretrace.pipeline.run.SparkSessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Reads scrape corpora and writes the reports (Parquet, partitioned by run_date) and _manifest.json to --output.",
                "Without --input, runs on the bundled sample corpus (generated at first use)."},
        footer = ExitCodes.TABLE)
final class RunCommand implements Callable<Integer> {

    @Option(names = {"-i", "--input"}, arity = "1..*", paramLabel = "PATH",
            description = "Files, directories (read recursively) or globs; local paths or any Hadoop URI (hdfs://, s3a://).")
    List<String> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Output directory (default out/sample when --input is omitted).")
    String output;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "auto (by extension: .jsonl/.json/.ndjson, .csv/.tsv, .parquet, .txt pages, .warc/.wet web archives; .gz/.bz2/.zst), jsonl, csv, parquet, pages or warc. Sets input.format.")
    String format;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration (see conf/wiretrace.yaml).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override one configuration key, e.g. --set quality.max_reject_rate=0.1 (repeatable; applied after --config).")
    List<String> sets = new ArrayList<>();

    @Option(names = "--scraped-at", paramLabel = "TIME",
            description = "Scrape time for page dumps without a sidecar (ISO-8601). Sets input.pages.scraped_at.")
    String scrapedAt;

    @Option(names = "--overwrite",
            description = "Replace this run date's partition of every table if it exists (atomically per table, at the end); other dates are kept.")
    boolean overwrite;

    @Option(names = "--run-date", paramLabel = "YYYY-MM-DD",
            description = "The date that partitions every table (run_date=...); default: today's UTC date. Scheduled jobs pass their logical date.")
    String runDate;

    @Option(names = "--rebuild-index",
            description = "Start a new story index at this run date: match against no earlier date (needed once after changing the matching parameters; docs/incremental.md).")
    boolean rebuildIndex;

    @Option(names = "--register-tables",
            description = "After committing, create or update the tables in the Spark session catalog (Hive metastore when configured) as DATABASE.TABLE (output.catalog_database). Sets output.register_tables.")
    boolean registerTables;

    @Option(names = "--dry-run", description = "Validate configuration and inputs, print the plan, start nothing.")
    boolean dryRun;

    @Option(names = "--sample-dir", paramLabel = "DIR", hidden = true, description = "Where the bundled sample is generated.")
    Path sampleDir;

    @Override
    public Integer call() throws Exception {
        WiretraceConfig cfg = ConfigLoader.load(config, overrides());
        List<String> in = inputs;
        String out = output;
        if (in.isEmpty()) {
            in = SampleCorpus.ensure(sampleDir != null ? sampleDir : SampleCorpus.defaultDir());
            if (out == null) {
                out = "out/sample";
            }
        }
        if (out == null) {
            throw new ConfigException("Invalid arguments: --output is required when --input is given");
        }
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(java.time.Instant.now()) + "-" + Long.toHexString(ProcessHandle.current().pid());

        // Validate inputs and output before any Spark start-up cost.
        Configuration hadoop = new Configuration();
        InputPlan plan = InputPlanner.plan(in, cfg.input().format(), cfg.input().splitBytes(), hadoop);
        String date = RunDates.resolve(runDate, Clock.systemUTC());
        OutputCommitter committer = new OutputCommitter(out, runId, date, overwrite, hadoop);
        committer.checkTarget();
        if (dryRun) {
            printPlan(plan, committer, cfg);
            return ExitCodes.OK;
        }

        List<String> runInputs = in;
        String runOutput = out;
        return SparkSessions.using(cfg, spark -> {
            io.wiretrace.pipeline.FaultInjection.fromConf(spark);
            RunResult r = new RunJob(spark, new RunJob.Request(cfg, runInputs, runOutput, overwrite, runId, date,
                    rebuildIndex)).run();
            return printSummary(r, cfg);
        });
    }

    /** The --set overrides, then the flags that are shorthands for settings (they win over --set). */
    private List<String> overrides() {
        List<String> overrides = new ArrayList<>(sets);
        if (format != null) {
            overrides.add("input.format=" + format);
        }
        if (registerTables) {
            overrides.add("output.register_tables=true");
        }
        if (scrapedAt != null) {
            overrides.add("input.pages.scraped_at=" + scrapedAt);
        }
        return overrides;
    }

    /** The console summary of a committed run; its exit code (a reject rate over the limit is not OK). */
    private static int printSummary(RunResult r, WiretraceConfig cfg) {
        System.out.printf("wiretrace: run %s: %,d records in → %,d articles, %,d exact duplicates, %,d rejects (%.2f%%)%n",
                r.runId(), r.recordsIn(), r.articles(), r.exactDuplicates(), r.rejects(), 100 * r.rejectRate());
        if (r.recordsSkipped() > 0) {
            System.out.printf("wiretrace: %,d web-archive records were not pages and were skipped %s%n",
                    r.recordsSkipped(), r.skippedByReason());
        }
        r.stageNotes().forEach((stage, note) -> System.out.println("wiretrace: " + stage + ": " + note));
        System.out.println("wiretrace: reports in " + r.outputDir() + " (see _manifest.json)");
        if (r.rejectRateExceeded()) {
            System.err.printf("wiretrace: reject rate %.4f is above quality.max_reject_rate %.4f%n",
                    r.rejectRate(), cfg.quality().maxRejectRate());
            return ExitCodes.REJECT_RATE;
        }
        return ExitCodes.OK;
    }

    private static void printPlan(InputPlan plan, OutputCommitter committer, WiretraceConfig cfg) {
        Map<String, Integer> byFormat = new TreeMap<>();
        plan.files().forEach(f -> byFormat.merge(f.format() + (f.compression().equals("none") ? "" : "+" + f.compression()), 1, Integer::sum));
        System.out.println("wiretrace dry run: nothing started, nothing written");
        System.out.printf("inputs: %s%n", plan.inputs());
        System.out.printf("files: %,d (%,d bytes) %s; read splits: %,d%n", plan.files().size(), plan.totalBytes(),
                byFormat, plan.splits().size());
        if (!plan.skipped().isEmpty()) {
            System.out.printf("passed over (unknown format): %,d files, e.g. %s%n", plan.skipped().size(), plan.skipped().get(0));
        }
        System.out.println("output: " + committer.targetDir() + " (run_date=" + committer.runDate() + ")");
        System.out.println("config hash: " + ConfigLoader.hash(cfg));
        System.out.println("effective configuration:");
        System.out.print(ConfigLoader.toYaml(cfg).indent(2));
    }
}
