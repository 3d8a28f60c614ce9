package io.wiretrace.core.html;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Main text: site chrome is removed by element type (nav, aside, footer, forms, scripts...) and
 * by class/id words (comments, related links, share bars, newsletters, cookie banners, ads) unless
 * the same element also looks like content; then every text block scores its parent and
 * grandparent (longer blocks with commas score more, links count against), the best-scoring
 * container wins, and its blocks — paragraphs, sub-headings, list items, quotes — are the text,
 * minus link lists and one-line stubs.
 */
final class MainText {

    // React's streaming server rendering sends content in <div hidden id="S:n"> and shows it by
    // script: those are the page, not hidden chrome.
    private static final String CHROME_TAGS = "script, style, title, noscript, template, svg, iframe, button, input, "
            + "select, textarea, nav, aside, footer, dialog, link, meta, [hidden]:not([id^=S:]), [aria-hidden=true], "
            + "[role=navigation], [role=complementary], [role=contentinfo], [role=dialog], [role=alert]";
    private static final Pattern NEGATIVE = Pattern.compile(
            "comment|related|share|sharing|social|newsletter|cookie|consent|gdpr|advert|\\bads?\\b|-ad-|\\bad-|"
            + "promo|sponsor|breadcrumb|subscribe|subscription|paywall|outbrain|taboola|recirc|recommend|"
            + "popular|trending|most-?read|sidebar|widget|modal|popup|banner|masthead|skip-?link|signup|"
            + "read-?more|more-?stories|teaser|author-?bio|disclaimer|caption|credit|copyright|tags?\\b|"
            + "toolbar|rating|poll|video-?player|gallery-?nav", Pattern.CASE_INSENSITIVE);
    private static final Pattern DIALOG = Pattern.compile(
            "consent|cookie|gdpr|onetrust|comment|modal|dialog|popup|overlay|login|signin|newsletter",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN = Pattern.compile("display\\s*:\\s*none", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAYOUT = Pattern.compile("grid|layout|container|wrap|^has-|^with-",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|main|post|story|text|paragraph|prose|rich-?text", Pattern.CASE_INSENSITIVE);
    private static final List<String> BLOCK_TAG_LIST = List.of("p", "h2", "h3", "h4", "li", "blockquote", "pre");
    // Queries parsed once, and tag sets: selector matching was a third of the time on heavy pages.
    private static final Set<String> BLOCK_TAGS = Set.copyOf(BLOCK_TAG_LIST);
    private static final Evaluator BLOCKS_QUERY = QueryParser.parse(String.join(", ", BLOCK_TAG_LIST));
    private static final Evaluator BLOCK_CANDIDATES = QueryParser.parse(String.join(", ", BLOCK_TAG_LIST)
            + ", div, section, td");
    private static final int MIN_BLOCK_CHARS = 25;
    private static final int LOOSE_PROSE_CHARS = 100;
    // A block this long is a sentence or more (about 13 words): where the body starts and ends.
    // Measured on both real sets at 50, 65, 80, 100, 130 characters: 65-100 is a plateau.
    private static final int PROSE_CHARS = 80;

    private MainText() {}

    /**
     * The article's text blocks, and the element its first block came from (null without text):
     * where the article starts on the page, for finding its headline above it.
     */
    record Body(List<String> blocks, Element start) {
        static final Body EMPTY = new Body(List.of(), null);
    }

    static Body mainText(Document doc, String title) {
        Element body = doc.body();
        if (body == null) {
            return Body.EMPTY;
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
        // A box named as a dialog or a comment thread (consent, login, newsletter sign-up) may hold
        // more paragraph text than the article, but never the article's headline: such a box goes
        // whatever its size unless the headline is inside it. (Other chrome names — paywall,
        // gate-ad — do wrap real bodies away from the headline, so only their size protects them.)
        Element headline = body.selectFirst("h1");
        Set<Element> aroundHeadline = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element a = headline; a != null && a != body; a = a.parent()) {
            aroundHeadline.add(a);
        }
        Map<String, Boolean> nameMemo = new java.util.HashMap<>();
        for (Element e : body.select("*")) {
            if (e == body || e.parent() == null || e.nameIs("article") || e.nameIs("main")) {
                continue;
            }
            boolean hidden = HIDDEN.matcher(e.attr("style")).find();
            if (!hidden && !chromeByName(e, nameMemo)) {
                continue;
            }
            boolean dialog = headline != null && !aroundHeadline.contains(e)
                    && (hidden || DIALOG.matcher(e.className() + " " + e.id()).find());
            if (dialog || pChars.getOrDefault(e, new int[1])[0] / paragraphText < 0.3) {
                e.remove();
            }
        }
        // After the chrome: loose text in a paywall or teaser box must not protect it as paragraphs.
        wrapTextRuns(body);
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
            return Body.EMPTY;
        }
        best = headlinesArticle(best, headline, sums);
        Set<Element> inBest = Collections.newSetFromMap(new IdentityHashMap<>());
        inBest.addAll(best.getAllElements());
        List<String> out = new ArrayList<>();
        List<Element> outBlocks = new ArrayList<>();
        List<Boolean> prose = new ArrayList<>();
        // The title as a block repeats it: normalised once, each block compared to it.
        String normTitle = title == null ? null : HtmlText.norm(title);
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
                    || (normTitle != null && HtmlText.sameNormalized(text, normTitle))) {
                continue;
            }
            if (b.nameIs("li") && (text.length() < 40 || b.parents().stream().anyMatch(p -> p.nameIs("li")))) {
                continue;
            }
            if (out.isEmpty() || !out.get(out.size() - 1).equals(text)) {
                out.add(text);
                outBlocks.add(b);
                prose.add(text.length() >= PROSE_CHARS && linkDensities[i] < 0.3 && !b.nameIs("li"));
            }
        }
        int from = Math.max(0, prose.indexOf(true));
        return new Body(bodySpan(out, prose), outBlocks.isEmpty() ? null : outBlocks.get(from));
    }

    /**
     * Where the winning container holds more than one {@code <article>} with prose — the next
     * story of an endless-scroll page, a second article below the first — the one holding the
     * page's headline is the article (when it holds prose of its own).
     */
    static Element headlinesArticle(Element best, Element headline, Map<Element, long[]> sums) {
        // The outermost <article> between the headline and the container (none when the headline
        // is outside it).
        Element own = null;
        Element a = headline == null ? null : headline.parent();
        for (; a != null && a != best; a = a.parent()) {
            if (a.nameIs("article")) {
                own = a;
            }
        }
        if (a == null || own == null || sums.getOrDefault(own, new long[2])[0] < PROSE_CHARS) {
            return best;
        }
        // Outermost, so no other article of the container holds it: only those inside it are its own.
        for (Element other : best.getElementsByTag("article")) {
            if (other != own && sums.getOrDefault(other, new long[2])[0] >= PROSE_CHARS
                    && !other.parents().contains(own)) {
                return own;
            }
        }
        return best;
    }

    /**
     * The body within the container: from its first prose block (a sentence or more: {@link
     * #PROSE_CHARS}, link-poor, not a list item) to its last. Short lines before it (a dateline, a
     * byline, the headline again, a section label) and after it (a source credit, "Editor's
     * choice", "Most popular", a link list) are not the article; short lines between paragraphs
     * (sub-headings, a one-line quote, a list) are. A container without prose keeps all its lines.
     */
    static List<String> bodySpan(List<String> blocks, List<Boolean> prose) {
        int from = prose.indexOf(true);
        return from < 0 ? blocks : List.copyOf(blocks.subList(from, prose.lastIndexOf(true) + 1));
    }

    /** Inline content: runs of these and of text make a paragraph when a container holds them loose. */
    private static final Set<String> INLINE_TAGS = Set.of("a", "abbr", "b", "big", "br", "cite", "code", "em", "font",
            "i", "img", "mark", "nobr", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
            "wbr");
    private static final Set<String> NOT_LOOSE_PROSE = Set.of("a", "figure", "figcaption", "picture", "header");
    private static final Evaluator BLOCK_INSIDE = QueryParser.parse("p, div, section, article, ul, ol, table, "
            + "h1, h2, h3, h4, h5, h6, blockquote, pre, li, td");

    /**
     * Text that a container holds loose — text nodes and inline elements between its block children,
     * as 2000s pages and blogs write bodies ("text<br><br>text" in a div, a span or a table cell,
     * next to an image box) — becomes paragraphs: each run of inline content is wrapped in a
     * {@code <p>}, split where two line breaks follow each other, so the container scoring sees it
     * like any other paragraph text. Runs shorter than a block are left alone.
     */
    static void wrapTextRuns(Element body) {
        List<Element> containers = new ArrayList<>();
        collectContainers(body, containers);
        for (Element e : containers) {
            List<List<org.jsoup.nodes.Node>> runs = new ArrayList<>();
            List<org.jsoup.nodes.Node> run = new ArrayList<>();
            runs.add(run);
            int breaks = 0;
            for (org.jsoup.nodes.Node n : e.childNodes()) {
                if (n instanceof org.jsoup.nodes.Comment) {
                    continue; // ad-section markers and the like sit inside the text
                }
                boolean inline = n instanceof org.jsoup.nodes.TextNode
                        || n instanceof Element c && INLINE_TAGS.contains(c.normalName()) && c.selectFirst(BLOCK_INSIDE) == null;
                boolean lineBreak = n instanceof Element c && c.nameIs("br");
                breaks = lineBreak ? breaks + 1 : n instanceof org.jsoup.nodes.TextNode t && t.isBlank() ? breaks : 0;
                if (!inline || breaks == 2) {
                    run = new ArrayList<>();
                    runs.add(run);
                } else {
                    run.add(n);
                }
            }
            int[] lengths = runs.stream().mapToInt(MainText::runChars).toArray();
            // Loose text is the body only where some of it is prose-long: elsewhere it is a byline,
            // a date or a caption beside the paragraphs.
            if (java.util.Arrays.stream(lengths).max().orElse(0) >= LOOSE_PROSE_CHARS) {
                for (int i = 0; i < runs.size(); i++) {
                    if (lengths[i] >= MIN_BLOCK_CHARS) {
                        wrap(runs.get(i));
                    }
                }
            }
        }
    }

    private static int runChars(List<org.jsoup.nodes.Node> run) {
        int n = 0;
        for (org.jsoup.nodes.Node x : run) {
            n += (x instanceof Element el ? el.text() : ((org.jsoup.nodes.TextNode) x).text().strip()).length();
        }
        return n;
    }

    /**
     * The elements whose loose text may be a paragraph, in document order; not those inside a link
     * (a teaser box is one big link: its text is link text, which a new paragraph would hide),
     * nor in a figure (a caption and its credit are beside the body, not of it).
     */
    private static void collectContainers(Element e, List<Element> out) {
        String tag = e.normalName();
        if (NOT_LOOSE_PROSE.contains(tag)) {
            return;
        }
        // An inline element holding blocks is a container too: 2000s pages write a body as text in
        // a <font> cut by empty <p></p> separators.
        if (!BLOCK_TAGS.contains(tag) && !tag.equals("p") && (!INLINE_TAGS.contains(tag) || hasBlockChild(e))) {
            out.add(e);
        }
        for (Element c : e.children()) {
            collectContainers(c, out);
        }
    }

    /** Whether an element has a block-level child (a div, a paragraph, a table, a heading…). */
    static boolean hasBlockChild(Element e) {
        for (Element c : e.children()) {
            if (BLOCK_CHILD_TAGS.contains(c.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** Wraps a run of inline nodes in a new {@code <p>}. */
    private static void wrap(List<org.jsoup.nodes.Node> run) {
        Element p = new Element("p");
        run.get(0).before(p);
        for (org.jsoup.nodes.Node n : run) {
            p.appendChild(n);
        }
    }

    /**
     * Whether an element's class or id names chrome: a negative word in one of its names, none
     * of them a content word. Names of layout boxes ("sidebar-grid", "has-sidebar") describe the
     * arrangement around the article, not a sidebar, and do not count.
     */
    static boolean chromeByName(Element e, Map<String, Boolean> memo) {
        String words = e.className() + " " + e.id();
        if (words.isBlank()) {
            return false;
        }
        // Pages repeat the same few class names thousands of times (menu items, teasers): match each once.
        return memo.computeIfAbsent(words, MainText::chromeWords);
    }

    static boolean chromeWords(String words) {
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
    static boolean isTextLeaf(Element e) {
        return !hasBlockChild(e) && e.ownText().length() >= MIN_BLOCK_CHARS;
    }

    /** Whether a block wraps other blocks (jsoup's select also matches the element itself). */
    static boolean hasInnerBlocks(Element e) {
        return e.select(BLOCKS_QUERY).size() > 1;
    }

    /** Share of an element's text (of length {@code total}) that is link text. */
    static double linkDensity(Element e, int total) {
        if (total == 0) {
            return 0;
        }
        // A block inside a link is all link text: a teaser card is one <a> around its headline and
        // its summary.
        for (Element a = e.parent(); a != null; a = a.parent()) {
            if (a.nameIs("a")) {
                return 1.0;
            }
        }
        int linked = 0;
        for (Element a : e.getElementsByTag("a")) {
            linked += a.text().length();
        }
        return Math.min(1.0, (double) linked / total);
    }
}
