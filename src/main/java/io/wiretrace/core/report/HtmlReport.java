package io.wiretrace.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run summary page ({@code DIR/report.html}): one self-contained HTML file, no network, no
 * script library; every chart is inline SVG drawn here. Plain Java: the Spark side only gathers
 * the bounded inputs ({@link Data}), so the page is unit-testable and deterministic.
 *
 * <p>Each chart is an {@code <svg class="chart">} whose marks carry {@code data-mark}; a few
 * lines of inline script check on load that no chart is empty and report problems with
 * {@code console.error}, which {@code scripts/check-report} (headless Chromium) turns into a
 * failure. A chart with nothing to show is replaced by a sentence saying so, not drawn empty.
 */
public final class HtmlReport {

    /** One story's spread curve: outlets carrying it against hours since the origin. */
    public record Story(String storyId, String title, String originOutlet, int nOutlets, int nArticles,
                        List<double[]> curve) {}

    /** One topic: id, label, size. */
    public record Topic(int topicId, String label, long nStories, long nArticles, String centralTitle) {}

    /** Everything the page shows; collections are small by construction (top N). */
    public record Data(String runId, String runDate, String status, String wiretraceVersion,
                       Map<String, Long> counts, Map<String, Long> timingsMs, Map<String, Long> rejectsByReason,
                       List<Story> stories, List<String> heatmapOutlets, double[][] overlap, List<Topic> topics) {}

    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private HtmlReport() {}

    public static String render(Data d) {
        StringBuilder b = new StringBuilder(64 * 1024);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>wiretrace run ").append(esc(d.runDate())).append(" · ").append(esc(d.runId())).append("</title>\n")
                .append("<style>").append(CSS).append("</style></head><body>\n");
        b.append("<header><h1>wiretrace run summary</h1><p>run date <b>").append(esc(d.runDate()))
                .append("</b> · run <code>").append(esc(d.runId())).append("</code> · status <b>").append(esc(d.status()))
                .append("</b> · wiretrace ").append(esc(d.wiretraceVersion())).append("</p></header>\n");
        counts(b, d);
        section(b, "Top stories by spread", "Outlets carrying each story against hours since its origin (step curves).");
        spreadCurves(b, d.stories());
        section(b, "Outlet overlap", "Jaccard similarity of the story sets of the outlets with the most stories"
                + " (darker = more stories in common).");
        heatmap(b, d.heatmapOutlets(), d.overlap());
        section(b, "Topics", "Stories per topic, labelled by their most distinctive terms.");
        topics(b, d.topics());
        section(b, "Rejects by reason", "Input records that did not become articles (all are in the rejects table).");
        bars(b, "rejects", d.rejectsByReason(), "records", "#d62728", "No input record was rejected.");
        section(b, "Stage timings", "Wall-clock time per pipeline step, in milliseconds (the manifest has them too).");
        bars(b, "timings", d.timingsMs(), "ms", "#7f7f7f", "No timings recorded.");
        b.append("<script>").append(CHECK).append("</script>\n</body></html>\n");
        return b.toString();
    }

    private static void section(StringBuilder b, String title, String note) {
        b.append("<h2>").append(esc(title)).append("</h2><p class=\"note\">").append(esc(note)).append("</p>\n");
    }

    private static void counts(StringBuilder b, Data d) {
        b.append("<section class=\"cards\">");
        for (Map.Entry<String, Long> e : d.counts().entrySet()) {
            b.append("<div class=\"card\"><div class=\"n\">").append(String.format(Locale.ROOT, "%,d", e.getValue()))
                    .append("</div><div class=\"k\">").append(esc(e.getKey().replace('_', ' '))).append("</div></div>");
        }
        Long in = d.counts().get("records_in");
        Long a = d.counts().get("articles");
        Long dup = d.counts().get("exact_duplicates");
        Long rej = d.counts().get("rejects");
        if (in != null && a != null && dup != null && rej != null) {
            boolean holds = in == a + dup + rej;
            b.append("<div class=\"card ").append(holds ? "ok" : "bad").append("\"><div class=\"n\">")
                    .append(holds ? "✓" : "✗").append("</div><div class=\"k\">records in = articles + duplicates + rejects</div></div>");
        }
        b.append("</section>\n");
    }

    private static void spreadCurves(StringBuilder b, List<Story> stories) {
        List<Story> drawn = stories.stream().filter(s -> s.curve().size() >= 2).toList();
        if (drawn.isEmpty()) {
            b.append("<p class=\"empty\">No story reached two outlets with known publication times.</p>\n");
            return;
        }
        double maxH = 0;
        int maxY = 1;
        for (Story s : drawn) {
            for (double[] p : s.curve()) {
                maxH = Math.max(maxH, p[0]);
                maxY = Math.max(maxY, (int) p[1]);
            }
        }
        maxH = maxH <= 0 ? 1 : maxH;
        int w = 760;
        int h = 300;
        int left = 50;
        int bottom = 30;
        int pw = w - left - 20;
        int ph = h - bottom - 15;
        b.append("<div class=\"row\"><svg class=\"chart\" id=\"spread\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" width=\"").append(w).append("\" height=\"").append(h).append("\" role=\"img\" aria-label=\"spread curves\">");
        axes(b, left, 15, pw, ph, String.format(Locale.ROOT, "%.1f h", maxH), Integer.toString(maxY), "hours since origin",
                "outlets");
        for (int i = 0; i < drawn.size(); i++) {
            Story s = drawn.get(i);
            StringBuilder pts = new StringBuilder();
            double prevY = -1;
            for (double[] p : s.curve()) {
                double x = left + pw * p[0] / maxH;
                double y = 15 + ph - ph * p[1] / maxY;
                if (prevY >= 0) {
                    pts.append(fmt(x)).append(',').append(fmt(prevY)).append(' ');
                }
                pts.append(fmt(x)).append(',').append(fmt(y)).append(' ');
                prevY = y;
            }
            b.append("<polyline data-mark=\"1\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(PALETTE[i % PALETTE.length])
                    .append("\" points=\"").append(pts.toString().strip()).append("\"><title>").append(esc(s.title()))
                    .append("</title></polyline>");
        }
        b.append("</svg></div>\n<table><tr><th></th><th>story</th><th>origin</th><th>outlets</th><th>articles</th></tr>");
        for (int i = 0; i < drawn.size(); i++) {
            Story s = drawn.get(i);
            b.append("<tr><td><span class=\"sw\" style=\"background:").append(PALETTE[i % PALETTE.length])
                    .append("\"></span></td><td>").append(esc(s.title())).append("<br><code>").append(esc(s.storyId()))
                    .append("</code></td><td>").append(esc(s.originOutlet() == null ? "unknown" : s.originOutlet()))
                    .append("</td><td>").append(s.nOutlets()).append("</td><td>").append(s.nArticles()).append("</td></tr>");
        }
        b.append("</table>\n");
    }

    private static void heatmap(StringBuilder b, List<String> outlets, double[][] m) {
        if (outlets.size() < 2) {
            b.append("<p class=\"empty\">Fewer than two outlets share a story.</p>\n");
            return;
        }
        int n = outlets.size();
        int cell = Math.max(12, Math.min(28, 560 / n));
        int label = 170;
        int size = label + n * cell + 10;
        double max = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    max = Math.max(max, m[i][j]);
                }
            }
        }
        b.append("<div class=\"row\"><svg class=\"chart\" id=\"overlap\" viewBox=\"0 0 ").append(size).append(' ').append(size)
                .append("\" width=\"").append(size).append("\" height=\"").append(size)
                .append("\" role=\"img\" aria-label=\"outlet overlap heatmap\">");
        for (int i = 0; i < n; i++) {
            b.append("<text class=\"lbl\" x=\"").append(label - 4).append("\" y=\"").append(label + i * cell + cell * 0.7)
                    .append("\" text-anchor=\"end\">").append(esc(outlets.get(i))).append("</text>");
            b.append("<text class=\"lbl\" transform=\"translate(").append(label + i * cell + cell * 0.7).append(',')
                    .append(label - 4).append(") rotate(-60)\">").append(esc(outlets.get(i))).append("</text>");
            for (int j = 0; j < n; j++) {
                double v = i == j ? Double.NaN : m[i][j];
                String fill = Double.isNaN(v) ? "#eeeeee" : shade(max <= 0 ? 0 : v / max);
                b.append("<rect data-mark=\"1\" x=\"").append(label + j * cell).append("\" y=\"").append(label + i * cell)
                        .append("\" width=\"").append(cell - 1).append("\" height=\"").append(cell - 1).append("\" fill=\"")
                        .append(fill).append("\"><title>").append(esc(outlets.get(i))).append(" × ").append(esc(outlets.get(j)))
                        .append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, ": Jaccard %.3f", v)).append("</title></rect>");
            }
        }
        b.append("</svg></div>\n");
    }

    private static void topics(StringBuilder b, List<Topic> topics) {
        Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        for (Topic t : topics) {
            sizes.put(t.topicId() + ": " + t.label(), t.nStories());
        }
        bars(b, "topics", sizes, "stories", "#2ca02c", "The topic engine did not run (topics.enabled: false).");
    }

    /** Horizontal bars, one per entry, in the given order. */
    private static void bars(StringBuilder b, String id, Map<String, Long> values, String unit, String color, String empty) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>(values.entrySet());
        if (rows.isEmpty()) {
            b.append("<p class=\"empty\">").append(esc(empty)).append("</p>\n");
            return;
        }
        long max = Math.max(1, rows.stream().mapToLong(Map.Entry::getValue).max().orElse(1));
        int label = 300;
        int barW = 420;
        int rowH = 20;
        int h = rows.size() * rowH + 10;
        int w = label + barW + 110;
        b.append("<div class=\"row\"><svg class=\"chart\" id=\"").append(esc(id)).append("\" viewBox=\"0 0 ").append(w).append(' ')
                .append(h).append("\" width=\"").append(w).append("\" height=\"").append(h).append("\" role=\"img\" aria-label=\"")
                .append(esc(id)).append("\">");
        for (int i = 0; i < rows.size(); i++) {
            Map.Entry<String, Long> r = rows.get(i);
            double len = Math.max(1, barW * (double) r.getValue() / max);
            int y = 5 + i * rowH;
            b.append("<text class=\"lbl\" x=\"").append(label - 6).append("\" y=\"").append(y + 14)
                    .append("\" text-anchor=\"end\">").append(esc(shorten(r.getKey(), 48))).append("</text>")
                    .append("<rect data-mark=\"1\" x=\"").append(label).append("\" y=\"").append(y + 2).append("\" width=\"")
                    .append(fmt(len)).append("\" height=\"").append(rowH - 5).append("\" fill=\"").append(color).append("\"><title>")
                    .append(esc(r.getKey())).append("</title></rect>")
                    .append("<text class=\"lbl\" x=\"").append(fmt(label + len + 5)).append("\" y=\"").append(y + 14).append("\">")
                    .append(String.format(Locale.ROOT, "%,d %s", r.getValue(), unit)).append("</text>");
        }
        b.append("</svg></div>\n");
    }

    private static void axes(StringBuilder b, int x, int y, int w, int h, String xMax, String yMax, String xLabel, String yLabel) {
        b.append("<line class=\"ax\" x1=\"").append(x).append("\" y1=\"").append(y + h).append("\" x2=\"").append(x + w)
                .append("\" y2=\"").append(y + h).append("\"/><line class=\"ax\" x1=\"").append(x).append("\" y1=\"").append(y)
                .append("\" x2=\"").append(x).append("\" y2=\"").append(y + h).append("\"/>")
                .append("<text class=\"lbl\" x=\"").append(x).append("\" y=\"").append(y + h + 16).append("\">0</text>")
                .append("<text class=\"lbl\" x=\"").append(x + w).append("\" y=\"").append(y + h + 16)
                .append("\" text-anchor=\"end\">").append(esc(xMax)).append("</text>")
                .append("<text class=\"lbl\" x=\"").append(x + w / 2).append("\" y=\"").append(y + h + 16)
                .append("\" text-anchor=\"middle\">").append(esc(xLabel)).append("</text>")
                .append("<text class=\"lbl\" x=\"").append(x - 6).append("\" y=\"").append(y + 10)
                .append("\" text-anchor=\"end\">").append(esc(yMax)).append("</text>")
                .append("<text class=\"lbl\" x=\"").append(x - 6).append("\" y=\"").append(y + h / 2)
                .append("\" text-anchor=\"end\">").append(esc(yLabel)).append("</text>");
    }

    /** White to dark blue. */
    private static String shade(double f) {
        double t = Math.max(0, Math.min(1, f));
        int r = (int) Math.round(247 - t * (247 - 8));
        int g = (int) Math.round(251 - t * (251 - 48));
        int bl = (int) Math.round(255 - t * (255 - 107));
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, bl);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** HTML-escapes text from the data (titles, outlet names): nothing from the input is markup. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = "body{font:14px/1.4 system-ui,sans-serif;margin:24px auto;max-width:1000px;color:#222}"
            + "h1{margin:0}h2{margin-top:32px;border-bottom:1px solid #ddd}.note{color:#666;margin-top:-8px}"
            + ".cards{display:flex;flex-wrap:wrap;gap:10px;margin-top:16px}.card{border:1px solid #ddd;border-radius:6px;"
            + "padding:8px 14px;min-width:120px}.card .n{font-size:22px;font-weight:600}.card .k{color:#666}"
            + ".card.ok .n{color:#2ca02c}.card.bad .n{color:#d62728}.lbl{font-size:11px;fill:#333}.ax{stroke:#999}"
            + "table{border-collapse:collapse;margin-top:8px}td,th{border-bottom:1px solid #eee;padding:4px 8px;"
            + "text-align:left;vertical-align:top}.sw{display:inline-block;width:12px;height:12px;border-radius:2px}"
            + ".empty{color:#666;font-style:italic}code{font-size:12px;color:#555}";

    /** On load: every chart must have marks; problems go to the console for scripts/check-report. */
    private static final String CHECK = "window.addEventListener('load',function(){var bad=0;"
            + "document.querySelectorAll('svg.chart').forEach(function(s){"
            + "if(s.querySelectorAll('[data-mark]').length===0){bad++;console.error('empty chart: '+s.id);}"
            + "var r=s.getBoundingClientRect();if(r.width<10||r.height<10){bad++;console.error('invisible chart: '+s.id);}});"
            + "document.body.setAttribute('data-charts',String(document.querySelectorAll('svg.chart').length));"
            + "document.body.setAttribute('data-check',bad===0?'ok':'failed');});";
}
