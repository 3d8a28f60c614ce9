package io.wiretrace.core.html;

import static io.wiretrace.core.html.HtmlText.blank;
import static io.wiretrace.core.html.HtmlText.clean;
import static io.wiretrace.core.html.HtmlText.firstNonBlank;
import static io.wiretrace.core.html.MainText.mainText;
import static io.wiretrace.core.html.PageMetadata.jsonLd;
import static io.wiretrace.core.html.PageMetadata.language;
import static io.wiretrace.core.html.PageMetadata.ldText;
import static io.wiretrace.core.html.PageMetadata.meta;
import static io.wiretrace.core.html.PageMetadata.metas;
import static io.wiretrace.core.html.PageMetadata.published;
import static io.wiretrace.core.html.PageMetadata.siteName;
import static io.wiretrace.core.html.PageTitle.title;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A news page's HTML → its article: title, main text as paragraphs, publication time, canonical
 * URL and declared language. Plain Java (jsoup), no Spark; one instance per thread.
 *
 * <p>In three parts: metadata ({@link PageMetadata}: JSON-LD, meta tags, the visible page, the
 * URL), the headline ({@link PageTitle}) and the main text ({@link MainText}).
 */
public final class ArticleExtractor {

    /** What the page says about its article. Absent values are null; text is never null. */
    public record Extracted(String title, String text, Instant publishedAt, String canonicalUrl, String language,
                            String siteName, int paragraphs) {}

    /** Extracts the article of {@code html}, fetched from {@code url} (may be null). */
    public Extracted extract(String html, String url) {
        return extract(html, url, null);
    }

    /**
     * As {@link #extract(String, String)}, with the title taken from {@code titleSource} when the
     * page declares it (null: the generic rule).
     */
    public Extracted extract(String html, String url, TitleSource titleSource) {
        return extract(html, url, titleSource, false);
    }

    // Less text than this from the markup: the page may hide its article (see MarkupRescue).
    private static final int RESCUE_BELOW_CHARS = 200;

    private Extracted extract(String html, String url, TitleSource titleSource, boolean repaired) {
        Document doc = parse(html, url);
        List<JsonNode> ld = jsonLd(doc);
        // One pass over the metas: the extractor asks for some twenty of them.
        Map<String, String> metas = metas(doc);
        String siteName = siteName(metas, ld);
        PageTitle.Title chosen = title(doc, metas, ld, siteName, url, titleSource);
        String title = chosen.text();
        Instant published = published(doc, metas, ld, url);
        String canonical = firstNonBlank(doc.select("link[rel=canonical]").attr("abs:href"),
                meta(metas, "og:url"), url);
        String language = language(doc, metas);
        String declaredBody = ldText(ld, "articleBody", null);
        MainText.Body body = mainText(doc, title);
        List<String> blocks = body.blocks();
        Element start = body.start();
        // Pages rendered by script carry little markup text; their JSON-LD articleBody, when much
        // longer than what the markup gave, is the better source.
        int found = blocks.stream().mapToInt(String::length).sum();
        if (declaredBody != null && declaredBody.length() >= 200 && found < declaredBody.length() / 3) {
            blocks = new ArrayList<>();
            start = null;
            for (String para : declaredBody.split("\\s*\\n\\s*")) {
                String c = clean(para);
                if (c != null) {
                    blocks.add(c);
                }
            }
            found = declaredBody.length();
        }
        if (found < RESCUE_BELOW_CHARS && !repaired) {
            String fixed = MarkupRescue.repairSplicedScript(html);
            if (fixed != null) {
                return extract(fixed, url, titleSource, true);
            }
            MainText.Body scripted = MarkupRescue.scriptedBody(html, title);
            if (scripted.blocks().stream().mapToInt(String::length).sum() > found) {
                blocks = scripted.blocks();
                start = null;
            }
        }
        String text = String.join("\n\n", blocks);
        title = BodyTitle.refine(chosen, text, start);
        return new Extracted(title, text, published, blank(canonical) ? null : canonical,
                language, siteName, blocks.size());
    }

    private static final java.util.regex.Pattern TITLE_TAG = java.util.regex.Pattern.compile("(?i)<title\\b[^>]*>");
    // Longer than any headline: a <title> this long swallowed the markup after it.
    private static final int RUNAWAY_TITLE_CHARS = 1_000;

    /**
     * Parses a page. A {@code <title>} whose end tag is lost (a truncated or spliced capture) makes
     * an HTML5 parser — and a browser — read the rest of the page as title text, leaving no body;
     * such a title is closed at the first tag after it, as libxml2 (lxml) does, and the page parsed
     * again. Pages with a closed title are parsed once.
     */
    static Document parse(String html, String url) {
        String base = url == null ? "" : url;
        Document doc = Jsoup.parse(html, base);
        Element title = doc.selectFirst("title");
        String titleText = title == null ? "" : title.text();
        if (titleText.length() < RUNAWAY_TITLE_CHARS || titleText.indexOf('<') < 0) {
            return doc;
        }
        java.util.regex.Matcher m = TITLE_TAG.matcher(html);
        if (!m.find()) {
            return doc;
        }
        int close = html.indexOf('<', m.end());
        if (close < 0) {
            return doc;
        }
        return Jsoup.parse(html.substring(0, close) + "</title>" + html.substring(close), base);
    }

    /**
     * The title each {@link TitleSource} gives for a page (sources the page lacks left out): what
     * an outlet's {@code title_source} would pick, for choosing one.
     */
    public Map<TitleSource, String> titleCandidates(String html, String url) {
        return PageTitle.titleCandidates(html, url);
    }
}
