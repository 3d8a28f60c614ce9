package io.wiretrace.config;

import java.util.Locale;

/**
 * The clustering behind topics: spherical k-means (cosine) or MLlib's bisecting k-means. Written in
 * lower case in YAML and on the command line.
 */
public enum TopicAlgorithm {
    KMEANS, BISECTING_KMEANS;

    /** The setting's value as written in YAML, {@code --set} and the manifest. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
