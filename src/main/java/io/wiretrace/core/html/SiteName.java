package io.wiretrace.core.html;

import static io.wiretrace.core.html.HtmlText.norm;
import static io.wiretrace.core.html.HtmlText.sameText;
import static io.wiretrace.core.html.PageTitle.SEPARATOR;
import static io.wiretrace.core.html.PageTitle.TITLE_SEPARATOR;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What identifies the site in a title: its declared name, its host's labels ("tageszeitung" for
 * www.tageszeitung.it), the sections its URL's path names ("localsportswire") and the text of the
 * page's h1s (normalised), which a site suffix never repeats; and a title with the site taken
 * off ({@link #strip}).
 */
record SiteName(String name, List<String> hostLabels, List<String> sections, String visible) {

    /** The site of a page: its declared name, its URL (may be null), its h1s' text normalised. */
    static SiteName of(String declaredName, String url, String visible) {
        return new SiteName(declaredName, hostLabels(url), pathSections(url), visible);
    }

    /** Whether a title part names the site: its declared name, or a host label in its letters. */
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

    /**
     * Whether a text is the site's name: its declared name, or a host label that makes at least
     * half of its letters ("CFRA NEWS" on cfra.com, "Cape Argus" on capeargus.co.za; not a
     * headline that mentions the site); or a section the URL's path names ("Local Sports Wire"
     * on …/localsportswire/…).
     */
    boolean isName(String text) {
        if (name != null && sameText(text, name)) {
            return true;
        }
        String letters = norm(text).replace(" ", "");
        for (String label : hostLabels) {
            if (letters.contains(label) && label.length() * 2 >= letters.length()) {
                return true;
            }
        }
        return sections.contains(letters);
    }

    /**
     * "Headline | Site" → "Headline" when the last (or first) part names the site, or is much
     * shorter than the rest and the visible headline does not show it with the rest; then parts
     * glued to the headline ({@link #stripGlued}).
     */
    String strip(String title) {
        // "Headline - Soccer - Sport - Breaking News": one part at a time, while parts come off.
        for (int i = 0; i < 4; i++) {
            String shorter = stripOnce(title);
            if (shorter.equals(title)) {
                break;
            }
            title = shorter;
        }
        return stripGlued(title);
    }

    private String stripOnce(String title) {
        String[] parts = TITLE_SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        String last = parts[parts.length - 1];
        String first = parts[0];
        if (names(last)) {
            return withoutLast(title, last);
        }
        if (names(first)) {
            return title.substring(first.length()).replaceAll("^\\s*" + SEPARATOR + "\\s+", "").strip();
        }
        if (last.length() <= 30 && last.split("\\s+").length <= 4 && title.length() - last.length() > 20
                && !visible.contains(norm(title))) {
            return withoutLast(title, last);
        }
        return title;
    }

    /** The title without its last part and the separator before it. */
    private static String withoutLast(String title, String last) {
        return title.substring(0, title.length() - last.length()).replaceAll("\\s+" + SEPARATOR + "\\s*$", "").strip();
    }

    // A separator set without a space before it: "Sallu-India Buzz", "talks: Sport".
    private static final Pattern GLUED_SEPARATOR = Pattern.compile("\\s*[-:]\\s*");
    // A section label: three words at most, each capitalised ("News By Industry", "India Buzz").
    private static final Pattern LABEL = Pattern.compile("\\p{Lu}\\S*(?:\\s+\\p{Lu}\\S*){0,2}");

    /**
     * "Headline-India Buzz-Entertainment-The Times of India", "Bulls, Jones pursue talks: Sport:
     * Rugby: News24" → the headline: parts glued to the words before them, when the last one
     * names the site; then the section labels before it. A hyphen inside a headline ("Cry-Baby")
     * is left, as no site name follows it.
     */
    private String stripGlued(String title) {
        if (TITLE_SEPARATOR.matcher(title).find()) {
            return title;
        }
        int[] sep = lastGlued(title);
        if (sep == null || !names(title.substring(sep[1]))) {
            return title;
        }
        title = title.substring(0, sep[0]);
        for (sep = lastGlued(title); sep != null && sep[0] > 20 && LABEL.matcher(title.substring(sep[1])).matches();
                sep = lastGlued(title)) {
            title = title.substring(0, sep[0]);
        }
        return title.strip();
    }

    /** The last glued separator's start and end, or null. */
    private static int[] lastGlued(String title) {
        Matcher m = GLUED_SEPARATOR.matcher(title);
        int[] last = null;
        while (m.find()) {
            last = new int[] {m.start(), m.end()};
        }
        return last;
    }

    private static final Pattern URL_HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/:?#]+)");

    /** The URL's scheme and host matched ({@code group(1)} the host), or null when it has none. */
    private static Matcher host(String url) {
        if (url == null) {
            return null;
        }
        Matcher m = URL_HOST.matcher(url);
        return m.find() ? m : null;
    }

    /** The host's labels of four letters or more, without the top-level domain and "www". */
    private static List<String> hostLabels(String url) {
        Matcher m = host(url);
        if (m == null) {
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

    // A path segment of one word: a section ("localsportswire"), not a headline's slug.
    private static final Pattern SECTION_SEGMENT = Pattern.compile("[\\p{L}\\p{N}]{4,24}");

    /** The URL path's one-word segments, lower case: the site's section names. */
    private static List<String> pathSections(String url) {
        Matcher m = host(url);
        if (m == null) {
            return List.of();
        }
        String path = url.substring(m.end()).replaceFirst("[?#].*", "");
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (SECTION_SEGMENT.matcher(seg).matches()) {
                out.add(seg.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
