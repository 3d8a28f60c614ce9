package io.wiretrace.core.html;

import static io.wiretrace.core.html.HtmlText.blank;
import static io.wiretrace.core.html.HtmlText.firstNonBlank;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.wiretrace.core.ingest.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What publishers declare for search engines and social cards, read in order of reliability:
 * JSON-LD ({@code NewsArticle.headline}, {@code datePublished}), Open Graph and {@code article:*}
 * meta tags, then the visible page ({@code <time>}), then the URL.
 */
final class PageMetadata {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|$|[^\\d])");

    private PageMetadata() {}

    static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> out = new ArrayList<>();
        for (Element s : doc.select("script[type=application/ld+json]")) {
            try {
                flatten(JSON.readTree(s.data()), out);
            } catch (Exception ignored) {
                // Broken JSON-LD is common; the other sources still apply.
            }
        }
        return out;
    }

    static void flatten(JsonNode n, List<JsonNode> out) {
        if (n == null) {
            return;
        }
        if (n.isArray()) {
            n.forEach(c -> flatten(c, out));
        } else if (n.isObject()) {
            out.add(n);
            flatten(n.get("@graph"), out);
            flatten(n.get("mainEntity"), out);
        }
    }

    static boolean isArticle(JsonNode n) {
        JsonNode type = n.get("@type");
        String t = type == null ? "" : type.toString();
        // ClaimReview: a fact-check's own type, an article in all but name.
        return t.contains("Article") || t.contains("Posting") || t.contains("Report") || t.contains("Review");
    }

    /** A text field of the first article-typed JSON-LD node (optionally a sub-field), or null. */
    static String ldText(List<JsonNode> ld, String field, String sub) {
        for (JsonNode n : ld) {
            if (!isArticle(n)) {
                continue;
            }
            JsonNode v = n.get(field);
            if (v != null && v.isArray() && !v.isEmpty()) {
                v = v.get(0);
            }
            if (v != null && sub != null) {
                v = v.get(sub);
            }
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText().strip();
            }
        }
        return null;
    }

    /** {@code <meta>} contents by property, name or itemprop (lower case), the first non-empty one of each. */
    static Map<String, String> metas(Document doc) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Element m : doc.getElementsByTag("meta")) {
            String c = m.attr("content").strip();
            if (c.isEmpty()) {
                continue;
            }
            for (String attr : new String[] {"property", "name", "itemprop"}) {
                String key = m.attr(attr).strip();
                if (!key.isEmpty()) {
                    out.putIfAbsent(key.toLowerCase(Locale.ROOT), c);
                }
            }
        }
        return out;
    }

    static String meta(Map<String, String> metas, String key) {
        return metas.get(key.toLowerCase(Locale.ROOT));
    }

    static String siteName(Map<String, String> metas, List<JsonNode> ld) {
        return firstNonBlank(meta(metas, "og:site_name"), ldText(ld, "publisher", "name"));
    }

    static Instant published(Document doc, Map<String, String> metas, List<JsonNode> ld, String url) {
        List<String> candidates = new ArrayList<>();
        candidates.add(ldText(ld, "datePublished", null));
        for (String key : new String[] {"article:published_time", "og:article:published_time", "article:published:time",
                "datePublished", "pubdate", "publishdate", "publish-date", "published_time", "parsely-pub-date",
                "sailthru.date", "dc.date", "DC.date.issued", "dcterms.created", "date", "article.published",
                "cXenseParse:recs:publishtime"}) {
            candidates.add(meta(metas, key));
        }
        Element time = doc.selectFirst("article time[datetime], time[datetime][itemprop=datePublished], time[datetime]");
        if (time != null) {
            candidates.add(time.attr("datetime"));
        }
        candidates.add(ldText(ld, "dateCreated", null));
        for (String c : candidates) {
            if (c != null) {
                Timestamps.Parsed p = Timestamps.parse(c, ZoneOffset.UTC);
                if (p.value() != null) {
                    return p.value();
                }
            }
        }
        if (url != null) {
            Matcher m = URL_DATE.matcher(url);
            if (m.find()) {
                Timestamps.Parsed p = Timestamps.parse(String.format(Locale.ROOT, "%s-%02d-%02d", m.group(1),
                        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), ZoneOffset.UTC);
                return p.value();
            }
        }
        return null;
    }

    /** ISO 639-1 codes and their ISO 639-2 forms, as the JDK knows them. */
    private static final Set<String> LANGUAGES = languages();

    static Set<String> languages() {
        Set<String> out = new java.util.HashSet<>();
        for (String code : Locale.getISOLanguages()) {
            out.add(code);
            try {
                out.add(Locale.forLanguageTag(code).getISO3Language());
            } catch (java.util.MissingResourceException e) {
                // No three-letter form: the two-letter code stands.
            }
        }
        return Set.copyOf(out);
    }

    static String language(Document doc, Map<String, String> metas) {
        String lang = doc.selectFirst("html") == null ? "" : doc.selectFirst("html").attr("lang");
        if (blank(lang)) {
            lang = firstNonBlank(meta(metas, "og:locale"), meta(metas, "content-language"),
                    doc.select("meta[http-equiv=content-language]").attr("content"));
        }
        if (blank(lang)) {
            return null;
        }
        String primary = lang.strip().split("[-_,;\\s]")[0].toLowerCase(Locale.ROOT);
        // Only real ISO 639 codes: pages also write lang="utf-8" or "html".
        return LANGUAGES.contains(primary) ? primary : null;
    }
}
