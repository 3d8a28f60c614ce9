package io.wiretrace.core.syndication;

/**
 * How a copy differs from its story's origin. Checked in this order; the first that applies wins.
 */
public enum EditKind {
    /** Same title and near-same text: Jaccard ≥ 0.9. */
    IDENTICAL("identical"),
    /** Near-same text (Jaccard ≥ 0.9) under a different title. */
    HEADLINE_CHANGED("headline_changed"),
    /** Different first paragraph, otherwise a copy of about the same length. */
    LEDE_REWRITTEN("lede_rewritten"),
    /** Shorter (under 90% of the origin's shingles) and mostly contained in it. */
    TRIMMED("trimmed"),
    /** Longer (over 110%) and containing most of the origin: added intro, context or site text. */
    EXTENDED("extended"),
    /** A copy by the verification thresholds, changed in some other way. */
    OTHER("other");

    private final String code;

    EditKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /**
     * @param shared shingles in common with the origin
     */
    public static EditKind classify(int sizeCopy, int sizeOrigin, int shared, boolean sameTitle, boolean sameLede) {
        double j = Similarity.jaccard(shared, sizeCopy, sizeOrigin);
        double c = Similarity.containment(shared, sizeCopy, sizeOrigin);
        double ratio = sizeOrigin == 0 ? 1.0 : (double) sizeCopy / sizeOrigin;
        if (j >= 0.9) {
            return sameTitle ? IDENTICAL : HEADLINE_CHANGED;
        }
        if (!sameLede && ratio >= 0.8 && ratio <= 1.25 && c >= 0.6) {
            return LEDE_REWRITTEN;
        }
        if (ratio < 0.9 && c >= 0.8) {
            return TRIMMED;
        }
        if (ratio > 1.1 && c >= 0.8) {
            return EXTENDED;
        }
        return OTHER;
    }
}
