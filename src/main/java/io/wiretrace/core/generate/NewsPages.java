package io.wiretrace.core.generate;

/**
 * Renders an article as the HTML page a news site would serve: site chrome (navigation, cookie
 * banner, related links, footer) around an {@code <article>}, with the metadata extractors read
 * ({@code <title>}, {@code og:site_name}, canonical link, JSON-LD headline and date). For generated
 * web archives (benchmarks) and test fixtures; the text is ours.
 */
public final class NewsPages {

    private NewsPages() {}

    /**
     * @param text      paragraphs separated by a blank line
     * @param published ISO-8601, or null
     * @param canonical the canonical link, or null for none
     */
    public static String render(String site, String title, String text, String published, String lang, String canonical) {
        return render(site, title, text, published, lang, canonical, 0);
    }

    /**
     * As above, with about {@code chromeKb} KB more of the weight real pages carry around an
     * article: inline script, a mega-menu of section links and a "most read" block of teasers
     * (real news pages are 100–400 KB of HTML for 5 KB of text; extraction cost follows the markup).
     */
    public static String render(String site, String title, String text, String published, String lang, String canonical,
                                int chromeKb) {
        StringBuilder body = new StringBuilder(text.length() + 2048);
        for (String p : text.split("\n\n")) {
            body.append("<p>").append(escape(p)).append("</p>\n");
        }
        String t = escape(title);
        String s = escape(site);
        return "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + t + " | " + s + "</title>"
                + "<meta property=\"og:site_name\" content=\"" + s + "\">"
                + (canonical == null ? "" : "<link rel=\"canonical\" href=\"" + escape(canonical) + "\">")
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"" + json(title) + "\""
                + (published == null ? "" : ",\"datePublished\":\"" + json(published) + "\"") + "}</script></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a> <a href=\"/sport\">Sport</a></nav>"
                + weight(chromeKb)
                + "<div class=\"cookie-banner\">We use cookies to improve your experience on this site.</div>"
                + "<article><h1>" + t + "</h1>\n" + body
                + "</article><aside class=\"related\"><ul><li><a href=\"/a\">Another story you may like to read</a></li>"
                + "<li><a href=\"/b\">Yet another story from our newsroom today</a></li></ul></aside>"
                + "<footer>© " + s + " — all rights reserved</footer></body></html>";
    }

    /** About {@code kb} KB of page weight: 40% script, 40% menu links, 20% teasers. */
    static String weight(int kb) {
        if (kb <= 0) {
            return "";
        }
        StringBuilder b = new StringBuilder(kb * 1100);
        b.append("<script>window.__STATE__ = {\"items\": [");
        for (int i = 0; b.length() < kb * 410; i++) {
            b.append("{\"id\": ").append(i).append(", \"slot\": \"ad-").append(i % 17).append("\", \"lazy\": true},");
        }
        b.append("]};</script><div class=\"mega-menu\"><ul>");
        int start = b.length();
        for (int i = 0; b.length() - start < kb * 410; i++) {
            b.append("<li class=\"menu-item\"><a href=\"/section/").append(i).append("\">Section ").append(i).append("</a></li>");
        }
        b.append("</ul></div><aside class=\"most-read\">");
        start = b.length();
        for (int i = 0; b.length() - start < kb * 205; i++) {
            b.append("<div class=\"teaser\"><a href=\"/story/").append(i).append("\"><h3>Most read story number ").append(i)
                    .append("</h3></a><p>A short summary of a popular story that readers clicked on today.</p></div>");
        }
        return b.append("</aside>").toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c");
    }
}
