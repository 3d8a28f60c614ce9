package io.wiretrace.core.topics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Stop-word lists shipped as resources ({@code io/wiretrace/topics/stopwords-LANG.txt}); adding
 * a language is adding a file and its code to {@link #LANGUAGES}. Words are stored in the form the
 * tokenizer produces (lower case, apostrophes removed), before stemming.
 */
public final class StopWords {

    /** Languages with a shipped list; "none" is the empty list. */
    public static final Set<String> LANGUAGES = Set.of("en", "none");

    private StopWords() {}

    /** The shipped list for {@code language} plus {@code extra} words (folded to lower case). */
    public static Set<String> load(String language, Collection<String> extra) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("Invalid stop-word language: '" + language + "' is not one of " + LANGUAGES);
        }
        Set<String> words = new HashSet<>();
        String resource = "/io/wiretrace/topics/stopwords-" + language + ".txt";
        try (InputStream in = StopWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Cannot load stop words: resource " + resource + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load stop words: " + resource, e);
        }
        for (String w : extra) {
            words.add(w.strip().toLowerCase(Locale.ROOT).replace("'", "").replace("\u2019", ""));
        }
        return words;
    }
}
