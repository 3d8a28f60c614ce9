package io.wiretrace.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void matchingFormIgnoresQuoteStyleCaseDashesAndWhitespace() {
        String a = "'The recovery of Russian-American relations is still a long way off,' Ambassador said.";
        String b = "\u201CThe Recovery of Russian\u2013American relations is  still a long way off,\u201D ambassador\u00A0said.";
        assertEquals(TextNormalizer.forMatching(a), TextNormalizer.forMatching(b));
    }

    @Test
    void matchingFormDropsZeroWidthAndFoldsCompatibilityForms() {
        assertEquals("office", TextNormalizer.forMatching("o\uFB03ce"));
        assertEquals("word", TextNormalizer.forMatching("wo\u200Brd"));
        assertEquals("a b", TextNormalizer.forMatching("  a\n\n\tb  "));
    }

    @Test
    void matchingFormKeepsWordsDistinct() {
        assertNotEquals(TextNormalizer.forMatching("talks in Moscow"), TextNormalizer.forMatching("talks in Istanbul"));
    }

    @Test
    void cleanKeepsOriginalTypographyButRemovesControls() {
        assertEquals("\u201CHi\u201D \u2014 there\n\nnext", TextNormalizer.clean("\u201CHi\u201D \u2014 th\u0000ere\r\n\r\nnext\u0007 "));
        assertEquals("a\nb", TextNormalizer.clean("a\rb"));
    }

    @Test
    void blankDetectsWhitespaceAndInvisibleOnlyText() {
        assertTrue(TextNormalizer.isBlank(null));
        assertTrue(TextNormalizer.isBlank(" \n\t\u00A0\u200B\u0000"));
        assertFalse(TextNormalizer.isBlank(" x "));
    }

    @Test
    void wordCountCountsLetterAndDigitRuns() {
        assertEquals(7, TextNormalizer.wordCount("Russia's envoy met 3 U.S officials"));
        assertEquals(2, TextNormalizer.wordCount("北京 talks"));
        assertEquals(0, TextNormalizer.wordCount(" -- "));
    }

    @Test
    void excerptEscapesLineBreaksAndTruncates() {
        assertEquals("a\\nb", TextNormalizer.excerpt("a\nb", 10));
        assertEquals("abcde…", TextNormalizer.excerpt("abcdefgh", 5));
        assertEquals("\\x00x", TextNormalizer.excerpt("\u0000x", 10));
    }

    @Test
    void articleIdsAreStableAndDependOnOutletAndText() {
        String id = ContentIds.articleId("reuters.com", "some text");
        assertEquals(32, id.length());
        assertEquals(id, ContentIds.articleId("reuters.com", "some text"));
        assertNotEquals(id, ContentIds.articleId("apnews.com", "some text"));
        assertNotEquals(id, ContentIds.articleId("reuters.com", "some text!"));
        // Separator is unambiguous: moving a boundary changes the id.
        assertNotEquals(ContentIds.hash("k", "ab", "c"), ContentIds.hash("k", "a", "bc"));
    }
}
