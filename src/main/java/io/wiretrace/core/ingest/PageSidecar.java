package io.wiretrace.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Optional facts about a page dump that the page itself does not carry, from {@code PAGE.meta.json}
 * beside it: {@code scraped_at} (resolves "2 hours ago"), and the main article's {@code url},
 * {@code outlet} and {@code published_at}.
 */
public record PageSidecar(Instant scrapedAt, String url, String outlet, Instant publishedAt) {

    public static final String SUFFIX = ".meta.json";
    public static final PageSidecar NONE = new PageSidecar(null, null, null, null);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static PageSidecar read(InputStream in, ZoneId zone) throws IOException {
        JsonNode n = MAPPER.readTree(in);
        if (n == null || !n.isObject()) {
            throw new IOException("Invalid page sidecar: not a JSON object");
        }
        return new PageSidecar(time(n, "scraped_at", zone), text(n, "url"), text(n, "outlet"), time(n, "published_at", zone));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant time(JsonNode n, String field, ZoneId zone) throws IOException {
        String s = text(n, field);
        Timestamps.Parsed p = Timestamps.parse(s, zone);
        if (p.invalid()) {
            throw new IOException("Invalid page sidecar: cannot parse " + field + " '" + s + "'");
        }
        return p.value();
    }

    /** This sidecar with a scrape time filled from configuration where it has none. */
    public PageSidecar withDefaultScrapedAt(Instant fallback) {
        return scrapedAt != null || fallback == null ? this : new PageSidecar(fallback, url, outlet, publishedAt);
    }
}
