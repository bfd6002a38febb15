/**
 * Cookies for a crawl (RFC 6265 §5). One {@link dev.crawler.cookies.CookieJar} per crawl takes the
 * Set-Cookie values of each response and gives the Cookie header for each request, from any
 * fetcher thread.
 *
 * <p>The path of a cookie through the package: {@code SetCookieParser} reads a Set-Cookie value
 * into a {@code SetCookie} (dates by {@code CookieDate}); {@code CookieAcceptance} judges it against
 * the request ({@code CookieRequest}) and makes a {@link dev.crawler.cookies.Cookie}, refusing a
 * Domain the host does not domain-match, a public suffix ({@code PublicSuffixes}, crawler-commons'
 * list), a Domain on an IP address, a Secure cookie over http; {@code CookieStore} keeps it by
 * domain within {@link dev.crawler.cookies.CookieLimits}, replacing the cookie of the same name,
 * domain and path, and finds the cookies a request gets ({@code CookieDomains},
 * {@code CookiePaths}). {@code NetscapeCookies} reads and writes the cookies.txt of curl and wget.
 *
 * <p>What a user can expect: cookies behave as in a browser, minus what only matters to scripts
 * (HttpOnly is kept but changes nothing; SameSite is ignored). Malformed, oversized (over 4096
 * bytes of name and value) and foreign cookies are dropped silently; past 50 cookies for a domain
 * or 3000 in all, expired then least recently used cookies make room. A malformed cookies.txt is an
 * error naming the line.
 *
 * <p>Not API: the module {@code dev.crawler} does not export this package.
 */
package dev.crawler.cookies;
