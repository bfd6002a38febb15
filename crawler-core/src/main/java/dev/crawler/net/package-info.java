/**
 * Where a fetch may go and how it gets there.
 *
 * <p>A host name becomes an address through {@link dev.crawler.net.ResolveOverrides} (pinned
 * names, {@code --resolve}) and IP literals first, then DNS: {@link dev.crawler.net.AsyncResolver}
 * runs Netty's resolver on the fetcher's own event loop and never blocks it;
 * {@link dev.crawler.net.BlockingResolver} serves the blocking fetchers. The resolved address,
 * not the name, then passes {@link dev.crawler.net.AddressPolicy}: loopback, private, link-local
 * and other {@link dev.crawler.net.SpecialRanges} are refused unless a {@link dev.crawler.net.Cidr}
 * allows them. {@link dev.crawler.net.Transport} names the event-loop I/O model (epoll, io_uring,
 * NIO, NIO on poll) and {@link dev.crawler.net.IoTransport} makes it real, falling back to NIO.
 *
 * <p>The module {@code dev.crawler} exports this package for the settings in
 * {@link dev.crawler.CrawlConfig} and {@link dev.crawler.fetch.FetchSettings}:
 * {@link dev.crawler.net.AddressPolicy}, {@link dev.crawler.net.Cidr},
 * {@link dev.crawler.net.ResolveOverrides} and {@link dev.crawler.net.Transport}. The resolvers,
 * {@link dev.crawler.net.DnsConfig}, {@link dev.crawler.net.IoTransport},
 * {@link dev.crawler.net.NameLookup} and {@link dev.crawler.net.IpLiteral} are public for the fetch
 * engines, not API.
 */
package dev.crawler.net;
