package io.wiretrace.config;

import java.util.Locale;

/**
 * How input files are read: by extension ({@code auto}) or all as one format ({@code --format}).
 * Written in lower case in YAML and on the command line.
 */
public enum InputFormat {
    AUTO, JSONL, CSV, PARQUET, PAGES, WARC;

    /** The setting's value as written in YAML, {@code --set} and the manifest. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
