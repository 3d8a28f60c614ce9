package io.wiretrace.core.topics;

/**
 * A deliberately light English stemmer: plural and third-person "s" only (Harman's S-stemmer
 * rules). Aggressive stemmers (Porter) merge words a reader would keep apart ("news"/"new",
 * "general"/"generate") and make labels unreadable; folding plurals is where most of the gain is
 * for topic clustering, and labels stay real words.
 */
public final class LightStemmer {

    /** Words that end like plurals but are not (stemming them would merge unrelated words). */
    private static final java.util.Set<String> KEEP = java.util.Set.of("news", "series", "species", "politics",
            "economics", "physics", "athletics", "mathematics", "electronics", "logistics", "statistics", "ethics",
            "yes", "bus", "gas", "lens", "texas", "paris", "wales", "swiss", "always", "perhaps", "sometimes");

    private LightStemmer() {}

    public static String stem(String w) {
        int n = w.length();
        if (n <= 3 || !Character.isLetter(w.charAt(n - 1)) || KEEP.contains(w)) {
            return w;
        }
        if (w.endsWith("ies") && !w.endsWith("eies") && !w.endsWith("aies") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("es") && !w.endsWith("aes") && !w.endsWith("ees") && !w.endsWith("oes")) {
            return w.substring(0, n - 1);
        }
        if (w.endsWith("s") && !w.endsWith("us") && !w.endsWith("ss") && !w.endsWith("is")) {
            return w.substring(0, n - 1);
        }
        return w;
    }
}
