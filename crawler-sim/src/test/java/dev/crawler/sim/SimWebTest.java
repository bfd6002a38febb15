package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimWebTest {

    private static final int PORT = 34567;
    private final SimWeb web = new SimWeb(SimConfig.defaults(), PORT);

    @Test
    void namesAddressesAndSeeds() {
        assertThat(web.hostNames()).hasSize(10).startsWith("site-1.sim", "site-2.sim").endsWith("site-10.sim");
        assertThat(web.address("site-1.sim").getHostAddress()).isEqualTo("127.0.1.1");
        assertThat(web.address("SITE-10.sim").getHostAddress()).isEqualTo("127.0.1.10");
        assertThat(web.resolveMap()).containsEntry("site-3.sim", "127.0.1.3").hasSize(10);
        assertThat(web.seedUrls()).first().isEqualTo("http://site-1.sim:34567/");
        assertThat(web.hostNumber("site-11.sim")).isEqualTo(-1);
        assertThat(web.hostNumber("site-01.sim")).isEqualTo(-1);
        assertThat(web.hostForAddress("127.0.1.4")).isEqualTo("site-4.sim");
        assertThat(web.hostForAddress("127.0.1.11")).isNull();
        assertThatThrownBy(() -> web.address("example.com")).hasMessageContaining("not a host");
    }

    @Test
    void addressNamedHostsAreTheirOwnAddresses() {
        SimWeb named = new SimWeb(SimConfig.defaults().withHostNaming(HostNaming.ADDRESSES), PORT);
        assertThat(named.hostNames()).hasSize(10).startsWith("127.0.1.1", "127.0.1.2").endsWith("127.0.1.10");
        assertThat(named.seedUrls()).first().isEqualTo("http://127.0.1.1:34567/");
        assertThat(named.address("127.0.1.4").getHostAddress()).isEqualTo("127.0.1.4");
        assertThat(named.hostForAddress("127.0.1.4")).isEqualTo("127.0.1.4");
        assertThat(named.resolveMap()).containsEntry("127.0.1.3", "127.0.1.3").hasSize(10);
        assertThat(named.hostNumber("127.0.1.10.")).isEqualTo(10);
        assertThat(named.hostNumber("127.0.1.11")).as("past the last host").isEqualTo(-1);
        assertThat(named.hostNumber("127.0.1.01")).as("not the canonical form").isEqualTo(-1);
        assertThat(named.hostNumber("site-1.sim")).isEqualTo(-1);
        assertThat(named.respond("site-1.sim", "/").status()).isEqualTo(421);
        assertThat(new String(named.respond("127.0.1.2", "/to/3/page/1").body(), StandardCharsets.UTF_8))
                .contains("http://127.0.1.3:34567/page/1");
    }

    @Test
    void addressNamingChangesTheNamesAndNothingElse() {
        SimConfig config = SimConfig.defaults().withHosts(3).withPages(30);
        SimWeb byName = new SimWeb(config, PORT);
        SimWeb byAddress = new SimWeb(config.withHostNaming(HostNaming.ADDRESSES), PORT);
        GroundTruth names = byName.groundTruth();
        GroundTruth addresses = byAddress.groundTruth();
        assertThat(addresses.mustFetch()).hasSameSizeAs(names.mustFetch())
                .allMatch(u -> u.startsWith("http://127.0.1."));
        assertThat(addresses.mustFetch()).isEqualTo(names.mustFetch().stream().map(SimWebTest::toAddress)
                .collect(Collectors.toSet()));
        assertThat(addresses.mustNotFetch()).isEqualTo(names.mustNotFetch().stream().map(SimWebTest::toAddress)
                .collect(Collectors.toSet()));
    }

    /** {@code http://site-3.sim:PORT/x} as {@code http://127.0.1.3:PORT/x}. */
    private static String toAddress(String url) {
        return url.replaceFirst("^http://site-(\\d+)\\.sim:", "http://127.0.1.$1:");
    }

    @Test
    void addressesRollOverTheThirdOctet() {
        SimWeb big = new SimWeb(SimConfig.defaults().withHosts(600), PORT);
        assertThat(big.address("site-254.sim").getHostAddress()).isEqualTo("127.0.1.254");
        assertThat(big.address("site-255.sim").getHostAddress()).isEqualTo("127.0.2.1");
        assertThat(big.address("site-509.sim").getHostAddress()).isEqualTo("127.0.3.1");
        assertThat(big.hostForAddress("127.0.2.1")).isEqualTo("site-255.sim");
        assertThat(big.resolveMap().values()).doesNotHaveDuplicates().noneMatch(a -> a.endsWith(".0") || a.endsWith(".255"));
    }

    @Test
    void sameConfigGivesSameBytes() {
        SimWeb again = new SimWeb(SimConfig.defaults(), PORT);
        for (String host : List.of("site-1.sim", "site-7.sim")) {
            for (String path : List.of("/", "/page/1", "/page/2", "/page/4", "/page/49", "/robots.txt", "/go/page/3",
                    "/private/1", "/nf/0", "/missing/3", "/page/50")) {
                assertThat(again.respond(host, path)).isEqualTo(web.respond(host, path));
            }
        }
        SimWeb otherSeed = new SimWeb(SimConfig.defaults().withSeed(43), PORT);
        assertThat(otherSeed.respond("site-1.sim", "/page/5").body()).isNotEqualTo(web.respond("site-1.sim", "/page/5").body());
    }

    @Test
    void pagesAreHtmlOfAboutPageBytes() {
        SimResponse page = web.respond("site-2.sim", "/page/7");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).hasSize(2048);
        assertThat(page.bodyText()).startsWith("<!DOCTYPE html>").contains("<a href=").endsWith("</html>\n");
        assertThat(new SimWeb(SimConfig.defaults().withPageBytes(10_000), PORT).respond("site-1.sim", "/").body()).hasSize(10_000);
    }

    @Test
    void specialPaths() {
        assertThat(web.respond("site-1.sim", "/robots.txt").bodyText())
                .contains("User-agent: *", "Disallow: /private/", "Disallow: /search");
        assertThat(web.respond("site-1.sim", "/private/3").status()).isEqualTo(200);
        assertThat(web.respond("site-1.sim", "/search?q=4").status()).isEqualTo(200);
        assertThat(web.respond("site-1.sim", "/missing/3").status()).isEqualTo(404);
        assertThat(web.respond("site-1.sim", "/page/50").status()).isEqualTo(404);
        assertThat(web.respond("site-1.sim", "/page/007").status()).isEqualTo(404);
        assertThat(web.respond("site-1.sim", "/page/0").status()).isEqualTo(404);
        assertThat(web.respond("nowhere.sim", "/").status()).isEqualTo(421);

        SimResponse go = web.respond("site-1.sim", "/go/page/3");
        assertThat(go.status()).isIn(301, 302);
        assertThat(SimUrls.resolve(web.url("site-1.sim", "/go/page/3"), go.header("Location")))
                .isEqualTo("http://site-1.sim:34567/page/3");
        SimResponse to = web.respond("site-1.sim", "/to/4/page/2");
        assertThat(to.header("Location")).isEqualTo("http://site-4.sim:34567/page/2");
        // every Location form occurs, and each resolves to the same target
        List<String> locations = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String path = "/go" + SimPaths.page(i);
            String location = web.respond("site-2.sim", path).header("Location");
            locations.add(location);
            assertThat(SimUrls.resolve(web.url("site-2.sim", path), location)).isEqualTo(web.url("site-2.sim", SimPaths.page(i)));
        }
        assertThat(locations).anyMatch(l -> l.startsWith("http://")).anyMatch(l -> l.startsWith("/")).anyMatch(l -> l.startsWith("../"));
    }

    @Test
    void deliveryMixesGzipChunkedAndPlain() {
        assertThat(web.delivery("/", true)).isEqualTo(Delivery.GZIP);
        assertThat(web.delivery("/", false)).isEqualTo(Delivery.CONTENT_LENGTH);
        assertThat(web.delivery("/page/1", true)).isEqualTo(Delivery.CONTENT_LENGTH);
        assertThat(web.delivery("/page/2", true)).isEqualTo(Delivery.CHUNKED);
        assertThat(web.delivery("/page/3", true)).isEqualTo(Delivery.GZIP);
        assertThat(web.delivery("/robots.txt", true)).isEqualTo(Delivery.CONTENT_LENGTH);
    }

    @Test
    void hrefsInTheHtmlAreTheModelsAndMixTheirForms() {
        Pattern href = Pattern.compile("href=\"([^\"]*)\"");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            PageModel model = web.page(1, i);
            Matcher m = href.matcher(web.respond("site-1.sim", SimPaths.page(i)).bodyText());
            List<String> inHtml = new ArrayList<>();
            while (m.find()) {
                inHtml.add(m.group(1));
            }
            List<String> expected = new ArrayList<>();
            if (model.baseHref() != null) {
                expected.add(model.baseHref());
            }
            model.links().stream().filter(l -> !l.area()).forEach(l -> expected.add(l.href()));
            model.links().stream().filter(Link::area).forEach(l -> expected.add(l.href()));
            assertThat(inHtml).isEqualTo(expected);
            all.addAll(inHtml);
        }
        assertThat(all).anyMatch(h -> h.startsWith("http://site-1.sim:34567/"))
                .anyMatch(h -> h.startsWith("//site-"))
                .anyMatch(h -> h.startsWith("http://SITE-"))
                .anyMatch(h -> h.startsWith("/page/"))
                .anyMatch(h -> h.startsWith("../"))
                .anyMatch(h -> h.startsWith("./"))
                .anyMatch(h -> h.matches("[0-9]+"))
                .anyMatch(h -> h.contains("#"))
                .anyMatch(h -> h.equals("#top"))
                .anyMatch(h -> h.contains("/private/"))
                .anyMatch(h -> h.contains("/go/"))
                .anyMatch(h -> h.contains("/missing/"));
        assertThat(all).hasSizeGreaterThan(new java.util.HashSet<>(all).size()); // repeats
    }

    @Test
    void specialPagesOfEveryHost() {
        String base = web.respond("site-3.sim", "/page/2").bodyText();
        assertThat(base).contains("<base href=\"http://site-4.sim:34567/\">");
        String nofollow = web.respond("site-3.sim", "/page/3").bodyText();
        assertThat(nofollow).contains("rel=\"nofollow\"", "rel=\"external nofollow\"", "/nf/0", "/nf/1", "rel=\"noopener\"");
        String meta = web.respond("site-3.sim", "/page/4").bodyText();
        assertThat(meta).contains("<meta name=\"robots\" content=\"nofollow\">", "/mnf/0", "/mnf/1");
        String root = web.respond("site-3.sim", "/").bodyText();
        assertThat(root).contains("<area ", "?via=area");
        assertThat(web.respond("site-10.sim", "/page/2").bodyText()).contains("<base href=\"http://site-1.sim:34567/\">");
    }

    @Test
    void everyHrefResolvesToAnAbsoluteUrlOnThisWeb() {
        for (int h = 1; h <= 10; h++) {
            for (int i = 0; i < 50; i++) {
                PageModel page = web.page(h, i);
                String url = web.url(web.hostName(h), SimPaths.page(i));
                String base = page.baseHref() == null ? url : page.baseHref();
                for (Link link : page.links()) {
                    URI target = URI.create(SimUrls.resolve(base, link.href()));
                    // plain java.net resolution agrees: no href relies on ".." above the root
                    URI plain = URI.create(base).resolve(link.href().replace("http://SITE", "http://site").replace(".SIM:", ".sim:")).normalize();
                    assertThat(plain.getRawPath()).as(link.href()).doesNotStartWith("/..");
                    assertThat(web.hostNumber(target.getHost())).as(link.href()).isPositive();
                    assertThat(target.getPort()).isEqualTo(PORT);
                    assertThat(target.getRawPath()).doesNotContain("/../", "/./").startsWith("/");
                }
            }
        }
    }

    @Test
    void normalization() {
        assertThat(SimUrls.normalize("HTTP://Site-1.SIM:80/a/./b/../c#frag")).isEqualTo("http://site-1.sim/a/c");
        assertThat(SimUrls.normalize("http://site-1.sim:8080")).isEqualTo("http://site-1.sim:8080/");
        assertThat(SimUrls.resolve("http://h:1/page/3", "../page/4#top")).isEqualTo("http://h:1/page/4");
        assertThat(SimUrls.resolve("http://h:1/page/3", "./4")).isEqualTo("http://h:1/page/4");
        assertThat(SimUrls.resolve("http://h:1/page/3", "//g:1")).isEqualTo("http://g:1/");
        assertThat(SimUrls.resolve("http://h:1/", "../../x")).isEqualTo("http://h:1/x");
    }
}
