package io.wiretrace.pipeline.syndication;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.syndication.ArticleFeatures;
import io.wiretrace.core.syndication.BucketKeys;
import io.wiretrace.core.syndication.ContentSentences;
import io.wiretrace.core.syndication.LshParams;
import io.wiretrace.core.syndication.MinHashSketcher;
import io.wiretrace.core.syndication.Shingler;
import io.wiretrace.pipeline.FaultInjection;
import io.wiretrace.pipeline.Iterators;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Per-article features for syndication: shingle set, MinHash signature and its 8-bit sketch,
 * content sentences, title and lede fingerprints, wire credit, and how much of the text the page
 * templates took out. Computed once per article; every later step reads them from here.
 */
final class SyndicationFeatures {

    static final StructType SCHEMA = new StructType()
            .add("doc_key", DataTypes.LongType, false)
            .add("article_id", DataTypes.StringType, false)
            .add("outlet", DataTypes.StringType, false)
            .add("published_s", DataTypes.LongType, true)
            .add("title_hash", DataTypes.LongType, false)
            .add("lede_hash", DataTypes.LongType, false)
            .add("shingles", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("sentences", DataTypes.BinaryType, false)
            .add("signature", DataTypes.BinaryType, false)
            .add("wire_credit", DataTypes.StringType, true)
            .add("sketch", DataTypes.BinaryType, false)
            // The article's LSH buckets as lookup keys (BucketKeys): what the story index is searched by.
            .add("lsh_keys", DataTypes.createArrayType(DataTypes.LongType, false), false)
            .add("content_chars", DataTypes.IntegerType, false)
            .add("template_chars", DataTypes.IntegerType, false)
            // Set on articles of earlier runs read from the story index (StoryIndex), null on new ones.
            .add("pin_story_id", DataTypes.StringType, true)
            .add("pin_origin_id", DataTypes.StringType, true)
            .add("pin_origin_s", DataTypes.LongType, true);

    /** The columns {@link #compute} reads: the article and its page-template lines ({@link PageTemplates}). */
    static final String[] INPUT = {"article_id", "outlet", "published_at", "title", "text", "own", "shared", "headlines"};

    private SyndicationFeatures() {}

    /**
     * Features of articles whose template columns {@code own}, {@code shared} and {@code headlines}
     * are already marked ({@link PageTemplates#mark}).
     */
    static Dataset<Row> compute(Dataset<Row> articles, WiretraceConfig.Syndication cfg) {
        Shingler shingler = new Shingler(cfg.shingleUnit(), cfg.shingleSize());
        int components = cfg.minhashComponents();
        LshParams lsh = SyndicationStage.lshParams(cfg);
        int bands = lsh.bands();
        int rows = lsh.rows();
        int anchors = cfg.lsh().anchorSentences();
        return articles.selectExpr(INPUT).mapPartitions(
                (MapPartitionsFunction<Row, Row>) it -> {
                    FaultInjection.maybeFail("syndication");
                    MinHashSketcher sketcher = new MinHashSketcher(components);
                    ArticleFeatures features = new ArticleFeatures(shingler, sketcher);
                    BucketKeys keys = new BucketKeys(components, bands, rows, anchors);
                    return Iterators.map(it, r -> row(r, features, sketcher, keys));
                }, Encoders.row(SCHEMA));
    }

    private static Row row(Row r, ArticleFeatures features, MinHashSketcher sketcher, BucketKeys keys) {
        String id = r.getString(0);
        Timestamp t = r.getTimestamp(2);
        String text = r.getString(4);
        ArticleFeatures.Features f = features.compute(r.getString(3), text,
                PageTemplates.merge(listOrNull(r, 5), listOrNull(r, 6), listOrNull(r, 7)));
        return RowFactory.create(ArticleFeatures.docKey(id), id, r.getString(1),
                t == null ? null : Math.floorDiv(t.getTime(), 1000L), f.titleHash(), f.ledeHash(),
                f.shingleSet(), ContentSentences.toBytes(f.sentences()), f.signature(), f.wireCredit(),
                sketcher.sketch8(f.signature()), keys.lookups(f.signature(), f.sentences()), f.contentChars(),
                (text == null ? 0 : text.length()) - f.contentChars(), null, null, null);
    }

    private static <T> List<T> listOrNull(Row r, int i) {
        return r.isNullAt(i) ? null : r.getList(i);
    }

    /**
     * Features of the articles with their outlets' page templates left out (cached, in
     * {@code cached}), and the template counts. What the templates removed is counted later
     * ({@link PageTemplates#removed}), from the cached features: counting here would compute them in
     * a job of their own (measured: +28 s at 200,000 articles), where the first LSH step computes
     * them anyway.
     */
    static Dataset<Row> withTemplates(Dataset<Row> articles, WiretraceConfig.Syndication cfg, Map<String, Long> counts,
                                      List<Dataset<Row>> cached) {
        PageTemplates.Marked marked = PageTemplates.mark(articles, cfg.boilerplate());
        cached.addAll(marked.cached());
        Dataset<Row> feats = compute(marked.articles(), cfg).persist(StorageLevel.MEMORY_AND_DISK());
        cached.add(feats);
        counts.putAll(marked.counts());
        return feats;
    }
}
