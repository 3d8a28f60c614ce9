package io.wiretrace.pipeline.normalize;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.outlet.OutletResolver;
import io.wiretrace.core.text.ContentIds;
import io.wiretrace.core.text.TextNormalizer;
import io.wiretrace.pipeline.OutletRegistries;
import io.wiretrace.pipeline.ingest.InputRows;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Normalise: accepted input rows → rows with the canonical outlet, a content-derived
 * {@code article_id} (outlet key + text in matching form) and a word count. Pure per-row work,
 * no shuffle.
 */
public final class NormalizeStage {

    /** Input columns the stage drops: what only a reject or a skipped record carries, and the raw outlet. */
    static final Set<String> DROPPED = Set.of("reject_reason", "reject_detail", "excerpt", "outlet_raw", "skip_reason");

    /** Input columns kept ({@link InputRows#SCHEMA} in order, text now required), then the columns this stage adds. */
    public static final StructType SCHEMA = kept(InputRows.SCHEMA)
            .add("outlet", DataTypes.StringType, false)
            .add("outlet_name", DataTypes.StringType, false)
            .add("article_id", DataTypes.StringType, false)
            .add("word_count", DataTypes.IntegerType, false)
            .add("outlet_country", DataTypes.StringType, true)
            .add("outlet_owner", DataTypes.StringType, true);

    private static StructType kept(StructType input) {
        StructType out = new StructType();
        for (StructField f : input.fields()) {
            if (!DROPPED.contains(f.name())) {
                out = out.add(f.name(), f.dataType(), f.nullable() && !f.name().equals("text"));
            }
        }
        return out;
    }

    private NormalizeStage() {}

    public static Dataset<Row> apply(Dataset<Row> accepted, WiretraceConfig config) {
        SparkSession spark = accepted.sparkSession();
        OutletResolver resolver = new OutletResolver(new TreeMap<>(config.outlets().aliases()),
                new TreeMap<>(config.outlets().displayNames()), OutletRegistries.load(spark, config.outlets().registry()));
        // Broadcast: the registry (thousands of domains) goes to each executor once, not with every task.
        Broadcast<OutletResolver> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(resolver);
        Dataset<Row> in = accepted.select("source_file", "location", "ordinal", "source_id", "url", "title", "text",
                "published_at", "scraped_at", "language", "extra", "date_warnings", "outlet_raw");
        return in.map((MapFunction<Row, Row>) r -> {
            OutletResolver.Outlet outlet = shared.value().resolve(r.getString(12), r.getString(4));
            String text = r.getString(6);
            String matching = TextNormalizer.forMatching(text);
            Object[] v = new Object[18];
            for (int i = 0; i < 12; i++) {
                v[i] = r.get(i);
            }
            v[12] = outlet.key();
            v[13] = outlet.name();
            v[14] = ContentIds.articleId(outlet.key(), matching);
            v[15] = TextNormalizer.wordCount(matching);
            v[16] = outlet.country();
            v[17] = outlet.owner();
            return RowFactory.create(v);
        }, Encoders.row(SCHEMA));
    }
}
