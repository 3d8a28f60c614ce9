package io.wiretrace.pipeline.run;

import java.util.Map;

/**
 * What a run produced, immutable. {@code rejectRate} is rejects / records_in; the CLI turns a rate
 * above the limit into exit code 3. {@code recordsSkipped} counts web-archive records that are not
 * pages (requests, revisits, non-HTML…): they are not input records, so not in records_in.
 */
public record RunResult(String runId, String outputDir, long recordsIn, long articles, long exactDuplicates,
                        long rejects, double rejectRate, boolean rejectRateExceeded, Map<String, Long> rejectsByReason,
                        long recordsSkipped, Map<String, Long> skippedByReason, Map<String, Long> timingsMs) {}
