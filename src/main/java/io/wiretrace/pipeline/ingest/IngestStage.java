package io.wiretrace.pipeline.ingest;

import io.wiretrace.config.WiretraceConfig;
import io.wiretrace.core.ingest.InputRecord;
import io.wiretrace.core.ingest.RecordMapper;
import io.wiretrace.core.ingest.RejectReason;
import io.wiretrace.core.outlet.OutletRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import io.wiretrace.pipeline.Iterators;
import io.wiretrace.pipeline.OutletRegistries;

/**
 * Ingest: input plan → one row per input record ({@link InputRows#SCHEMA}), articles and rejects
 * alike. Text formats are read by {@link SplitReader} on executors, one task per split; Parquet by
 * Spark's reader, each row mapped by the same {@link RecordMapper} rules.
 */
public final class IngestStage {

    private IngestStage() {}

    public static SplitReader.Settings readerSettings(WiretraceConfig config) {
        WiretraceConfig.Input in = config.input();
        return new SplitReader.Settings(mapperSettings(config), in.maxRecordBytes(), in.maxCompressionRatio(),
                in.defaultTimezone(), in.csv().delimiter().charAt(0), in.pages().scrapedAt(),
                in.pages().relatedHeading(), List.copyOf(in.pages().chromeLines()));
    }

    public static RecordMapper.Settings mapperSettings(WiretraceConfig config) {
        WiretraceConfig.Input in = config.input();
        return new RecordMapper.Settings(new LinkedHashMap<>(in.fieldAliases()), in.maxTextChars(), in.excerptChars(),
                in.defaultTimezone(), in.csv().paragraphSeparator());
    }

    public static Dataset<Row> run(SparkSession spark, InputPlan plan, WiretraceConfig config) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        List<InputPlan.Split> textSplits = new ArrayList<>();
        List<InputPlan.InputFile> parquetFiles = new ArrayList<>();
        for (InputPlan.Split s : plan.splits()) {
            if (s.file().format().equals("parquet")) {
                parquetFiles.add(s.file());
            } else {
                textSplits.add(s);
            }
        }
        Dataset<Row> rows = spark.createDataFrame(List.of(), InputRows.SCHEMA);
        if (!textSplits.isEmpty()) {
            // Web-archive pages take their title from the source the registry names for the outlet;
            // only those few entries travel with the tasks.
            OutletRegistry titleSources = textSplits.stream().anyMatch(s -> s.file().format().equals("warc"))
                    ? OutletRegistries.load(spark, config.outlets().registry()).withTitleSources() : OutletRegistry.EMPTY;
            SplitReader reader = new SplitReader(readerSettings(config), conf, titleSources);
            // One partition per split: the split list is metadata, small even for huge corpora.
            JavaRDD<Row> text = jsc.parallelize(textSplits, textSplits.size())
                    .flatMap(split -> {
                        io.wiretrace.pipeline.FaultInjection.maybeFail("ingest");
                        return Iterators.map(reader.read(split), InputRows::toRow);
                    });
            rows = rows.unionByName(spark.createDataFrame(text, InputRows.SCHEMA));
        }
        if (!parquetFiles.isEmpty()) {
            rows = rows.unionByName(readParquet(spark, jsc, conf, parquetFiles, config));
        }
        return rows;
    }

    private static Dataset<Row> readParquet(SparkSession spark, JavaSparkContext jsc, HadoopConf conf,
                                            List<InputPlan.InputFile> files, WiretraceConfig config) {
        RecordMapper.Settings ms = mapperSettings(config);
        List<String> paths = files.stream().map(InputPlan.InputFile::path).toList();
        // A corrupt Parquet file would fail Spark's whole read; check footers first (in tasks) and
        // turn bad files into rejects.
        List<String> bad = jsc.parallelize(paths, Math.max(1, Math.min(paths.size(), 64)))
                .filter(p -> !footerReadable(p, conf)).collect();
        List<Row> badRows = new ArrayList<>();
        for (String b : bad) {
            badRows.add(InputRows.toRow(new RecordMapper(ms).reject(b, "file", 0, RejectReason.UNREADABLE_FILE,
                    "not a readable Parquet file", null)));
        }
        Dataset<Row> out = spark.createDataFrame(badRows, InputRows.SCHEMA);
        List<String> good = paths.stream().filter(p -> !bad.contains(p)).toList();
        if (good.isEmpty()) {
            return out;
        }
        Dataset<Row> df = spark.read().parquet(good.toArray(String[]::new));
        String[] columns = df.columns();
        Dataset<Row> withMeta = df.select(functions.col("*"),
                functions.col("_metadata.file_path").as("__wt_file"),
                functions.col("_metadata.row_index").as("__wt_row"));
        Dataset<Row> mapped = withMeta.mapPartitions(
                (org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) it -> {
                    RecordMapper mapper = new RecordMapper(ms);
                    return Iterators.map(it, r -> {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        for (int i = 0; i < columns.length; i++) {
                            Object v = r.get(i);
                            fields.put(columns[i], v instanceof scala.collection.Map || v instanceof Row
                                    || v instanceof scala.collection.Seq ? new RecordMapper.NonScalar(String.valueOf(v)) : v);
                        }
                        String file = r.getString(columns.length);
                        long row = r.getLong(columns.length + 1);
                        return InputRows.toRow(mapper.map(file, "row " + row, row, fields, String.valueOf(fields)));
                    });
                }, Encoders.row(InputRows.SCHEMA));
        return out.unionByName(mapped);
    }

    private static boolean footerReadable(String path, HadoopConf conf) {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(path), conf.get()))) {
            return r.getFooter() != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
