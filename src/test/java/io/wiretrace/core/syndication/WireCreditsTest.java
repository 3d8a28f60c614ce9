package io.wiretrace.core.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireCreditsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "WASHINGTON (AP) \u2014 The Senate voted on Tuesday.|AP",
            "BEIRUT, Lebanon (Reuters) - Talks resumed.|Reuters",
            "(AFP) - Paris was quiet on Sunday.|AFP",
            "MOSCOW, June 3 (TASS) \u2013 The ministry said.|TASS",
            "By Reuters\\n\\nThe ministry said on Monday that talks would resume.|Reuters",
            "By The Associated Press\\n\\nLocal officials met.|AP",
            "Jane Doe, AFP\\n\\nThe summit opened.|AFP",
            "The ministry said talks would resume.\\n\\nReporting by John Smith; Editing by Jane Roe|Reuters",
            "The summit opened.\\n\\n\u00A9 Agence France-Presse|AFP",
            "The summit opened.\\n\\n\u2014 Reuters|Reuters",
            "Storms hit the coast.\\n\\nCopyright 2026 The Associated Press. All rights reserved.|AP",
            "Growth report.\\n\\nBEIJING (Xinhua) -- Growth slowed.|Xinhua",
            // Scraped pages: the credit after the site's chrome, or in the tail.
            "Home\\nNews\\nSports\\nShare this\\nEmail\\nPhoto: Jane Roe, AP\\nTOKYO (AP) \u2014 Markets fell.|AP",
            "Festival draws crowds\\nUpdated 6:35 PM\\nShare\\nTweet\\nThe Associated Press\\nThe festival opened.|AP",
            "Festival draws crowds\\nShare\\nBy Jane Roe, Associated Press\\nThe festival opened.|AP",
            "Festival news\\n(CNN)\\nThe festival opened on Friday.|CNN",
            "The festival opened.\\n\\nCopyright 2018 by CNN NewSource. All rights reserved.|CNN",
            "The festival opened.\\n\\nAssociated Press writers Jane Roe and John Doe contributed to this report.\\n\\nMore stories|AP"})
    void detectsCredits(String text, String expected) {
        assertEquals(expected == null || expected.isEmpty() ? null : expected, WireCredits.detect(text.replace("\\n", "\n")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Senior diplomats told Reuters in 2024 that relations were worse.",
            "The envoy told the state TASS news agency that talks would move.",
            "According to AFP, the summit was postponed.",
            "Reuters reported the deal on Monday, and AP later confirmed it.",
            "Apple shares rose 3% in early trading.",
            // Photo credits are not the article's credit.
            "Festival draws crowds\\nShare\\nPhoto: Jane Roe, AP\\nJohn Doe/Invision/AP\\nThe festival opened, organisers said.",
            "Festival draws crowds\\nHome\\nShare\\nAP\\nThe festival opened, organisers said.",
            "The festival opened.\\n\\n(AP Photo/Jane Roe)"})
    void mentionsAreNotCredits(String text) {
        assertNull(WireCredits.detect(text));
    }
}
