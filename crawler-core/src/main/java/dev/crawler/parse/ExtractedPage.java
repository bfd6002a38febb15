package dev.crawler.parse;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;

/**
 * What link extraction found in one HTML page.
 *
 * @param links the followable links: absolute, normalized, in first-seen order, without
 *     duplicates; empty when the page says {@code nofollow}
 * @param noindex whether meta robots says {@code noindex} (or {@code none})
 * @param nofollow whether meta robots says {@code nofollow} (or {@code none})
 * @param charset the encoding the page was decoded with
 */
public record ExtractedPage(List<String> links, boolean noindex, boolean nofollow, Charset charset) {

    public ExtractedPage {
        links = List.copyOf(links);
        Objects.requireNonNull(charset, "charset");
    }
}
