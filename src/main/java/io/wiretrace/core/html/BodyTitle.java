package io.wiretrace.core.html;

import static io.wiretrace.core.html.HtmlText.norm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.jsoup.nodes.Element;

/**
 * A title taken from the {@code <title>} alone, checked against the article's opening text once
 * the main text is known: a headline's words recur in its lede, a site's or a section's name
 * does not. Declared and confirmed titles are left as they are.
 */
final class BodyTitle {

    // The opening of the article: where a headline's words are used.
    private static final int BODY_WORDS_CHARS = 3_000;

    private BodyTitle() {}

    /**
     * The title of a page whose article text is {@code body}: an unconfirmed title the body does
     * not use (or the site's name) gives way to the headline line above the article
     * ({@link #lineAbove}), else the first heading the body mostly uses, else the page's h1.
     */
    static String refine(PageTitle.Title chosen, String body, Element start) {
        String title = chosen.text();
        if (!chosen.fromDocumentTitle() || body == null || body.isBlank()) {
            return title;
        }
        // The body's words, gathered once: every check below asks them.
        Set<String> bodyWords = openingWords(body);
        // Parts the site stripping left (a section, a site it does not know by name).
        title = title == null ? null : partInBody(title, bodyWords);
        if (chosen.namesSite() || !bodyUses(title, bodyWords)) {
            String heading = lineAbove(start, bodyWords, title, chosen.untitled());
            if (heading == null) {
                heading = headingByBody(chosen.headings(), bodyWords);
            }
            if (heading == null && chosen.h1() != null && chosen.h1().indexOf(' ') > 0) {
                heading = chosen.h1();
            }
            title = heading != null ? heading : title;
        }
        return title;
    }

    private static Set<String> openingWords(String body) {
        return new HashSet<>(List.of(norm(body.substring(0, Math.min(body.length(), BODY_WORDS_CHARS))).split(" ")));
    }

    // Words this long carry the meaning: "the", "on", "of" are in every body.
    private static final int CONTENT_WORD_CHARS = 4;

    /**
     * Of a text's words, in one pass: {used by the body, all; content words used by the body,
     * content words} (content words: {@link #CONTENT_WORD_CHARS} characters or more).
     */
    private static int[] wordsUsed(String text, Set<String> bodyWords) {
        int[] c = new int[4];
        for (String w : norm(text).split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            int used = bodyWords.contains(w) ? 1 : 0;
            c[0] += used;
            c[1]++;
            if (w.length() >= CONTENT_WORD_CHARS) {
                c[2] += used;
                c[3]++;
            }
        }
        return c;
    }

    /**
     * Of a {@code <title>} made of parts ("Site > News > World -- Headline", "Headline - Site
     * (Its Long Name) - Section"), the run of parts whose words the article's opening text uses:
     * a headline's words recur in its lede, a site's and a section's name do not. Each run scores
     * its words found in the body less those not found; the best run wins when two or more of its
     * words are found, else the title as it is.
     */
    private static String partInBody(String docTitle, Set<String> bodyWords) {
        Matcher m = PageTitle.TITLE_SEPARATOR.matcher(docTitle);
        List<int[]> parts = new ArrayList<>();
        int start = 0;
        while (m.find()) {
            parts.add(new int[] {start, m.start()});
            start = m.end();
        }
        parts.add(new int[] {start, docTitle.length()});
        if (parts.size() < 2) {
            return docTitle;
        }
        String best = docTitle;
        int bestScore = 0;
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i; j < parts.size(); j++) {
                String run = docTitle.substring(parts.get(i)[0], parts.get(j)[1]).strip();
                int[] c = wordsUsed(run, bodyWords);
                int score = c[0] - (c[1] - c[0]);
                if (score > bestScore && c[0] >= 2) {
                    bestScore = score;
                    best = run;
                }
            }
        }
        return best;
    }

    /**
     * Whether the body uses two or more, and at least half, of a title's words of four letters or more
     * ("the", "on" are in every body): a {@code <title>} naming only the site
     * or a section ("The Independent on Saturday", "National Hockey League") does not.
     */
    private static boolean bodyUses(String title, Set<String> bodyWords) {
        if (title == null) {
            return false;
        }
        int[] c = wordsUsed(title, bodyWords);
        return c[2] >= 2 && c[2] * 2 >= c[3];
    }

    /** Whether the body uses half a line's words, two or more, one of them a content word. */
    private static boolean mostlyUsed(String line, Set<String> bodyWords) {
        int[] c = wordsUsed(line, bodyWords);
        return c[2] >= 1 && c[0] >= 2 && c[0] * 2 >= c[1];
    }

    // How far above the article's first block its headline is looked for, in distinct lines
    // (a date, a byline, a photo credit, a section label sit between them).
    private static final int LINES_ABOVE = 12;

    /**
     * The headline set above the article: of the {@link #LINES_ABOVE} lines before its first block
     * ({@code start}), the nearest headline-like one ({@link PageTitle#HEADLINE_LIKE}, two words or
     * more) whose words the body mostly uses — a date, a byline, a section label or the site's
     * name are not used by the text. A line that starts with the current title (a headline and
     * its standfirst in one element) keeps the title. Failing those, among the
     * {@link #PLAIN_LINES} nearest lines: on a page without a {@code <title>}, a plain line that
     * looks like a headline ({@link #isPlainHeadline}) and is mostly used; else a heading
     * ({@code h1}–{@code h4}) that looks like one, used or not (punning headlines share no words
     * with their text). A line's date ({@code <span class=date>}) is not part of it.
     */
    static String lineAbove(Element start, Set<String> bodyWords, String title, boolean untitled) {
        if (start == null) {
            return null;
        }
        Set<Element> around = Collections.newSetFromMap(new IdentityHashMap<>());
        around.addAll(start.parents());
        String last = null;
        String plain = null;
        String nearest = null;
        int lines = 0;
        for (Element e = before(start); e != null && lines < LINES_ABOVE; e = before(e)) {
            if (around.contains(e) || !isLine(e)) {
                continue;
            }
            String t = HtmlText.clean(lineText(e));
            if (t == null || t.length() > 300) {
                continue;
            }
            if (!t.equals(last)) {
                last = t;
                lines++;
            }
            if (t.split(" ").length < 2) {
                continue;
            }
            if (nearest == null && lines <= PLAIN_LINES && e.is(HEADING) && isPlainHeadline(e, t)) {
                nearest = t;
            }
            if (!e.is(PageTitle.HEADLINE_LIKE)) {
                if (plain == null && untitled && lines <= PLAIN_LINES && isPlainHeadline(e, t)
                        && mostlyUsed(t, bodyWords)) {
                    plain = t;
                }
                continue;
            }
            if (title != null && (" " + norm(t) + " ").startsWith(" " + norm(title) + " ")) {
                return title;
            }
            if (mostlyUsed(t, bodyWords)) {
                return t;
            }
        }
        return plain != null ? plain : nearest;
    }

    private static final org.jsoup.select.Evaluator HEADING = org.jsoup.select.QueryParser.parse("h1, h2, h3, h4");

    // Older pages set the headline in an element no rule names ("<div class=sh>"): the nearest
    // lines above the article may be one when they look like one.
    private static final int PLAIN_LINES = 3;
    private static final int PLAIN_MAX_WORDS = 15;
    private static final java.util.regex.Pattern CAPTION = java.util.regex.Pattern.compile(
            "(?i)\\bcap\\b|caption|credit|photo|image|img|pic");

    // A byline or a dateline, also above an article: "By Daniel Dombey", "Thursday, 10 January, 2008, 09:14".
    private static final java.util.regex.Pattern BYLINE_OR_DATE = java.util.regex.Pattern.compile(
            "^(?i:by)\\s|\\b(?:19|20)\\d\\d\\b|\\b\\d{1,2}:\\d\\d\\b");

    /**
     * A line that can be a headline set in an unnamed element: short, not a sentence (no closing
     * full stop), not a link, not a caption (named so, or in a {@code figure}).
     */
    private static boolean isPlainHeadline(Element e, String text) {
        if (text.split(" ").length > PLAIN_MAX_WORDS || text.endsWith(".") || text.endsWith(":")
                || BYLINE_OR_DATE.matcher(text).find()) {
            return false;
        }
        for (Element x = e; x != null && !x.normalName().equals("body"); x = x.parent()) {
            if (x.normalName().equals("a") || x.normalName().equals("figure") || x.normalName().equals("figcaption")
                    || CAPTION.matcher(x.className() + " " + x.id()).find()) {
                return false;
            }
        }
        return true;
    }

    private static final org.jsoup.select.Evaluator DATE = org.jsoup.select.QueryParser.parse(
            "time, [class~=(?i)date|time], [id~=(?i)date|time]");

    /** A line's text without a date set inside it ("Wurz joins Honda <span class=date>Thursday, 10 January</span>"). */
    private static String lineText(Element e) {
        if (e.childrenSize() == 0 || e.selectFirst(DATE) == null || e.is(DATE)) {
            return e.text();
        }
        Element copy = e.clone();
        copy.select(DATE).remove();
        return copy.text();
    }

    /** The element before {@code e} in document order (its parent when it is the first child). */
    private static Element before(Element e) {
        Element x = e.previousElementSibling();
        if (x == null) {
            return e.parent();
        }
        while (x.lastElementChild() != null) {
            x = x.lastElementChild();
        }
        return x;
    }

    private static final Set<String> NOT_IN_LINE = Set.of("tr", "td", "th", "li", "tbody", "thead", "dl", "dd", "dt",
            "form", "iframe", "nav", "aside", "footer");

    /** A line: an element holding no block (nor a table row, a list item, a form…) of its own. */
    private static boolean isLine(Element e) {
        if (MainText.hasBlockChild(e)) {
            return false;
        }
        for (Element c : e.children()) {
            if (NOT_IN_LINE.contains(c.normalName())) {
                return false;
            }
        }
        return true;
    }

    /**
     * For a {@code <title>} that names only the site: the first visible heading of three words or
     * more whose words the body mostly uses ({@link #mostlyUsed}) — the headline, not a section label or
     * another story's teaser.
     */
    private static String headingByBody(List<String> headings, Set<String> bodyWords) {
        for (String h : headings) {
            if (mostlyUsed(h, bodyWords)) {
                return h;
            }
        }
        return null;
    }
}
