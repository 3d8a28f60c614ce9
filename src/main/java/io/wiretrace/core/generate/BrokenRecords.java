package io.wiretrace.core.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Records broken the ways real scrapes break: cut off, blank text, a nested text field, Latin-1 bytes. */
final class BrokenRecords {

    private BrokenRecords() {}

    /** A broken record of one of the kinds real scrapes contain. */
    static byte[] of(SplittableRandom rnd, String id, String title, String url) {
        String s;
        switch (rnd.nextInt(4)) {
            case 0 -> s = "{\"id\": \"" + id + "-broken\", \"title\": \"" + title + "\", \"text\": \"cut off";
            case 1 -> s = "{\"id\": \"" + id + "-notext\", \"url\": \"" + url + "\", \"text\": \"   \"}";
            case 2 -> s = "{\"id\": \"" + id + "-typed\", \"text\": {\"body\": \"nested\"}}";
            default -> {
                byte[] head = ("{\"id\": \"" + id + "-latin1\", \"text\": \"caf").getBytes(StandardCharsets.UTF_8);
                byte[] tail = "\"}\n".getBytes(StandardCharsets.UTF_8);
                byte[] outb = new byte[head.length + 1 + tail.length];
                System.arraycopy(head, 0, outb, 0, head.length);
                outb[head.length] = (byte) 0xE9; // Latin-1 é: invalid as UTF-8
                System.arraycopy(tail, 0, outb, head.length + 1, tail.length);
                return outb;
            }
        }
        return (s + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
