package io.wiretrace.pipeline.run;

import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.pipeline.syndication.StoryIndex;
import io.wiretrace.pipeline.syndication.SyndicationReports;
import io.wiretrace.pipeline.syndication.SyndicationStage;
import io.wiretrace.pipeline.topics.TopicReports;
import io.wiretrace.pipeline.topics.TopicStage;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The tables a run writes, in the order it writes them, each with its rows and an upper bound of
 * them known without a query (the writer sizes files from it): stories and spreads are at most one
 * row per article, outlet tables at most one per outlet (pair), verified pairs at most the likely
 * pairs.
 */
final class ReportTables {

    /** One table to write. */
    record Output(Tables.Table table, Dataset<Row> rows, long maxRows) {
        String name() {
            return table.name();
        }
    }

    private ReportTables() {}

    /**
     * @param articles   the annotated articles, text and all
     * @param reportRows the same without the text, which the derived reports read
     * @param syndication the syndication stage's result, or null when it did not run
     * @param topics     the topic stage's result, or null when it did not run
     */
    static List<Output> of(SparkSession spark, Ingested in, Dataset<Row> articles, Dataset<Row> reportRows,
                           SyndicationStage.Result syndication, StoryIndex.Earlier earlier, String runDate,
                           TopicStage.Result topics) {
        RecordCounts c = in.counts();
        long n = c.articles();
        long outlets = c.outletBound();
        List<Output> out = new ArrayList<>();
        out.add(new Output(Tables.ARTICLES, articles, n));
        out.add(new Output(Tables.REJECTS, in.rejected(), c.rejects()));
        out.add(new Output(Tables.LINEAGE, in.lineage(), c.recordsIn()));
        if (syndication != null) {
            out.add(new Output(Tables.SYNDICATION_PAIRS, syndication.pairs(),
                    syndication.counts().get("candidate_pairs_after_sketch_filter")));
            Dataset<Row> stories = SyndicationReports.stories(reportRows, earlier, runDate);
            out.add(new Output(Tables.STORIES, stories, n));
            out.add(new Output(Tables.STORY_SPREAD, SyndicationReports.storySpread(reportRows, earlier), n));
            out.add(new Output(Tables.OUTLET_OVERLAP, SyndicationReports.outletOverlap(reportRows, earlier),
                    Math.min(n * n, outlets * outlets)));
            out.add(new Output(Tables.OUTLET_SUMMARY, SyndicationReports.outletSummary(reportRows, stories), outlets));
            out.add(new Output(Tables.STORY_INDEX, syndication.index(), n));
        }
        if (topics != null) {
            int k = topics.topics().size();
            out.add(new Output(Tables.TOPICS, TopicReports.topics(spark, reportRows, topics.topics()), k));
            out.add(new Output(Tables.TOPIC_OUTLETS, TopicReports.topicOutlets(reportRows), Math.min(n, k * outlets)));
        }
        return out;
    }
}
