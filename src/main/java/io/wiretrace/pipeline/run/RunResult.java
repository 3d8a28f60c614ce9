package io.wiretrace.pipeline.run;

import java.util.Map;

/**
 * What a run produced, immutable. {@code rejectRate} is rejects / records_in; the CLI turns a rate
 * above the limit into exit code 3. {@code recordsSkipped} counts web-archive records that are not
 * pages (requests, revisits, non-HTML…): they are not input records, so not in records_in.
 */
public record RunResult(String runId, String outputDir, long recordsIn, long articles, long exactDuplicates,
                        long rejects, double rejectRate, boolean rejectRateExceeded, Map<String, Long> rejectsByReason,
                        long recordsSkipped, Map<String, Long> skippedByReason, Map<String, Long> timingsMs,
                        Map<String, String> stageNotes) {

    /**
     * @param stageNotes per stage that did less than usual, why (e.g. topics → "skipped — 3 stories,
     *                   fewer than k_min=4"); copied, like every map here
     */
    public RunResult {
        rejectsByReason = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(rejectsByReason));
        skippedByReason = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(skippedByReason));
        timingsMs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timingsMs));
        stageNotes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stageNotes));
    }

    /** The run's status as the manifest and the run summary state it. */
    public String status() {
        return rejectRateExceeded ? "reject_rate_exceeded" : "succeeded";
    }
}
