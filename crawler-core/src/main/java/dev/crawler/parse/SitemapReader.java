package dev.crawler.parse;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import dev.crawler.url.UrlNormalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Reads a sitemap (XML, RSS, Atom or plain text, gzipped or not) with crawler-commons'
 * {@link SiteMapParser}: the page URLs it lists and, for a sitemap index, the sitemaps it points
 * to, each normalized. A gzipped sitemap is inflated here with a cap, never past
 * {@code maxBytes}. Pure: bytes in, URLs out; never throws for any input.
 */
public final class SitemapReader {

    /** What one sitemap holds. */
    public record Sitemap(List<String> urls, List<String> sitemaps) {
        public Sitemap {
            urls = List.copyOf(urls);
            sitemaps = List.copyOf(sitemaps);
        }
    }

    private SitemapReader() {
    }

    /**
     * @param body the fetched bytes (Content-Encoding already undone)
     * @param contentType the Content-Type header, or null
     * @param sitemapUrl the (normalized) URL it was fetched from
     * @param maxBytes the most bytes of XML or text read
     * @return the sitemap, or empty with nothing usable in it
     */
    public static Optional<Sitemap> read(byte[] body, String contentType, String sitemapUrl, long maxBytes) {
        try {
            byte[] content = body;
            String type = contentType == null ? "text/xml" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
                content = gunzip(body, maxBytes);
                type = "text/xml";
            } else if (type.contains("gzip")) {
                type = "text/xml";
            }
            if (type.equals("text/plain") || !type.contains("xml") && !looksLikeXml(content)) {
                type = "text/plain";
            }
            URL url = URI.create(sitemapUrl).toURL();
            AbstractSiteMap parsed = new SiteMapParser(false, true).parseSiteMap(type, content, url);
            return Optional.of(collect(parsed));
        } catch (IOException | UnknownFormatException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Sitemap collect(AbstractSiteMap parsed) {
        List<String> urls = new ArrayList<>();
        List<String> sitemaps = new ArrayList<>();
        if (parsed instanceof SiteMapIndex index) {
            for (AbstractSiteMap child : index.getSitemaps()) {
                UrlNormalizer.normalize(child.getUrl().toString()).ifPresent(sitemaps::add);
            }
        } else if (parsed instanceof SiteMap map) {
            for (SiteMapURL u : map.getSiteMapUrls()) {
                UrlNormalizer.normalize(u.getUrl().toString()).ifPresent(urls::add);
            }
        }
        return new Sitemap(urls, sitemaps);
    }

    private static boolean looksLikeXml(byte[] content) {
        for (byte b : content) {
            if (b == '<') {
                return true;
            }
            if (!Character.isWhitespace(b) && (b & 0xff) != 0xEF && (b & 0xff) != 0xBB && (b & 0xff) != 0xBF) {
                return false;
            }
        }
        return false;
    }

    /** Inflates at most {@code maxBytes}; a bomb stops there. */
    private static byte[] gunzip(byte[] gz, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz), 8 << 10)) {
            byte[] buf = new byte[8 << 10];
            int n;
            while ((n = in.read(buf)) >= 0 && out.size() < maxBytes) {
                out.write(buf, 0, (int) Math.min(n, maxBytes - out.size()));
            }
        }
        return out.toByteArray();
    }
}
