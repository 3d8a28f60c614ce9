package io.wiretrace.pipeline.ingest;

import io.wiretrace.core.ingest.InputRecord;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The row form of {@link InputRecord}: the schema every reader produces. Internal, not a report. */
public final class InputRows {

    public static final StructType SCHEMA = new StructType()
            .add("source_file", DataTypes.StringType, false)
            .add("location", DataTypes.StringType, false)
            .add("ordinal", DataTypes.LongType, false)
            .add("reject_reason", DataTypes.StringType, true)
            .add("reject_detail", DataTypes.StringType, true)
            .add("excerpt", DataTypes.StringType, true)
            .add("source_id", DataTypes.StringType, true)
            .add("url", DataTypes.StringType, true)
            .add("outlet_raw", DataTypes.StringType, true)
            .add("title", DataTypes.StringType, true)
            .add("text", DataTypes.StringType, true)
            .add("published_at", DataTypes.TimestampType, true)
            .add("scraped_at", DataTypes.TimestampType, true)
            .add("language", DataTypes.StringType, true)
            .add("extra", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)
            .add("date_warnings", DataTypes.IntegerType, false)
            .add("skip_reason", DataTypes.StringType, true);

    private InputRows() {}

    public static Row toRow(InputRecord r) {
        return RowFactory.create(r.sourceFile(), r.location(), r.ordinal(), r.rejectReason(), r.rejectDetail(),
                r.excerpt(), r.sourceId(), r.url(), r.outlet(), r.title(), r.text(), ts(r.publishedAt()),
                ts(r.scrapedAt()), r.language(),
                r.extra() == null ? null : scala.jdk.javaapi.CollectionConverters.asScala(r.extra()),
                r.dateWarnings(), r.skipReason());
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
