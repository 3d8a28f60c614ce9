package io.wiretrace.core.html;

import static io.wiretrace.core.html.HtmlText.clean;
import static io.wiretrace.core.html.HtmlText.norm;
import static io.wiretrace.core.html.HtmlText.sameText;
import static io.wiretrace.core.html.PageMetadata.jsonLd;
import static io.wiretrace.core.html.PageMetadata.ldText;
import static io.wiretrace.core.html.PageMetadata.meta;
import static io.wiretrace.core.html.PageMetadata.metas;
import static io.wiretrace.core.html.PageMetadata.siteName;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The headline of a page: the outlet's own title source when the registry names one, else the
 * visible {@code h1} confirmed by a declared title, else a declared title with the site name
 * stripped.
 */
final class PageTitle {

    // A separator between a title's parts, set between spaces ("Headline | Site", "News > World").
    static final String SEPARATOR = "(?:[|\\-–—:·•»*>/]|--|::)";
    static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+" + SEPARATOR + "\\s+|\\s*[｜：ㅣ]\\s*");

    private PageTitle() {}

    /**
     * A chosen title. {@code fromDocumentTitle}: taken from the {@code <title>} alone, unconfirmed
     * by a declared headline or a visible heading (or confirmed, but the site's name);
     * {@code headings}: then the page's visible headings of three words or more, for
     * {@link BodyTitle} to check against the article text; {@code namesSite}: the title is the
     * site's or a section's name ({@link SiteName#isName}); {@code untitled}: the page has no usable
     * {@code <title>} (a capture cut before its head, or markup spliced into it); {@code h1}: the
     * page's h1 unless it names the site (asked for titles from the {@code <title>} only).
     */
    record Title(String text, boolean fromDocumentTitle, List<String> headings, boolean namesSite, boolean untitled,
                 String h1) {}

    /**
     * The headline: the outlet's own source when the registry names one and the page has it;
     * else the visible {@code h1} when a declared title (JSON-LD {@code headline},
     * {@code og:title}, {@code twitter:title}, {@code <title>}, site name stripped) confirms it;
     * else the first declared title, site name stripped; else the h1.
     */
    static Title title(Document doc, Map<String, String> metas, List<JsonNode> ld, String siteName,
                                String url, TitleSource source) {
        Chosen chosen = chosenTitle(doc, metas, ld, siteName, url, source);
        // The <title> as the choice read it (a second read would search the page for it again).
        String docTitle = chosen.all().docTitle();
        String text = chosen.text();
        // Unconfirmed: no declared headline (JSON-LD, og:, twitter:) and no visible heading the
        // <title> repeats — the <title> stripped, or with no <title> a heading taken on trust.
        boolean declared = source != null || ldText(ld, "headline", null) != null || meta(metas, "og:title") != null
                || meta(metas, "twitter:title") != null;
        // A title that is the site's name ("CFRA NEWS" on cfra.com, a logo the <title> repeats)
        // is no headline, whatever confirms it.
        boolean namesSite = !declared && text != null && chosen.all().site().isName(text);
        boolean fromDocTitle = !declared && (text == null || docTitle == null
                || (TITLE_SEPARATOR.split(docTitle).length < 2) || !chosen.headingInTitle() || namesSite);
        List<String> headings = new ArrayList<>();
        if (fromDocTitle) {
            for (String h : headings(doc)) {
                if (h.split(" ").length >= 3) {
                    headings.add(h);
                }
            }
        }
        // No <title> (a capture cut before its head): nothing names the headline.
        boolean untitled = docTitle == null && !declared;
        // The page's h1, unless it is the site's name (a logo); only BodyTitle asks, and only for
        // a title from the <title>.
        String h1 = fromDocTitle ? chosen.all().h1() : null;
        if (h1 != null && chosen.all().site().isName(h1)) {
            h1 = null;
        }
        return new Title(text, fromDocTitle, headings, namesSite, untitled, h1);
    }

    /**
     * The chosen title's text; {@code headingInTitle}: on a page declaring no headline, whether it
     * is the visible heading the {@code <title>} holds ({@link #headingInTitle}) — asked once here,
     * where the choice already looks for it (a whole-page search).
     */
    private record Chosen(String text, boolean headingInTitle, Candidates all) {}

    private static Chosen chosenTitle(Document doc, Map<String, String> metas, List<JsonNode> ld, String siteName,
                                String url, TitleSource source) {
        Candidates all = candidates(doc, metas, ld, siteName, url);
        if (source != null && all.of(source) != null) {
            return new Chosen(all.of(source), false, all);
        }
        String h1 = all.h1();
        String ldHeadline = all.headline();
        String og = all.og();
        String twitter = all.twitter();
        String docTitle = all.docTitle();
        SiteName site = all.site();
        for (String declared : new String[] {ldHeadline, og, twitter, docTitle}) {
            if (h1 == null || declared == null) {
                continue;
            }
            String stripped = site.strip(declared);
            if (sameText(h1, declared) || sameText(h1, stripped)) {
                // The h1's text is joined from its elements and can lose a space the layout shows
                // ("पकड़ा:<span>दो"); a declared title with the same characters was typed whole.
                String text = stripped.replaceAll("\\s+", "").equals(h1.replaceAll("\\s+", "")) ? stripped : h1;
                boolean noneDeclared = source == null && ldHeadline == null && og == null && twitter == null;
                return new Chosen(text, noneDeclared && text.equals(headingInTitle(doc, docTitle)), all);
            }
        }
        for (String c : new String[] {ldHeadline, og, twitter}) {
            if (c != null) {
                return new Chosen(site.strip(c), false, all);
            }
        }
        if (docTitle != null) {
            // No declared headline: the <title> decides. A visible heading it repeats is the
            // headline (the h1 of older pages is often the section: "Sport", "Latest News").
            String heading = headingInTitle(doc, docTitle);
            // A heading that is the site's name is its logo, not the headline.
            return heading != null && !site.isName(heading) ? new Chosen(heading, true, all)
                    : new Chosen(site.strip(docTitle), false, all);
        }
        return new Chosen(h1 != null ? h1 : firstHeading(doc), false, all);
    }

    /** The page's {@code <title>}, also where a page sets it in the body (older CMS templates do). */
    static String documentTitle(Document doc) {
        String head = doc.title();
        if (head.isBlank()) {
            Element anywhere = doc.selectFirst("title");
            head = anywhere == null ? "" : anywhere.text();
        }
        return head.isBlank() || SPLICED.matcher(head).find() ? null : head;
    }

    // What a <title> holds when a capture spliced markup or script into it ("BBC SPORTi
    // library-->", "500) { alert('Comments …"): no title at all.
    private static final Pattern SPLICED = Pattern.compile("-->|<!--|[{}]|\\);|'\\s*\\+\\s*\\w+\\s*\\+");

    /**
     * A page with neither a title nor an {@code h1} (a capture cut before its head): its first
     * heading or element named as a headline of three words or more.
     */
    static String firstHeading(Document doc) {
        for (String text : headings(doc)) {
            if (text.split(" ").length >= 3) {
                return text;
            }
        }
        return null;
    }

    /** The visible headings (see {@link #HEADINGS}) short enough to be a headline, in page order. */
    private static List<String> headings(Document doc) {
        return headings(doc, HEADINGS);
    }

    private static List<String> headings(Document doc, org.jsoup.select.Evaluator which) {
        List<String> out = new ArrayList<>();
        if (doc.body() != null) {
            for (Element e : doc.body().select(which)) {
                String text = clean(e.text());
                if (text != null && text.length() <= MAX_HEADLINE_CHARS) {
                    out.add(text);
                }
            }
        }
        return out;
    }

    private static final org.jsoup.select.Evaluator HEADINGS = org.jsoup.select.QueryParser.parse(
            "h1, h2, h3, h4, [class~=(?i)title|headline|heading|hdl], [id~=(?i)title|headline|heading|hdl]");
    /** Elements a headline is set in, also bold text and lower headings (older pages' headlines). */
    static final org.jsoup.select.Evaluator HEADLINE_LIKE = org.jsoup.select.QueryParser.parse(
            "h1, h2, h3, h4, h5, h6, b, strong, [class~=(?i)title|headline|heading|hdl|head],"
                    + " [id~=(?i)title|headline|heading|hdl|head]");
    private static final int MAX_HEADLINE_CHARS = 300;

    /**
     * The longest visible headline-like element ({@link #HEADLINE_LIKE}) of two words or more (a
     * one-word heading is a section: "Business", "News") whose text the page's
     * {@code <title>} holds whole and which is at least half of the title's longest part: "Covic
     * turns up heat on Schwarzer" in "Covic turns up heat on Schwarzer - Sport - smh.com.au",
     * "Windies seal historic win" in "Cricket: Windies seal historic win | Cricket | Guardian
     * Unlimited Sport". Section labels are short parts of the title at most and lose to it; an
     * element repeating the whole {@code <title>} with its parts confirms nothing.
     */
    static String headingInTitle(Document doc, String docTitle) {
        String inTitle = " " + norm(docTitle) + " ";
        int longestPart = 0;
        String[] parts = TITLE_SEPARATOR.split(docTitle);
        for (String part : parts) {
            longestPart = Math.max(longestPart, norm(part).length());
        }
        String best = null;
        int bestLength = 0;
        for (String text : headings(doc, HEADLINE_LIKE)) {
            String n = norm(text);
            if (n.length() > bestLength && n.length() * 2 >= longestPart && n.indexOf(' ') > 0
                    && inTitle.contains(" " + n + " ")
                    && (parts.length == 1 || !n.equals(inTitle.strip()))) {
                best = text;
                bestLength = n.length();
            }
        }
        return best;
    }

    /** A page's title candidates: each source's text, null when the page lacks it. */
    private record Candidates(String h1, String og, String twitter, String headline, String docTitle, SiteName site) {
        String of(TitleSource source) {
            return switch (source) {
                case H1 -> h1;
                case OG_TITLE -> og;
                case TWITTER_TITLE -> twitter;
                case HEADLINE -> headline;
                case TITLE -> docTitle == null ? null : site.strip(docTitle);
            };
        }
    }

    static Candidates candidates(Document doc, Map<String, String> metas, List<JsonNode> ld, String siteName,
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
                clean(meta(metas, "twitter:title")), clean(ldText(ld, "headline", null)), clean(documentTitle(doc)),
                SiteName.of(siteName, url, norm(doc.getElementsByTag("h1").text())));
    }

    /**
     * The title each {@link TitleSource} gives for a page (sources the page lacks left out): what
     * an outlet's {@code title_source} would pick, for choosing one.
     */
    static Map<TitleSource, String> titleCandidates(String html, String url) {
        Document doc = ArticleExtractor.parse(html, url);
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

    private static final Pattern KICKER = Pattern.compile(
            "kicker|dachzeile|topline|overline|eyebrow|roofline|supertitle|super-title|spitzmarke|label|flag",
            Pattern.CASE_INSENSITIVE);

    /**
     * The h1's text without a kicker ("Olympic Games:") set in its own element before the
     * headline. Only a leading element counts: a trailing one is the headline's own end (a quote).
     */
    static String headline(Element h1) {
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
    static boolean leads(Element root, Element e) {
        StringBuilder before = new StringBuilder();
        for (org.jsoup.nodes.Node n = e; n != null && n != root; n = n.parentNode()) {
            for (org.jsoup.nodes.Node sib = n.previousSibling(); sib != null; sib = sib.previousSibling()) {
                before.append(sib instanceof Element el ? el.text() : sib instanceof org.jsoup.nodes.TextNode t
                        ? t.text() : "");
            }
        }
        return before.toString().isBlank();
    }
}
