package io.wiretrace.core.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchiveIndexTest {

    private static long[] offsets(String index, String archive) throws Exception {
        return ArchiveIndex.offsets(new ByteArrayInputStream(index.getBytes(StandardCharsets.UTF_8)), archive);
    }

    @Test
    void readsCdxjAndKeepsOnlyTheNamedArchivesOffsetsSortedAndDistinct() throws Exception {
        String cdxj = """
                example,eastport)/ 20260415120000 {"url": "https://eastport.example/", "offset": "900", "length": "300", "filename": "crawl/a.warc.gz"}
                example,eastport)/a 20260415120000 {"url": "https://eastport.example/a", "offset": 120, "filename": "a.warc.gz"}
                example,eastport)/b 20260415120000 {"url": "https://eastport.example/b", "offset": "500", "filename": "b.warc.gz"}
                example,eastport)/c 20260415120000 {"url": "https://eastport.example/c", "offset": "120", "filename": "a.warc.gz"}
                example,eastport)/d 20260415120000 {"broken json
                """;
        assertArrayEquals(new long[] {120, 900}, offsets(cdxj, "a.warc.gz"));
    }

    @Test
    void readsClassicCdxByItsHeaderAndTheDefaultLayoutWithoutOne() throws Exception {
        String withHeader = " CDX a b V g\nhttps://x.example/ 20260415 2048 a.warc.gz\nhttps://x.example/2 20260415 0 a.warc.gz\n"
                + "https://x.example/3 20260415 77 other.warc.gz\nshort line\n";
        assertArrayEquals(new long[] {0, 2048}, offsets(withHeader, "a.warc.gz"));
        String noHeader = "example)/ 20260415 https://x.example/ text/html 200 SHA1 - - 1234 4096 a.warc.gz\n";
        assertArrayEquals(new long[] {4096}, offsets(noHeader, "a.warc.gz"));
    }

    @Test
    void rangesStartAtRecordOffsetsAndCoverTheFile() {
        List<long[]> r = ArchiveIndex.ranges(new long[] {0, 100, 250, 400, 700, 950}, 1000, 300);
        assertEquals(List.of("0-400", "400-700", "700-1000"), r.stream().map(x -> x[0] + "-" + x[1]).toList());
        assertEquals(List.of("0-50"), ArchiveIndex.ranges(new long[] {}, 50, 300).stream().map(x -> x[0] + "-" + x[1]).toList());
    }
}
