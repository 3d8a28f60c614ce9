package io.wiretrace.config;

import java.util.Locale;

/**
 * Terms to vector indices: a counted vocabulary (exact, one extra pass) or feature hashing (no
 * vocabulary pass; bucket names looked up for labels). Written in lower case in YAML and on the
 * command line.
 */
public enum Vectorizer {
    VOCABULARY, HASHING;

    /** The setting's value as written in YAML, {@code --set} and the manifest. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
