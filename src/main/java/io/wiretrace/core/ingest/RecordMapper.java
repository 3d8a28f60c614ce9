package io.wiretrace.core.ingest;

import io.wiretrace.core.text.TextNormalizer;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns one record's named fields (from a JSON object, a CSV row or a Parquet row) into an
 * {@link InputRecord}: field aliases resolved, types checked, text cleaned and bounded, dates
 * parsed. All input formats go through here so that one rule set decides what is an article.
 */
public final class RecordMapper implements Serializable {

    /** The canonical input fields of the input contract. */
    public static final Set<String> FIELDS =
            Set.of("id", "url", "outlet", "title", "text", "published_at", "scraped_at", "language");

    /** A JSON object or array given where a scalar was expected; carries its JSON text. */
    public record NonScalar(String json) implements Serializable {
        @Override
        public String toString() {
            return json;
        }
    }

    /** Settings from the {@code input} section of the configuration. */
    public record Settings(Map<String, String> fieldAliases, int maxTextChars, int excerptChars,
                           String defaultTimezone, String paragraphSeparator) implements Serializable {}

    private final Map<String, String> aliases;
    private final Settings settings;
    private final ZoneId zone;

    public RecordMapper(Settings settings) {
        this.settings = settings;
        this.zone = ZoneId.of(settings.defaultTimezone());
        this.aliases = new TreeMap<>();
        settings.fieldAliases().forEach((k, v) -> aliases.put(k.toLowerCase(Locale.ROOT), v));
    }

    public Settings settings() {
        return settings;
    }

    /** Canonical name for a raw field name, or the lower-cased name itself when it has none. */
    public String canonicalField(String rawName) {
        String n = rawName.strip().toLowerCase(Locale.ROOT);
        return FIELDS.contains(n) ? n : aliases.getOrDefault(n, n);
    }

    /**
     * @param fields raw name → value (String, Number, Boolean, Instant, Date, NonScalar or null), in
     *               source order
     * @param raw    the raw record text, for a reject's excerpt
     */
    public InputRecord map(String sourceFile, String location, long ordinal, Map<String, Object> fields, String raw) {
        Map<String, Object> canonical = new TreeMap<>();
        Map<String, String> extra = new TreeMap<>();
        // Canonical names win over aliases; among aliases the first in source order wins.
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String lower = e.getKey().strip().toLowerCase(Locale.ROOT);
            if (FIELDS.contains(lower)) {
                canonical.put(lower, e.getValue());
            }
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            String lower = e.getKey().strip().toLowerCase(Locale.ROOT);
            if (FIELDS.contains(lower)) {
                continue;
            }
            String target = aliases.get(lower);
            if (target != null && !canonical.containsKey(target)) {
                canonical.put(target, e.getValue());
            } else if (e.getValue() != null) {
                extra.put(e.getKey(), e.getValue().toString());
            }
        }

        Object textValue = canonical.get("text");
        if (textValue != null && !(textValue instanceof String)) {
            return reject(sourceFile, location, ordinal, RejectReason.INVALID_FIELD, "field 'text' is not a string", raw);
        }
        String text = (String) textValue;
        if (text != null && settings.paragraphSeparator() != null && !settings.paragraphSeparator().isEmpty()) {
            text = text.replace(settings.paragraphSeparator(), "\n\n");
        }
        if (TextNormalizer.isBlank(text)) {
            return reject(sourceFile, location, ordinal, RejectReason.MISSING_TEXT, "no text", raw);
        }
        text = TextNormalizer.clean(text);
        if (text.length() > settings.maxTextChars()) {
            return reject(sourceFile, location, ordinal, RejectReason.TEXT_TOO_LARGE,
                    "text has " + text.length() + " characters, limit " + settings.maxTextChars(), raw);
        }
        String[] scalars = new String[5];
        String[] names = {"id", "url", "outlet", "title", "language"};
        for (int i = 0; i < names.length; i++) {
            Object v = canonical.get(names[i]);
            if (v instanceof NonScalar) {
                return reject(sourceFile, location, ordinal, RejectReason.INVALID_FIELD,
                        "field '" + names[i] + "' is not a scalar", raw);
            }
            String s = v == null ? null : TextNormalizer.clean(v.toString());
            scalars[i] = s == null || s.isEmpty() ? null : s;
        }
        int dateWarnings = 0;
        Timestamps.Parsed published = Timestamps.parse(scalarOrNull(canonical.get("published_at")), zone);
        Timestamps.Parsed scraped = Timestamps.parse(scalarOrNull(canonical.get("scraped_at")), zone);
        if (published.invalid() || canonical.get("published_at") instanceof NonScalar) {
            dateWarnings++;
        }
        if (scraped.invalid() || canonical.get("scraped_at") instanceof NonScalar) {
            dateWarnings++;
        }
        return new InputRecord(sourceFile, location, ordinal, null, null, null,
                scalars[0], scalars[1], scalars[2], scalars[3], text,
                published.value(), scraped.value(), scalars[4], extra.isEmpty() ? null : extra, dateWarnings, null);
    }

    /** An article built directly by a format reader (aggregator pages), bounded like any other. */
    public InputRecord article(String sourceFile, String location, long ordinal, String url, String outlet,
                               String title, String text, Instant publishedAt, Instant scrapedAt) {
        return article(sourceFile, location, ordinal, url, outlet, title, text, publishedAt, scrapedAt, null, null);
    }

    /** As above, with the page's language and fields outside the contract (web archives). */
    public InputRecord article(String sourceFile, String location, long ordinal, String url, String outlet,
                               String title, String text, Instant publishedAt, Instant scrapedAt, String language,
                               Map<String, String> extra) {
        if (TextNormalizer.isBlank(text)) {
            return reject(sourceFile, location, ordinal, RejectReason.MISSING_TEXT, "no text", title);
        }
        String cleaned = TextNormalizer.clean(text);
        if (cleaned.length() > settings.maxTextChars()) {
            return reject(sourceFile, location, ordinal, RejectReason.TEXT_TOO_LARGE,
                    "text has " + cleaned.length() + " characters, limit " + settings.maxTextChars(), cleaned);
        }
        return new InputRecord(sourceFile, location, ordinal, null, null, null, null, url, outlet,
                title == null ? null : TextNormalizer.clean(title), cleaned, publishedAt, scrapedAt, language,
                extra == null || extra.isEmpty() ? null : extra, 0, null);
    }

    private static Object scalarOrNull(Object v) {
        return v instanceof NonScalar ? null : v;
    }

    public InputRecord reject(String sourceFile, String location, long ordinal, RejectReason reason, String detail,
                              String raw) {
        return InputRecord.reject(sourceFile, location, ordinal, reason, detail,
                TextNormalizer.excerpt(raw, settings.excerptChars()));
    }
}
