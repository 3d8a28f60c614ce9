package io.wiretrace.core.html;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes of an HTML page → text, choosing the charset much as browsers do (WHATWG "encoding
 * sniffing", simplified): a byte-order mark wins; then bytes that are valid, non-ASCII UTF-8 are
 * read as UTF-8; then the HTTP {@code Content-Type} charset, then a {@code <meta charset>} or
 * {@code http-equiv} declaration in the first 4 KiB; else windows-1252. Labels are mapped as browsers map them (latin-1 and
 * ascii mean windows-1252).
 */
public final class HtmlDecoder {

    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private HtmlDecoder() {}

    /** The decoded page and the charset used, with how it was chosen. */
    public record Decoded(String text, String charset, String source) {}

    /**
     * @param body        the page bytes
     * @param contentType the HTTP {@code Content-Type} header value, or null
     */
    public static Decoded decode(byte[] body, String contentType) {
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(new String(body, 3, body.length - 3, StandardCharsets.UTF_8), "UTF-8", "bom");
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new Decoded(new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", "bom");
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new Decoded(new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", "bom");
        }
        // Bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever a header or meta tag
        // claims: misdeclared pages (UTF-8 served as latin-1 or GB2312) are common, the reverse
        // (legacy-encoded text that happens to be valid UTF-8) is vanishingly rare.
        String utf8 = strictUtf8(body);
        if (utf8 != null && !ascii(body)) {
            return new Decoded(utf8, "UTF-8", "valid-utf8");
        }
        Charset header = contentType == null ? null : label(HEADER_CHARSET.matcher(contentType));
        if (header != null) {
            return new Decoded(new String(body, header), header.name(), "http");
        }
        String head = new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Charset meta = label(META_CHARSET.matcher(head));
        if (meta != null) {
            // A page cannot declare itself UTF-16 in ASCII-compatible bytes: browsers read that as UTF-8.
            if (meta.name().startsWith("UTF-16")) {
                meta = StandardCharsets.UTF_8;
            }
            return new Decoded(new String(body, meta), meta.name(), "meta");
        }
        if (utf8 != null) {
            return new Decoded(utf8, "UTF-8", "valid-utf8");
        }
        return new Decoded(new String(body, WINDOWS_1252), WINDOWS_1252.name(), "fallback");
    }

    private static String strictUtf8(byte[] body) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = strict.decode(ByteBuffer.wrap(body));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean ascii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** A charset label as browsers read it, or null when unknown. */
    static Charset label(Matcher m) {
        if (!m.find()) {
            return null;
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        switch (name) {
            case "iso-8859-1", "latin1", "latin-1", "ascii", "us-ascii", "iso8859-1", "l1", "cp1252" -> {
                return WINDOWS_1252;
            }
            case "utf8", "unicode-1-1-utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            case "gb2312", "gbk", "x-gbk" -> {
                return Charset.forName("GB18030");
            }
            default -> {
                try {
                    return Charset.isSupported(name) ? Charset.forName(name) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
