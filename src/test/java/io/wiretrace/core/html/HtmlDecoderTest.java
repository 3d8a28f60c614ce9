package io.wiretrace.core.html;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlDecoderTest {

    private static final String PAGE = "<html><head>%s</head><body><p>Café Zürich — naïve</p></body></html>";

    @Test
    void byteOrderMarkWins() {
        byte[] utf8 = String.format(PAGE, "").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        HtmlDecoder.Decoded d = HtmlDecoder.decode(withBom, "text/html; charset=iso-8859-1");
        assertEquals("bom", d.source());
        assertEquals(String.format(PAGE, ""), d.text());
    }

    @Test
    void legacyPagesFollowTheirHeaderOrMetaDeclaration() {
        Charset latin = Charset.forName("windows-1252");
        byte[] bytes = String.format(PAGE, "<meta charset=\"iso-8859-1\">").getBytes(latin);
        HtmlDecoder.Decoded meta = HtmlDecoder.decode(bytes, null);
        assertEquals("meta", meta.source());
        assertEquals("windows-1252", meta.charset(), "latin-1 labels mean windows-1252, as in browsers");
        assertEquals(String.format(PAGE, "<meta charset=\"iso-8859-1\">"), meta.text());

        byte[] koi8 = "<p>Привет</p>".getBytes(Charset.forName("KOI8-R"));
        HtmlDecoder.Decoded header = HtmlDecoder.decode(koi8, "text/html; charset=KOI8-R");
        assertEquals("http", header.source());
        assertEquals("<p>Привет</p>", header.text());
    }

    @Test
    void validUtf8BeatsAWrongDeclaration() {
        // A page served as latin-1 (or declaring gb2312) whose bytes are UTF-8: read as UTF-8.
        String page = String.format(PAGE, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">");
        HtmlDecoder.Decoded d = HtmlDecoder.decode(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=ISO-8859-1");
        assertEquals("UTF-8", d.charset());
        assertEquals(page, d.text());
    }

    @Test
    void undeclaredInvalidUtf8FallsBackToWindows1252() {
        byte[] bytes = "<p>caf\u00e9 \u20ac5</p>".getBytes(Charset.forName("windows-1252"));
        HtmlDecoder.Decoded d = HtmlDecoder.decode(bytes, null);
        assertEquals("fallback", d.source());
        assertEquals("<p>caf\u00e9 \u20ac5</p>", d.text());
    }
}
