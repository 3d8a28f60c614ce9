package io.wiretrace.core.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.wiretrace.core.ingest.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * A news page's HTML → its article: title, main text as paragraphs, publication time, canonical
 * URL and declared language. Plain Java (jsoup), no Spark; one instance per thread.
 *
 * <p>Metadata comes from what publishers declare for search engines and social cards, in order of
 * reliability: JSON-LD ({@code NewsArticle.headline}, {@code datePublished}), Open Graph and
 * {@code article:*} meta tags, then the visible page ({@code h1}, {@code <time>}), then the URL.
 *
 * <p>Main text: site chrome is removed by element type (nav, aside, footer, forms, scripts...) and
 * by class/id words (comments, related links, share bars, newsletters, cookie banners, ads) unless
 * the same element also looks like content; then every text block scores its parent and
 * grandparent (longer blocks with commas score more, links count against), the best-scoring
 * container wins, and its blocks — paragraphs, sub-headings, list items, quotes — are the text,
 * minus link lists and one-line stubs.
 */
public final class ArticleExtractor {

    /** What the page says about its article. Absent values are null; text is never null. */
    public record Extracted(String title, String text, Instant publishedAt, String canonicalUrl, String language,
                            String siteName, int paragraphs) {}

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    // React's streaming server rendering sends content in <div hidden id="S:n"> and shows it by
    // script: those are the page, not hidden chrome.
    private static final String CHROME_TAGS = "script, style, noscript, template, svg, iframe, button, input, "
            + "select, textarea, nav, aside, footer, dialog, link, meta, [hidden]:not([id^=S:]), [aria-hidden=true], "
            + "[role=navigation], [role=complementary], [role=contentinfo], [role=dialog], [role=alert]";
    private static final Pattern NEGATIVE = Pattern.compile(
            "comment|related|share|sharing|social|newsletter|cookie|consent|gdpr|advert|\\bads?\\b|-ad-|\\bad-|"
            + "promo|sponsor|breadcrumb|subscribe|subscription|paywall|outbrain|taboola|recirc|recommend|"
            + "popular|trending|most-?read|sidebar|widget|modal|popup|banner|masthead|skip-?link|signup|"
            + "read-?more|more-?stories|teaser|author-?bio|disclaimer|caption|credit|copyright|tags?\\b|"
            + "toolbar|rating|poll|video-?player|gallery-?nav", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAYOUT = Pattern.compile("grid|layout|container|wrap|^has-|^with-",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|main|post|story|text|paragraph|prose|rich-?text", Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|$|[^\\d])");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:·•»*]\\s+|\\s*[｜：ㅣ]\\s*");
    private static final List<String> BLOCK_TAG_LIST = List.of("p", "h2", "h3", "h4", "li", "blockquote", "pre");
    // Queries parsed once, and tag sets: selector matching was a third of the time on heavy pages.
    private static final Set<String> BLOCK_TAGS = Set.copyOf(BLOCK_TAG_LIST);
    private static final Evaluator BLOCKS_QUERY = QueryParser.parse(String.join(", ", BLOCK_TAG_LIST));
    private static final Evaluator BLOCK_CANDIDATES = QueryParser.parse(String.join(", ", BLOCK_TAG_LIST)
            + ", div, section, td");
    private static final int MIN_BLOCK_CHARS = 25;

    /** Extracts the article of {@code html}, fetched from {@code url} (may be null). */
    public Extracted extract(String html, String url) {
        return extract(html, url, null);
    }

    /**
     * As {@link #extract(String, String)}, with the title taken from {@code titleSource} when the
     * page declares it (null: the generic rule).
     */
    public Extracted extract(String html, String url, TitleSource titleSource) {
        Document doc = Jsoup.parse(html, url == null ? "" : url);
        List<JsonNode> ld = jsonLd(doc);
        // One pass over the metas: the extractor asks for some twenty of them.
        Map<String, String> metas = metas(doc);
        String siteName = siteName(metas, ld);
        String title = title(doc, metas, ld, siteName, url, titleSource);
        Instant published = published(doc, metas, ld, url);
        String canonical = firstNonBlank(doc.select("link[rel=canonical]").attr("abs:href"),
                meta(metas, "og:url"), url);
        String language = language(doc, metas);
        String declaredBody = ldText(ld, "articleBody", null);
        List<String> blocks = mainText(doc, title);
        // Pages rendered by script carry little markup text; their JSON-LD articleBody, when much
        // longer than what the markup gave, is the better source.
        int found = blocks.stream().mapToInt(String::length).sum();
        if (declaredBody != null && declaredBody.length() >= 200 && found < declaredBody.length() / 3) {
            blocks = new ArrayList<>();
            for (String para : declaredBody.split("\\s*\\n\\s*")) {
                String c = clean(para);
                if (c != null) {
                    blocks.add(c);
                }
            }
        }
        return new Extracted(title, String.join("\n\n", blocks), published, blank(canonical) ? null : canonical,
                language, siteName, blocks.size());
    }

    // --- metadata -------------------------------------------------------------------------------

    private static List<JsonNode> jsonLd(Document doc) {
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

    private static void flatten(JsonNode n, List<JsonNode> out) {
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

    private static boolean isArticle(JsonNode n) {
        JsonNode type = n.get("@type");
        String t = type == null ? "" : type.toString();
        // ClaimReview: a fact-check's own type, an article in all but name.
        return t.contains("Article") || t.contains("Posting") || t.contains("Report") || t.contains("Review");
    }

    /** A text field of the first article-typed JSON-LD node (optionally a sub-field), or null. */
    private static String ldText(List<JsonNode> ld, String field, String sub) {
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
    private static Map<String, String> metas(Document doc) {
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

    private static String meta(Map<String, String> metas, String key) {
        return metas.get(key.toLowerCase(Locale.ROOT));
    }

    /**
     * The headline: the outlet's own source when the registry names one and the page has it;
     * else the visible {@code h1} when a declared title (JSON-LD {@code headline},
     * {@code og:title}, {@code twitter:title}, {@code <title>}, site name stripped) confirms it;
     * else the first declared title, site name stripped; else the h1.
     */
    private static String title(Document doc, Map<String, String> metas, List<JsonNode> ld, String siteName,
                                String url, TitleSource source) {
        Candidates all = candidates(doc, metas, ld, siteName, url);
        if (source != null && all.of(source) != null) {
            return all.of(source);
        }
        String h1 = all.h1();
        String ldHeadline = all.headline();
        String og = all.og();
        String twitter = all.twitter();
        String docTitle = all.docTitle();
        Site site = all.site();
        for (String declared : new String[] {ldHeadline, og, twitter, docTitle}) {
            if (h1 == null || declared == null) {
                continue;
            }
            String stripped = stripSite(declared, site);
            if (sameText(h1, declared) || sameText(h1, stripped)) {
                // The h1's text is joined from its elements and can lose a space the layout shows
                // ("पकड़ा:<span>दो"); a declared title with the same characters was typed whole.
                return stripped.replaceAll("\\s+", "").equals(h1.replaceAll("\\s+", "")) ? stripped : h1;
            }
        }
        for (String c : new String[] {ldHeadline, og, twitter}) {
            if (c != null) {
                return stripSite(c, site);
            }
        }
        if (h1 != null) {
            return h1;
        }
        return docTitle == null ? null : stripSite(docTitle, site);
    }

    /** A page's title candidates: each source's text, null when the page lacks it. */
    private record Candidates(String h1, String og, String twitter, String headline, String docTitle, Site site) {
        String of(TitleSource source) {
            return switch (source) {
                case H1 -> h1;
                case OG_TITLE -> og;
                case TWITTER_TITLE -> twitter;
                case HEADLINE -> headline;
                case TITLE -> docTitle == null ? null : stripSite(docTitle, site);
            };
        }
    }

    private static Candidates candidates(Document doc, Map<String, String> metas, List<JsonNode> ld, String siteName,
                                         String url) {
        // In this order: a group selector would return the first h1 of the page, often the logo's.
        Element h1el = doc.selectFirst("article h1");
        if (h1el == null) {
            h1el = doc.selectFirst("main h1");
        }
        if (h1el == null) {
            h1el = doc.selectFirst("h1");
        }
        return new Candidates(h1el == null ? null : clean(headline(h1el)), clean(meta(metas, "og:title")),
                clean(meta(metas, "twitter:title")), clean(ldText(ld, "headline", null)), clean(doc.title()),
                new Site(siteName, hostLabels(url), norm(doc.getElementsByTag("h1").text())));
    }

    /**
     * The title each {@link TitleSource} gives for a page (sources the page lacks left out): what
     * an outlet's {@code title_source} would pick, for choosing one.
     */
    public Map<TitleSource, String> titleCandidates(String html, String url) {
        Document doc = Jsoup.parse(html, url == null ? "" : url);
        List<JsonNode> ld = jsonLd(doc);
        Map<String, String> metas = metas(doc);
        Candidates c = candidates(doc, metas, ld, siteName(metas, ld), url);
        Map<TitleSource, String> out = new java.util.EnumMap<>(TitleSource.class);
        for (TitleSource s : TitleSource.values()) {
            if (c.of(s) != null) {
                out.put(s, c.of(s));
            }
        }
        return out;
    }

    private static String siteName(Map<String, String> metas, List<JsonNode> ld) {
        return firstNonBlank(meta(metas, "og:site_name"), ldText(ld, "publisher", "name"));
    }

    private static final Pattern KICKER = Pattern.compile(
            "kicker|dachzeile|topline|overline|eyebrow|roofline|supertitle|super-title|spitzmarke|label|flag",
            Pattern.CASE_INSENSITIVE);

    /**
     * The h1's text without a kicker ("Olympic Games:") set in its own element before the
     * headline. Only a leading element counts: a trailing one is the headline's own end (a quote).
     */
    private static String headline(Element h1) {
        Element copy = h1.clone();
        boolean removed = false;
        for (Element e : copy.select("*")) {
            if (e != copy && KICKER.matcher(e.className() + " " + e.id()).find() && leads(copy, e)) {
                e.remove();
                removed = true;
            }
        }
        // The separator that followed a removed kicker; a headline's own leading dash (a quote,
        // in Scandinavian style) stays.
        String text = removed ? copy.text().replaceFirst("^\\s*[:|\\-–—]\\s*", "") : copy.text();
        return text.isBlank() ? h1.text() : text;
    }

    /** Whether no text of {@code root} comes before {@code e}. */
    private static boolean leads(Element root, Element e) {
        StringBuilder before = new StringBuilder();
        for (org.jsoup.nodes.Node n = e; n != null && n != root; n = n.parentNode()) {
            for (org.jsoup.nodes.Node sib = n.previousSibling(); sib != null; sib = sib.previousSibling()) {
                before.append(sib instanceof Element el ? el.text() : sib instanceof org.jsoup.nodes.TextNode t
                        ? t.text() : "");
            }
        }
        return before.toString().isBlank();
    }

    /**
     * What identifies the site in a title: its declared name, its host's labels ("tageszeitung"
     * for www.tageszeitung.it) and the text of the page's h1s (normalised), which a site suffix
     * never repeats.
     */
    private record Site(String name, List<String> hostLabels, String visible) {
        boolean names(String part) {
            if (name != null && sameText(part, name)) {
                return true;
            }
            String letters = norm(part).replace(" ", "");
            for (String label : hostLabels) {
                if (letters.contains(label)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Pattern URL_HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)");

    /** The host's labels of four letters or more, without the top-level domain and "www". */
    private static List<String> hostLabels(String url) {
        if (url == null) {
            return List.of();
        }
        java.util.regex.Matcher m = URL_HOST.matcher(url);
        if (!m.find()) {
            return List.of();
        }
        String[] labels = m.group(1).toLowerCase(Locale.ROOT).split("\\.");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.length - 1; i++) {
            String l = labels[i].replaceAll("[^\\p{L}\\p{N}]", "");
            if (l.length() >= 4 && !l.equals("www")) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * "Headline | Site" → "Headline" when the last (or first) part names the site, or is much
     * shorter than the rest and not part of the visible headline.
     */
    private static String stripSite(String title, Site site) {
        String[] parts = TITLE_SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        String last = parts[parts.length - 1];
        String first = parts[0];
        if (site.names(last)) {
            return withoutLast(title, last);
        }
        if (site.names(first)) {
            return title.substring(first.length()).replaceAll("^\\s*[|\\-–—:·•»]\\s+", "").strip();
        }
        if (last.length() <= 30 && last.split("\\s+").length <= 4 && title.length() - last.length() > 20
                && !site.visible().contains(norm(last))) {
            return withoutLast(title, last);
        }
        return title;
    }

    /** The title without its last part and the separator before it. */
    private static String withoutLast(String title, String last) {
        return title.substring(0, title.length() - last.length()).replaceAll("\\s+[|\\-–—:·•»]\\s*$", "").strip();
    }

    private static Instant published(Document doc, Map<String, String> metas, List<JsonNode> ld, String url) {
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

    private static Set<String> languages() {
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

    private static String language(Document doc, Map<String, String> metas) {
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

    // --- main text ------------------------------------------------------------------------------

    private static List<String> mainText(Document doc, String title) {
        Element body = doc.body();
        if (body == null) {
            return List.of();
        }
        body.select(CHROME_TAGS).remove();
        // Forms are search boxes and sign-up widgets — except on ASP.NET WebForms sites, where one
        // form wraps the whole page.
        int bodyChars = Math.max(1, body.text().length());
        for (Element form : body.select("form")) {
            if (form.text().length() < bodyChars / 2) {
                form.remove();
            }
        }
        // Chrome by class/id words — but never a wrapper holding much of the page's paragraph text
        // ("page has-sidebar" around everything is a layout class, not a sidebar).
        // Paragraph characters under each element, summed in one pass (asking each candidate for
        // its paragraphs would walk the same subtrees again and again on deep pages).
        Map<Element, int[]> pChars = new IdentityHashMap<>();
        for (Element p : body.select("p")) {
            int n = p.text().length();
            for (Element a = p; a != null; a = a.parent()) {
                pChars.computeIfAbsent(a, k -> new int[1])[0] += n;
                if (a == body) {
                    break;
                }
            }
        }
        double paragraphText = Math.max(1, pChars.getOrDefault(body, new int[1])[0]);
        Map<String, Boolean> nameMemo = new java.util.HashMap<>();
        for (Element e : body.select("*")) {
            if (e == body || e.parent() == null || e.nameIs("article") || e.nameIs("main")) {
                continue;
            }
            if (!chromeByName(e, nameMemo)) {
                continue;
            }
            if (pChars.getOrDefault(e, new int[1])[0] / paragraphText < 0.3) {
                e.remove();
            }
        }
        // Blocks: paragraphs and the like, plus leaf divs that hold text directly (some sites use no <p>).
        List<Element> blocks = new ArrayList<>();
        for (Element e : body.select(BLOCK_CANDIDATES)) {
            if (BLOCK_TAGS.contains(e.normalName()) ? !hasInnerBlocks(e) || e.nameIs("li") : isTextLeaf(e)) {
                blocks.add(e);
            }
        }
        // The container: the element with the most "good" text (long, link-poor blocks) net of the
        // other text it holds — chrome left inside a wrapper costs half its length. Text split over
        // sibling boxes (lead, body, ad slots between) is won by their common parent.
        Map<Element, long[]> sums = new IdentityHashMap<>(); // element → {good chars, all block chars}
        String[] texts = new String[blocks.size()];
        double[] linkDensities = new double[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            Element b = blocks.get(i);
            String text = b.text();
            texts[i] = text;
            linkDensities[i] = linkDensity(b, text.length());
            boolean good = text.length() >= MIN_BLOCK_CHARS * 2 && linkDensities[i] < 0.3 && !b.nameIs("li");
            for (Element a = b; a != null; a = a.parent()) {
                long[] v = sums.computeIfAbsent(a, k -> new long[2]);
                v[1] += text.length();
                if (good) {
                    v[0] += text.length();
                }
                if (a == body) {
                    break;
                }
            }
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, long[]> e : sums.entrySet()) {
            long goodChars = e.getValue()[0];
            double score = goodChars - 0.5 * (e.getValue()[1] - goodChars);
            if (score > bestScore) {
                bestScore = score;
                best = e.getKey();
            }
        }
        if (best == null) {
            return List.of();
        }
        Set<Element> inBest = Collections.newSetFromMap(new IdentityHashMap<>());
        inBest.addAll(best.getAllElements());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Element b = blocks.get(i);
            if (!inBest.contains(b)) {
                continue;
            }
            if (b.nameIs("blockquote") && !b.getElementsByTag("p").isEmpty()) {
                continue;
            }
            String text = texts[i].strip();
            boolean heading = b.nameIs("h2") || b.nameIs("h3") || b.nameIs("h4");
            if (text.isEmpty() || (!heading && text.length() < 2) || linkDensities[i] > 0.5
                    || (title != null && sameText(text, title))) {
                continue;
            }
            if (b.nameIs("li") && (text.length() < 40 || b.parents().stream().anyMatch(p -> p.nameIs("li")))) {
                continue;
            }
            if (out.isEmpty() || !out.get(out.size() - 1).equals(text)) {
                out.add(text);
            }
        }
        return out;
    }

    /**
     * Whether an element's class or id names chrome: a negative word in one of its names, none
     * of them a content word. Names of layout boxes ("sidebar-grid", "has-sidebar") describe the
     * arrangement around the article, not a sidebar, and do not count.
     */
    private static boolean chromeByName(Element e, Map<String, Boolean> memo) {
        String words = e.className() + " " + e.id();
        if (words.isBlank()) {
            return false;
        }
        // Pages repeat the same few class names thousands of times (menu items, teasers): match each once.
        return memo.computeIfAbsent(words, ArticleExtractor::chromeWords);
    }

    private static boolean chromeWords(String words) {
        if (POSITIVE.matcher(words).find()) {
            return false;
        }
        for (String name : words.split("\\s+")) {
            if (NEGATIVE.matcher(name).find() && !LAYOUT.matcher(name).find()) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> BLOCK_CHILD_TAGS = Set.of("div", "p", "section", "article", "ul", "ol", "table",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "figure", "header", "main");

    /** A div/section/td whose text is its own (no block-level children) and long enough to be prose. */
    private static boolean isTextLeaf(Element e) {
        for (Element c : e.children()) {
            if (BLOCK_CHILD_TAGS.contains(c.normalName())) {
                return false;
            }
        }
        return e.ownText().length() >= MIN_BLOCK_CHARS;
    }

    /** Whether a block wraps other blocks (jsoup's select also matches the element itself). */
    private static boolean hasInnerBlocks(Element e) {
        return e.select(BLOCKS_QUERY).size() > 1;
    }

    /** Share of an element's text (of length {@code total}) that is link text. */
    private static double linkDensity(Element e, int total) {
        if (total == 0) {
            return 0;
        }
        int linked = 0;
        for (Element a : e.getElementsByTag("a")) {
            linked += a.text().length();
        }
        return Math.min(1.0, (double) linked / total);
    }

    // --- helpers --------------------------------------------------------------------------------

    private static boolean sameText(String a, String b) {
        return norm(a).equals(norm(b));
    }

    private static String norm(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\p{Z}\\s]+", " ").strip();
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String c = org.jsoup.parser.Parser.unescapeEntities(s, false).replaceAll("\\s+", " ").strip();
        return c.isEmpty() ? null : c;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (!blank(v)) {
                return v.strip();
            }
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
