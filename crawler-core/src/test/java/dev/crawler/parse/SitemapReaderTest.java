package dev.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class SitemapReaderTest {

    private static final String SM = "http://a.test/sitemap.xml";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsUrlsAndIndexes() {
        var urls = SitemapReader.read(utf8("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>http://a.test/x</loc></url><url><loc>HTTP://A.test:80/y#frag</loc></url></urlset>"),
                "application/xml", SM, 1 << 20).orElseThrow();
        assertThat(urls.urls()).containsExactly("http://a.test/x", "http://a.test/y");
        var index = SitemapReader.read(utf8("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<sitemap><loc>http://a.test/s1.xml</loc></sitemap></sitemapindex>"), "text/xml", SM, 1 << 20)
                .orElseThrow();
        assertThat(index.sitemaps()).containsExactly("http://a.test/s1.xml");
    }

    @Test
    void readsPlainTextAndGzipAndSurvivesJunk() throws Exception {
        assertThat(SitemapReader.read(utf8("http://a.test/1\nhttp://a.test/2\n"), "text/plain", "http://a.test/s.txt",
                1 << 20).orElseThrow().urls()).containsExactly("http://a.test/1", "http://a.test/2");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(utf8("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>http://a.test/z</loc></url></urlset>"));
        }
        assertThat(SitemapReader.read(gz.toByteArray(), "application/gzip", "http://a.test/s.xml.gz", 1 << 20)
                .orElseThrow().urls()).containsExactly("http://a.test/z");
        assertThat(SitemapReader.read(new byte[] {0, 1, 2, (byte) 0xff}, "text/xml", SM, 100)
                .map(s -> s.urls().isEmpty()).orElse(true)).isTrue();
        assertThat(SitemapReader.read(utf8("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><urlset><url><loc>&e;</loc></url></urlset>"),
                "text/xml", SM, 1 << 20).map(s -> s.urls().isEmpty()).orElse(true)).as("no external entities").isTrue();
    }
}
