package io.wiretrace.pipeline;

import io.wiretrace.config.ConfigException;
import io.wiretrace.core.outlet.OutletRegistry;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/** Loads the configured outlet registry; ingestion (title sources) and normalisation (outlets) both use it. */
public final class OutletRegistries {

    private OutletRegistries() {}

    /** The configured outlet registry, read on the driver: builtin, none, or a CSV on any Hadoop file system. */
    public static OutletRegistry load(SparkSession spark, String setting) {
        if (setting.equals("none")) {
            return OutletRegistry.EMPTY;
        }
        if (setting.equals("builtin")) {
            return OutletRegistry.builtin();
        }
        Path path = new Path(setting);
        try (InputStream in = path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path)) {
            return OutletRegistry.read(in, setting);
        } catch (IOException e) {
            throw new ConfigException("Cannot read outlets.registry '" + setting + "': " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
