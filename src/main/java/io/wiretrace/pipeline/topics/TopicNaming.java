package io.wiretrace.pipeline.topics;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import io.wiretrace.core.topics.TopicLabels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/** Labels for fitted topics: the terms that set each center apart from the corpus mean ({@link TopicLabels}). */
final class TopicNaming {

    private TopicNaming() {}

    /** One labelled topic per cluster, by topic id; {@code terms} are the stories' terms ({@link TopicVectors#TERMS}). */
    static List<TopicLabels.Topic> label(Clustering clustering, TopicVectors vectors, Dataset<Row> terms, int labelTerms) {
        String[] names = vectors.hashing()
                ? bucketNames(terms, vectors.hashingTf(), clustering.centers(), clustering.corpusMean(),
                        vectors.dimension(), labelTerms)
                : vectors.vocabulary().terms();
        List<TopicLabels.Topic> topics = new ArrayList<>();
        for (Clustering.Cluster c : clustering.clusters()) {
            topics.add(TopicLabels.label(c.topicId(), clustering.centers()[c.index()].toArray(),
                    clustering.corpusMean().toArray(), names, labelTerms, c.centralStoryKey(), c.centralTitle()));
        }
        topics.sort(Comparator.comparingInt(TopicLabels.Topic::topicId));
        return topics;
    }

    /**
     * Names for the hashed buckets that can appear in labels: per topic the 3 × label_terms best
     * buckets; each named by its most frequent term (by story count, ties by term). One pass over
     * the terms; the driver receives only the terms of those buckets.
     */
    static String[] bucketNames(Dataset<Row> terms, HashingTF hashingTf, Vector[] centers, Vector corpusMean,
                                int dimension, int labelTerms) {
        Set<Integer> wanted = new TreeSet<>();
        for (Vector c : centers) {
            for (int i : TopicLabels.topIndices(c.toArray(), corpusMean.toArray(), 3 * labelTerms)) {
                wanted.add(i);
            }
        }
        UserDefinedFunction bucket = udf((UDF1<String, Integer>) t -> hashingTf.indexOf(t), DataTypes.IntegerType);
        List<Row> rows = terms.select(explode(array_distinct(col("terms"))).as("term"))
                .withColumn("bucket", bucket.apply(col("term")))
                .filter(col("bucket").isin(wanted.toArray()))
                .groupBy("bucket", "term").agg(count(lit(1)).as("df"))
                .collectAsList();
        String[] names = new String[dimension];
        long[] best = new long[dimension];
        for (Row r : rows) {
            int b = r.getInt(0);
            long df = r.getLong(2);
            String term = r.getString(1);
            if (names[b] == null || df > best[b] || (df == best[b] && term.compareTo(names[b]) < 0)) {
                names[b] = term;
                best[b] = df;
            }
        }
        return names;
    }
}
