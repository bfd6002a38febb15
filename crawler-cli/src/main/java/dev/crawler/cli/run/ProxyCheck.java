package dev.crawler.cli.run;

import dev.crawler.cli.config.ConfigException;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.proxy.ProxyConfig;
import dev.crawler.fetch.proxy.ProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Before a crawl starts, makes sure each proxy it is told to use takes connections, so that a
 * proxy that is down stops the run at once with one clear message instead of failing every URL.
 * A proxy that goes down later fails the requests that meet it ({@code proxy} errors, retried like
 * a refused connection).
 */
final class ProxyCheck {

    private ProxyCheck() {
    }

    /** A line naming the proxies in use, or empty if requests go directly. */
    static String describe(ProxyConfig proxies) {
        if (!proxies.any()) {
            return "";
        }
        String via = proxies.http().equals(proxies.https())
                ? "through proxy " + proxies.http().orElseThrow()
                : "through proxies: http " + proxies.http().map(ProxyServer::toString).orElse("direct")
                        + ", https " + proxies.https().map(ProxyServer::toString).orElse("direct");
        String except = proxies.noProxy().toString();
        return via + (except.isEmpty() ? "" : " (direct: " + except + ")");
    }

    /**
     * Fails if a proxy's name does not resolve ({@link ConfigException}) or it does not accept a
     * connection within {@code timeout} ({@link UncheckedIOException}, a fatal error). Blocks.
     */
    static void reachable(ProxyConfig proxies, Duration timeout) {
        if (!proxies.any()) {
            return;
        }
        Set<ProxyServer> servers = new LinkedHashSet<>();
        proxies.http().ifPresent(servers::add);
        proxies.https().ifPresent(servers::add);
        for (ProxyServer named : servers) {
            ProxyServer proxy;
            try {
                proxy = named.resolved();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(e.getMessage(), e);
            }
            try (Socket s = new Socket()) {
                s.connect(proxy.address(), (int) Math.max(1, timeout.toMillis()));
            } catch (IOException e) {
                String message = Messages.proxyUnreachable(named, Messages.rootMessage(e));
                throw new UncheckedIOException(message, e);
            }
        }
    }
}
