/**
 * robots.txt (RFC 9309). The crawler fetches {@code /robots.txt} of a host before any page of
 * it, through the same fetcher and politeness slot as pages; {@link dev.crawler.robots.RobotsPolicy}
 * turns the result into rules (parsed with crawler-commons; 4xx allows all; 5xx or unreachable
 * disallows all for a while) and {@link dev.crawler.robots.RobotsCache} keeps them per host.
 *
 * <p>What a user can expect: at most 500 KiB of a robots.txt are fetched and parsed (cut back to
 * the last whole line); up to 5 redirects are followed, and past them robots.txt counts as
 * missing (allow all). When robots.txt answers 5xx or 429 or cannot be fetched, none of the host's
 * URLs are fetched: they wait, and robots.txt is fetched again after a back-off, as many times as
 * the crawl retries a page; only when that fails too are the URLs recorded as
 * {@code robots_unreachable} (with the reason), so a short outage costs nothing and a dead host
 * ends the crawl in bounded time. A failure that cannot pass (TLS, DNS, a refused address) is not
 * retried. Rules live 24 hours (unreachable ones 5 minutes) and serve all of a host's requests.
 * A Crawl-delay is obeyed up to the politeness cap (never turned into disallow-all). The sitemaps
 * robots.txt lists can seed the crawl ({@code --sitemaps}).
 *
 * <p>Not API: the module {@code dev.crawler} does not export this package.
 */
package dev.crawler.robots;
