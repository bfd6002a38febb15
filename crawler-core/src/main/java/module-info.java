/**
 * The crawler as a library. A module user reads only the exported packages: {@link dev.crawler}
 * ({@link dev.crawler.Crawler}, {@link dev.crawler.CrawlConfig}, sinks, listeners, outcomes) and
 * the packages whose types its signatures name:
 * <ul>
 *   <li>{@link dev.crawler.fetch}: {@link dev.crawler.fetch.Fetcher} (a fetcher of one's own),
 *       {@link dev.crawler.fetch.FetchResult} (the response an outcome carries),
 *       {@link dev.crawler.fetch.FetchSettings} and {@link dev.crawler.fetch.RetryPolicy};</li>
 *   <li>{@link dev.crawler.fetch.proxy}: {@link dev.crawler.fetch.proxy.ProxyConfig} and the proxies
 *       it names;</li>
 *   <li>{@link dev.crawler.frontier}: {@link dev.crawler.frontier.FrontierStore} (a store of one's
 *       own) and the records it reads and writes;</li>
 *   <li>{@link dev.crawler.filter}: {@link dev.crawler.filter.Scope},
 *       {@link dev.crawler.filter.UrlFilter}, {@link dev.crawler.filter.TrapPolicy};</li>
 *   <li>{@link dev.crawler.politeness}: {@link dev.crawler.politeness.PolitenessPolicy};</li>
 *   <li>{@link dev.crawler.net}: {@link dev.crawler.net.AddressPolicy}, {@link dev.crawler.net.Cidr},
 *       {@link dev.crawler.net.ResolveOverrides}, {@link dev.crawler.net.Transport}.</li>
 * </ul>
 * The engine is in packages this module does not export: {@code engine} (the coordinator and its
 * stages), the fetch engines ({@code fetch.netty}, {@code fetch.blocking}, {@code fetch.poll}) and
 * what they share ({@code fetch.http}, {@code fetch.connect}), {@code url}, {@code robots},
 * {@code parse}, {@code export} and {@code io}. The exported packages still hold a few public classes that are
 * the engine's (the frontiers, the politeness scheduler, the resolvers, the scope and trap
 * guards); they are public for the engine's packages, not for users, and may change.
 *
 * <p>Native parts: brotli4j finds its native library ({@code com.aayushatharva.brotli4j.linux.x86_64})
 * as a service provider wherever it is on the module path. Netty's native transports are modules
 * with nothing to read, so nothing requires them and nothing resolves them by itself: an
 * application on the module path that wants epoll or io_uring adds them
 * ({@code --add-modules io.netty.transport.epoll.linux.x86_64}); without them the crawl runs on
 * NIO. The {@code nio-poll} transport needs {@code --add-exports java.base/sun.nio.ch=dev.crawler}.
 */
// crawler-commons, rocksdbjni and jwarc have no module descriptor and no Automatic-Module-Name:
// their module names come from their file names
@SuppressWarnings("requires-automatic")
module dev.crawler {
    exports dev.crawler;
    exports dev.crawler.fetch;
    exports dev.crawler.fetch.proxy;
    exports dev.crawler.filter;
    exports dev.crawler.frontier;
    exports dev.crawler.net;
    exports dev.crawler.politeness;

    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.compression;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.handler.proxy;
    requires io.netty.resolver;
    requires io.netty.resolver.dns;
    requires io.netty.transport;
    // the transports' Java classes are always there (IoTransport asks them whether their native
    // library loaded); the native libraries are optional Maven dependencies, see above
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.classes.io_uring;
    // a plain requires, not static: a static one would leave brotli4j unresolved on the module
    // path, and brotli off, even where it is there
    requires com.aayushatharva.brotli4j;

    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;
    requires crawler.commons;
    requires jwarc;
    requires org.jsoup;
    requires org.slf4j;
    requires rocksdbjni;
}
