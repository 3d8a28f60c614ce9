package io.wiretrace.pipeline.normalize;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.outlet.OutletResolver;
import io.wiretrace.core.text.ContentIds;
import io.wiretrace.core.text.TextNormalizer;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Normalise: accepted input rows → rows with the canonical outlet, a content-derived
 * {@code article_id} (outlet key + text in matching form) and a word count. Pure per-row work,
 * no shuffle.
 */
public final class NormalizeStage {

    /** Input columns kept, then the columns this stage adds. */
    public static final StructType SCHEMA = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("location", DataTypes.StringType, false)
            .add("ordinal", DataTypes.LongType, false)
            .add("source_id", DataTypes.StringType, true)
            .add("url", DataTypes.StringType, true)
            .add("title", DataTypes.StringType, true)
            .add("text", DataTypes.StringType, false)
            .add("published_at", DataTypes.TimestampType, true)
            .add("scraped_at", DataTypes.TimestampType, true)
            .add("language", DataTypes.StringType, true)
            .add("extra", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)
            .add("date_warnings", DataTypes.IntegerType, false)
            .add("outlet", DataTypes.StringType, false)
            .add("outlet_name", DataTypes.StringType, false)
            .add("article_id", DataTypes.StringType, false)
            .add("word_count", DataTypes.IntegerType, false);

    private NormalizeStage() {}

    public static Dataset<Row> apply(Dataset<Row> accepted, WiretraceConfig config) {
        Map<String, String> aliases = new TreeMap<>(config.outlets().aliases());
        Map<String, String> names = new TreeMap<>(config.outlets().displayNames());
        OutletResolver resolver = new OutletResolver(aliases, names);
        Dataset<Row> in = accepted.select("source_file", "location", "ordinal", "source_id", "url", "title", "text",
                "published_at", "scraped_at", "language", "extra", "date_warnings", "outlet_raw");
        return in.map((MapFunction<Row, Row>) r -> {
            OutletResolver.Outlet outlet = resolver.resolve(r.getString(12), r.getString(4));
            String text = r.getString(6);
            String matching = TextNormalizer.forMatching(text);
            Object[] v = new Object[16];
            for (int i = 0; i < 12; i++) {
                v[i] = r.get(i);
            }
            v[12] = outlet.key();
            v[13] = outlet.name();
            v[14] = ContentIds.articleId(outlet.key(), matching);
            v[15] = TextNormalizer.wordCount(matching);
            return RowFactory.create(v);
        }, Encoders.row(SCHEMA));
    }
}
