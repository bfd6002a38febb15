package dev.crawler.fetch.proxy;

import dev.crawler.net.Cidr;
import dev.crawler.net.IpLiteral;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosts reached directly although a proxy is set ({@code --no-proxy}, {@code NO_PROXY}), read
 * the way curl reads them: a comma-separated list where {@code *} alone means every host, a name
 * matches itself and every name below it ({@code example.com} and {@code .example.com} both match
 * {@code www.example.com}), an IP address matches itself and a CIDR block ({@code 10.0.0.0/8})
 * the addresses in it. A port after a name is ignored.
 *
 * @param everything whether {@code *} was given
 * @param domains names, lower-cased, without a leading dot
 * @param blocks addresses and address blocks
 */
public record NoProxy(boolean everything, List<String> domains, List<Cidr> blocks) {

    public NoProxy {
        domains = List.copyOf(domains);
        blocks = List.copyOf(blocks);
    }

    /** No exceptions: every host goes through the proxy. */
    public static NoProxy none() {
        return new NoProxy(false, List.of(), List.of());
    }

    /** The list {@code text} gives (entries separated by commas or spaces). */
    public static NoProxy parse(String text) {
        boolean all = false;
        List<String> domains = new ArrayList<>();
        List<Cidr> blocks = new ArrayList<>();
        for (String raw : text.split("[,\\s]+")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                all = true;
            } else if (entry.indexOf('/') >= 0) {
                blocks.add(Cidr.parse(entry));
            } else {
                Optional<InetAddress> ip = IpLiteral.parse(IpLiteral.stripBrackets(stripPort(entry)));
                if (ip.isPresent()) {
                    blocks.add(new Cidr(ip.get(), ip.get().getAddress().length * 8));
                } else {
                    String name = stripPort(entry);
                    domains.add(name.startsWith(".") ? name.substring(1) : name);
                }
            }
        }
        return new NoProxy(all, domains, blocks);
    }

    private static String stripPort(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close < 0 ? entry : entry.substring(0, close + 1);
        }
        int colon = entry.indexOf(':');
        return colon >= 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }

    /** Whether requests to {@code host} (a lower-cased name or address, no brackets) skip the proxy. */
    public boolean bypasses(String host) {
        if (everything) {
            return true;
        }
        Optional<InetAddress> ip = IpLiteral.parse(host);
        if (ip.isPresent()) {
            return blocks.stream().anyMatch(b -> b.contains(ip.get()));
        }
        for (String d : domains) {
            if (host.equals(d) || (host.endsWith(d) && host.charAt(host.length() - d.length() - 1) == '.')) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>();
        if (everything) {
            all.add("*");
        }
        all.addAll(domains);
        blocks.forEach(b -> all.add(b.toString()));
        return String.join(",", all);
    }
}
