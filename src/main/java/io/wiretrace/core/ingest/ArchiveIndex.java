package io.wiretrace.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Record offsets of one web archive from its index — CDXJ ({@code SURT TIMESTAMP {"offset": …}})
 * or classic CDX (a {@code CDX} header line naming its fields; {@code V} is the offset, {@code g}
 * the file name) — and the read ranges they allow: a large archive is read by several tasks, each
 * starting at a record boundary. Plain Java; lines it cannot use are passed over, because a bad
 * index must never lose records (the reader falls back to one range per file).
 */
public final class ArchiveIndex {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The 11-field CDX layout (" CDX N b a m s k r M S V g") used when a file has no header. */
    private static final String DEFAULT_CDX_FIELDS = "NbamskrMSVg";

    private ArchiveIndex() {}

    /**
     * @param archiveName the archive's file name; entries naming another file are ignored
     * @return the distinct record offsets in ascending order
     */
    public static long[] offsets(InputStream index, String archiveName) throws IOException {
        long[] out = new long[1024];
        int n = 0;
        String fields = DEFAULT_CDX_FIELDS;
        BufferedReader r = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("!")) {
                continue;
            }
            if (t.startsWith("CDX ")) {
                fields = t.substring(4).replace(" ", "");
                continue;
            }
            long offset = t.contains("{") ? cdxjOffset(t, archiveName) : cdxOffset(t, fields, archiveName);
            if (offset >= 0) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = offset;
            }
        }
        return Arrays.stream(out, 0, n).sorted().distinct().toArray();
    }

    private static long cdxjOffset(String line, String archiveName) {
        try {
            JsonNode j = JSON.readTree(line.substring(line.indexOf('{')));
            JsonNode file = j.get("filename");
            if (file != null && !sameFile(file.asText(), archiveName)) {
                return -1;
            }
            JsonNode o = j.get("offset");
            return o == null ? -1 : Long.parseLong(o.asText().strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long cdxOffset(String line, String fields, String archiveName) {
        String[] parts = line.split(" ");
        int v = fields.indexOf('V');
        int g = fields.indexOf('g');
        if (v < 0 || parts.length != fields.length()) {
            return -1;
        }
        if (g >= 0 && !sameFile(parts[g], archiveName)) {
            return -1;
        }
        try {
            return Long.parseLong(parts[v]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean sameFile(String named, String archiveName) {
        String base = named.substring(named.lastIndexOf('/') + 1);
        return base.equals(archiveName) || named.equals("-");
    }

    /**
     * Read ranges {@code [start, end)} over a file of {@code length} bytes: each about
     * {@code targetBytes} long and starting at a record offset (the first at 0).
     */
    public static List<long[]> ranges(long[] offsets, long length, long targetBytes) {
        List<long[]> out = new ArrayList<>();
        long start = 0;
        for (long o : offsets) {
            if (o >= length) {
                break;
            }
            if (o - start >= targetBytes) {
                out.add(new long[] {start, o});
                start = o;
            }
        }
        out.add(new long[] {start, length});
        return out;
    }
}
