package dev.crawler.cookies;

import java.time.Instant;
import java.util.Optional;

/**
 * One Set-Cookie header value, parsed (RFC 6265 §5.2) but not yet judged against the request it
 * came with. Where an attribute appears more than once, the last valid one counts.
 *
 * @param name the cookie's name, not empty
 * @param value its value
 * @param expires the Expires date, if one parsed
 * @param maxAge the Max-Age in seconds (zero or less means expire now), if one parsed
 * @param domain the Domain, lower-case, its leading dot removed, if one was not empty
 * @param path the Path, if the last one starts with {@code /} (else the request's default path applies)
 * @param secure whether Secure was there
 * @param httpOnly whether HttpOnly was there
 */
record SetCookie(
        String name,
        String value,
        Optional<Instant> expires,
        Optional<Long> maxAge,
        Optional<String> domain,
        Optional<String> path,
        boolean secure,
        boolean httpOnly) {
}
