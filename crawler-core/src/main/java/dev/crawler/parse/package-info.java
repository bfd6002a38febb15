/**
 * Parsing: turning fetched bytes into the links they hold, as URLs the frontier can take (their
 * one spelling is {@link dev.crawler.url}'s).
 *
 * <p>For an HTML response ({@link dev.crawler.parse.HtmlDetector}),
 * {@link dev.crawler.parse.CharsetDetector} picks the encoding and
 * {@link dev.crawler.parse.LinkExtractor} returns the followable links and the page's meta robots
 * directives as an {@link dev.crawler.parse.ExtractedPage}. It reads them without a DOM:
 * {@code LinkScanner} makes one pass over the decoded text, reading tags as jsoup's tokenizer does
 * ({@code TagReader}, {@code TextSkipper}, {@code Comments}) and following just enough of jsoup's
 * tree builder ({@code InsertionModes}) to know which link elements jsoup's DOM would hold; the
 * few pages it cannot promise that for are parsed by jsoup ({@code DomLinks}), which stays the
 * reference the tests hold the scanner to. Which of those links the
 * crawl keeps is decided by {@link dev.crawler.filter.Scope} (host, registered domain, any) and
 * {@link dev.crawler.filter.UrlFilter} (include / exclude patterns).
 *
 * <p>{@link dev.crawler.filter.TrapGuard} applies the {@link dev.crawler.filter.TrapPolicy} against
 * crawler traps (URL length, path depth, repeated segments, query variants per path, URLs per
 * host); {@link dev.crawler.parse.SitemapReader} reads sitemaps with crawler-commons.
 *
 * <p>Everything here is a pure function of its input, except the trap guard's counters: no I/O, no
 * clocks, no shared state.
 *
 * <p>Not API: the module {@code dev.crawler} does not export this package.
 */
package dev.crawler.parse;
