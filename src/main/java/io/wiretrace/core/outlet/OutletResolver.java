package io.wiretrace.core.outlet;

import io.wiretrace.core.text.TextNormalizer;
import java.io.Serializable;
import com.google.common.net.InternetDomainName;
import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Canonical outlet keys. Input names an outlet as a display name ("Al Arabiya"), a domain
 * ("www.alarabiya.net") or not at all (then the URL's host is used). For a domain, the
 * {@link OutletRegistry} is asked first (the host, then its parent domains); otherwise the key is
 * the registrable domain (public-suffix list: {@code politics.example.co.uk} → {@code
 * example.co.uk}, while {@code someone.blogspot.com} stays itself), or the host with
 * {@code www.}/{@code m.}/{@code amp.}/{@code mobile.} folded when it is under no known suffix. A
 * name becomes a slug ({@code al-arabiya}). A configured alias table maps any raw form or key to
 * the key that should win, so one outlet seen under two spellings reports as one.
 */
public final class OutletResolver implements Serializable {

    public static final String UNKNOWN = "unknown";
    private static final Pattern DOMAIN = Pattern.compile("^(?:[\\p{L}\\p{N}-]+\\.)+[\\p{L}]{2,}\\.?$");
    private static final String[] FOLDED_PREFIXES = {"www.", "m.", "amp.", "mobile."};

    /** An outlet's stable key, display name, and (from the registry) country and owner, or null. */
    public record Outlet(String key, String name, String country, String owner) implements Serializable {}

    private final Map<String, String> aliases = new TreeMap<>();
    private final Map<String, String> displayNames = new TreeMap<>();
    private final OutletRegistry registry;

    public OutletResolver(Map<String, String> aliases, Map<String, String> displayNames) {
        this(aliases, displayNames, OutletRegistry.EMPTY);
    }

    public OutletResolver(Map<String, String> aliases, Map<String, String> displayNames, OutletRegistry registry) {
        aliases.forEach((k, v) -> this.aliases.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
        displayNames.forEach((k, v) -> this.displayNames.put(k.strip().toLowerCase(Locale.ROOT), v.strip()));
        this.registry = registry;
    }

    public Outlet resolve(String rawOutlet, String url) {
        String raw = rawOutlet == null ? null : rawOutlet.strip();
        boolean named = raw != null && !raw.isEmpty();
        String lower = named ? raw.toLowerCase(Locale.ROOT) : null;
        // The host to key by: the outlet given as a domain or URL, else (no outlet) the URL's host.
        String host = named ? (raw.contains("://") ? host(raw) : (DOMAIN.matcher(lower).matches() ? lower : null))
                : (url == null ? null : host(url));
        OutletRegistry.Entry entry = host == null ? null : registry.lookup(foldHost(host));
        String key;
        String name;
        if (host != null) {
            key = entry != null ? entry.outlet() : domainKey(host);
            name = registryName(entry, key);
        } else if (named) {
            key = slug(raw);
            name = raw;
        } else {
            key = UNKNOWN;
            name = key;
        }
        if (named && aliases.containsKey(lower)) {
            key = aliases.get(lower);
        }
        String aliased = aliases.get(key);
        if (aliased != null) {
            key = aliased;
        }
        if (entry != null && !entry.outlet().equals(key)) {
            // An alias moved the article to another outlet: that outlet's registry facts apply.
            entry = registry.lookup(key);
            name = registryName(entry, key);
        }
        String display = displayNames.get(key);
        return new Outlet(key, display != null ? display : name, entry == null ? null : entry.country(),
                entry == null ? null : entry.owner());
    }

    private static String registryName(OutletRegistry.Entry entry, String key) {
        return entry != null && entry.name() != null ? entry.name() : key;
    }

    /**
     * The outlet key of a host: its registrable domain by the public-suffix list (Guava's copy,
     * which Spark ships), or the folded host when it is under no known public suffix (intranet and
     * {@code .example} names, IP addresses).
     */
    static String domainKey(String host) {
        String folded = foldHost(host);
        try {
            InternetDomainName d = InternetDomainName.from(folded);
            if (d.isUnderPublicSuffix()) {
                return d.topPrivateDomain().toString();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Not a valid domain name for the list (underscores, IP literals): keep the host.
        }
        return folded;
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
