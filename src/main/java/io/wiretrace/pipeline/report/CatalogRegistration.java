package io.wiretrace.pipeline.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --register-tables}: makes the committed tables queryable by name in the Spark session's
 * catalog (the Hive metastore when the session has one, so Trino and other metastore clients see
 * them too): {@code DATABASE.TABLE}, external Parquet tables over the output directory,
 * partitioned by {@code run_date}, with the column descriptions as comments. Idempotent: tables
 * are created once, and each run syncs the partition list with the directories (a re-run date
 * that no longer has a table's partition loses it from the catalog too).
 */
public final class CatalogRegistration {

    private CatalogRegistration() {}

    /** Registers {@code tables} of the output at {@code outputDir}; returns the qualified names. */
    public static List<String> register(SparkSession spark, String database, String outputDir, List<Tables.Table> tables) {
        spark.sql("CREATE DATABASE IF NOT EXISTS " + database);
        List<String> names = new ArrayList<>();
        for (Tables.Table t : tables) {
            String name = database + "." + t.name();
            spark.sql(SchemaDocs.sparkCreateTable(t, name, outputDir + "/" + t.name()));
            // The partition list lives in the catalog: sync it with the run_date directories.
            spark.sql("MSCK REPAIR TABLE " + name + " SYNC PARTITIONS");
            spark.sql("REFRESH TABLE " + name);
            names.add(name);
        }
        return names;
    }
}
