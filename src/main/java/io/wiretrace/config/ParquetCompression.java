package io.wiretrace.config;

import java.util.Locale;

/** The codec of the report files (Parquet). Written in lower case in YAML and on the command line. */
public enum ParquetCompression {
    SNAPPY, ZSTD, GZIP, UNCOMPRESSED;

    /** The setting's value as written in YAML, {@code --set} and the manifest. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
