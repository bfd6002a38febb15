package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GroundTruthTest {

    private static final int PORT = 41234;
    private final SimWeb web = new SimWeb(SimConfig.defaults(), PORT);
    private final GroundTruth truth = web.groundTruth(web.seedUrls());

    @Test
    void containsEveryPageOfEveryHostWhenSeededWithAllRoots() {
        for (String host : web.hostNames()) {
            for (int i = 0; i < 50; i++) {
                String url = web.url(host, SimPaths.page(i));
                assertThat(truth.mustFetch()).contains(url);
                assertThat(truth.expectedStatus()).containsEntry(url, 200);
            }
        }
    }

    @Test
    void holdsRedirectsTheirTargetsAnd404s() {
        assertThat(truth.withStatus(301)).isNotEmpty().allMatch(u -> u.contains("/go/") || u.contains("/to/"));
        assertThat(truth.withStatus(302)).isNotEmpty();
        assertThat(truth.withStatus(404)).isNotEmpty().contains(web.url("site-1.sim", "/missing/0"));
        // the two-hop chain from every root and its final target
        assertThat(truth.mustFetch()).contains(web.url("site-1.sim", "/go/go/page/2"), web.url("site-1.sim", "/go/page/2"));
        // the redirect into a disallowed path is fetched, its target is not
        assertThat(truth.mustFetch()).contains(web.url("site-1.sim", "/go/private/1"));
        assertThat(truth.mustNotFetch()).contains(web.url("site-1.sim", "/private/1"));
        // URLs only reachable by <area> and by a rel that is not nofollow
        assertThat(truth.mustFetch()).contains(web.url("site-1.sim", "/page/1?via=area"), web.url("site-1.sim", "/page/1?via=noopener"));
        assertThat(truth.expectedStatus().keySet()).isEqualTo(truth.mustFetch());
        assertThat(truth.expectedStatus().values()).containsOnly(200, 301, 302, 404);
    }

    @Test
    void excludesDisallowedAndNofollowOnlyUrls() {
        String origin = ".sim:" + PORT;
        assertThat(truth.mustFetch()).noneMatch(u -> u.contains(origin + "/private/") || u.contains(origin + "/search"))
                .noneMatch(u -> u.endsWith("/robots.txt") || u.contains(origin + "/nf/") || u.contains(origin + "/mnf/"));
        for (String host : web.hostNames()) {
            assertThat(truth.mustNotFetch()).contains(web.url(host, "/private/0"), web.url(host, "/search?q=0"),
                    web.url(host, "/nf/0"), web.url(host, "/nf/1"), web.url(host, "/mnf/0"), web.url(host, "/mnf/1"));
        }
        assertThat(truth.mustFetch()).doesNotContainAnyElementsOf(truth.mustNotFetch());
    }

    @Test
    void urlsAreNormalized() {
        assertThat(truth.mustFetch()).allMatch(u -> u.startsWith("http://site-") && u.contains(".sim:" + PORT + "/"))
                .noneMatch(u -> u.contains("#") || u.contains("/./") || u.contains("/../") || u.contains("SITE"));
    }

    @Test
    void baseHrefRedirectsRelativeLinksToTheBaseHost() {
        // page 2 of site-10 has <base href=site-1 root>: its relative links land on site-1, never as /page/page/N on site-10
        assertThat(truth.mustFetch()).noneMatch(u -> u.contains("/page/page/") || u.contains("/page/private/"));
    }

    @Test
    void oneRootReachesEveryHost() {
        GroundTruth fromOne = web.groundTruth(List.of("http://SITE-1.sim:" + PORT));
        Set<String> hosts = fromOne.mustFetch().stream().map(u -> u.substring(7, u.indexOf(':', 7))).collect(Collectors.toSet());
        assertThat(hosts).containsExactlyInAnyOrderElementsOf(web.hostNames());
        assertThat(fromOne.mustFetch()).isEqualTo(truth.mustFetch());
    }

    @Test
    void agreesWithACrawlOfTheServedBytes() {
        for (SimWeb w : List.of(web, new SimWeb(SimConfig.defaults().withHosts(3).withPages(7).withLinks(3).withSeed(5), PORT),
                new SimWeb(SimConfig.defaults().withHosts(1).withPages(6).withLinks(0), PORT),
                new SimWeb(SimConfig.defaults().withHosts(3).withPages(20).withHostNaming(HostNaming.ADDRESSES), PORT))) {
            GroundTruth t = w.groundTruth();
            ReferenceCrawler.Result r = ReferenceCrawler.crawl(w, w.seedUrls());
            assertThat(r.fetched()).isEqualTo(t.mustFetch());
            assertThat(r.status()).isEqualTo(t.expectedStatus());
            Set<String> never = new java.util.TreeSet<>(r.skippedByRobots());
            r.nofollowed().stream().filter(u -> !r.fetched().contains(u)).forEach(never::add);
            assertThat(never).isEqualTo(t.mustNotFetch());
        }
    }

    @Test
    void tinyWebsStillWork() {
        for (int pages = 1; pages <= 6; pages++) {
            for (int hosts = 1; hosts <= 2; hosts++) {
                SimWeb w = new SimWeb(SimConfig.defaults().withHosts(hosts).withPages(pages).withLinks(1), PORT);
                GroundTruth t = w.groundTruth();
                for (String host : w.hostNames()) {
                    for (int i = 0; i < pages; i++) {
                        assertThat(t.mustFetch()).contains(w.url(host, SimPaths.page(i)));
                    }
                }
            }
        }
    }

    @Test
    void rejectsSeedsOutsideTheWeb() {
        assertThatThrownBy(() -> web.groundTruth(List.of("http://example.com/"))).hasMessageContaining("not on this simulated web");
        assertThatThrownBy(() -> web.groundTruth(List.of("http://site-1.sim:1/"))).hasMessageContaining("not on this simulated web");
    }

    @Test
    void printsOneLinePerUrl() throws IOException {
        StringBuilder out = new StringBuilder();
        truth.writeTo(out);
        assertThat(out.toString().lines()).hasSize(truth.mustFetch().size() + truth.mustNotFetch().size())
                .contains("fetch\t200\thttp://site-1.sim:" + PORT + "/", "never\t-\thttp://site-1.sim:" + PORT + "/nf/0");
    }
}
