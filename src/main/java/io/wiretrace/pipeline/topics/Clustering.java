package io.wiretrace.pipeline.topics;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted clustering, whichever way it was fitted ({@link LocalFit} or {@link MllibFit}):
 * unit-length centers, the corpus mean vector, the non-empty clusters (topic ids by size,
 * descending, ties by smallest story key), and story_key → topic_id as a Dataset.
 */
record Clustering(Vector[] centers, Vector corpusMean, List<Clustering.Cluster> clusters, Dataset<Row> storyTopics,
                  double cost) {

    /** One fitted cluster: its index in {@link #centers()}, its topic id and its most central story. */
    record Cluster(int index, int topicId, String centralStoryKey, String centralTitle) {}
}
