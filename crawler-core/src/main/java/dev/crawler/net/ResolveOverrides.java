package dev.crawler.net;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Host names pinned to addresses, as with {@code --resolve site-1.sim=127.0.1.1}. */
public record ResolveOverrides(Map<String, InetAddress> byHost) {

    public ResolveOverrides {
        Map<String, InetAddress> lower = new LinkedHashMap<>();
        byHost.forEach((host, address) -> lower.put(host.toLowerCase(Locale.ROOT), address));
        byHost = Map.copyOf(lower);
    }

    public static ResolveOverrides none() {
        return new ResolveOverrides(Map.of());
    }

    /**
     * Parses {@code HOST=IP} entries, as given to {@code --resolve}. The address must be a literal;
     * no lookup is made.
     *
     * @throws IllegalArgumentException naming the first entry that is not {@code HOST=IP}
     */
    public static ResolveOverrides parse(List<String> entries) {
        Map<String, InetAddress> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            String host = eq < 0 ? "" : entry.substring(0, eq).trim();
            Optional<InetAddress> ip = eq < 0 ? Optional.empty() : IpLiteral.parse(entry.substring(eq + 1).trim());
            if (host.isEmpty() || ip.isEmpty()) {
                throw new IllegalArgumentException("not a HOST=IP override: '" + entry
                        + "' (expected for example site-1.sim=127.0.1.1)");
            }
            map.put(host, ip.get());
        }
        return new ResolveOverrides(map);
    }

    public Optional<InetAddress> lookup(String host) {
        return Optional.ofNullable(byHost.get(host.toLowerCase(Locale.ROOT)));
    }

    /**
     * The address known for {@code host} without any lookup: its override, or the address it
     * spells if it is an IP literal. Every resolver consults this first.
     */
    public Optional<InetAddress> known(String host) {
        return lookup(host).or(() -> IpLiteral.parse(host));
    }
}
