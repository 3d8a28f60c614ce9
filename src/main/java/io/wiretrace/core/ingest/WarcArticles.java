package io.wiretrace.core.ingest;

import io.wiretrace.core.html.ArticleExtractor;
import io.wiretrace.core.html.HtmlDecoder;
import io.wiretrace.core.outlet.OutletRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One web-archive record's outcome ({@link WarcPages.Page}) → one {@link InputRecord}: a page's
 * HTML decoded ({@link HtmlDecoder}) and its article extracted ({@link ArticleExtractor}); a
 * skipped record as a skip; a broken one as a reject. Plain Java: the same path serves the Spark
 * reader and the extraction benchmark.
 *
 * <p>The article's URL is the captured URL, not the page's canonical link, and the outlet comes
 * from it: a syndicated copy often declares the original as canonical, and attributing the copy
 * to the original outlet would hide exactly the syndication this tool looks for. The canonical
 * link is kept in {@code extra.canonical_url} when it differs. The title comes from the source
 * the outlet registry names for the captured host ({@code title_source}), else the generic rule.
 */
public final class WarcArticles {

    private final RecordMapper mapper;
    private final OutletRegistry titleSources;
    private final ArticleExtractor extractor = new ArticleExtractor();

    public WarcArticles(RecordMapper mapper) {
        this(mapper, OutletRegistry.EMPTY);
    }

    /** @param titleSources the outlet registry, asked for each captured host's {@code title_source} */
    public WarcArticles(RecordMapper mapper, OutletRegistry titleSources) {
        this.mapper = mapper;
        this.titleSources = titleSources;
    }

    /** Where a record is, as the {@code location} column shows it. */
    public static String location(long offset) {
        return "offset " + offset;
    }

    public InputRecord toRecord(String file, WarcPages.Page p) {
        String location = location(p.offset());
        switch (p.kind()) {
            case SKIPPED:
                return InputRecord.skipped(file, location, p.offset(), p.skip());
            case BROKEN:
                return mapper.reject(file, location, p.offset(), p.reject(), p.detail(), p.url());
            default:
                break;
        }
        if (p.textOnly()) {
            // A WET conversion: the text is already extracted; it carries no title or date.
            String text = new String(p.body(), StandardCharsets.UTF_8);
            return mapper.article(file, location, p.offset(), p.url(), null, null, text, null, p.date());
        }
        ArticleExtractor.Extracted a;
        try {
            a = extractor.extract(HtmlDecoder.decode(p.body(), p.contentType()).text(), p.url(),
                    titleSources.titleSource(p.url()));
        } catch (RuntimeException | StackOverflowError e) {
            // A pathological page (nesting deep enough to exhaust the stack) costs one record, not the task.
            return mapper.reject(file, location, p.offset(), RejectReason.NO_MAIN_TEXT,
                    "extraction failed: " + e.getClass().getSimpleName(), p.url());
        }
        if (a.text().isBlank()) {
            return mapper.reject(file, location, p.offset(), RejectReason.NO_MAIN_TEXT,
                    "no article text found in the page", a.title() == null ? p.url() : p.url() + " " + a.title());
        }
        Map<String, String> extra = new TreeMap<>();
        if (a.canonicalUrl() != null && !a.canonicalUrl().equals(p.url())) {
            extra.put("canonical_url", a.canonicalUrl());
        }
        if (a.siteName() != null) {
            extra.put("site_name", a.siteName());
        }
        String url = p.url() != null ? p.url() : a.canonicalUrl();
        // No outlet name: normalisation derives the outlet from the URL's host.
        return mapper.article(file, location, p.offset(), url, null, a.title(), a.text(), a.publishedAt(), p.date(),
                a.language(), extra);
    }
}
