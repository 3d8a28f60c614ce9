package io.wiretrace.pipeline.syndication;

import io.wiretrace.core.syndication.ContentSentences;
import io.wiretrace.core.syndication.CorpusSyndication;
import io.wiretrace.core.syndication.StoryBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The story builder's output as rows, and its input read from rows: the tasks that build stories
 * (per component, or the whole corpus in one task) turn feature rows into {@link StoryBuilder}
 * docs and its assignments and pairs into rows of {@link #SCHEMA}, told apart by {@code kind}
 * ({@code article}, {@code pair}, or {@code count} for the one-task path's counts). The stage splits
 * them into its typed assignments and pairs before anything leaves it.
 */
final class StoryRows {

    static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("article_id", DataTypes.StringType, true)
            .add("story_id", DataTypes.StringType, true)
            .add("origin_article_id", DataTypes.StringType, true)
            .add("is_origin", DataTypes.BooleanType, true)
            .add("edit_kind", DataTypes.StringType, true)
            .add("lag_from_origin_s", DataTypes.LongType, true)
            .add("article_id_a", DataTypes.StringType, true)
            .add("article_id_b", DataTypes.StringType, true)
            .add("outlet_a", DataTypes.StringType, true)
            .add("outlet_b", DataTypes.StringType, true)
            .add("jaccard", DataTypes.DoubleType, true)
            .add("containment", DataTypes.DoubleType, true)
            .add("sentence_share", DataTypes.DoubleType, true)
            .add("relation", DataTypes.StringType, true)
            .add("matched_by", DataTypes.StringType, true)
            .add("lag_s", DataTypes.LongType, true)
            .add("origin_published_s", DataTypes.LongType, true);

    /** The feature columns a component's docs are read from, in this order after {@code component}. */
    static final String[] COMPONENT_DOC = {"doc_key", "article_id", "outlet", "published_s", "title_hash", "lede_hash",
        "shingles", "sentences", "pin_story_id", "pin_origin_id", "pin_origin_s"};

    /** The feature columns the one-task path reads, in this order. */
    static final String[] CORPUS_DOC = {"doc_key", "article_id", "outlet", "published_s", "title_hash", "lede_hash",
        "shingles", "sentences", "pin_story_id", "pin_origin_id", "pin_origin_s", "signature", "sketch"};

    private StoryRows() {}

    /** One component: its docs ({@code component} then {@link #COMPONENT_DOC}) and candidate pairs (component, a, b). */
    static Iterator<Row> buildComponent(Iterator<Row> docRows, Iterator<Row> pairRows, StoryBuilder.Settings s) {
        List<StoryBuilder.Doc> docs = new ArrayList<>();
        while (docRows.hasNext()) {
            Row r = docRows.next();
            docs.add(new StoryBuilder.Doc(r.getLong(1), r.getString(2), r.getString(3), r.isNullAt(4) ? null : r.getLong(4),
                    r.getLong(5), r.getLong(6), ints(r.getList(7)), ContentSentences.fromBytes((byte[]) r.get(8)),
                    pin(r, 9)));
        }
        List<long[]> candidates = new ArrayList<>();
        while (pairRows.hasNext()) {
            Row r = pairRows.next();
            candidates.add(new long[]{r.getLong(1), r.getLong(2)});
        }
        StoryBuilder.Result result = StoryBuilder.build(docs, candidates, s);
        return rows(result.assignments(), result.pairs()).iterator();
    }

    /** The whole corpus in one task ({@link #CORPUS_DOC} rows): assignments, pairs, then count rows. */
    static Iterator<Row> buildCorpus(Iterator<Row> it, CorpusSyndication.Banding banding, StoryBuilder.Settings s) {
        List<CorpusSyndication.Article> docs = new ArrayList<>();
        while (it.hasNext()) {
            Row r = it.next();
            docs.add(new CorpusSyndication.Article(r.getLong(0), r.getString(1), r.getString(2),
                    r.isNullAt(3) ? null : r.getLong(3), r.getLong(4), r.getLong(5), ints(r.getList(6)),
                    ContentSentences.fromBytes((byte[]) r.get(7)), (byte[]) r.get(11), (byte[]) r.get(12), pin(r, 8)));
        }
        CorpusSyndication.Result res = CorpusSyndication.run(docs, banding, s);
        List<Row> out = rows(res.assignments(), res.pairs());
        for (Map.Entry<String, Long> c : res.counts().entrySet()) {
            out.add(RowFactory.create("count", c.getKey(), null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, c.getValue(), null));
        }
        return out.iterator();
    }

    /** The pin columns at {@code i} (story id, origin id, origin time): null for a new article. */
    private static StoryBuilder.Pin pin(Row r, int i) {
        return r.isNullAt(i) ? null
                : new StoryBuilder.Pin(r.getString(i), r.getString(i + 1), r.isNullAt(i + 2) ? null : r.getLong(i + 2));
    }

    private static int[] ints(List<Integer> list) {
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    /** Output rows: one per assignment, one per verified pair. */
    private static List<Row> rows(List<StoryBuilder.Assignment> assignments, List<StoryBuilder.Pair> pairs) {
        List<Row> out = new ArrayList<>(assignments.size() + pairs.size());
        for (StoryBuilder.Assignment a : assignments) {
            out.add(assignment(a));
        }
        for (StoryBuilder.Pair p : pairs) {
            out.add(RowFactory.create("pair", null, null, null, null, null, null, p.articleIdA(), p.articleIdB(),
                    p.outletA(), p.outletB(), p.jaccard(), p.containment(), p.sentenceShare(), p.relation(),
                    p.matchedBy(), p.lagSeconds(), null));
        }
        return out;
    }

    static Row assignment(StoryBuilder.Assignment a) {
        return RowFactory.create("article", a.articleId(), a.storyId(), a.originArticleId(), a.isOrigin(), a.editKind(),
                a.lagSeconds(), null, null, null, null, null, null, null, null, null, null, a.originPublishedAt());
    }
}
