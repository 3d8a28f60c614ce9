package io.wiretrace.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.pipeline.report.Tables;
import io.wiretrace.testing.DuckDb;
import io.wiretrace.testing.SampleRuns;
import io.wiretrace.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The outputs as a BI tool sees them: DuckDB loads the shipped views (sql/duckdb/views.sql) over the
 * sample run ({@link SampleRuns}), every table has the declared types, and every example query in sql/queries/ runs and
 * returns plausible rows.
 */
class BiOutputsTest {

    static Path out;

    @BeforeAll
    static void run() {
        out = SampleRuns.oneTask().output();
    }

    private static DuckDb withViews() throws Exception {
        DuckDb duck = new DuckDb();
        duck.script("SET VARIABLE wiretrace_output = '" + out + "';\n");
        duck.script(Files.readString(Path.of("sql/duckdb/views.sql")));
        return duck;
    }

    /** The DuckDB type a declared Spark type must read back as. */
    static String duckType(DataType t) {
        if (t instanceof ArrayType a) {
            return duckType(a.elementType()) + "[]";
        }
        if (t instanceof MapType m) {
            return "MAP(" + duckType(m.keyType()) + ", " + duckType(m.valueType()) + ")";
        }
        if (t instanceof StructType s) {
            StringBuilder b = new StringBuilder("STRUCT(");
            StructField[] f = s.fields();
            for (int i = 0; i < f.length; i++) {
                b.append(i > 0 ? ", " : "").append(f[i].name()).append(" ").append(duckType(f[i].dataType()));
            }
            return b.append(")").toString();
        }
        if (t.equals(DataTypes.StringType)) {
            return "VARCHAR";
        }
        if (t.equals(DataTypes.BinaryType)) {
            return "BLOB";
        }
        if (t.equals(DataTypes.TimestampType)) {
            return "TIMESTAMP WITH TIME ZONE";
        }
        return t.equals(DataTypes.IntegerType) ? "INTEGER" : t.equals(DataTypes.LongType) ? "BIGINT"
                : t.equals(DataTypes.DoubleType) ? "DOUBLE" : t.equals(DataTypes.BooleanType) ? "BOOLEAN" : t.sql();
    }

    @Test
    void everyTableReadsBackThroughTheShippedViewsWithItsDeclaredTypes() throws Exception {
        try (DuckDb duck = withViews()) {
            for (Tables.Table t : Tables.ALL) {
                Map<String, String> types = duck.types(t.name());
                for (Tables.Col c : t.columns()) {
                    assertEquals(duckType(c.type()), types.get(c.name()), t.name() + "." + c.name());
                }
                assertEquals("VARCHAR", types.get(Tables.PARTITION_COLUMN), t.name());
                assertEquals(t.columns().size() + 1, types.size(), t.name() + ": " + types.keySet());
                assertTrue(duck.count("SELECT count(*) FROM " + t.name() + " WHERE run_date = '" + SampleRuns.DATE + "'") > 0,
                        t.name());
            }
            // Column comments travel in the Parquet schema, so catalogs can show them.
            String meta = duck.query("SELECT decode(value) AS v FROM parquet_kv_metadata('" + out
                    + "/articles/*/*.parquet') WHERE decode(key) = 'org.apache.spark.sql.parquet.row.metadata'")
                    .get(0).get("v").toString();
            assertTrue(meta.contains(Tables.ARTICLES.columns().get(0).description()), meta);
        }
    }

    @Test
    void registeredTablesAreQueryableByNameWithTheirComments() throws Exception {
        SparkSession spark = SparkTestSession.get();
        try (DuckDb duck = withViews()) {
            for (Tables.Table t : Tables.ALL) {
                assertEquals(duck.count("SELECT count(*) FROM " + t.name()),
                        spark.sql("SELECT * FROM " + SampleRuns.DATABASE + "." + t.name() + " WHERE run_date = '"
                                + SampleRuns.DATE + "'").count(), t.name());
            }
        }
        assertEquals(List.of("run_date=" + SampleRuns.DATE), spark.sql("SHOW PARTITIONS " + SampleRuns.DATABASE + ".stories")
                .collectAsList().stream().map(r -> r.getString(0)).toList());
        Row idColumn = spark.sql("DESCRIBE TABLE " + SampleRuns.DATABASE + ".articles").filter("col_name = 'article_id'").first();
        assertEquals(Tables.ARTICLES.columns().get(0).description(), idColumn.getString(2));
        Row sourceId = spark.sql("DESCRIBE TABLE " + SampleRuns.DATABASE + ".articles").filter("col_name = 'source_id'").first();
        assertTrue(sourceId.getString(2).contains("record's own id"), "apostrophes survive: " + sourceId);
    }

    @Test
    void everyExampleQueryRunsAndAnswersPlausibly() throws Exception {
        List<Path> queries;
        try (Stream<Path> s = Files.list(Path.of("sql/queries"))) {
            queries = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(queries.size() >= 10, "at least ten example queries: " + queries);
        try (DuckDb duck = withViews()) {
            for (Path q : queries) {
                String sql = Files.readString(q).strip();
                List<Map<String, Object>> rows = duck.query(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
                assertFalse(rows.isEmpty(), q + " returned no rows");
                for (Map<String, Object> r : rows) {
                    assertFalse(r.values().stream().allMatch(v -> v == null), q + ": an all-null row " + r);
                }
            }
            // Spot checks of meaning, not just of shape.
            Map<String, Object> five = duck.query(body("02_median_time_to_five_outlets.sql")).get(0);
            assertTrue(((Number) five.get("stories_reaching_5_outlets")).longValue() > 0, five.toString());
            assertTrue(((Number) five.get("median_hours")).doubleValue() > 0, five.toString());
            assertTrue(((Number) five.get("p90_hours")).doubleValue() >= ((Number) five.get("median_hours")).doubleValue());
            List<Map<String, Object>> curve = duck.query(body("08_spread_curve_widest_story.sql"));
            assertTrue(curve.size() >= 5, "the widest story reaches several outlets");
            for (int i = 1; i < curve.size(); i++) {
                assertTrue(((Number) curve.get(i).get("cumulative_outlets")).intValue()
                        >= ((Number) curve.get(i - 1).get("cumulative_outlets")).intValue());
            }
            for (Map<String, Object> day : duck.query(body("11_daily_volume.sql"))) {
                long rejects = duck.count("SELECT count(*) FROM rejects WHERE run_date = '" + day.get("run_date") + "'");
                assertEquals(((Number) day.get("records_in")).longValue(), ((Number) day.get("articles")).longValue()
                        + ((Number) day.get("exact_duplicates")).longValue() + rejects, day.toString());
            }
            for (Map<String, Object> r : duck.query(body("15_related_stories.sql"))) {
                assertTrue(((String) r.get("story_a")).compareTo((String) r.get("story_b")) < 0, r.toString());
                assertTrue(((Number) r.get("linking_pairs")).longValue() >= ((Number) r.get("copy_pairs")).longValue(),
                        r.toString());
            }
            Map<String, Object> reuters = duck.query(body("01_outlets_copying_reuters_most.sql")).get(0);
            assertTrue(((Number) reuters.get("reuters_copies")).longValue() > 0
                    && ((Number) reuters.get("share_of_output")).doubleValue() <= 1.0, reuters.toString());
        }
    }

    private static String body(String file) throws Exception {
        String sql = Files.readString(Path.of("sql/queries", file)).strip();
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }
}
