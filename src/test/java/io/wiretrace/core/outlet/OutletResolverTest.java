package io.wiretrace.core.outlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OutletResolverTest {

    private final OutletResolver plain = new OutletResolver(Map.of(), Map.of());

    @Test
    void domainsAreFoldedAndNamesSlugged() {
        assertEquals(new OutletResolver.Outlet("alarabiya.net", "alarabiya.net", null, null), plain.resolve("www.AlArabiya.net", null));
        assertEquals("alarabiya.net", plain.resolve("https://m.alarabiya.net/news/1", null).key());
        assertEquals("bbc.co.uk", plain.resolve("amp.bbc.co.uk", null).key());
        assertEquals(new OutletResolver.Outlet("asharq-al-awsat", "Asharq Al-Awsat", null, null), plain.resolve(" Asharq Al-Awsat ", null));
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
        assertEquals(new OutletResolver.Outlet("apnews.com", "Associated Press", null, null), r.resolve("Associated Press", null));
        assertEquals(new OutletResolver.Outlet("apnews.com", "Associated Press", null, null), r.resolve("www.apnews.com", null));
        assertEquals("apnews.com", r.resolve("AP", null).key());
    }

    @Test
    void hostsFoldToTheirRegistrableDomain() {
        assertEquals("bbc.co.uk", plain.resolve(null, "https://www.bbc.co.uk/news/x").key());
        assertEquals("bbc.co.uk", plain.resolve("news.bbc.co.uk", null).key());
        assertEquals("example.com.au", plain.resolve(null, "https://sport.m.example.com.au/a").key());
        // A private suffix (blogs, hosted sites) keeps one outlet per site.
        assertEquals("harbourwatch.blogspot.com", plain.resolve(null, "https://harbourwatch.blogspot.com/2026/04/a.html").key());
        // Under no public suffix: the folded host.
        assertEquals("news.eastport.example", plain.resolve(null, "https://www.news.eastport.example/a").key());
        assertEquals("10.0.0.7", plain.resolve(null, "http://10.0.0.7/a").key());
    }

    @Test
    void theRegistryNamesOutletsByDomainAndAliasesStillWin() throws Exception {
        String csv = "# test registry\ndomain,outlet,name,country,owner\n"
                + "eastport.example,eastport-gazette,Eastport Gazette,GB,\n"
                + "www.kestrel.example,kestrel.example,\"Kestrel Bay Record, The\",US,Harbour Media\n";
        OutletRegistry registry = OutletRegistry.read(new java.io.ByteArrayInputStream(csv.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "test");
        assertEquals(2, registry.size());
        OutletResolver r = new OutletResolver(Map.of("ferry.example", "eastport-gazette"), Map.of(), registry);
        assertEquals(new OutletResolver.Outlet("eastport-gazette", "Eastport Gazette", "GB", null),
                r.resolve(null, "https://m.sport.eastport.example/story"), "a parent domain's entry");
        assertEquals(new OutletResolver.Outlet("kestrel.example", "Kestrel Bay Record, The", "US", "Harbour Media"),
                r.resolve("kestrel.example", null), "the registry's domain is folded too");
        assertEquals(new OutletResolver.Outlet("eastport-gazette", "ferry.example", null, null),
                r.resolve(null, "https://ferry.example/a"), "an alias to a key the registry does not list as a domain: no registry facts");
        assertEquals("northgate.example", r.resolve(null, "https://northgate.example/a").key());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> OutletRegistry.read(
                new java.io.ByteArrayInputStream("domain,outlet\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "bad"));
    }

    @Test
    void aRegistryMayNameEachOutletsTitleSource() throws Exception {
        String csv = "domain,outlet,name,country,owner,title_source\n"
                + "eastport.example,eastport.example,Eastport Gazette,GB,,og:title\n"
                + "kestrel.example,kestrel.example,Kestrel Bote,DE,,HEADLINE\n"
                + "westhaven.example,westhaven.example,Westhaven Herald,GB,,\n";
        OutletRegistry registry = OutletRegistry.read(new java.io.ByteArrayInputStream(csv.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), "test");
        assertEquals(io.wiretrace.core.html.TitleSource.OG_TITLE, registry.titleSource("https://www.sport.eastport.example/a"));
        assertEquals(io.wiretrace.core.html.TitleSource.HEADLINE, registry.titleSource("https://kestrel.example/b"));
        assertEquals(null, registry.titleSource("https://westhaven.example/c"));
        assertEquals(null, registry.titleSource(null));
        assertEquals(2, registry.withTitleSources().size(), "only the entries extraction needs");
        assertEquals("Eastport Gazette", new OutletResolver(Map.of(), Map.of(), registry)
                .resolve(null, "https://eastport.example/a").name(), "the extra column leaves the outlet facts alone");
        IllegalArgumentException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> OutletRegistry.read(new java.io.ByteArrayInputStream((csv + "x.example,x.example,X,,,subtitle\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "test"));
        assertEquals("Invalid outlet registry test: line 5: Invalid title_source 'subtitle': must be one of h1, og:title, "
                + "twitter:title, headline, title or blank", bad.getMessage());
    }

    @Test
    void theBuiltinRegistryLoadsAndKnowsOwners() {
        OutletRegistry builtin = OutletRegistry.builtin();
        assertTrue(builtin.size() > 5000, "entries: " + builtin.size());
        OutletResolver r = new OutletResolver(Map.of(), Map.of(), builtin);
        assertEquals("AT", r.resolve(null, "https://www.orf.at/stories/1").country());
        assertEquals("Sinclair", r.resolve(null, "https://www.22thepoint.com/news").owner());
    }
}
