package io.wiretrace.core.syndication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PageLinesTest {

    @Test
    void aLineKeyIgnoresCaseQuotesPunctuationAndSpacing() {
        assertEquals(PageLines.key("Share this article"), PageLines.key("  SHARE  this article! "));
        assertEquals(PageLines.key("Reader’s guide — today"), PageLines.key("Reader's guide - today"));
        assertNotEquals(PageLines.key("Share this article"), PageLines.key("Share this story"));
        assertEquals(0L, PageLines.key("  — * —  "));
        assertEquals(0L, PageLines.key(""));
    }

    @Test
    void theKeyTellsAParagraphFromAShortLine() {
        assertFalse(PageLines.isParagraph(PageLines.key("Sign up for our newsletter")));
        assertTrue(PageLines.isParagraph(PageLines.key("Sign up for our newsletter and get the briefing every day")));
        assertEquals(8, PageLines.PARAGRAPH_WORDS);
        assertFalse(PageLines.isParagraph(PageLines.key("one two three four five six seven")));
        assertTrue(PageLines.isParagraph(PageLines.key("one two three four five six seven eight")));
    }

    @Test
    void keysAreTheDistinctSortedKeysOfLinesWithWords() {
        long[] keys = PageLines.keys("Home\n\nThe story begins here.\nHome\n---\nThe end.");
        assertEquals(3, keys.length);
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, keys);
        assertTrue(Arrays.binarySearch(keys, PageLines.key("home")) >= 0);
        assertEquals(0, PageLines.keys("").length);
        assertArrayEquals(new long[]{PageLines.key("Home")}, PageLines.keys("Home\nThe story begins here.", 5));
        assertEquals(0, PageLines.keys(null).length);
    }

    @Test
    void withoutDropsTheTemplateLinesAndKeepsTheRestInPlace() {
        String page = "Home\nShare\n\nFirst paragraph of the story.\n\nShare\nSecond paragraph.\n© Example Media";
        // "©" is not a word character, so the notice's key is that of "Example Media".
        long[] drop = {PageLines.key("home"), PageLines.key("SHARE"), PageLines.key("Example Media")};
        Arrays.sort(drop);
        assertEquals("\nFirst paragraph of the story.\n\nSecond paragraph.", PageLines.without(page, drop));
        assertSame(page, PageLines.without(page, new long[0]));
        assertSame(page, PageLines.without(page, null));
        assertEquals("a\n", PageLines.without("a\nHome\n", new long[]{PageLines.key("home")}));
    }

    @Test
    void theMainLineIsTheLongest() {
        assertEquals(PageLines.key("the longest line of them all"),
                PageLines.mainLineKey("Home\nthe longest line of them all\nshort"));
        assertEquals(0L, PageLines.mainLineKey(""));
    }

    @Test
    void featuresLeaveTheTemplateOutOfMatchingButNotOutOfTheWireCredit() {
        ArticleFeatures features = new ArticleFeatures(new Shingler(Shingler.Unit.WORD, 5), new MinHashSketcher(128));
        String body = "The harbour board approved the new ferry timetable on Monday after a long debate.\n\n"
                + "Services to the outer islands will run twice a day from the first week of spring.";
        String chrome = "Menu\nShare on social media\nCopyright 2026 The Associated Press. All rights reserved.";
        String page = body + "\n" + chrome;
        long[] template = {PageLines.key("Menu"), PageLines.key("Share on social media"),
                PageLines.key("Copyright 2026 The Associated Press. All rights reserved.")};
        Arrays.sort(template);
        ArticleFeatures.Features with = features.compute("t", page, template);
        ArticleFeatures.Features bodyOnly = features.compute("t", body);
        assertArrayEquals(bodyOnly.shingleSet(), with.shingleSet());
        assertEquals(body.length(), with.contentChars());
        assertEquals("AP", with.wireCredit());
        assertEquals(page.length(), features.compute("t", page).contentChars());
    }
}
