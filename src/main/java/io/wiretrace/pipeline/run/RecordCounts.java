package io.wiretrace.pipeline.run;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The run's record accounting, counted from data (aggregations over cached rows, never
 * accumulators a retried task would update twice). Every input record is an article, an exact
 * duplicate or a reject; skipped web-archive records (requests, revisits, non-HTML…) never were
 * input records and stay outside the identity.
 *
 * @param outletBound the distinct outlets per dedup status, summed: an upper bound of the outlets,
 *                    known without another job (the writer sizes files from it)
 */
record RecordCounts(long articles, long exactDuplicates, Map<String, Long> rejectsByReason,
                    Map<String, Long> skippedByReason, long dateWarnings, long outletBound) {

    RecordCounts {
        rejectsByReason = Collections.unmodifiableSortedMap(new TreeMap<>(rejectsByReason));
        skippedByReason = Collections.unmodifiableSortedMap(new TreeMap<>(skippedByReason));
    }

    long rejects() {
        return rejectsByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    long skipped() {
        return skippedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** records_in = articles + exact_duplicates + rejects. */
    long recordsIn() {
        return articles + exactDuplicates + rejects();
    }

    double rejectRate() {
        long in = recordsIn();
        return in == 0 ? 0.0 : (double) rejects() / in;
    }

    /**
     * Checks the identity against the rows actually written (lineage, articles, rejects), so a
     * table that lost or gained rows stops the commit.
     *
     * @throws IllegalStateException when it does not hold
     */
    void checkWritten(Map<String, Long> written) {
        long lineage = written.get("lineage");
        long articlesWritten = written.get("articles");
        long rejectsWritten = written.get("rejects");
        if (lineage != articlesWritten + exactDuplicates + rejectsWritten || articlesWritten != articles
                || rejectsWritten != rejects()) {
            throw new IllegalStateException("Cannot commit run: records_in " + lineage + " != articles "
                    + articlesWritten + " + exact_duplicates " + exactDuplicates + " + rejects " + rejectsWritten);
        }
    }
}
