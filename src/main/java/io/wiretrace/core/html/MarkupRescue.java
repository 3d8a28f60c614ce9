package io.wiretrace.core.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * For a page whose markup gave no article: the two ways a real page hides its text from the
 * parser. Asked only then, so ordinary pages pay nothing.
 * <ul>
 * <li>A capture spliced a script's code into a {@code src} attribute ({@code <script src="/te.
 * backgroundColor='yellow'; … </script>}): the parser — a browser's too — reads the rest of the
 * page as attributes and script. The attribute is closed where that script ends.
 * <li>The page is rendered by script, its article carried as HTML inside string literals
 * (Next.js's streamed payload {@code self.__next_f.push([1,"…\u003cp…"])}, a JSON state object):
 * those strings, decoded, are read as a page of their own.
 * </ul>
 */
final class MarkupRescue {

    private MarkupRescue() {}

    // A script tag's src whose value runs past the end of a script element: no URL holds "</script>".
    private static final Pattern SPLICED_SRC = Pattern.compile("(?i)(<script\\b[^>]*?\\bsrc\\s*=\\s*)\"[^\"]*?</script>");

    /** The page with a spliced {@code src} closed ({@code src=""></script>}), or null when it has none. */
    static String repairSplicedScript(String html) {
        Matcher m = SPLICED_SRC.matcher(html);
        if (!m.find()) {
            return null;
        }
        return html.substring(0, m.start()) + m.group(1) + "\"\"></script>" + html.substring(m.end());
    }

    // A string literal this long may carry an article; shorter ones are labels and keys.
    private static final int MIN_LITERAL_CHARS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The article blocks of the HTML a page's inline scripts carry in string literals (each holding
     * a paragraph tag once decoded), read as one page; empty when none do.
     */
    static MainText.Body scriptedBody(String html, String title) {
        // Most short pages are stubs, not script-rendered: no escaped tag, no string opening with
        // a paragraph, no second parse.
        if (!html.contains("\\u003c") && !html.contains("\\u003C") && !html.contains("\"<p")) {
            return MainText.Body.EMPTY;
        }
        Document doc = Jsoup.parse(html);
        Set<String> fragments = new LinkedHashSet<>();
        for (Element script : doc.getElementsByTag("script")) {
            String code = script.data();
            if (code.length() >= MIN_LITERAL_CHARS
                    && (code.contains("\\u003cp") || code.contains("\\u003Cp") || code.contains("<p"))) {
                literals(code, fragments);
            }
        }
        if (fragments.isEmpty()) {
            return MainText.Body.EMPTY;
        }
        return MainText.mainText(Jsoup.parse("<html><body>" + String.join("\n", fragments) + "</body></html>"), title);
    }

    /** Adds the double-quoted string literals of {@code code} that decode to HTML with paragraphs. */
    private static void literals(String code, Set<String> out) {
        int i = code.indexOf('"');
        while (i >= 0 && i < code.length()) {
            int end = i + 1;
            while (end < code.length() && code.charAt(end) != '"') {
                end += code.charAt(end) == '\\' ? 2 : 1;
            }
            if (end >= code.length()) {
                return;
            }
            if (end - i > MIN_LITERAL_CHARS) {
                String decoded = decode(code.substring(i, end + 1));
                if (decoded != null && decoded.contains("<p")) {
                    out.add(decoded);
                }
            }
            i = code.indexOf('"', end + 1);
        }
    }

    /** A JSON string literal's value, or null when it is not one (a JavaScript-only escape). */
    private static String decode(String literal) {
        try {
            return JSON.readValue(literal, String.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
