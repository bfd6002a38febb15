package dev.crawler.cookies;

import java.time.Instant;
import java.util.Optional;

/**
 * Decides what cookie, if any, a parsed Set-Cookie makes for the request it came with (RFC 6265
 * §5.3 steps 2-10, with RFC 6265bis's refusal of Secure cookies over http): its expiry (Max-Age
 * over Expires, neither for a session cookie), its domain (host-only unless a Domain that the
 * host domain-matches and that is no public suffix; IP hosts host-only), its path (the default
 * path unless a Path). The cookie may have expired already: then it deletes the one it replaces.
 */
final class CookieAcceptance {

    /** The latest expiry: a Max-Age past it is cut back to it (no cookie date is later). */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private CookieAcceptance() {
    }

    /** The cookie {@code setCookie} makes for {@code request} at {@code now}, or empty if none. */
    static Optional<Cookie> accept(SetCookie setCookie, CookieRequest request, Instant now) {
        if (setCookie.secure() && !request.secure()) {
            return Optional.empty();
        }
        Optional<Scope> scope = scope(setCookie.domain(), request);
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        String path = setCookie.path().orElseGet(() -> CookiePaths.defaultPath(request.path()));
        return Optional.of(new Cookie(setCookie.name(), setCookie.value(), scope.get().domain(), scope.get().hostOnly(),
                path, setCookie.secure(), setCookie.httpOnly(), expiry(setCookie, now), now, now));
    }

    private static Optional<Instant> expiry(SetCookie setCookie, Instant now) {
        if (setCookie.maxAge().isPresent()) {
            long seconds = setCookie.maxAge().get();
            if (seconds <= 0) {
                return Optional.of(Instant.MIN);
            }
            boolean pastLatest = seconds >= LATEST.getEpochSecond() - now.getEpochSecond();
            return Optional.of(pastLatest ? LATEST : now.plusSeconds(seconds));
        }
        return setCookie.expires();
    }

    /** The domain a cookie is stored under, and whether it is host-only. */
    private record Scope(String domain, boolean hostOnly) {
    }

    private static Optional<Scope> scope(Optional<String> domainAttribute, CookieRequest request) {
        String host = request.host();
        Scope hostOnly = new Scope(host, true);
        if (domainAttribute.isEmpty() || domainAttribute.get().isEmpty()) {
            return Optional.of(hostOnly);
        }
        String domain = domainAttribute.get();
        if (request.hostIsIpAddress() || PublicSuffixes.isPublicSuffix(domain)) {
            return domain.equals(host) ? Optional.of(hostOnly) : Optional.empty();
        }
        if (!CookieDomains.domainMatches(host, domain)) {
            return Optional.empty();
        }
        return Optional.of(new Scope(domain, false));
    }
}
