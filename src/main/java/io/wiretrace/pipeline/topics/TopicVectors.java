package io.wiretrace.pipeline.topics;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;

import io.wiretrace.config.Vectorizer;
import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.topics.TopicTokenizer;
import io.wiretrace.pipeline.FaultInjection;
import io.wiretrace.pipeline.Iterators;
import io.wiretrace.pipeline.Layout;
import io.wiretrace.pipeline.syndication.SyndicationReports;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.ElementwiseProduct;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Stories → terms → unit-length TF-IDF vectors. Text → terms is plain Java
 * ({@link TopicTokenizer}); terms → vectors is MLlib ({@link CountVectorizerModel} or
 * {@link HashingTF}, IDF weights, {@link Normalizer}). The vocabulary is chosen here (document
 * frequency, ties by term) rather than by {@code CountVectorizer.fit}, whose order among equal
 * counts is not deterministic.
 */
final class TopicVectors {

    static final StructType TERMS = new StructType()
            .add("story_key", DataTypes.StringType, false)
            .add("title", DataTypes.StringType, true)
            .add("terms", DataTypes.createArrayType(DataTypes.StringType, false), false);

    /** Stories per k-means partition (see the partition sizing in {@link #features}). */
    static final long ROWS_PER_PARTITION = 25_000;

    /** The chosen terms, most frequent first, with the number of stories each occurs in. */
    record Vocabulary(String[] terms, long[] df) {
        /**
         * Inverse document frequencies over {@code docs} stories, as MLlib's {@code IDF} computes
         * them ({@code ln((docs + 1) / (df + 1))}), so the weights equal a fitted {@code IDFModel}'s.
         */
        Vector idf(long docs) {
            double[] w = new double[df.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.log((docs + 1.0) / (df[i] + 1.0));
            }
            return Vectors.dense(w);
        }
    }

    private final Dataset<Row> terms;
    private final long stories;
    private final WiretraceConfig.TopicText text;
    private final HashingTF hashingTf;
    /** Null with hashing: there is no vocabulary pass; bucket names are looked up after fitting. */
    private final Vocabulary vocabulary;

    /** Vectoriser over {@code terms} ({@link #TERMS}) of {@code stories} stories; counts the vocabulary unless hashing. */
    TopicVectors(Dataset<Row> terms, long stories, WiretraceConfig.TopicText text) {
        this.terms = terms;
        this.stories = stories;
        this.text = text;
        this.hashingTf = new HashingTF().setNumFeatures(text.vocabularySize()).setInputCol("terms").setOutputCol("tf");
        this.vocabulary = hashing() ? null : vocabulary(terms, stories, text);
    }

    boolean hashing() {
        return text.vectorizer() == Vectorizer.HASHING;
    }

    HashingTF hashingTf() {
        return hashingTf;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    int dimension() {
        return hashing() ? text.vocabularySize() : vocabulary.terms().length;
    }

    /** Why the vocabulary is empty, for the manifest. */
    String emptyReason() {
        // Every term is in too few or too many stories (a uniform corpus), or the tokenizer found
        // no words (a script it does not split, text of stop words only).
        return "empty vocabulary: no term in at least min_df=" + minDf(text, stories) + " and at most max_df="
                + text.maxDf() + " of " + stories + " stories";
    }

    /**
     * One representative per story (its origin), never every copy: fifteen copies of one wire story
     * would otherwise form a topic of their own or drag a centroid. Representatives are chosen on
     * the id columns alone, then their text is fetched by id: a window over whole articles would
     * move every article's text through a shuffle (measured at 1M articles: 2.8 GB), where the ids
     * are a few percent of it and the articles are already partitioned by id.
     */
    static Dataset<Row> representatives(Dataset<Row> keyed) {
        if (!List.of(keyed.columns()).contains("story_id")) {
            return keyed;
        }
        return keyed.join(keyed.select("article_id", "story_key", "is_origin")
                .withColumn("rep", row_number().over(SyndicationReports.representativeFirst("story_key")))
                .filter(col("rep").equalTo(1)).select("article_id"), new String[]{"article_id"}, "left_semi");
    }

    /** story_key, title and the story's terms ({@link #TERMS}). No layout work: vectors are laid out before fitting. */
    static Dataset<Row> terms(Dataset<Row> reps, WiretraceConfig.TopicText text) {
        return reps.select("story_key", "title", "text")
                .mapPartitions((MapPartitionsFunction<Row, Row>) it -> {
                    FaultInjection.maybeFail("topics");
                    TopicTokenizer tok = new TopicTokenizer(text.language(), text.extraStopWords(), text.stem(),
                            text.ngrams(), text.titleWeight());
                    return Iterators.map(it, r -> RowFactory.create(r.getString(0), r.getString(1),
                            tok.terms(r.getString(1), r.getString(2)).toArray(new String[0])));
                }, Encoders.row(TERMS));
    }

    /**
     * story_key, title, features: unit-length TF-IDF vectors of the stories with at least one term,
     * hash-partitioned and sorted by story so the seeded k-means|| initialisation sees the same data
     * in the same order on every run.
     */
    Dataset<Row> features(int partitions, Layout layout) {
        Dataset<Row> tf = hashing() ? hashingTf.transform(terms)
                : new CountVectorizerModel(vocabulary.terms()).setInputCol("terms").setOutputCol("tf").transform(terms);
        if (text.sublinearTf()) {
            // 1 + ln(tf): the tenth mention of a word says less than the second.
            UserDefinedFunction sublinear = udf((UDF1<Vector, Vector>) TopicVectors::sublinear, new VectorUDT());
            tf = tf.withColumn("tf", sublinear.apply(col("tf")));
        }
        // A counted vocabulary already has every term's document frequency: its IDF weights are
        // MLlib's formula, applied without a fitting pass. Hashed buckets are counted by MLlib.
        Dataset<Row> tfidf = hashing()
                ? new IDF().setMinDocFreq((int) Math.min(Integer.MAX_VALUE, minDf(text, stories)))
                        .setInputCol("tf").setOutputCol("tfidf").fit(tf).transform(tf)
                : new ElementwiseProduct().setScalingVec(vocabulary.idf(stories))
                        .setInputCol("tf").setOutputCol("tfidf").transform(tf);
        UserDefinedFunction nnz = udf((UDF1<Vector, Integer>) Vector::numNonzeros, DataTypes.IntegerType);
        // Partitions sized to the data: every k-means iteration is a Spark job with one task per
        // partition, so a small corpus spread over many partitions pays task overhead hundreds of
        // times. Derived from the story count only, so the layout (and the seeded result) is stable.
        int fitPartitions = (int) Math.max(1, Math.min(partitions, stories / ROWS_PER_PARTITION + 1));
        return layout.byKey(new Normalizer().setP(2.0).setInputCol("tfidf").setOutputCol("features")
                        .transform(tfidf).select("story_key", "title", "features")
                        .filter(nnz.apply(col("features")).gt(0)), fitPartitions, col("story_key"))
                .sortWithinPartitions("story_key");
    }

    /** min_df as a story count (a fraction below 1 scales with the corpus); 1 on tiny corpora. */
    static long minDf(WiretraceConfig.TopicText text, long docs) {
        // Too few documents for document-frequency limits to mean anything.
        return docs < 10 ? 1 : text.minDf() >= 1 ? (long) text.minDf() : (long) Math.ceil(text.minDf() * docs);
    }

    /** Terms kept: document frequency within [min_df, max_df], the most frequent first, ties by term. */
    static Vocabulary vocabulary(Dataset<Row> terms, long docs, WiretraceConfig.TopicText text) {
        long minDf = minDf(text, docs);
        long maxDf = docs < 10 ? docs : (long) Math.floor(text.maxDf() * docs);
        List<Row> rows = terms.select(explode(array_distinct(col("terms"))).as("term"))
                .groupBy("term").agg(count(lit(1)).as("df"))
                .filter(col("df").geq(Math.max(1, minDf)).and(col("df").leq(Math.max(1, maxDf))))
                .orderBy(col("df").desc(), col("term"))
                .limit(text.vocabularySize())
                .collectAsList();
        String[] v = new String[rows.size()];
        long[] df = new long[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i).getString(0);
            df[i] = rows.get(i).getLong(1);
        }
        return new Vocabulary(v, df);
    }

    static Vector sublinear(Vector v) {
        SparseVector s = v.toSparse();
        double[] values = s.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] = values[i] > 0 ? 1 + Math.log(values[i]) : 0;
        }
        return Vectors.sparse(s.size(), s.indices(), values);
    }
}
