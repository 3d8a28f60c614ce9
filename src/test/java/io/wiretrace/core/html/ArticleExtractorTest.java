package io.wiretrace.core.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wiretrace.core.eval.TokenOverlap;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pages of our own, shaped like real news pages: chrome around an article, metadata in several places. */
class ArticleExtractorTest {

    private static final String P1 = "The harbour authority of Eastport confirmed on Tuesday that the new electric ferry "
            + "will begin trial runs next month, after two years of delays, rising costs and a lengthy dispute with the builder.";
    private static final String P2 = "Officials said the vessel, which carries up to 300 passengers, had passed its final "
            + "safety inspection, and that crews had completed their training on the charging equipment at both terminals.";
    private static final String H2 = "What changes for commuters";
    private static final String P3 = "Commuters on the northern route can expect a shorter crossing, according to the "
            + "timetable published alongside the announcement, although fares will stay the same until the spring review.";
    private static final String QUOTE = "“We have waited a long time for this, and the crews are ready,” the harbour master said in a statement.";

    private static String page(String head, String url) {
        return "<!doctype html><html lang=\"en-GB\"><head>" + head + "</head><body>"
                + "<header class=\"site-header\"><a href=\"/\">Eastport Gazette</a><nav><a href=\"/news\">News</a>"
                + "<a href=\"/sport\">Sport</a></nav></header>"
                + "<div id=\"cookie-consent\"><p>We use cookies to improve your experience on our website. Accept all cookies?</p></div>"
                + "<main><article class=\"story\"><h1>Electric ferry to start trials next month</h1>"
                + "<div class=\"share-bar\"><a href=\"#\">Share on social media</a></div>"
                + "<div class=\"story-body\"><p>" + P1 + "</p><p>" + P2 + "</p></div>"
                + "<div class=\"ad-slot\"><p>Advertisement — subscribe to our newsletter for the best offers of the week.</p></div>"
                + "<div class=\"story-body\"><h2>" + H2 + "</h2><p>" + P3 + "</p><blockquote><p>" + QUOTE + "</p></blockquote></div>"
                + "</article>"
                + "<section class=\"related-articles\"><h2>Related</h2><ul>"
                + "<li><a href=\"/a\">Council approves the new budget for harbour repairs after a long debate on Monday</a></li>"
                + "<li><a href=\"/b\">Ferry operator announces a summer timetable with more frequent crossings</a></li></ul></section>"
                + "<div class=\"comments\"><p>Great news, finally! I have been waiting for this ferry since the first announcement.</p></div>"
                + "</main><footer><p>Copyright Eastport Gazette. All rights reserved. Contact us for licensing.</p></footer>"
                + "<script>var tracking = 'this is not text';</script></body></html>";
    }

    private static String titleOf(String html, String url) {
        return new ArticleExtractor().extract(html, url).title();
    }

    @Test
    void articleTextMetadataAndNoChrome() {
        String head = "<title>Electric ferry to start trials next month | Eastport Gazette</title>"
                + "<meta property=\"og:site_name\" content=\"Eastport Gazette\">"
                + "<meta property=\"og:title\" content=\"Electric ferry to start trials next month\">"
                + "<link rel=\"canonical\" href=\"https://eastport.example/news/ferry-trials\">"
                + "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\","
                + "\"name\":\"Eastport Gazette\"},{\"@type\":\"NewsArticle\",\"headline\":\"Electric ferry to start trials next month\","
                + "\"datePublished\":\"2026-04-15T08:30:00+02:00\"}]}</script>";
        ArticleExtractor.Extracted a = new ArticleExtractor().extract(page(head, null), "https://eastport.example/amp/ferry?x=1");
        assertEquals("Electric ferry to start trials next month", a.title());
        assertEquals(Instant.parse("2026-04-15T06:30:00Z"), a.publishedAt());
        assertEquals("https://eastport.example/news/ferry-trials", a.canonicalUrl());
        assertEquals("en", a.language());
        assertEquals("Eastport Gazette", a.siteName());
        assertEquals(String.join("\n\n", P1, P2, H2, P3, QUOTE), a.text(), "all article blocks, in order, nothing else");
    }

    @Test
    void withoutDeclaredMetadataTheVisiblePageAndTheUrlAreUsed() {
        String head = "<title>Electric ferry to start trials next month - Eastport Gazette</title>";
        ArticleExtractor.Extracted a = new ArticleExtractor().extract(page(head, null),
                "https://eastport.example/2026/04/15/ferry-trials");
        assertEquals("Electric ferry to start trials next month", a.title());
        assertEquals(Instant.parse("2026-04-15T00:00:00Z"), a.publishedAt(), "date from the URL");
        assertEquals("https://eastport.example/2026/04/15/ferry-trials", a.canonicalUrl());
        TokenOverlap.Score s = TokenOverlap.score(a.text(), String.join(" ", P1, P2, H2, P3, QUOTE));
        assertEquals(1.0, s.f1(), 1e-9);
    }

    @Test
    void aKickerSetInsideTheHeadlineIsNotPartOfTheTitle() {
        String html = "<html><head><title>Electric ferry to start next month - Eastport Gazette</title></head>"
                + "<body><article><h1><span class=\"headline-kicker\">Ferry trials:</span> "
                + "<span>Electric ferry to start next month</span></h1><p>" + P1 + "</p></article></body></html>";
        assertEquals("Electric ferry to start next month", titleOf(html, null));
    }

    @Test
    void aHeadlinesOwnDashAndClosingQuoteStayOnlyALeadingKickerGoes() {
        // A Scandinavian quote headline starts with a dash; a flagged element at the end is the headline's own.
        String quote = "<html><head><meta property=\"og:title\" content=\"- The fear will grow\"></head><body><article>"
                + "<h1>- The fear will grow</h1><p>" + P1 + "</p></article></body></html>";
        assertEquals("- The fear will grow", titleOf(quote, null));
        String trailing = "<html><head><meta property=\"og:title\" content=\"Surprise at the ferry terminal: – Absurd\">"
                + "</head><body><article><h1>Surprise at the ferry terminal: <span class=\"label\">– Absurd</span></h1>"
                + "<p>" + P1 + "</p></article></body></html>";
        assertEquals("Surprise at the ferry terminal: – Absurd", titleOf(trailing, null));
    }

    @Test
    void aSiteSuffixIsKnownByTheHostNameAndAHeadlinesOwnTailIsKept() {
        String named = "<html><head><meta property=\"og:title\" content=\"„Tireless work“ - The New Eastport Gazette Online\">"
                + "</head><body><article><h1>„Tireless work“</h1><p>" + P1 + "</p></article></body></html>";
        assertEquals("„Tireless work“", titleOf(named, "https://www.eastportgazette.example/a/1"),
                "the suffix names the host, so the h1 is confirmed");
        // The short tail after the dash is part of the visible headline, not a site name.
        String tail = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
                + "\"Flood inquiry: Two resign - and many open questions\"}</script></head><body><article>"
                + "<h1><span class=\"topline\">Flood inquiry</span> Two resign - and many open questions</h1>"
                + "<p>" + P1 + "</p></article></body></html>";
        assertEquals("Flood inquiry: Two resign - and many open questions",
                titleOf(tail, "https://eastport.example/a/2"));
    }

    @Test
    void aNamedTitleSourceWinsWhenThePageHasIt() {
        String html = "<html><head><meta property=\"og:title\" content=\"Ferry trials: what commuters need to know\">"
                + "<title>Electric ferry to start trials next month - Eastport Gazette</title></head><body><article>"
                + "<h1>Electric ferry to start trials next month</h1><p>" + P1 + "</p></article></body></html>";
        ArticleExtractor x = new ArticleExtractor();
        assertEquals("Electric ferry to start trials next month", x.extract(html, null).title(), "generic: the confirmed h1");
        assertEquals("Ferry trials: what commuters need to know", x.extract(html, null, TitleSource.OG_TITLE).title());
        assertEquals("Electric ferry to start trials next month", x.extract(html, null, TitleSource.TITLE).title(),
                "<title>, site name stripped");
        assertEquals("Electric ferry to start trials next month", x.extract(html, null, TitleSource.HEADLINE).title(),
                "the page declares no JSON-LD headline: the generic rule");
    }

    @Test
    void aConfirmedH1JoinedWithoutItsSpaceTakesTheDeclaredSpelling() {
        String html = "<html><head><meta property=\"og:title\" content=\"Police catch two suspects: jewellery recovered\">"
                + "</head><body><article><h1>Police catch two suspects:<span>jewellery recovered</span></h1><p>" + P1
                + "</p></article></body></html>";
        assertEquals("Police catch two suspects: jewellery recovered", titleOf(html, null));
    }

    @Test
    void aFactChecksClaimReviewAndAColonSpelledPublishedTimeGiveTheDate() {
        String body = "<body><article><h1>Ferry claim checked</h1><p>" + P1 + "</p></article></body></html>";
        String review = "<html><head><script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"ClaimReview\","
                + "\"itemReviewed\":{\"@type\":\"Claim\",\"datePublished\":\"2026-05-07\"},"
                + "\"datePublished\":\"2026-05-13 15:44\"}]}</script></head>" + body;
        assertEquals(Instant.parse("2026-05-13T15:44:00Z"), new ArticleExtractor().extract(review, null).publishedAt(),
                "the review's own date, not the reviewed claim's");
        String meta = "<html><head><meta name=\"article:published:time\" content=\"2024-10-23T15:48:15+00:00\"></head>" + body;
        assertEquals(Instant.parse("2024-10-23T15:48:15Z"), new ArticleExtractor().extract(meta, null).publishedAt());
    }

    @Test
    void theArticlesH1WinsOverALogoH1EarlierInThePage() {
        String html = "<html><head></head><body><header><h1><a href=\"/\">Eastport Gazette</a></h1></header><main><article>"
                + "<h1>Electric ferry to start trials next month</h1><p>" + P1 + "</p></article></main></body></html>";
        assertEquals("Electric ferry to start trials next month", titleOf(html, null));
    }

    @Test
    void contentStreamedByReactInAHiddenBoundaryIsThePage() {
        String html = "<html><head><title>Ferry trials</title></head><body><div hidden id=\"S:1a\"><article><h1>Ferry trials</h1>"
                + "<p>" + P1 + "</p><p>" + P2 + "</p></article></div><div hidden><p>" + P3 + "</p></div></body></html>";
        assertEquals(String.join("\n\n", P1, P2), new ArticleExtractor().extract(html, null).text());
    }

    @Test
    void pagesWithoutAnArticleGiveEmptyTextNotAnError() {
        ArticleExtractor.Extracted a = new ArticleExtractor().extract(
                "<html><body><nav><a href=/>Home</a></nav><p>Short.</p></body></html>", null);
        assertEquals("", a.text());
        assertNull(a.publishedAt());
        assertFalse(a.text().contains("Home"));
        ArticleExtractor.Extracted broken = new ArticleExtractor().extract("<<<>>\u0000 not html at all", null);
        assertTrue(broken.text().length() < 40);
    }

    @Test
    void tokenOverlapCountsMultiplicity() {
        assertEquals(1.0, TokenOverlap.score("A b, c!", "a B c").f1(), 1e-9);
        TokenOverlap.Score doubled = TokenOverlap.score("a b a b", "a b");
        assertEquals(0.5, doubled.precision(), 1e-9);
        assertEquals(1.0, doubled.recall(), 1e-9);
        assertEquals(0.0, TokenOverlap.score("", "a").f1(), 1e-9);
    }

    @Test
    void aFormWrappingThePageAndLayoutBoxesNamedAfterASidebarKeepTheArticle() {
        // ASP.NET WebForms wrap everything in one form; a BEM layout box named "sidebar-grid" holds the
        // article, and the print wrapper ("PrintThis") marks what to print, not a print button.
        String html = "<html><body><form id=\"aspnetForm\"><nav><a href=\"/\">Home</a></nav>"
                + "<div class=\"sidebar-grid sidebar-grid--narrow\"><div class=\"PrintThis\"><div>" + P1 + "<br><br>" + P2
                + "</div></div><aside class=\"sidebar\"><p>Most read: the ten best harbour walks of the season, ranked by readers.</p>"
                + "</aside></div></form><form class=\"signup\"><p>Get the morning briefing from the Eastport Gazette in your inbox</p>"
                + "</form></body></html>";
        assertEquals(P1 + " " + P2, new ArticleExtractor().extract(html, null).text().replaceAll("\\s+", " "));
    }

    @Test
    void aScriptRenderedPageFallsBackToTheDeclaredArticleBody() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Ferry\","
                + "\"articleBody\":\"" + P1 + "\\n" + P2 + "\"}</script></head><body><div id=\"app\"><p>Loading the story, please wait"
                + " a moment while the page renders.</p></div></body></html>";
        assertEquals(P1 + "\n\n" + P2, new ArticleExtractor().extract(html, null).text());
        // With the text in the markup, the markup wins.
        String rendered = html.replace("<p>Loading", "<p>" + P1 + "</p><p>" + P2 + "</p><p>Loading");
        assertTrue(new ArticleExtractor().extract(rendered, null).text().startsWith(P1 + "\n\n" + P2));
    }

    @Test
    void theDeclaredLanguageIsAnIsoCodeOrNothing() {
        ArticleExtractor x = new ArticleExtractor();
        assertEquals("nb", x.extract("<html lang=\"nb-NO\"><body><p>" + P1 + "</p></body></html>", null).language());
        assertEquals("de", x.extract("<html><head><meta property=\"og:locale\" content=\"de_DE\"></head><body><p>" + P1
                + "</p></body></html>", null).language());
        assertNull(x.extract("<html lang=\"utf-8\"><body><p>" + P1 + "</p></body></html>", null).language());
        assertNull(x.extract("<html lang=\"xx\"><body><p>" + P1 + "</p></body></html>", null).language());
    }

    @Test
    void looseTextBetweenLineBreaksIsTheBodyOfAnOldStylePage() {
        // 2000s markup: a table layout, the body loose in a span and a div, paragraphs split by
        // <br><br>, an image box beside it; a caption in a figure and a hidden paywall teaser of loose
        // text that are not the body.
        String html = "<html><head><title>Electric ferry to start trials next month</title></head><body><table><tr>"
                + "<td><a href=\"/\">Home</a> | <a href=\"/news\">News</a> | <a href=\"/sport\">Sport</a></td>"
                + "<td><span class=\"article_title\">Electric ferry to start trials next month</span><br>"
                + "<div class=\"byline\">By Anna Example</div>"
                + "<span class=\"article_text\">" + P1 + "<br /><br />" + P2 + "<br><br></span>"
                + "<div class=\"text\"><div class=\"imgbox\"><img src=\"x.jpg\"></div><!-- ad_section_start -->"
                + P3 + " <b>" + QUOTE + "</b></div>"
                + "<figure><img src=\"y.jpg\"><figcaption>The new ferry moored at the northern terminal on Monday, "
                + "photographed by a staff photographer.</figcaption></figure>"
                + "<div class=\"o-paywall\" style=\"display:none\">Subscribe to read the rest of this article about the "
                + "ferry and every other story on our website, for a small monthly fee that you can cancel at any time.</div>"
                + "</td></tr></table></body></html>";
        ArticleExtractor.Extracted a = new ArticleExtractor().extract(html, "https://eastport.example/news/1");
        // The line breaks inside the span do not split it (splitting there cost l3s_gn1 0.001).
        assertEquals(String.join("\n\n", P1 + " " + P2, P3 + " " + QUOTE), a.text());
    }
    @Test
    void aBodyInAFontCutByEmptyParagraphsIsLooseText() {
        // 2008 markup: the whole body is text inside one <font>, paragraphs separated by <p></p>.
        String html = "<html><body><table><tr><td><h1>Electric ferry to start trials</h1></td></tr><tr><td>"
                + "<div align=\"justify\"><font size=\"2\">" + P1 + " <p></p>" + P2 + " <p></p>" + P3 + "</font></div>"
                + "</td></tr></table></body></html>";
        ArticleExtractor.Extracted a = new ArticleExtractor().extract(html, "https://eastport.example/news/2");
        assertEquals(String.join("\n\n", P1, P2, P3), a.text());
    }

    @Test
    void shortLinesBeforeAndAfterTheProseAreNotTheBodyButThoseBetweenItsParagraphsAre() {
        // A dateline and a byline before the first paragraph, a credit and "more" lines after the
        // last, all in the article's own container; a sub-heading and a short quote between
        // paragraphs stay.
        String html = "<html><body><div class=\"story\">"
                + "<p>Tue Jan 8, 2008 7:35am EST</p><p>By Anna Example</p>"
                + "<p>" + P1 + "</p><h3>Crossing times</h3><p>" + P2 + "</p><p>“It is ready,” she said.</p>"
                + "<p>" + P3 + "</p><p>Information from: Eastport Gazette</p><p>Also on Eastport News</p>"
                + "<p>Editor's choice</p></div></body></html>";
        ArticleExtractor.Extracted a = new ArticleExtractor().extract(html, "https://eastport.example/news/3");
        assertEquals(String.join("\n\n", P1, "Crossing times", P2, "“It is ready,” she said.", P3), a.text());
    }
    @Test
    void withoutDeclaredHeadlinesTheTitleFindsTheVisibleHeadingItRepeatsNotTheSectionH1() {
        // 2008 markup: the h1 is the section, the headline a bold cell the <title> repeats between
        // the site's name and two section labels.
        String html = "<html><head><title>Eastport Gazette | Electric ferry to start trials next month - Transport - News"
                + "</title></head><body><h1>Latest News</h1><table><tr><td class=\"storyheadline\">Electric ferry to "
                + "start trials next month</td></tr><tr><td><p>" + P1 + "</p><p>" + P2 + "</p></td></tr></table></body></html>";
        assertEquals("Electric ferry to start trials next month",
                titleOf(html, "https://eastport.example/news/4"));
        // No heading repeats it: the <title> without its section and site parts, one at a time.
        String plain = html.replace("<td class=\"storyheadline\">Electric ferry to start trials next month</td>", "<td></td>")
                .replace("Eastport Gazette | ", "");
        assertEquals("Electric ferry to start trials next month",
                titleOf(plain, "https://eastport.example/news/4"));
    }

    @Test
    void aTitleWhoseEndTagIsLostDoesNotSwallowThePage() {
        // A spliced capture: the <title>'s end is gone, so an HTML5 parser reads the page as title.
        String html = "<html><head><title>Electric ferry to start trials<script src=\"x.js\"></script></head><body>"
                + "<h1>Electric ferry to start trials</h1><p>" + P1 + "</p><p>" + P2 + "</p>"
                + "<p>" + "Filler text of the page that makes the lost title run past a thousand characters. ".repeat(14)
                + "</p></body></html>";
        ArticleExtractor.Extracted a = new ArticleExtractor().extract(html, "https://eastport.example/news/5");
        assertEquals("Electric ferry to start trials", a.title());
        assertTrue(a.text().startsWith(P1), a.text());
        // A title in the body (older CMS templates) is still the title, and not body text.
        String inBody = "<html><body><br><title>Electric ferry to start trials</title><p>" + P1 + "</p></body></html>";
        ArticleExtractor.Extracted b = new ArticleExtractor().extract(inBody, null);
        assertEquals("Electric ferry to start trials", b.title());
        assertEquals(P1, b.text());
    }
    @Test
    void aConsentDialogANextStoryAndAHiddenBoxAreNotTheArticleHoweverLong() {
        String other = "The city council of Westport voted on Monday to extend the tram line to the new hospital, "
                + "a project that has been debated for more than a decade and will cost far more than planned. ";
        String consent = "We and our partners store and access information on your device, such as cookies, and "
                + "process personal data to personalise content and ads and to measure their performance. ";
        String html = "<html><body><main>"
                + "<article><h1>Electric ferry to start trials</h1><p>" + P1 + "</p><p>" + P2 + "</p></article>"
                + "<article><h2>Tram line to the hospital</h2><p>" + other + other + "</p><p>" + other + "</p></article>"
                + "</main><div id=\"onetrust-consent-sdk\"><p>" + consent.repeat(3) + "</p><p>" + consent.repeat(3)
                + "</p></div><section style=\"display:none;\"><p>" + other.repeat(4) + "</p></section></body></html>";
        ArticleExtractor.Extracted a = new ArticleExtractor().extract(html, "https://eastport.example/news/6");
        assertEquals(String.join("\n\n", P1, P2), a.text());
    }

    @Test
    void aTitleNamingOnlyTheSiteGivesWayToTheHeadlineAboveTheArticle() {
        // An older page: the <title> is the paper's name, the headline a bold line above the text
        // (no h1, nothing declared); the logo repeats the name and confirms nothing.
        String html = "<html><head><title>The Eastport Gazette</title></head><body>"
                + "<div class=\"logo\"><b>The Eastport Gazette</b></div><table><tr><td>"
                + "<b>Electric ferry to begin trial runs next month</b><br><i>Tuesday, 14 April</i>"
                + "<p>" + P1 + "</p><p>" + P2 + "</p></td></tr></table></body></html>";
        assertEquals("Electric ferry to begin trial runs next month", titleOf(html, null));
    }

    @Test
    void aSectionBeforeTheHeadlineInTheTitleGoesWhenThePageShowsTheHeadlineAlone() {
        // "Section: Headline | Section | Site": the visible headline, a short part of the whole
        // <title> but most of its longest part, is the title.
        String html = "<html><head><title>Transport: Electric ferry passes its sea trials | Transport | Eastport"
                + " Gazette Online</title></head><body><div class=\"story\"><h5>Electric ferry passes its sea"
                + " trials</h5><p>" + P1 + "</p><p>" + P2 + "</p></div></body></html>";
        assertEquals("Electric ferry passes its sea trials", titleOf(html, null));
    }

    @Test
    void aTeaserCardInsideALinkIsNotTheArticle() {
        // A card is one <a> around a headline and a summary long enough to pass for prose.
        String card = "<a href=\"/other\"><div><p>" + P3 + " " + P3 + "</p></div></a>";
        String html = "<html><body><div class=\"teasers\">" + card + card + card + card + "</div>"
                + "<div><p>" + P1 + "</p><p>" + P2 + "</p></div></body></html>";
        String text = new ArticleExtractor().extract(html, null).text();
        assertTrue(text.contains(P1.strip()) && !text.contains(P3.strip()), text);
    }

    @Test
    void aSiteOrSectionNameIsNoHeadlineWhateverRepeatsIt() {
        // The <title>'s longest part is the station's name (its host's), and the logo's h1 repeats
        // it: the headline is the heading above the article.
        String html = "<html><head><title>EASTPORT NEWS - Local Radio</title></head><body><h1>EASTPORT NEWS</h1>"
                + "<h3>Electric ferry to begin trial runs next month</h3><p>" + P1 + "</p><p>" + P2 + "</p></body></html>";
        assertEquals("Electric ferry to begin trial runs next month",
                titleOf(html, "https://www.eastport.example/headlines/index.asp?nid=7"));
        // A section the URL names ("…/localsportswire/…"), the <title> and the h1 both showing it.
        String section = html.replace("EASTPORT NEWS - Local Radio", "gazette.example - Local Sports Wire")
                .replace("<h1>EASTPORT NEWS</h1>", "<h1>Local Sports Wire</h1>");
        assertEquals("Electric ferry to begin trial runs next month",
                titleOf(section, "https://gazette.example/localsportswire/22.html?f=x"));
        // A one-word heading ("News") confirms no part of "Gazette > Transport > News".
        String oneWord = "<html><head><title>Gazette &gt; Transport &gt; News</title></head><body><b>News</b>"
                + "<h1>Harbour authority confirms ferry trial runs</h1><p>" + P1 + "</p><p>" + P2 + "</p></body></html>";
        assertEquals("Harbour authority confirms ferry trial runs",
                titleOf(oneWord, "https://gazette.example/transport/ferry-trials"));
    }

    @Test
    void aCaptureCutBeforeItsHeadTakesTheHeadlineLineAboveTheArticleNotACaptionOrAPanel() {
        // No <title> (or one a splice filled with markup), no h1: the headline is a plain element
        // above the article, with a photo caption between them; a "most read" panel has a heading.
        String body = "<div class=\"sh\">Ferry trials confirmed after delays</div><div class=\"cap\">The new ferry at "
                + "the harbour authority quay in Eastport</div><p>" + P1 + "</p><p>" + P2 + "</p>"
                + "<h4>MOST POPULAR STORIES NOW</h4><ul><li><a href=\"/x\">Council approves budget</a></li></ul>";
        assertEquals("Ferry trials confirmed after delays",
                titleOf("<html><body>" + body + "</body></html>", null));
        assertEquals("Ferry trials confirmed after delays", titleOf(
                "<html><head><title>Gazette NEWSi library--></title></head><body>" + body + "</body></html>", null));
    }

    @Test
    void siteAndSectionPartsGluedToTheHeadlineComeOffAHyphenInTheHeadlineStays() {
        String body = "</title></head><body><p>" + P1 + "</p><p>" + P2 + "</p></body></html>";
        String url = "https://eastportgazette.example/articleshow/2696265.cms";
        assertEquals("Electric ferry to start trials", titleOf("<html><head><title>"
                + "Electric ferry to start trials-Harbour News-Transport-The Eastport Gazette" + body, url));
        assertEquals("Electric ferry to start trials", titleOf("<html><head><title>"
                + "Electric ferry to start trials: Transport: EastportGazette" + body, url));
        assertEquals("Electric ferry to start trials", titleOf("<html><head><title>"
                + "Electric ferry to start trials / Online News @ EastportGazette" + body, url));
        // No site name at the end: a hyphen is the headline's own.
        assertEquals("Harbour authority picks an all-electric ferry for the Eastport-Westport route",
                titleOf("<html><head><title>Harbour authority picks an all-electric ferry for "
                        + "the Eastport-Westport route" + body, url));
    }

    @Test
    void theHeadingAboveTheArticleIsTheTitleWithoutItsDateAndEvenWhenItPuns() {
        // The <title> is the paper's name; the headline cell holds the date too.
        String dated = "<html><head><title>The Eastport Gazette</title></head><body><table><tr><td class=\"story-title\">"
                + "Electric ferry to begin trial runs <span class=\"news-date\">Thursday, 10 January, 2008, 09:14</span>"
                + "</td></tr></table><p>" + P1 + "</p><p>" + P2 + "</p></body></html>";
        assertEquals("Electric ferry to begin trial runs", titleOf(dated, null));
        // A punning headline shares no words with the text; it is still the heading right above it.
        String pun = "<html><head><title>The Eastport Gazette</title></head><body><h2>Sections</h2><ul><li><a href=\"/a\">"
                + "Sport</a></li></ul><h3>All aboard, at last</h3><p class=\"date\">Mon Jan 7</p><p>" + P1 + "</p><p>"
                + P2 + "</p><h3>Return to the top of the page</h3></body></html>";
        assertEquals("All aboard, at last", titleOf(pun, null));
    }

    @Test
    void aScriptSplicedIntoASrcAttributeDoesNotHideThePage() {
        // A capture glued a script's code into another's src: HTML5 parsing reads the rest of the
        // page as that tag's attributes and script text, up to a later </script>.
        String html = "<html><head><title>Electric ferry to start trials - Eastport Gazette</title>"
                + "<script type=\"text/javascript\" src=\"/te.backgroundColor='yellow';\n}\n//-->\n</script>\n"
                + "<script>var tabs = [\"tab1\",\"tab2\"]; function showTab(tab) { for (i = 0; i < tabs.length; i++) {} }"
                + "</script></head><body><h1>Electric ferry to start trials</h1><p>" + P1 + "</p><p>" + P2 + "</p>"
                + "<script>var done = true;</script></body></html>";
        ArticleExtractor.Extracted a = new ArticleExtractor().extract(html, "https://eastport.example/news/8");
        assertEquals(String.join("\n\n", P1, P2), a.text());
        assertEquals("Electric ferry to start trials", a.title());
    }

    @Test
    void aPageRenderedByScriptGivesTheArticleItsPayloadCarries() {
        // Next.js's streamed payload: the article's HTML in a JSON string literal, the markup empty.
        String payload = ("1a:T5c3,<div class=\"caption\"><p>The new ferry</p></div>$$ARTICLEAD$$<p class=\"editor-p\">"
                + P1 + "</p><p class=\"editor-p\">" + P2 + "</p>").replace("\"", "\\\"").replace("<", "\\u003c").replace(">", "\\u003e");
        String html = "<html><head><title>Electric ferry to start trials</title></head><body><main id=\"root\"></main>"
                + "<script>self.__next_f.push([1,\"" + payload + "\"])</script></body></html>";
        ArticleExtractor.Extracted a = new ArticleExtractor().extract(html, "https://eastport.example/news/9");
        assertTrue(a.text().contains(P1) && a.text().contains(P2), a.text());
        assertFalse(a.text().contains("u003c"), a.text());
    }
}
