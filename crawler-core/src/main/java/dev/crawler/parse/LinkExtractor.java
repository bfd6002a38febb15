package dev.crawler.parse;

import dev.crawler.url.NormalizedUrl;
import dev.crawler.url.UrlNormalizer;
import java.nio.charset.Charset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * Extracts the links a crawler follows from an HTML page: the {@code href} of {@code a} and
 * {@code area} elements, resolved against the first {@code <base href>} (itself resolved against
 * the page URL) or else the page URL, normalized by {@link UrlNormalizer}, without duplicates, in
 * document order. Links whose {@code rel} contains {@code nofollow} are left out; a page whose
 * meta robots says {@code nofollow} or {@code none} yields no links. Links that are not http(s)
 * ({@code mailto:}, {@code javascript:}, ...) or are malformed are dropped. A pure function: no
 * I/O, never throws for any body.
 *
 * <p>The body is decoded once ({@link CharsetDetector}, byte order mark dropped) and read by
 * {@link LinkScanner}, a single pass over the text that builds no DOM; the result is what jsoup's
 * DOM would give. For the rare page whose jsoup tree the scanner cannot promise (a link that jsoup
 * would foster-parent out of a table, {@code <template>}, {@code <frameset>}, links inside SVG,
 * ...; see {@link InsertionModes}), the same text is parsed by jsoup instead. {@link Reference}
 * always takes the jsoup path: it is what tests and benchmarks compare with.
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
        DecodedPage page = DecodedPage.of(body, contentTypeHeader);
        MarkupLinks links = LinkScanner.scan(page.text()).orElseGet(() -> DomLinks.of(Jsoup.parse(page.text(), "")));
        return resolve(links, page.charset(), pageUrl);
    }

    /** The same extraction through a full jsoup DOM: the reference the scanner is held to. */
    public static final class Reference {

        private Reference() {
        }

        /** As {@link LinkExtractor#extract}, always parsing the page with jsoup. */
        public static ExtractedPage extract(byte[] body, String contentTypeHeader, String pageUrl) {
            DecodedPage page = DecodedPage.of(body, contentTypeHeader);
            return resolve(DomLinks.of(Jsoup.parse(page.text(), "")), page.charset(), pageUrl);
        }
    }

    /** Resolves, normalizes and dedupes the links, unless meta robots says nofollow. */
    static ExtractedPage resolve(MarkupLinks markup, Charset charset, String pageUrl) {
        RobotsMeta robots = markup.robots();
        if (robots.nofollow()) {
            return new ExtractedPage(List.of(), robots.noindex(), true, charset);
        }
        Optional<NormalizedUrl> base = baseUrl(markup.baseHref(), pageUrl);
        Set<String> links = new LinkedHashSet<>();
        Set<String> targets = new HashSet<>();
        for (String href : markup.hrefs()) {
            String target = withoutFragment(href);
            if (targets.add(target)) {
                (base.isPresent() ? base.get().resolve(target) : NormalizedUrl.parse(target))
                        .ifPresent(url -> links.add(url.toString()));
            }
        }
        return new ExtractedPage(List.copyOf(links), robots.noindex(), false, charset);
    }

    /**
     * The link without its fragment, which resolves to the same URL: API docs link to many
     * members of one page ({@code String.html#length()}, {@code String.html#trim()}), and each page
     * is resolved once. The fragment stays when a control or space precedes it, since resolving
     * trims those only at the end of a link.
     */
    static String withoutFragment(String href) {
        int hash = href.indexOf('#');
        return hash > 0 && href.charAt(hash - 1) > ' ' ? href.substring(0, hash) : href;
    }

    /**
     * The URL relative links resolve against, parsed once for all of them: the first
     * {@code <base href>} if usable, else the page URL (empty if neither is an http(s) URL: then
     * only absolute links are kept).
     */
    private static Optional<NormalizedUrl> baseUrl(Optional<String> baseHref, String pageUrl) {
        Optional<NormalizedUrl> page = NormalizedUrl.parse(pageUrl);
        if (baseHref.isEmpty()) {
            return page;
        }
        String href = baseHref.get();
        Optional<NormalizedUrl> resolved = page.isPresent() ? page.get().resolve(href) : NormalizedUrl.parse(href);
        return resolved.isPresent() ? resolved : page;
    }
}
