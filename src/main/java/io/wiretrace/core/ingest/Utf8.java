package io.wiretrace.core.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict and lenient UTF-8 decoding: strict to detect bad input, lenient to show it in an excerpt. */
public final class Utf8 {

    private static final ThreadLocal<CharsetDecoder> STRICT = ThreadLocal.withInitial(() ->
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));

    private Utf8() {}

    /** Decodes, or returns null when the bytes are not valid UTF-8. A leading BOM is dropped. */
    public static String decodeStrict(byte[] bytes, int off, int len) {
        if (len >= 3 && (bytes[off] & 0xff) == 0xEF && (bytes[off + 1] & 0xff) == 0xBB && (bytes[off + 2] & 0xff) == 0xBF) {
            off += 3;
            len -= 3;
        }
        boolean ascii = true;
        for (int i = off; i < off + len; i++) {
            if (bytes[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, off, len, StandardCharsets.ISO_8859_1);
        }
        try {
            CharBuffer cb = STRICT.get().reset().decode(ByteBuffer.wrap(bytes, off, len));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    public static String decodeStrict(byte[] bytes) {
        return decodeStrict(bytes, 0, bytes.length);
    }

    /** Decodes with U+FFFD for bad bytes (for excerpts only). */
    public static String decodeLenient(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
