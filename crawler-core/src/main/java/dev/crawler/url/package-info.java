/**
 * URLs: {@link dev.crawler.url.UrlNormalizer} gives every URL its one canonical spelling (lenient
 * like a browser, never throwing; host, path and percent-encoding each normalized by their own
 * class), and resolves a link against its base; {@link dev.crawler.url.Fingerprint} is the 64-bit
 * key the seen set stores. Pure functions: no I/O, no clocks, no shared state.
 *
 * <p>Not API: the module {@code dev.crawler} does not export this package.
 */
package dev.crawler.url;
