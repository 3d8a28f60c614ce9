package io.wiretrace.core.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Parses an aggregator page dump: a text page with one main article (title line, then one
 * paragraph per line), site chrome (hashtags, AI-feature promos, comment widgets), and a
 * "Related Articles" block whose entries read
 * <pre>
 *   Outlet Name
 *   33 minutes ago
 *   - Outlet Name
 *   Entry title
 *   Entry body (one or more lines)
 * </pre>
 * Chrome lines are recognised from a configurable list (exact line match, case-insensitive), so
 * a new site's widgets are a configuration change, not a code change.
 */
public final class PageDumpParser implements Serializable {

    /** The main article and the related entries of one page. */
    public record Page(Article main, List<Entry> related) {}

    public record Article(String title, List<String> paragraphs) {
        public String text() {
            return String.join("\n\n", paragraphs);
        }
    }

    /** A related entry; {@code relativeTime} is the phrase as printed. */
    public record Entry(String outlet, String relativeTime, Article article) {}

    private final Set<String> chrome;
    private final String relatedHeading;

    public PageDumpParser(List<String> chromeLines, String relatedHeading) {
        this.chrome = new TreeSet<>();
        for (String c : chromeLines) {
            chrome.add(key(c));
        }
        this.relatedHeading = key(relatedHeading);
        chrome.add(this.relatedHeading);
    }

    private static String key(String line) {
        return line.strip().toLowerCase(Locale.ROOT);
    }

    private boolean isChrome(String line) {
        return chrome.contains(key(line));
    }

    public Page parse(String content) {
        String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].strip();
        }
        int related = -1;
        for (int i = 0; i < lines.length; i++) {
            if (key(lines[i]).equals(relatedHeading)) {
                related = i;
                break;
            }
        }
        int mainEnd = related < 0 ? lines.length : related;
        Article main = readMain(lines, mainEnd);
        List<Entry> entries = related < 0 ? List.of() : readEntries(lines, related + 1);
        return new Page(main, entries);
    }

    private Article readMain(String[] lines, int end) {
        String title = null;
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            String l = lines[i];
            if (l.isEmpty()) {
                continue;
            }
            if (isChrome(l)) {
                break;
            }
            if (title == null) {
                title = l;
            } else {
                paragraphs.add(l);
            }
        }
        return title == null ? null : new Article(title, paragraphs);
    }

    private boolean isEntryStart(String[] lines, int i) {
        return i + 1 < lines.length && !lines[i].isEmpty() && lines[i].length() <= 120 && !isChrome(lines[i])
                && RelativeTime.matches(lines[i + 1]);
    }

    private List<Entry> readEntries(String[] lines, int from) {
        List<Entry> out = new ArrayList<>();
        int i = from;
        while (i < lines.length) {
            if (!isEntryStart(lines, i)) {
                i++;
                continue;
            }
            String outlet = lines[i];
            String when = lines[i + 1];
            i += 2;
            // Optional "- Outlet" attribution line.
            if (i < lines.length && lines[i].startsWith("- ")) {
                i++;
            }
            String title = null;
            List<String> body = new ArrayList<>();
            while (i < lines.length && !isEntryStart(lines, i)) {
                String l = lines[i];
                if (isChrome(l)) {
                    break;
                }
                if (!l.isEmpty()) {
                    if (title == null) {
                        title = l;
                    } else {
                        body.add(l);
                    }
                }
                i++;
            }
            out.add(new Entry(outlet, when, new Article(title, body)));
            while (i < lines.length && isChrome(lines[i])) {
                i++;
            }
        }
        return out;
    }
}
