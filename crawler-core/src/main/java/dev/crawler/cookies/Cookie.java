package dev.crawler.cookies;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored cookie, as in the storage model of RFC 6265 §5.3. A cookie is identified by its
 * name, domain and path ({@link #id()}); a new one with the same identity replaces it.
 *
 * @param name the name, never empty
 * @param value the value, possibly empty
 * @param domain the host ({@code hostOnly}) or the domain it is sent to, lower-case, no leading dot
 * @param hostOnly sent to exactly {@code domain}, not to its subdomains
 * @param path sent to this path and below it; starts with {@code /}
 * @param secure sent over https only
 * @param httpOnly the HttpOnly flag (kept, and written out, but it changes nothing for a crawler)
 * @param expiry when it expires, in whole seconds; empty for a session cookie, which lives as long
 *     as the crawl
 * @param creation when it was first stored (a replacement keeps the creation of the cookie it
 *     replaces); cookies with equal paths are sent oldest first
 * @param lastAccess when it was last stored or sent
 */
public record Cookie(
        String name,
        String value,
        String domain,
        boolean hostOnly,
        String path,
        boolean secure,
        boolean httpOnly,
        Optional<Instant> expiry,
        Instant creation,
        Instant lastAccess) {

    public Cookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(creation, "creation");
        Objects.requireNonNull(lastAccess, "lastAccess");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a cookie needs a name");
        }
        if (domain.isEmpty() || domain.startsWith(".") || !domain.equals(domain.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a cookie domain (lower-case, no leading dot): '" + domain + "'");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("a cookie path starts with '/': '" + path + "'");
        }
        expiry = expiry.map(e -> e.truncatedTo(ChronoUnit.SECONDS));
    }

    /** What identifies a cookie in a jar: a cookie with the same id replaces it. */
    public record Id(String name, String domain, String path) {
    }

    public Id id() {
        return new Id(name, domain, path);
    }

    /** Whether it has an expiry; a cookie without one is a session cookie. */
    public boolean persistent() {
        return expiry.isPresent();
    }

    /** Whether it has expired by {@code now}; a session cookie never does. */
    public boolean expiredAt(Instant now) {
        return expiry.isPresent() && !expiry.get().isAfter(now);
    }

    /** Whether it goes with a request to {@code request} (RFC 6265 §5.4 step 1), expiry aside. */
    boolean appliesTo(CookieRequest request) {
        boolean hostMatches = hostOnly
                ? request.host().equals(domain)
                : CookieDomains.domainMatches(request.host(), domain);
        return hostMatches && CookiePaths.pathMatches(request.path(), path) && (!secure || request.secure());
    }

    /** This cookie as it appears in a Cookie header: {@code name=value}. */
    String headerPair() {
        return name + "=" + value;
    }

    Cookie withCreation(Instant created) {
        return new Cookie(name, value, domain, hostOnly, path, secure, httpOnly, expiry, created, lastAccess);
    }

    Cookie withLastAccess(Instant accessed) {
        return new Cookie(name, value, domain, hostOnly, path, secure, httpOnly, expiry, creation, accessed);
    }
}
