package dev.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.url.NormalizedUrl;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinkExtractorTest {

    private static final String PAGE = "http://site-1.sim:8080/dir/page.html";

    private static ExtractedPage extract(String html) {
        return LinkExtractor.extract(html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", PAGE);
    }

    @Test
    void takesAAndAreaHrefsResolvedAndNormalized() {
        ExtractedPage page = extract("""
                <html><body>
                <a href="other.html">rel</a>
                <a href="/abs">abs</a>
                <a href="//site-2.sim/x">scheme-relative</a>
                <a href="HTTP://Site-3.SIM:80/./y">absolute</a>
                <map><area href="../area" shape="rect"></map>
                <a>no href</a><link href="/style.css"><img src="/i.png"><script src="/s.js"></script>
                </body></html>""");
        assertThat(page.links()).containsExactly(
                "http://site-1.sim:8080/dir/other.html",
                "http://site-1.sim:8080/abs",
                "http://site-2.sim/x",
                "http://site-3.sim/y",
                "http://site-1.sim:8080/area");
        assertThat(page.noindex()).isFalse();
        assertThat(page.nofollow()).isFalse();
        assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void dropsFragmentsDuplicatesAndNonHttpLinksKeepingFirstOrder() {
        ExtractedPage page = extract("""
                <a href="b">1</a><a href="a#top">2</a><a href="a#bottom">3</a><a href="./b">4</a>
                <a href="#only-fragment">5</a><a href="">6</a>
                <a href="mailto:x@y.sim">m</a><a href="javascript:void(0)">j</a><a href="ftp://x.sim/">f</a>
                <a href="tel:+1">t</a><a href="http://[bad/">bad</a><a href="  c  ">c</a>""");
        assertThat(page.links()).containsExactly(
                "http://site-1.sim:8080/dir/b",
                "http://site-1.sim:8080/dir/a",
                PAGE,
                "http://site-1.sim:8080/dir/c");
    }

    @Test
    void aLinkCutAtItsFragmentResolvesToTheSameUrl() {
        NormalizedUrl base = NormalizedUrl.parse(PAGE).orElseThrow();
        List<String> hrefs = new ArrayList<>(List.of("a.html#x", "a.html #x", "a.html\t#x", "a.html\n#x", "#x", " #x",
                "http:#x", "http:a#b", "?q#f", "//h.sim#f", "http://h.sim:80#f", "a%#b", "a#b#c", "\u0000#f",
                "https://x.sim/p?#", "../..#", "HTTP://H.SIM/#x", "a\\b#c"));
        Random random = new Random(7);
        String alphabet = "a/.#?: \t\n%\\h2";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder href = new StringBuilder();
            for (int j = random.nextInt(12); j > 0; j--) {
                href.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            hrefs.add(href.toString());
        }
        for (String href : hrefs) {
            assertThat(base.resolve(LinkExtractor.withoutFragment(href))).as(href).isEqualTo(base.resolve(href));
        }
        assertThat(LinkExtractor.withoutFragment("String.html#length()")).isEqualTo("String.html");
        assertThat(LinkExtractor.withoutFragment("a.html #x")).as("a space before the fragment is kept").isEqualTo("a.html #x");
    }

    @Test
    void resolvesAgainstBaseHref() {
        ExtractedPage page = extract("""
                <html><head><base href="http://other.sim/base/dir/"><base href="http://ignored.sim/"></head>
                <body><a href="x">x</a><a href="../y">y</a><a href="/z">z</a><a href="?q">q</a></body></html>""");
        assertThat(page.links()).containsExactly(
                "http://other.sim/base/dir/x",
                "http://other.sim/base/y",
                "http://other.sim/z",
                "http://other.sim/base/dir/?q");
    }

    @Test
    void relativeBaseHrefIsResolvedAgainstThePage() {
        ExtractedPage page = extract("<base href=\"/sub/\"><a href=\"x\">x</a><a href=\"../../../up\">u</a>");
        assertThat(page.links()).containsExactly("http://site-1.sim:8080/sub/x", "http://site-1.sim:8080/up");
    }

    @Test
    void unusableBaseHrefFallsBackToThePage() {
        ExtractedPage page = extract("<base href=\"javascript:x\"><base target=_blank><a href=\"x\">x</a>");
        assertThat(page.links()).containsExactly("http://site-1.sim:8080/dir/x");
    }

    @Test
    void leavesOutRelNofollowLinks() {
        ExtractedPage page = extract("""
                <a href="/kept">k</a>
                <a href="/nf" rel="nofollow">n</a>
                <a href="/nf2" rel="external NoFollow noopener">n</a>
                <area href="/nf3" rel="nofollow">
                <a href="/follow" rel="nofollowing">f</a>""");
        assertThat(page.links()).containsExactly("http://site-1.sim:8080/kept", "http://site-1.sim:8080/follow");
    }

    @Test
    void metaRobotsNofollowGivesNoLinks() {
        ExtractedPage page = extract("<meta name=robots content=\"index, NOFOLLOW\"><a href=/x>x</a>");
        assertThat(page.links()).isEmpty();
        assertThat(page.nofollow()).isTrue();
        assertThat(page.noindex()).isFalse();
    }

    @Test
    void metaRobotsNoindexKeepsLinks() {
        ExtractedPage page = extract("<meta name=\"Robots\" content=\"noindex\"><a href=/x>x</a>");
        assertThat(page.links()).containsExactly("http://site-1.sim:8080/x");
        assertThat(page.noindex()).isTrue();
        assertThat(page.nofollow()).isFalse();
    }

    @Test
    void metaRobotsNoneMeansBoth() {
        ExtractedPage page = extract("<meta name=robots content=none><a href=/x>x</a>");
        assertThat(page.links()).isEmpty();
        assertThat(page.noindex()).isTrue();
        assertThat(page.nofollow()).isTrue();
    }

    @Test
    void otherMetaNamesAreIgnored() {
        ExtractedPage page = extract("<meta name=googlebot content=nofollow><meta name=description content=none><a href=/x>x</a>");
        assertThat(page.links()).containsExactly("http://site-1.sim:8080/x");
        assertThat(page.nofollow()).isFalse();
    }

    @Test
    void decodesWithTheHeaderCharsetBeforeMeta() {
        byte[] latin1 = "<meta charset=utf-8><a href=\"caf\u00e9\">c</a>".getBytes(StandardCharsets.ISO_8859_1);
        ExtractedPage page = LinkExtractor.extract(latin1, "text/html; charset=ISO-8859-1", PAGE);
        assertThat(page.charset().name()).isEqualTo("windows-1252");
        assertThat(page.links()).containsExactly("http://site-1.sim:8080/dir/caf%C3%A9");
    }

    @Test
    void decodesWithTheMetaCharsetWhenTheHeaderHasNone() {
        Charset koi8 = Charset.forName("KOI8-R");
        byte[] body = "<meta charset=koi8-r><a href=\"/\u043f\u0440\u0438\u0432\u0435\u0442\">p</a>".getBytes(koi8);
        ExtractedPage page = LinkExtractor.extract(body, "text/html", PAGE);
        assertThat(page.charset()).isEqualTo(koi8);
        assertThat(page.links()).containsExactly("http://site-1.sim:8080/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82");
    }

    @Test
    void headerCharsetWinsEvenWhenMetaDisagrees() {
        byte[] body = "<meta charset=koi8-r><a href=\"/caf\u00e9\">c</a>".getBytes(StandardCharsets.UTF_8);
        ExtractedPage page = LinkExtractor.extract(body, "text/html; charset=utf-8", PAGE);
        assertThat(page.links()).containsExactly("http://site-1.sim:8080/caf%C3%A9");
    }

    @Test
    void survivesEmptyNullAndBinaryBodies() {
        assertThat(LinkExtractor.extract(new byte[0], null, PAGE).links()).isEmpty();
        assertThat(LinkExtractor.extract(null, null, PAGE).links()).isEmpty();
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            byte[] body = new byte[random.nextInt(2000)];
            random.nextBytes(body);
            assertThat(LinkExtractor.extract(body, random.nextBoolean() ? "text/html" : null, PAGE)).isNotNull();
        }
    }

    @Test
    void relativeLinksNeedAUsablePageUrl() {
        ExtractedPage page = LinkExtractor.extract("<a href=x>x</a><a href=http://a.sim/>a</a>".getBytes(StandardCharsets.UTF_8),
                null, "not a url");
        assertThat(page.links()).containsExactly("http://a.sim/");
    }

    @Test
    void handlesManyLinksAndDeepNesting() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            many.append("<a href=/p").append(i % 50_000).append(">x</a>");
        }
        assertThat(extract(many.toString()).links()).hasSize(50_000);
        String deep = "<div>".repeat(100_000) + "<a href=/deep>d</a>" + "</div>".repeat(100_000);
        assertThat(extract(deep).links()).containsExactly("http://site-1.sim:8080/deep");
    }
}
