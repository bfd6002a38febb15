package dev.crawler.parse;

import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts the links a crawler follows from an HTML page, with jsoup: the {@code href} of
 * {@code a} and {@code area} elements, resolved against the first {@code <base href>} (itself
 * resolved against the page URL) or else the page URL, normalized by {@link UrlNormalizer},
 * without duplicates, in document order. Links whose {@code rel} contains {@code nofollow} are
 * left out; a page whose meta robots says {@code nofollow} or {@code none} yields no links.
 * Links that are not http(s) ({@code mailto:}, {@code javascript:}, ...) or are malformed are
 * dropped. A pure function: no I/O, never throws for any body.
 */
public final class LinkExtractor {

    private LinkExtractor() {
    }

    /**
     * @param body the response body (already decompressed); may be empty or null
     * @param contentTypeHeader the whole Content-Type header value, or null; its charset is used
     *     as {@link CharsetDetector} says
     * @param pageUrl the URL the page was fetched from (after redirects)
     */
    public static ExtractedPage extract(byte[] body, String contentTypeHeader, String pageUrl) {
        byte[] bytes = body == null ? new byte[0] : body;
        Charset charset = CharsetDetector.detect(bytes, contentTypeHeader);
        Document doc = Jsoup.parse(decode(bytes, charset), "");
        RobotsMeta robots = RobotsMeta.of(doc);
        if (robots.nofollow()) {
            return new ExtractedPage(List.of(), robots.noindex(), true, charset);
        }
        String base = baseUrl(doc, pageUrl);
        Set<String> links = new LinkedHashSet<>();
        for (Element link : doc.select("a[href], area[href]")) {
            if (!isNofollow(link)) {
                UrlNormalizer.resolve(base, link.attr("href")).ifPresent(links::add);
            }
        }
        return new ExtractedPage(List.copyOf(links), robots.noindex(), false, charset);
    }

    /** The URL relative links resolve against: the first {@code <base href>} if usable. */
    private static String baseUrl(Document doc, String pageUrl) {
        Element base = doc.selectFirst("base[href]");
        if (base == null) {
            return pageUrl;
        }
        return UrlNormalizer.resolve(pageUrl, base.attr("href")).orElse(pageUrl);
    }

    private static boolean isNofollow(Element link) {
        for (String token : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (token.equals("nofollow")) {
                return true;
            }
        }
        return false;
    }

    private static String decode(byte[] body, Charset charset) {
        String text = new String(body, charset);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
