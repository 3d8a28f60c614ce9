package io.wiretrace.core.generate;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Renders a generated article as a scraped page looks (issue 16's picture of a real one-event
 * scrape): the outlet's chrome first — navigation, a search and subscribe line, share buttons —
 * so the wire dateline sits several lines into the page; then the body, sometimes with a photo
 * caption; then the outlet's newsletter promo, a "Most read" block of the outlet's other recent
 * headlines (different on every page, recurring across pages as real blocks do), a copyright
 * line and footer links. Each outlet has its own template, fixed by the seed and the outlet.
 *
 * <p>The other real-page features are edits the generator applies to the body: stubs (the first
 * paragraphs and a "read the full story" line) and a paragraph quoted from another story (partial
 * reuse, which must not make the two stories one).
 */
final class ScrapedPages {

    private static final List<String> NAV = List.of("Home", "News", "Local", "World", "Politics", "Business",
            "Sport", "Opinion", "Weather", "Obituaries", "Lifestyle", "Entertainment", "Health", "Video", "Podcasts",
            "Puzzles", "Events", "Jobs", "Property", "Motoring");
    private static final List<String> SHARE = List.of("Share on Facebook", "Share on X", "Share on WhatsApp",
            "Email this article", "Print", "Copy link", "Save for later", "Comments");
    private static final List<String> PROMO = List.of(
            "Sign up for the {OUTLET} morning newsletter and get the day's top stories in your inbox before breakfast",
            "Get unlimited access to {OUTLET} journalism for less than the price of a coffee a week. Subscribe today",
            "Download the {OUTLET} app for breaking news alerts, live blogs and the daily puzzle in one place",
            "Support local journalism: become a member of {OUTLET} and read every story without limits");
    private static final List<String> FOOTER = List.of("Terms of use | Privacy policy | Cookie settings | Contact us",
            "About us | Advertise | Careers | Accessibility | Site map", "Help | Corrections | Newsletters | RSS feeds");

    /** One outlet's template: the fixed lines around every page of it. */
    private record Template(List<String> head, List<String> share, String promo, String footer, boolean shareFirst) {}

    private final long seed;
    private final Map<String, Template> templates = new HashMap<>();
    private final Map<String, Deque<String>> recentTitles = new HashMap<>();

    ScrapedPages(long seed) {
        this.seed = seed;
    }

    private Template template(String[] outlet) {
        return templates.computeIfAbsent(outlet[1], d -> {
            SplittableRandom r = new SplittableRandom(seed ^ (d.hashCode() * 0x9E3779B97F4A7C15L));
            List<String> nav = new ArrayList<>(NAV);
            List<String> head = new ArrayList<>();
            head.add(outlet[0]);
            for (int i = 0, n = 5 + r.nextInt(6); i < n; i++) {
                head.add(nav.remove(r.nextInt(nav.size())));
            }
            head.add("Search | Subscribe | Log in");
            List<String> shareAll = new ArrayList<>(SHARE);
            List<String> share = new ArrayList<>();
            for (int i = 0, n = 2 + r.nextInt(4); i < n; i++) {
                share.add(shareAll.remove(r.nextInt(shareAll.size())));
            }
            String promo = PROMO.get(r.nextInt(PROMO.size())).replace("{OUTLET}", outlet[0]);
            String footer = FOOTER.get(r.nextInt(FOOTER.size()));
            return new Template(head, share, promo, footer, r.nextBoolean());
        });
    }

    /** The page of an article of {@code outlet} with body paragraphs {@code body}. */
    String render(String[] outlet, String title, List<String> body, int year, SplittableRandom rnd) {
        Template t = template(outlet);
        List<String> lines = new ArrayList<>(t.head());
        if (t.shareFirst()) {
            lines.addAll(t.share());
        }
        lines.add(title);
        for (int i = 0; i < body.size(); i++) {
            lines.add(body.get(i));
            if (i == 0 && rnd.nextDouble() < 0.3) {
                lines.add("Photo: " + Lexicon.FIRST.get(rnd.nextInt(Lexicon.FIRST.size())) + " "
                        + Lexicon.LAST.get(rnd.nextInt(Lexicon.LAST.size())) + " / " + outlet[0]);
            }
        }
        if (!t.shareFirst()) {
            lines.addAll(t.share());
        }
        lines.add(t.promo());
        Deque<String> recent = recentTitles.computeIfAbsent(outlet[1], d -> new ArrayDeque<>());
        if (!recent.isEmpty()) {
            lines.add("Most read");
            lines.addAll(recent);
        }
        lines.add("\u00A9 " + year + " " + outlet[0] + ". All rights reserved.");
        lines.add(t.footer());
        recent.addFirst(title);
        if (recent.size() > 4) {
            recent.removeLast();
        }
        return String.join("\n", lines);
    }
}
