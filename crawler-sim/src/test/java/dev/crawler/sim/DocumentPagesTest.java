package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Pages of the realistic profile: what jsoup sees in their bytes is what their model says. */
class DocumentPagesTest {

    private static final int PORT = 41234;
    private static final int HOSTS = 3;
    private static final int PAGES = 40;
    private final SimWeb web = new SimWeb(SimConfig.defaults().withHosts(HOSTS).withPages(PAGES).withRealisticPages(), PORT);

    /** An href and rel as written, or as jsoup reads them back ("" for no rel). */
    private record Written(String href, String rel) {
        static Written of(Link link) {
            return new Written(link.href(), link.rel() == null ? "" : link.rel());
        }
    }

    @Test
    void jsoupSeesExactlyTheLinksOfTheModelInDocumentOrder() {
        int links = 0;
        for (int h = 1; h <= HOSTS; h++) {
            for (int i = 0; i < PAGES; i++) {
                PageModel model = web.page(h, i);
                Document doc = parse(h, i);
                List<Written> seen = doc.select("a[href], area[href]").stream()
                        .map(e -> new Written(e.attr("href"), e.attr("rel"))).toList();
                assertThat(seen).as("site-%d page %d", h, i).isEqualTo(documentOrder(model));
                Element base = doc.selectFirst("base[href]");
                assertThat(base == null ? null : base.attr("href")).isEqualTo(model.baseHref());
                assertThat(doc.select("meta[name=robots][content=nofollow]").isEmpty()).isEqualTo(!model.metaNofollow());
                links += seen.size();
            }
        }
        assertThat(links).as("links checked").isGreaterThan(HOSTS * PAGES * 60);
    }

    @Test
    void decoysAreInTheBytesButNoParserSeesThem() {
        String html = body(1, 5);
        for (String decoy : web.page(1, 5).decoys()) {
            assertThat(html).contains(decoy);
        }
        assertThat(html).contains("<a href=\"" + InlineCode.DECOYS.get(3) + "\">", "<!-- removed: <a href=\"",
                "&lt;a href=&quot;" + DocumentRenderer.ESCAPED_DECOY);
        for (int i = 0; i < PAGES; i++) {
            assertThat(parse(2, i).select("[href*=/decoy/], [src*=/decoy/]")).isEmpty();
        }
        assertThat(web.page(1, 5).decoys()).hasSize(InlineCode.DECOYS.size() + 1);
    }

    @Test
    void textAndHrefsAreFullOfCharacterReferences() {
        StringBuilder all = new StringBuilder();
        for (int h = 1; h <= HOSTS; h++) {
            for (int i = 0; i < PAGES; i++) {
                all.append(body(h, i));
            }
        }
        assertThat(all).contains("&amp;lang=en", "&#38;lang=en", "&#x26;lang=en", "&#47;", "&#x2F;", "&eacute;", "&nbsp;",
                "&#8217;", "&#x201C;", "&middot;", "&copy;");
        // decoded, the query of the footer's print link is the model's
        assertThat(parse(1, 7).select("footer a").eachAttr("href")).contains("/?view=print&lang=en");
        assertThat(parse(1, 7).select("p").text()).contains("café", "it’s", "<div>");
    }

    @Test
    void theNavigationIsTheSameBytesOnEveryPageOfAHost() {
        for (int h = 1; h <= HOSTS; h++) {
            Set<String> navs = new TreeSet<>();
            Set<String> footers = new TreeSet<>();
            for (int i = 0; i < PAGES; i++) {
                String html = body(h, i);
                navs.add(html.substring(html.indexOf("<header>"), html.indexOf("</aside>")));
                footers.add(html.substring(html.indexOf("<footer>")));
            }
            assertThat(navs).as("header and sidebar of site-%d", h).hasSize(1);
            assertThat(footers).as("footer of site-%d", h).hasSize(1);
            assertThat(web.page(h, 0).navigation().all()).hasSize(PageProfile.REALISTIC.navLinks());
        }
        assertThat(web.page(1, 0).navigation()).isNotEqualTo(web.page(2, 0).navigation());
    }

    @Test
    void pagesArePaddedToTheirDrawnSizeUnlessTheirContentIsLarger() {
        int exact = 0;
        for (int i = 0; i < PAGES; i++) {
            PageModel model = web.page(3, i);
            int length = web.respond("site-3.sim", SimPaths.page(i)).body().length;
            assertThat(length).isGreaterThanOrEqualTo(model.bytes());
            exact += length == model.bytes() ? 1 : 0;
            assertThat(model.bytes()).isBetween(5 * 1024, 500 * 1024);
        }
        assertThat(exact).as("pages of exactly their drawn size").isGreaterThan(PAGES * 3 / 4);
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        SimWeb again = new SimWeb(web.config(), PORT);
        SimWeb other = new SimWeb(web.config().withSeed(7), PORT);
        for (String path : List.of("/", "/page/2", "/page/4", "/page/39", "/?view=print&lang=en")) {
            assertThat(again.respond("site-2.sim", path)).isEqualTo(web.respond("site-2.sim", path));
            assertThat(other.respond("site-2.sim", path).body()).isNotEqualTo(web.respond("site-2.sim", path).body());
        }
    }

    @Test
    void eachFeatureCanBeTurnedOffAlone() {
        SimConfig realistic = web.config();
        String noScripts = new SimWeb(realistic.withPageProfile(PageProfile.REALISTIC.withScripts(false),
                realistic.pageBytes(), realistic.linksPerPage()), PORT).respond("site-1.sim", "/page/6").bodyText();
        assertThat(noScripts).doesNotContain("<script", "<style", "<!--", InlineCode.DECOY + "script").contains("&nbsp;");
        String noEntities = new SimWeb(realistic.withPageProfile(PageProfile.REALISTIC.withEntities(false),
                realistic.pageBytes(), realistic.linksPerPage()), PORT).respond("site-1.sim", "/page/6").bodyText();
        assertThat(noEntities).doesNotContain("&nbsp;", "&#38;", "&#47;", "&eacute;").contains("<script", "&amp;lang=en");
        String noNav = new SimWeb(realistic.withPageProfile(PageProfile.REALISTIC.withNavLinks(0),
                realistic.pageBytes(), realistic.linksPerPage()), PORT).respond("site-1.sim", "/page/6").bodyText();
        assertThat(noNav).doesNotContain("<header>", "<aside", "<nav");
    }

    @Test
    void theGroundTruthHoldsTheNavigationsUrlsAndNeverTheDecoys() {
        GroundTruth truth = web.groundTruth();
        for (String host : web.hostNames()) {
            assertThat(truth.expectedStatus()).containsEntry(web.url(host, "/?view=print&lang=en"), 200);
            assertThat(truth.mustNotFetch()).contains(web.url(host, "/search?q=site&lang=en"));
            for (String decoy : web.page(1, 0).decoys()) {
                assertThat(truth.mustNotFetch()).contains(web.url(host, decoy));
            }
        }
        assertThat(truth.mustFetch()).noneMatch(u -> u.contains("/decoy/")).doesNotContainAnyElementsOf(truth.mustNotFetch());
    }

    @Test
    void aJsoupCrawlOfTheServedBytesAgreesWithTheGroundTruth() {
        GroundTruth truth = web.groundTruth();
        ReferenceCrawler.Result crawl = ReferenceCrawler.crawl(web, web.seedUrls(), ReferenceCrawler.JSOUP);
        assertThat(crawl.fetched()).isEqualTo(truth.mustFetch());
        assertThat(crawl.status()).isEqualTo(truth.expectedStatus());
        assertThat(crawl.fetched()).doesNotContainAnyElementsOf(truth.mustNotFetch());
    }

    @Test
    void aCrawlerThatScansBytesInsteadOfParsingGetsItWrong() {
        GroundTruth truth = web.groundTruth();
        ReferenceCrawler.Result naive = ReferenceCrawler.crawl(web, web.seedUrls(), ReferenceCrawler.REGEX);
        assertThat(naive.fetched()).as("decoys fetched").anyMatch(u -> u.contains("/decoy/template"));
        assertThat(naive.fetched()).as("an undecoded &#38; or &#47; makes another URL")
                .anyMatch(u -> !truth.mustFetch().contains(u) && !u.contains("/decoy/"));
    }

    private static List<Written> documentOrder(PageModel model) {
        List<Written> expected = new ArrayList<>();
        model.navigation().header().forEach(l -> expected.add(Written.of(l)));
        model.navigation().sidebar().forEach(l -> expected.add(Written.of(l)));
        model.links().stream().filter(l -> !l.area()).forEach(l -> expected.add(Written.of(l)));
        model.links().stream().filter(Link::area).forEach(l -> expected.add(Written.of(l)));
        model.navigation().footer().forEach(l -> expected.add(Written.of(l)));
        return expected;
    }

    private String body(int host, int page) {
        return web.respond(web.hostName(host), SimPaths.page(page)).bodyText();
    }

    private Document parse(int host, int page) {
        return Jsoup.parse(body(host, page), web.url(web.hostName(host), SimPaths.page(page)));
    }
}
