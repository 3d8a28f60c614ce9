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
                + "<div class=\"cookie-banner\">We use cookies to improve your experience on this site.</div>"
                + "<article><h1>" + t + "</h1>\n" + body
                + "</article><aside class=\"related\"><ul><li><a href=\"/a\">Another story you may like to read</a></li>"
                + "<li><a href=\"/b\">Yet another story from our newsroom today</a></li></ul></aside>"
                + "<footer>© " + s + " — all rights reserved</footer></body></html>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c");
    }
}
