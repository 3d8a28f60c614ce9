package io.wiretrace.core.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTokenizerTest {

    private final TopicTokenizer plain = new TopicTokenizer("none", List.of(), false, 1, 1);
    private final TopicTokenizer english = new TopicTokenizer("en", List.of(), true, 1, 1);

    @Test
    void apostrophesPossessivesAndCase() {
        assertEquals(List.of("mayor", "budget", "dont", "wont", "rocknroll"),
                TopicTokenizer.words("The Mayor's budget: don't, won\u2019t rock'n'roll", true).subList(1, 6));
    }

    @Test
    void hyphensSplitUnlessANumberIsPart() {
        assertEquals(List.of("well", "known", "covid-19", "f-16", "jets"),
                TopicTokenizer.words("well-known COVID-19 F-16 jets", true));
    }

    @Test
    void numbersUrlsEmailsAndHandlesAreDropped() {
        assertEquals(List.of("shares", "rose", "in", "see", "and", "ask", "or"),
                TopicTokenizer.words("Shares rose 3.5% (1,000 in 1987-88), see https://x.example/a?b=1 "
                        + "and www.example.org, ask desk@example.com or @newsdesk", true));
    }

    @Test
    void bylinesAndCreditTrailersAreDroppedFromBodiesOnly() {
        String body = "By Jane Doe\nFloods hit the valley.\nReporting by Sam Roe; Editing by Kim Poe";
        assertEquals(List.of("floods", "hit", "the", "valley"), TopicTokenizer.words(body, true));
        // A sentence that merely starts with "By" is text.
        assertTrue(TopicTokenizer.words("By the end of the week turnout had doubled across the region and beyond", true)
                .contains("turnout"));
        assertTrue(TopicTokenizer.words("By Jane Doe", false).contains("jane"));
    }

    @Test
    void cjkRunsBecomeBigrams() {
        assertEquals(List.of("東京", "京都", "tokyo"), TopicTokenizer.words("東京都 Tokyo", true));
    }

    @Test
    void stopWordsStemmingAndTitleWeight() {
        List<String> t = english.terms("Elections", "The elections were said to be close, Reuters reported on Monday.");
        assertEquals(List.of("election", "election", "close"), t);
        TopicTokenizer titleTwice = new TopicTokenizer("en", List.of("close"), true, 1, 2);
        assertEquals(List.of("vote", "vote", "election"), titleTwice.terms("Vote", "Elections close"));
    }

    @Test
    void ngramsFormOverRemainingWords() {
        TopicTokenizer bigrams = new TopicTokenizer("en", List.of(), false, 2, 0);
        assertEquals(List.of("central", "bank", "rates", "central bank", "bank rates"),
                bigrams.terms("ignored", "The central bank and the rates"));
    }

    @Test
    void fullWidthAndCompatibilityFormsFold() {
        assertEquals(List.of("nasa"), plain.terms(null, "ＮＡＳＡ"));
    }

    @Test
    void stemmerFoldsPluralsButKeepsRealWords() {
        assertEquals("election", LightStemmer.stem("elections"));
        assertEquals("policy", LightStemmer.stem("policies"));
        assertEquals("news", LightStemmer.stem("news"));
        assertEquals("crisis", LightStemmer.stem("crisis"));
        assertEquals("virus", LightStemmer.stem("virus"));
        assertEquals("glass", LightStemmer.stem("glass"));
        assertFalse(LightStemmer.stem("gas").isEmpty());
    }
}
