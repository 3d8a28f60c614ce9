package io.wiretrace.pipeline;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Cuts the logical plan between pipeline stages. Every query over a Dataset re-analyses, and
 * (with adaptive execution) re-prints, its whole plan; after ingest, dedup, syndication and
 * topics that plan has hundreds of nodes and the driver spent more time rendering plan strings
 * than the executors spent on a small corpus. Unlike {@code localCheckpoint}, the rows keep
 * their RDD lineage, so a lost executor's cached blocks are recomputed rather than failing the job.
 */
public final class Lineage {

    private Lineage() {}

    /**
     * Persists {@code df} (added to {@code release}, to unpersist when the run ends) and returns a
     * DataFrame over its cached rows whose plan is a single node, laid out as {@code layout} says
     * (the cut forgets partitioning, so a one-partition run declares its partition again).
     */
    public static Dataset<Row> persistAndCut(Dataset<Row> df, List<Dataset<Row>> release, Layout layout) {
        Dataset<Row> persisted = df.persist(StorageLevel.MEMORY_AND_DISK());
        release.add(persisted);
        return layout.keep(persisted.sparkSession().createDataFrame(persisted.javaRDD(), persisted.schema()));
    }

    /**
     * Persists rows that later steps join by the key they are partitioned by (the articles, by
     * {@code article_id}). A distributed run keeps their plan: the cached rows then tell Spark they
     * are hash-partitioned and sorted by the key, so a join with the stages' slim annotations
     * shuffles the annotations only, never the text (a cut would forget it, and every join would
     * move the whole text again). A one-partition run cuts as {@link #persistAndCut} does: its
     * partitioning is declared again, and a small run's plans are what cost.
     */
    public static Dataset<Row> persistKeyed(Dataset<Row> df, List<Dataset<Row>> release, Layout layout) {
        if (layout == Layout.ONE_PARTITION) {
            return persistAndCut(df, release, layout);
        }
        Dataset<Row> persisted = df.persist(StorageLevel.MEMORY_AND_DISK());
        release.add(persisted);
        return persisted;
    }

    /**
     * The articles left-joined with a stage's per-article annotation (its key and the stage's
     * columns). A distributed run caches and cuts the annotation only and joins lazily: the join
     * then shuffles the annotation, while the articles stay where {@link #persistKeyed} left them.
     * A one-partition run caches the joined rows and cuts them: Spark estimates a join of uncut
     * rows at the product of its inputs' sizes, past any single-partition limit, and would shuffle
     * the next join again (measured on the seed page: 8-partition exchanges in every later step).
     */
    public static Dataset<Row> annotate(Dataset<Row> articles, Dataset<Row> annotation, String key,
                                        List<Dataset<Row>> release, Layout layout) {
        if (layout == Layout.ONE_PARTITION) {
            return persistAndCut(articles.join(annotation, key, "left"), release, layout);
        }
        return articles.join(persistAndCut(annotation, release, layout), key, "left");
    }
}
