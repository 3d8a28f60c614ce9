package io.wiretrace.pipeline.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.BZip2Codec;
import org.apache.hadoop.util.ReflectionUtils;

/** Opening, decompressing and watching the input streams the format readers share. */
final class SplitStreams {

    /** Decompressed bytes below which the compression ratio is not checked. */
    static final long RATIO_CHECK_FLOOR = 64L * 1024 * 1024;

    private SplitStreams() {}

    /** The split's file, opened and positioned at {@code position}. */
    static FSDataInputStream openAt(InputPlan.Split split, long position, Configuration conf) throws IOException {
        Path p = new Path(split.file().path());
        FSDataInputStream in = p.getFileSystem(conf).open(p);
        if (position > 0) {
            in.seek(position);
        }
        return in;
    }

    /** An exception as a reject's detail: its class and the first line of its message. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.split("\n", 2)[0]);
    }

    /** True when {@code decompressed} bytes from {@code compressed} exceed the ratio a real file has. */
    static boolean bomb(long decompressed, long compressed, double maxRatio) {
        return decompressed > RATIO_CHECK_FLOOR && decompressed > maxRatio * Math.max(1, compressed);
    }

    /** Counts compressed bytes so the expansion ratio can be watched. */
    static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    static InputStream decompress(InputStream raw, String compression, Configuration conf) throws IOException {
        switch (compression) {
            case "none":
                return raw;
            case "gz":
                return new GZIPInputStream(raw, 64 * 1024);
            case "bz2":
                return ReflectionUtils.newInstance(BZip2Codec.class, conf).createInputStream(raw);
            case "zst":
                return new com.github.luben.zstd.ZstdInputStream(raw);
            default:
                throw new IOException("Unknown compression '" + compression + "'");
        }
    }

}
