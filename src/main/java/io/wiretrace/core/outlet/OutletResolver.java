package io.wiretrace.core.outlet;

import io.wiretrace.core.text.TextNormalizer;
import java.io.Serializable;
import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Canonical outlet keys. Input names an outlet as a display name ("Al Arabiya"), a domain
 * ("www.alarabiya.net") or not at all (then the URL's host is used). The key is the lower-case
 * domain with {@code www.}/{@code m.}/{@code amp.}/{@code mobile.} folded, or a slug of the name
 * ({@code al-arabiya}); a configured alias table maps any raw form or key to the key that should
 * win, so one outlet seen under two spellings reports as one.
 */
public final class OutletResolver implements Serializable {

    public static final String UNKNOWN = "unknown";
    private static final Pattern DOMAIN = Pattern.compile("^(?:[\\p{L}\\p{N}-]+\\.)+[\\p{L}]{2,}\\.?$");
    private static final String[] FOLDED_PREFIXES = {"www.", "m.", "amp.", "mobile."};

    /** An outlet's stable key and its display name. */
    public record Outlet(String key, String name) implements Serializable {}

    private final Map<String, String> aliases = new TreeMap<>();
    private final Map<String, String> displayNames = new TreeMap<>();

    public OutletResolver(Map<String, String> aliases, Map<String, String> displayNames) {
        aliases.forEach((k, v) -> this.aliases.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
        displayNames.forEach((k, v) -> this.displayNames.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
    }

    public Outlet resolve(String rawOutlet, String url) {
        String raw = rawOutlet == null ? null : rawOutlet.strip();
        String key;
        String name;
        if (raw != null && !raw.isEmpty()) {
            String lower = raw.toLowerCase(Locale.ROOT);
            String host = raw.contains("://") ? host(raw) : (DOMAIN.matcher(lower).matches() ? lower : null);
            if (host != null) {
                key = foldHost(host);
                name = key;
            } else {
                key = slug(raw);
                name = raw;
            }
            String alias = aliases.get(lower);
            if (alias != null) {
                key = alias;
            }
        } else {
            String host = url == null ? null : host(url);
            key = host == null ? UNKNOWN : foldHost(host);
            name = key;
        }
        String aliased = aliases.get(key);
        if (aliased != null) {
            key = aliased;
        }
        String display = displayNames.get(key);
        return new Outlet(key, display != null ? display : name);
    }

    /** Lower-case host of a URL, or null when it has none. */
    public static String host(String url) {
        try {
            String s = url.strip();
            if (!s.contains("://")) {
                s = "http://" + s;
            }
            String h = URI.create(s.replace(" ", "%20")).getHost();
            return h == null || h.isEmpty() ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String foldHost(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String p : FOLDED_PREFIXES) {
                if (h.startsWith(p) && h.indexOf('.', p.length()) > 0) {
                    h = h.substring(p.length());
                    changed = true;
                }
            }
        }
        return h;
    }

    /** "Asharq Al-Awsat" → "asharq-al-awsat"; letters of any script are kept. */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        boolean dash = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                dash = false;
                out.appendCodePoint(cp);
            } else if (TextNormalizer.foldPunctuation((char) cp) != '\'') {
                // Apostrophes join ("Reuter's" → "reuters"); anything else separates.
                dash = true;
            }
        }
        return out.length() == 0 ? UNKNOWN : out.toString();
    }
}
