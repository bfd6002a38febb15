package dev.crawler.net;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Decides which resolved addresses may be contacted. By default loopback, private, link-local,
 * unique-local, multicast and unspecified addresses are refused; ranges given with
 * {@code --allow-net CIDR} are allowed even so. Checked on the resolved address, so a public
 * name that resolves to a private address is refused too.
 */
public final class AddressPolicy {

    private final List<Cidr> allowed;

    private AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Only public unicast addresses. */
    public static AddressPolicy publicOnly() {
        return new AddressPolicy(List.of());
    }

    /** Public addresses plus the given ranges. */
    public static AddressPolicy allowing(List<Cidr> ranges) {
        return new AddressPolicy(ranges);
    }

    public List<Cidr> allowedRanges() {
        return allowed;
    }

    /** Empty if {@code address} may be contacted, otherwise the reason it may not. */
    public Optional<String> refusal(InetAddress address) {
        for (Cidr c : allowed) {
            if (c.contains(address)) {
                return Optional.empty();
            }
        }
        return SpecialRanges.classify(address)
                .map(kind -> kind + " address " + address.getHostAddress()
                        + " refused (allow it with --allow-net)");
    }
}
