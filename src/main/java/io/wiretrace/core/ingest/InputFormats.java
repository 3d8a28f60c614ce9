package io.wiretrace.core.ingest;

import java.util.Locale;
import java.util.Optional;

/** Input format and compression from a file name: {@code news.jsonl.gz} → jsonl, gz. */
public final class InputFormats {

    /** What a file is: format (jsonl, csv, parquet, pages, warc) and compression (none, gz, bz2, zst). */
    public record Detected(String format, String compression, char delimiter) {}

    private InputFormats() {}

    public static String compressionOf(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".gz") || n.endsWith(".gzip")) {
            return "gz";
        }
        if (n.endsWith(".bz2")) {
            return "bz2";
        }
        if (n.endsWith(".zst") || n.endsWith(".zstd")) {
            return "zst";
        }
        return "none";
    }

    /** Record-offset indexes of web archives (CDX, CDXJ), read with the archive they describe. */
    public static final String[] ARCHIVE_INDEX_SUFFIXES = {".cdxj", ".cdx"};

    /**
     * Sidecars, archive indexes, checksums, hidden and underscore files (Hadoop's convention) are
     * never inputs.
     */
    public static boolean isIgnored(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String suffix : ARCHIVE_INDEX_SUFFIXES) {
            if (n.endsWith(suffix) || n.endsWith(suffix + ".gz")) {
                return true;
            }
        }
        return name.startsWith(".") || name.startsWith("_") || name.endsWith(PageSidecar.SUFFIX)
                || name.endsWith(".crc");
    }

    /**
     * @param forced a format from configuration, or "auto"
     * @return the detection, or empty when the name says nothing and no format is forced
     */
    public static Optional<Detected> detect(String name, String forced) {
        String compression = compressionOf(name);
        String n = name.toLowerCase(Locale.ROOT);
        if (!compression.equals("none")) {
            n = n.substring(0, n.lastIndexOf('.'));
        }
        char delimiter = n.endsWith(".tsv") ? '\t' : 0;
        if (!"auto".equals(forced)) {
            return Optional.of(new Detected(forced, compression, delimiter));
        }
        String format;
        if (n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson")) {
            format = "jsonl";
        } else if (n.endsWith(".csv") || n.endsWith(".tsv")) {
            format = "csv";
        } else if (n.endsWith(".parquet") || n.endsWith(".parq")) {
            format = "parquet";
        } else if (n.endsWith(".txt")) {
            format = "pages";
        } else if (n.endsWith(".warc") || n.endsWith(".wet")) {
            format = "warc";
        } else {
            return Optional.empty();
        }
        return Optional.of(new Detected(format, compression, delimiter));
    }
}
