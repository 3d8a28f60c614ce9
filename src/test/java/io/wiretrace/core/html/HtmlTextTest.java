package io.wiretrace.core.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void sameNormalizedAgreesWithNormalisingBothTexts() {
        assertTrue(HtmlText.sameNormalized("  Electric ferry -- to start, trials!  ", "electric ferry to start trials"));
        assertFalse(HtmlText.sameNormalized("Electric ferry to start trials next month", "electric ferry to start trials"));
        assertFalse(HtmlText.sameNormalized("Electric ferry", "electric ferry to start trials"));
        assertTrue(HtmlText.sameNormalized("Fähre «startet» Probefahrten", HtmlText.norm("fähre startet probefahrten")));
        // Random texts over an alphabet of letters, digits, ASCII punctuation, white space, control
        // characters and a few beyond ASCII, against norm(a).equals(norm(b)), half of the pairs equal
        // once normalised.
        String alphabet = "aAbBzZ09 \t\n\r\u000B\f\u001F\u0001.,-–'\"!?$+|~_()[]{}é İΣς\u00A0\u2003";
        SplittableRandom random = new SplittableRandom(19);
        int equal = 0;
        for (int n = 0; n < 20_000; n++) {
            String a = randomText(random, alphabet);
            String b = random.nextBoolean() ? a.toUpperCase(java.util.Locale.ROOT).replace(' ', ',') : randomText(random, alphabet);
            boolean expected = HtmlText.norm(a).equals(HtmlText.norm(b));
            equal += expected ? 1 : 0;
            assertEquals(expected, HtmlText.sameNormalized(a, HtmlText.norm(b)), () -> "[" + a + "] vs [" + b + "]");
        }
        assertTrue(equal > 1_000, "equal pairs " + equal);
    }

    private static String randomText(SplittableRandom random, String alphabet) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
