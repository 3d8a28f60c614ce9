package io.wiretrace.pipeline.syndication;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The story and outlet reports, as pure functions of the story-annotated {@code articles}
 * (article_id, outlet, title, published_at, story_id, is_origin, wire_credit, lag_from_origin_s)
 * and, in a scheduled run, of what earlier runs left ({@link StoryIndex.Earlier}): the latest
 * {@code stories} row of each earlier story (cumulative counts) and the index's articles (who
 * carried it, when). docs/incremental.md has the rules.
 */
public final class SyndicationReports {

    private SyndicationReports() {}

    /** A story's articles with its representative first: the origin, else the smallest article id. */
    public static WindowSpec representativeFirst(String storyColumn) {
        return Window.partitionBy(storyColumn).orderBy(col("is_origin").desc_nulls_last(), col("article_id").asc());
    }

    /**
     * One row per story touched on {@code runDate}: a story that started on an earlier date keeps
     * its origin, title and credit from then and adds this date's articles to its counts.
     */
    public static Dataset<Row> stories(Dataset<Row> articles, StoryIndex.Earlier earlier, String runDate) {
        Dataset<Row> today = stories(articles);
        if (earlier == null || earlier.priorStories() == null) {
            return today.withColumn("n_new_articles", col("n_articles")).withColumn("first_run_date", lit(runDate));
        }
        // An article scraped again (seen_before: same id in the index) was counted on its first date.
        Dataset<Row> fresh = articles.groupBy("story_id").agg(
                sum(when(col("seen_before"), 0).otherwise(1)).cast("int").as("n_new_articles"));
        today = today.join(fresh, "story_id");
        Dataset<Row> joined = today.join(prior(earlier), "story_id", "left");
        Column known = col("p_story_id").isNotNull();
        // The earlier row decides, except where it had no origin yet (no member had a time).
        Column hadOrigin = col("p_origin_article_id").isNotNull();
        for (String c : List.of("origin_article_id", "origin_outlet")) {
            joined = joined.withColumn(c, when(hadOrigin, col("p_" + c)).otherwise(col(c)));
        }
        for (String c : List.of("title", "wire_credit")) {
            joined = joined.withColumn(c, when(known, coalesce(col("p_" + c), col(c))).otherwise(col(c)));
        }
        return joined
                .withColumn("first_published_at", least(col("p_first_published_at"), col("first_published_at")))
                .withColumn("last_published_at", greatest(col("p_last_published_at"), col("last_published_at")))
                .withColumn("n_articles", when(known, col("p_n_articles").plus(col("n_new_articles")))
                        .otherwise(col("n_articles")).cast("int"))
                .withColumn("outlets", array_sort(array_distinct(concat(coalesce(col("p_outlets"), array()),
                        col("outlets")))))
                .withColumn("n_outlets", size(col("outlets")))
                .withColumn("first_run_date", when(known, coalesce(col("p_first_run_date"), col("p_prior_run_date")))
                        .otherwise(lit(runDate)))
                .withColumn("spread_s", expr("unix_seconds(last_published_at) - unix_seconds(first_published_at)"));
    }

    /** The earlier stories' rows, every column prefixed {@code p_}. */
    private static Dataset<Row> prior(StoryIndex.Earlier earlier) {
        Dataset<Row> p = earlier.priorStories();
        List<String> cols = new ArrayList<>(List.of(p.columns()));
        if (!cols.contains("first_run_date")) { // written before stories had it
            p = p.withColumn("first_run_date", lit(null).cast("string"));
            cols.add("first_run_date");
        }
        return p.select(cols.stream().map(c -> col(c).as(c.equals("story_id") ? c : "p_" + c)).toArray(Column[]::new))
                .withColumn("p_story_id", col("story_id"));
    }

    /**
     * The spread curves of the stories touched on this date: this date's pickups, ranked after the
     * story's earlier articles ({@code pickup_rank} and {@code cumulative_outlets} continue).
     */
    public static Dataset<Row> storySpread(Dataset<Row> articles, StoryIndex.Earlier earlier) {
        if (earlier == null || earlier.priorStories() == null) {
            return storySpread(articles);
        }
        Dataset<Row> p = prior(earlier).select("story_id", "p_n_articles", "p_n_outlets", "p_outlets");
        // An article scraped again (seen_before) is on the curve of the date it was first seen.
        Dataset<Row> a = articles.filter(not(col("seen_before"))).join(p, "story_id", "left")
                .withColumn("p_n_articles", coalesce(col("p_n_articles"), lit(0)))
                .withColumn("p_n_outlets", coalesce(col("p_n_outlets"), lit(0)))
                .withColumn("p_outlets", coalesce(col("p_outlets"), array()));
        WindowSpec size = Window.partitionBy("story_id");
        Dataset<Row> multi = a.withColumn("n", count(lit(1)).over(size).plus(col("p_n_articles")))
                .filter(col("n").geq(2));
        WindowSpec order = Window.partitionBy("story_id")
                .orderBy(col("is_origin").desc(), col("published_at").asc_nulls_last(), col("article_id").asc());
        WindowSpec firstOfOutlet = Window.partitionBy("story_id", "outlet")
                .orderBy(col("is_origin").desc(), col("published_at").asc_nulls_last(), col("article_id").asc());
        return multi.withColumn("pickup_rank", row_number().over(order).plus(col("p_n_articles")))
                .withColumn("new_outlet", when(row_number().over(firstOfOutlet).equalTo(1)
                        .and(not(array_contains(col("p_outlets"), col("outlet")))), 1).otherwise(0))
                .withColumn("cumulative_outlets", sum("new_outlet").over(order.rowsBetween(Window.unboundedPreceding(),
                        Window.currentRow())).plus(col("p_n_outlets")).cast("int"));
    }

    /**
     * Who follows whom among the stories touched on this date, with the earlier articles of those
     * stories in the index window, so that a pickup after midnight still counts against its origin.
     */
    public static Dataset<Row> outletOverlap(Dataset<Row> articles, StoryIndex.Earlier earlier) {
        if (earlier == null || earlier.pinned() == null) {
            return outletOverlap(articles);
        }
        Dataset<Row> today = articles.select("story_id", "outlet", "published_at", "article_id");
        Dataset<Row> before = earlier.pinned()
                .select(col("pin_story_id").as("story_id"), col("outlet"),
                        expr("timestamp_seconds(published_s)").as("published_at"), col("article_id"))
                .join(today.select("story_id").distinct(), "story_id", "left_semi")
                .join(today.select("article_id"), "article_id", "left_anti")
                .select("story_id", "outlet", "published_at", "article_id");
        return outletOverlap(today.unionByName(before));
    }

    /**
     * Per-outlet originality and dependence over this date's articles, each judged by its whole
     * story ({@code stories}: cumulative size and origin outlet): a copy of an earlier day's story
     * is a copy, not an original.
     */
    public static Dataset<Row> outletSummary(Dataset<Row> articles, Dataset<Row> stories) {
        return summarise(articles, stories.select(col("story_id"), col("n_articles").as("story_size"),
                col("origin_outlet")));
    }

    /** One row per story. */
    public static Dataset<Row> stories(Dataset<Row> articles) {
        Dataset<Row> ranked = articles.withColumn("rep", row_number().over(representativeFirst("story_id")).equalTo(1));
        Dataset<Row> credits = articles.filter(col("wire_credit").isNotNull())
                .groupBy("story_id", "wire_credit").agg(count(lit(1)).as("n"))
                .withColumn("r", row_number().over(Window.partitionBy("story_id")
                        .orderBy(col("n").desc(), col("wire_credit").asc())))
                .filter(col("r").equalTo(1)).select(col("story_id"), col("wire_credit").as("common_credit"));
        Dataset<Row> agg = ranked.groupBy("story_id").agg(
                first(when(col("is_origin"), col("article_id")), true).as("origin_article_id"),
                first(when(col("is_origin"), col("outlet")), true).as("origin_outlet"),
                first(when(col("rep"), col("title")), true).as("title"),
                first(when(col("is_origin"), col("wire_credit")), true).as("origin_credit"),
                min("published_at").as("first_published_at"),
                max("published_at").as("last_published_at"),
                count(lit(1)).cast("int").as("n_articles"),
                countDistinct("outlet").cast("int").as("n_outlets"),
                array_sort(collect_set("outlet")).as("outlets"));
        return agg.join(credits, "story_id", "left")
                .withColumn("wire_credit", expr("coalesce(origin_credit, common_credit)"))
                .withColumn("spread_s", expr("unix_seconds(last_published_at) - unix_seconds(first_published_at)"));
    }

    /** The spread curve of every story with two or more articles. */
    public static Dataset<Row> storySpread(Dataset<Row> articles) {
        WindowSpec size = Window.partitionBy("story_id");
        Dataset<Row> multi = articles.withColumn("n", count(lit(1)).over(size)).filter(col("n").geq(2));
        WindowSpec order = Window.partitionBy("story_id")
                .orderBy(col("is_origin").desc(), col("published_at").asc_nulls_last(), col("article_id").asc());
        WindowSpec firstOfOutlet = Window.partitionBy("story_id", "outlet")
                .orderBy(col("is_origin").desc(), col("published_at").asc_nulls_last(), col("article_id").asc());
        return multi.withColumn("pickup_rank", row_number().over(order))
                .withColumn("new_outlet", when(row_number().over(firstOfOutlet).equalTo(1), 1).otherwise(0))
                .withColumn("cumulative_outlets", sum("new_outlet").over(order.rowsBetween(Window.unboundedPreceding(),
                        Window.currentRow())).cast("int"));
    }

    /** The who-follows-whom matrix. */
    public static Dataset<Row> outletOverlap(Dataset<Row> articles) {
        Dataset<Row> perOutlet = articles.groupBy("story_id", "outlet").agg(min("published_at").as("t"));
        Dataset<Row> storiesPer = perOutlet.groupBy("outlet").agg(count(lit(1)).as("n_stories"));
        Dataset<Row> a = perOutlet.select(col("story_id"), col("outlet").as("outlet_a"), col("t").as("ta"));
        Dataset<Row> b = perOutlet.select(col("story_id"), col("outlet").as("outlet_b"), col("t").as("tb"));
        Dataset<Row> shared = a.join(b, "story_id").filter(col("outlet_a").lt(col("outlet_b")))
                .withColumn("lag", expr("unix_seconds(tb) - unix_seconds(ta)"))
                .groupBy("outlet_a", "outlet_b").agg(
                        count(lit(1)).as("shared_stories"),
                        sum(when(col("lag").gt(0), 1).otherwise(0)).cast("long").as("a_first"),
                        sum(when(col("lag").lt(0), 1).otherwise(0)).cast("long").as("b_first"),
                        expr("percentile(lag, 0.5)").as("median_lag_s"));
        return shared
                .join(storiesPer.select(col("outlet").as("outlet_a"), col("n_stories").as("stories_a")), "outlet_a")
                .join(storiesPer.select(col("outlet").as("outlet_b"), col("n_stories").as("stories_b")), "outlet_b")
                .withColumn("jaccard", expr("shared_stories / (stories_a + stories_b - shared_stories)"))
                .withColumn("overlap_coefficient", expr("shared_stories / least(stories_a, stories_b)"));
    }

    /** Per-outlet originality and dependence. */
    public static Dataset<Row> outletSummary(Dataset<Row> articles) {
        return summarise(articles, articles.groupBy("story_id").agg(count(lit(1)).as("story_size"),
                first(when(col("is_origin"), col("outlet")), true).as("origin_outlet")));
    }

    /** Per-outlet originality and dependence, the stories' sizes and origin outlets given. */
    private static Dataset<Row> summarise(Dataset<Row> articles, Dataset<Row> sizes) {
        Dataset<Row> a = articles.join(sizes, "story_id");
        Dataset<Row> base = a.groupBy("outlet").agg(
                // min: one deterministic value when an outlet's articles name it differently.
                min("outlet_name").as("outlet_name"),
                min("outlet_country").as("outlet_country"),
                min("outlet_owner").as("outlet_owner"),
                count(lit(1)).as("n_articles"),
                countDistinct("story_id").as("n_stories"),
                sum(when(col("is_origin").or(col("story_size").equalTo(1)), 1).otherwise(0)).cast("long").as("originals"),
                sum(when(col("story_size").gt(1).and(col("is_origin").equalTo(false)), 1).otherwise(0)).cast("long")
                        .as("copies"),
                expr("avg(CASE WHEN wire_credit IS NOT NULL THEN 1.0 ELSE 0.0 END)").as("wire_share"),
                expr("percentile(CASE WHEN story_size > 1 AND NOT is_origin THEN lag_from_origin_s END, 0.5)")
                        .as("median_pickup_lag_s"));
        Dataset<Row> sources = a.filter(col("story_size").gt(1).and(col("is_origin").equalTo(false))
                        .and(col("origin_outlet").isNotNull()).and(col("origin_outlet").notEqual(col("outlet"))))
                .groupBy("outlet", "origin_outlet").agg(count(lit(1)).as("n"))
                .withColumn("r", row_number().over(Window.partitionBy("outlet")
                        .orderBy(col("n").desc(), col("origin_outlet").asc())))
                .filter(col("r").leq(5))
                .groupBy("outlet").agg(expr("transform(array_sort(collect_list(struct(r, origin_outlet))), x -> x.origin_outlet)")
                        .as("top_sources"));
        return base.join(sources, "outlet", "left")
                .withColumn("top_sources", expr("coalesce(top_sources, array())"));
    }
}
