package dev.crawler.parse;

import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

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

    // Parsed once: a selector string would be parsed again on every page.
    private static final Evaluator LINKS = QueryParser.parse("a[href], area[href]");
    private static final Evaluator BASE = QueryParser.parse("base[href]");
    private static final String NOFOLLOW = "nofollow";

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
        Optional<NormalizedUrl> base = baseUrl(doc, pageUrl);
        Set<String> links = new LinkedHashSet<>();
        for (Element link : doc.select(LINKS)) {
            if (!isNofollow(link)) {
                String href = link.attr("href");
                (base.isPresent() ? base.get().resolve(href) : NormalizedUrl.parse(href))
                        .ifPresent(url -> links.add(url.toString()));
            }
        }
        return new ExtractedPage(List.copyOf(links), robots.noindex(), false, charset);
    }

    /**
     * The URL relative links resolve against, parsed once for all of them: the first
     * {@code <base href>} if usable, else the page URL (empty if neither is an http(s) URL: then
     * only absolute links are kept).
     */
    private static Optional<NormalizedUrl> baseUrl(Document doc, String pageUrl) {
        Optional<NormalizedUrl> page = NormalizedUrl.parse(pageUrl);
        Element base = doc.selectFirst(BASE);
        if (base == null) {
            return page;
        }
        String href = base.attr("href");
        Optional<NormalizedUrl> resolved = page.isPresent() ? page.get().resolve(href) : NormalizedUrl.parse(href);
        return resolved.isPresent() ? resolved : page;
    }

    private static boolean isNofollow(Element link) {
        String rel = link.attr("rel");
        int n = rel.length();
        for (int i = 0; i < n; ) {
            while (i < n && isAsciiWhitespace(rel.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isAsciiWhitespace(rel.charAt(i))) {
                i++;
            }
            if (i - start == NOFOLLOW.length() && rel.regionMatches(true, start, NOFOLLOW, 0, NOFOLLOW.length())) {
                return true;
            }
        }
        return false;
    }

    /** HTML's ASCII whitespace, which separates the tokens of {@code rel}. */
    private static boolean isAsciiWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
    }

    private static String decode(byte[] body, Charset charset) {
        String text = new String(body, charset);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
