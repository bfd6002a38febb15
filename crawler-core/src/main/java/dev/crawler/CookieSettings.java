package dev.crawler;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a crawl keeps cookies, and a cookies.txt to start from. With cookies on, the crawl keeps
 * one jar (RFC 6265: domain and path scoping, {@code Secure}, expiry, no cookies for public
 * suffixes), sends its cookies with each request and takes up those each response sets. The jar
 * is saved with the crawl's state, so a resumed crawl keeps its cookies.
 *
 * @param enabled whether cookies are kept and sent ({@code --no-cookies} turns them off)
 * @param importFile a Netscape cookies.txt whose cookies the jar starts with ({@code --cookies FILE})
 */
public record CookieSettings(boolean enabled, Optional<Path> importFile) {

    public CookieSettings {
        Objects.requireNonNull(importFile, "importFile");
        if (!enabled && importFile.isPresent()) {
            throw new IllegalArgumentException("cookies: a cookies file (--cookies " + importFile.get()
                    + ") was given with cookies turned off (--no-cookies); drop one of the two");
        }
    }

    /** Cookies on, the jar starting empty: what a browser does, and Scrapy, Heritrix and wget2. */
    public static CookieSettings defaults() {
        return new CookieSettings(true, Optional.empty());
    }

    /** No cookies kept or sent. */
    public static CookieSettings off() {
        return new CookieSettings(false, Optional.empty());
    }

    /** Cookies on, the jar starting with those of {@code cookiesTxt}. */
    public static CookieSettings from(Path cookiesTxt) {
        return new CookieSettings(true, Optional.of(cookiesTxt));
    }
}
