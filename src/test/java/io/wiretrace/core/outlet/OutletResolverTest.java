package io.wiretrace.core.outlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutletResolverTest {

    private final OutletResolver plain = new OutletResolver(Map.of(), Map.of());

    @Test
    void domainsAreFoldedAndNamesSlugged() {
        assertEquals(new OutletResolver.Outlet("alarabiya.net", "alarabiya.net"), plain.resolve("www.AlArabiya.net", null));
        assertEquals("alarabiya.net", plain.resolve("https://m.alarabiya.net/news/1", null).key());
        assertEquals("bbc.co.uk", plain.resolve("amp.bbc.co.uk", null).key());
        assertEquals(new OutletResolver.Outlet("asharq-al-awsat", "Asharq Al-Awsat"), plain.resolve(" Asharq Al-Awsat ", null));
        assertEquals("reuters", plain.resolve("Reuter’s", null).key());
        assertEquals("新华社", plain.resolve("新华社", null).key());
    }

    @Test
    void missingOutletFallsBackToTheUrlHostThenUnknown() {
        assertEquals("example.org", plain.resolve(null, "https://www.example.org/a/b").key());
        assertEquals("example.org", plain.resolve("  ", "http://example.org").key());
        assertEquals(OutletResolver.UNKNOWN, plain.resolve(null, null).key());
        assertEquals(OutletResolver.UNKNOWN, plain.resolve(null, "not a url at all").key());
    }

    @Test
    void aliasesAndDisplayNamesUnifyOneOutletSeenTwoWays() {
        OutletResolver r = new OutletResolver(Map.of("associated press", "apnews.com", "ap", "apnews.com"),
                Map.of("apnews.com", "Associated Press"));
        assertEquals(new OutletResolver.Outlet("apnews.com", "Associated Press"), r.resolve("Associated Press", null));
        assertEquals(new OutletResolver.Outlet("apnews.com", "Associated Press"), r.resolve("www.apnews.com", null));
        assertEquals("apnews.com", r.resolve("AP", null).key());
    }
}
