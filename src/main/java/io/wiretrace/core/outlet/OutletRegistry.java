package io.wiretrace.core.outlet;

import io.wiretrace.core.html.TitleSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Known outlets by domain: a CSV of {@code domain,outlet,name,country,owner} and optionally
 * {@code title_source} (a {@link TitleSource} code: where the outlet declares its headline of
 * record); lines starting with {@code #} are comments. A host is looked up as is and then by each
 * parent domain, so {@code politics.example.co.uk} finds an entry for {@code example.co.uk}.
 * Plain Java, no Spark.
 */
public final class OutletRegistry implements Serializable {

    /** The bundled registry: conf/outlets.csv, copied into the jar at build time. */
    public static final String BUILTIN_RESOURCE = "/io/wiretrace/outlets.csv";
    public static final OutletRegistry EMPTY = new OutletRegistry(Map.of());
    private static final List<String> COLUMNS = List.of("domain", "outlet", "name", "country", "owner");
    private static final String TITLE_SOURCE = "title_source";

    /** One registry row; blank country/owner/title source are null. */
    public record Entry(String outlet, String name, String country, String owner, TitleSource titleSource)
            implements Serializable {}

    private final Map<String, Entry> byDomain;

    private OutletRegistry(Map<String, Entry> byDomain) {
        this.byDomain = byDomain;
    }

    public int size() {
        return byDomain.size();
    }

    /** The entry for a (folded, lower-case) host or its nearest listed parent domain, or null. */
    public Entry lookup(String host) {
        if (host == null || byDomain.isEmpty()) {
            return null;
        }
        for (String h = host; ; ) {
            Entry e = byDomain.get(h);
            if (e != null) {
                return e;
            }
            int dot = h.indexOf('.');
            if (dot < 0 || h.indexOf('.', dot + 1) < 0) {
                return null; // stop at two labels: "co.uk" alone is never an outlet
            }
            h = h.substring(dot + 1);
        }
    }

    /** Where the outlet of the page at {@code url} declares its headline of record, or null for the generic rule. */
    public TitleSource titleSource(String url) {
        String host = url == null || byDomain.isEmpty() ? null : OutletResolver.host(url);
        Entry e = host == null ? null : lookup(OutletResolver.foldHost(host));
        return e == null ? null : e.titleSource();
    }

    /**
     * The entries that name a title source: what extraction needs, small enough to travel with
     * every reading task.
     */
    public OutletRegistry withTitleSources() {
        Map<String, Entry> out = new HashMap<>();
        byDomain.forEach((domain, e) -> {
            if (e.titleSource() != null) {
                out.put(domain, e);
            }
        });
        return out.isEmpty() ? EMPTY : new OutletRegistry(Map.copyOf(out));
    }

    public static OutletRegistry builtin() {
        try (InputStream in = OutletRegistry.class.getResourceAsStream(BUILTIN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Cannot load the builtin outlet registry: " + BUILTIN_RESOURCE
                        + " is not on the classpath");
            }
            return read(in, "builtin");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot load the builtin outlet registry: " + e.getMessage(), e);
        }
    }

    /**
     * @param source named in errors
     * @throws IllegalArgumentException for a header without the registry's columns or a row with
     *                                  a different number of fields (a registry is configuration:
     *                                  better to stop than to run with half of it)
     */
    public static OutletRegistry read(InputStream in, String source) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, Entry> map = new HashMap<>();
        List<String> header = null;
        int lineNo = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> f = fields(line);
            if (header == null) {
                header = f.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
                boolean withTitleSource = header.size() == COLUMNS.size() + 1
                        && header.subList(0, COLUMNS.size()).equals(COLUMNS) && header.get(COLUMNS.size()).equals(TITLE_SOURCE);
                if (!header.equals(COLUMNS) && !withTitleSource) {
                    throw new IllegalArgumentException("Invalid outlet registry " + source + ": header must be "
                            + String.join(",", COLUMNS) + "[," + TITLE_SOURCE + "], not " + line);
                }
                continue;
            }
            if (f.size() != header.size()) {
                throw new IllegalArgumentException("Invalid outlet registry " + source + ": line " + lineNo + " has "
                        + f.size() + " fields, expected " + header.size());
            }
            TitleSource titleSource;
            try {
                titleSource = f.size() > COLUMNS.size() ? TitleSource.parse(f.get(COLUMNS.size())) : null;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid outlet registry " + source + ": line " + lineNo + ": "
                        + e.getMessage(), e);
            }
            String domain = OutletResolver.foldHost(f.get(0).strip().toLowerCase(Locale.ROOT));
            String outlet = f.get(1).strip().toLowerCase(Locale.ROOT);
            if (domain.isEmpty() || outlet.isEmpty()) {
                throw new IllegalArgumentException("Invalid outlet registry " + source + ": line " + lineNo
                        + " has an empty domain or outlet");
            }
            map.put(domain, new Entry(outlet, blankToNull(f.get(2)), blankToNull(f.get(3)), blankToNull(f.get(4)),
                    titleSource));
        }
        return new OutletRegistry(Map.copyOf(map));
    }

    private static String blankToNull(String s) {
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** One CSV line's fields (RFC 4180 quoting; registry values never span lines). */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
