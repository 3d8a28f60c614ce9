package io.wiretrace.pipeline.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import io.wiretrace.core.topics.TopicLabels;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The topic reports, as functions of the topic-annotated {@code articles} (article_id, outlet,
 * published_at, topic_id, story_id when syndication ran) and the stage's labels.
 */
public final class TopicReports {

    static final StructType LABELS = new StructType()
            .add("topic_id", DataTypes.IntegerType, false)
            .add("label", DataTypes.StringType, false)
            .add("top_terms", DataTypes.createArrayType(new StructType()
                    .add("term", DataTypes.StringType).add("weight", DataTypes.DoubleType)), false)
            .add("central_story_id", DataTypes.StringType, true)
            .add("central_title", DataTypes.StringType, true);

    private TopicReports() {}

    /** One row per topic. The labels are k small rows built on the driver from the model. */
    public static Dataset<Row> topics(SparkSession spark, Dataset<Row> articles, List<TopicLabels.Topic> labels) {
        List<Row> rows = new ArrayList<>();
        for (TopicLabels.Topic t : labels) {
            List<Row> terms = new ArrayList<>();
            for (TopicLabels.Term term : t.topTerms()) {
                terms.add(RowFactory.create(term.term(), term.weight()));
            }
            rows.add(RowFactory.create(t.topicId(), t.label(), terms, t.centralStoryId(), t.centralTitle()));
        }
        Dataset<Row> labelRows = spark.createDataFrame(rows, LABELS);
        Dataset<Row> sizes = TopicStage.withStoryKey(articles).filter(col("topic_id").isNotNull()).groupBy("topic_id").agg(
                count(lit(1)).as("n_articles"),
                countDistinct("story_key").as("n_stories"),
                countDistinct("outlet").as("n_outlets"),
                min("published_at").as("first_published_at"),
                max("published_at").as("last_published_at"));
        return labelRows.join(sizes, "topic_id", "left");
    }

    /** One row per (topic, outlet). */
    public static Dataset<Row> topicOutlets(Dataset<Row> articles) {
        Dataset<Row> cells = TopicStage.withStoryKey(articles).filter(col("topic_id").isNotNull()).groupBy("topic_id", "outlet").agg(
                count(lit(1)).as("n_articles"),
                countDistinct("story_key").as("n_stories"));
        return cells
                .withColumn("share_of_outlet", col("n_articles").divide(sum("n_articles").over(Window.partitionBy("outlet"))))
                .withColumn("share_of_topic", col("n_articles").divide(sum("n_articles").over(Window.partitionBy("topic_id"))));
    }
}
