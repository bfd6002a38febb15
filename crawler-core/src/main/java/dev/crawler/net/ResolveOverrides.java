package dev.crawler.net;

import java.net.InetAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Host names pinned to addresses, as with {@code --resolve site-1.sim=127.0.1.1}. */
public record ResolveOverrides(Map<String, InetAddress> byHost) {

    public ResolveOverrides {
        byHost = Map.copyOf(byHost);
    }

    public static ResolveOverrides none() {
        return new ResolveOverrides(Map.of());
    }

    public Optional<InetAddress> lookup(String host) {
        return Optional.ofNullable(byHost.get(host.toLowerCase(Locale.ROOT)));
    }
}
