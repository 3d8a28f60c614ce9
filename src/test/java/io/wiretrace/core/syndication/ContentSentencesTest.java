package io.wiretrace.core.syndication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class ContentSentencesTest {

    private static final String S1 = "The harbour board approved the new ferry timetable on Monday after a long debate.";
    private static final String S2 = "Ferries will leave every forty minutes from the north quay starting in June.";
    private static final String S3 = "Residents of the island had asked for an earlier first crossing for many years.";
    private static final String S4 = "The board chair said the change would cost about 1.5 million crowns a year.";

    private static ContentSentences.Match compare(String a, String b) {
        return ContentSentences.compare(ContentSentences.of(a), ContentSentences.of(b), 0.7);
    }

    @Test
    void shortLinesAreNotContentSentences() {
        String page = "Home | News | Sport\nShare this article\nBy Ann Lee\n" + S1 + " " + S2 + "\nRead more";
        assertEquals(2, ContentSentences.count(ContentSentences.of(page)));
        assertEquals(0, ContentSentences.count(ContentSentences.of("Subscribe now. Share. Print this page.")));
        assertEquals(0, ContentSentences.count(ContentSentences.of(null)));
        // The end of the text ends the last sentence, also inside a word.
        assertArrayEquals(ContentSentences.of(S1), ContentSentences.of(S1.substring(0, S1.length() - 1)));
        assertEquals(1, ContentSentences.count(ContentSentences.of(S1.substring(0, S1.length() - 1))));

    }

    @Test
    void aFullStopBetweenDigitsDoesNotEndASentence() {
        assertEquals(1, ContentSentences.count(ContentSentences.of(S4)));
    }

    @Test
    void urduFullStopEndsASentence() {
        String urdu = "وزیر اعظم نے آج اسلام آباد میں ایک اہم اجلاس کی صدارت کی ۔"
                + " اجلاس میں ملک کی معاشی صورتحال پر تفصیل سے غور کیا گیا اور فیصلے ہوئے ۔";
        assertEquals(2, ContentSentences.count(ContentSentences.of(urdu)));
    }

    @Test
    void anEditedReorderedCopyMatchesEverySentence() {
        String origin = S1 + " " + S2 + " " + S3 + " " + S4;
        String edited = "Ferries will now leave every forty minutes from the north quay from June.\n\n"
                + "The harbour board approved a new ferry timetable on Monday after long debate.\n\n"
                + S4 + "\n\nResidents of the island had long asked for an earlier first crossing.";
        ContentSentences.Match m = compare(origin, edited);
        assertEquals(4, m.sentencesOfShorter());
        assertEquals(4, m.matched());
        assertEquals(1.0, m.share());
    }

    @Test
    void theShorterArticleDecides() {
        String stub = S1 + " " + S2;
        String full = S1 + " " + S2 + " " + S3 + " " + S4;
        assertEquals(new ContentSentences.Match(2, 2), compare(stub, full));
        assertEquals(new ContentSentences.Match(2, 2), compare(full, stub));
    }

    @Test
    void aSentenceWithOtherFiguresIsATemplateNotACopy() {
        String a = "The company said the dividend of 15 cents is payable April 1 to holders of record March 15.";
        String b = "The company said the dividend of 20 cents is payable May 2 to holders of record April 18.";
        assertEquals(0, compare(a, b).matched());
        assertEquals(1, compare(a, a).matched());
    }

    @Test
    void aRewrittenSentenceDoesNotMatch() {
        String a = S1;
        String b = "After a lengthy discussion on Monday, port officials signed off on revised boat schedules.";
        assertEquals(new ContentSentences.Match(0, 1), compare(a, b));
    }

    @Test
    void theCompactFormSurvivesABinaryColumn() {
        char[] form = ContentSentences.of(S1 + " " + S2 + " " + S4);
        assertArrayEquals(form, ContentSentences.fromBytes(ContentSentences.toBytes(form)));
    }

    @Test
    void anchorsAreTheOpeningSentencesKeyedByTheirWords() {
        String lede = "The council voted on Tuesday to close the old harbour bridge for repairs.";
        String second = "Engineers said the steel deck had rusted through in at least four places.";
        String third = "Traffic will be sent over the ring road until the work is done next spring.";
        long[] full = ContentSentences.anchors(ContentSentences.of(lede + " " + second + "\n" + third), 6);
        assertEquals(3, full.length);
        // A stub: its chrome lines are short (not content), its lede the same sentence in other case and spacing.
        long[] stub = ContentSentences.anchors(ContentSentences.of("Home | News\nSubscribe now\n"
                + lede.toUpperCase(java.util.Locale.ROOT).replace(" ", "  ") + "\nRead more"), 6);
        assertEquals(1, stub.length);
        assertEquals(full[0], stub[0]);
        assertEquals(2, ContentSentences.anchors(ContentSentences.of(lede + " " + second + " " + third), 2).length);
        assertEquals(0, ContentSentences.anchors(ContentSentences.of(lede), 0).length);
        // The same sentence twice is one anchor; another sentence another key.
        assertEquals(2, ContentSentences.anchors(ContentSentences.of(lede + " " + lede + " " + second), 6).length);
        assertNotEquals(full[0], full[1]);
    }
}
