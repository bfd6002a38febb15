package dev.crawler.parse;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SequencedCollection;
import java.util.Set;

/**
 * What a page's markup says about its links, before any URL is resolved: the {@code href} of
 * every {@code a} and {@code area} element that has one and whose {@code rel} does not contain
 * {@code nofollow}, in document order, each distinct value once (jsoup's tree builder clones
 * {@code a} elements it reopens after misnested markup, attributes and all, so only the first
 * occurrence of a value says anything); the {@code href} of the first
 * {@code <base>} that has one; and the page's meta robots directives. Both the scanner
 * ({@link LinkScanner}) and the jsoup DOM ({@link DomLinks}) produce it, so that the two can be
 * compared before and after {@link LinkExtractor} resolves the links.
 */
record MarkupLinks(List<String> hrefs, Optional<String> baseHref, RobotsMeta robots) {

    MarkupLinks {
        hrefs = List.copyOf(hrefs);
    }

    /** The links of {@code hrefs} (in order, duplicates allowed) with each distinct value once. */
    static MarkupLinks of(SequencedCollection<String> hrefs, Optional<String> baseHref, RobotsMeta robots) {
        return new MarkupLinks(List.copyOf(new LinkedHashSet<>(hrefs)), baseHref, robots);
    }

    /** Collects a page's links while it is read, in document order. */
    static final class Builder {

        private static final String NOFOLLOW = "nofollow";

        private final Set<String> hrefs = new LinkedHashSet<>();
        private String baseHref;
        private RobotsMeta robots = RobotsMeta.NONE;

        /** An {@code a} or {@code area} element. */
        void link(boolean hasHref, String href, String rel) {
            if (hasHref && !isNofollow(rel)) {
                hrefs.add(href);
            }
        }

        /** A {@code base} element: only the first with an {@code href} counts. */
        void base(boolean hasHref, String href) {
            if (hasHref && baseHref == null) {
                baseHref = href;
            }
        }

        /** A {@code meta} element with both a {@code name} and a {@code content}. */
        void meta(String name, String content) {
            robots = robots.with(name, content);
        }

        MarkupLinks build() {
            return new MarkupLinks(List.copyOf(hrefs), Optional.ofNullable(baseHref), robots);
        }

        /** Whether a {@code rel} value has the token {@code nofollow} (ASCII case-insensitive). */
        static boolean isNofollow(String rel) {
            int n = rel.length();
            for (int i = 0; i < n; ) {
                while (i < n && TagReader.isWhitespace(rel.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && !TagReader.isWhitespace(rel.charAt(i))) {
                    i++;
                }
                if (i - start == NOFOLLOW.length() && rel.regionMatches(true, start, NOFOLLOW, 0, NOFOLLOW.length())) {
                    return true;
                }
            }
            return false;
        }
    }
}
