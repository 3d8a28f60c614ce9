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

    /** The input columns the stage keeps, in {@link #SCHEMA} order. */
    private static final String[] KEPT = kept(InputRows.SCHEMA).fieldNames();

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

    /** Accepted input rows ({@link InputRows#SCHEMA}) → normalised rows ({@link #SCHEMA}). */
    public static Dataset<Row> run(Dataset<Row> accepted, WiretraceConfig config) {
        SparkSession spark = accepted.sparkSession();
        OutletResolver resolver = new OutletResolver(new TreeMap<>(config.outlets().aliases()),
                new TreeMap<>(config.outlets().displayNames()), OutletRegistries.load(spark, config.outlets().registry()));
        // Broadcast: the registry (thousands of domains) goes to each executor once, not with every task.
        Broadcast<OutletResolver> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(resolver);
        int kept = KEPT.length;
        Dataset<Row> in = accepted.select("outlet_raw", KEPT);
        return in.map((MapFunction<Row, Row>) r -> {
            OutletResolver.Outlet outlet = shared.value().resolve(r.getAs("outlet_raw"), r.getAs("url"));
            String matching = TextNormalizer.forMatching(r.getAs("text"));
            Object[] v = new Object[SCHEMA.size()];
            for (int i = 0; i < kept; i++) {
                v[i] = r.get(i + 1); // the kept columns, selected after outlet_raw in SCHEMA order
            }
            v[kept] = outlet.key();
            v[kept + 1] = outlet.name();
            v[kept + 2] = ContentIds.articleId(outlet.key(), matching);
            v[kept + 3] = TextNormalizer.wordCount(matching);
            v[kept + 4] = outlet.country();
            v[kept + 5] = outlet.owner();
            return RowFactory.create(v);
        }, Encoders.row(SCHEMA));
    }
}
