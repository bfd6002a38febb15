package dev.crawler.politeness;

import java.net.InetAddress;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where the {@link PolitenessScheduler} learns which IP address a host resolves to, when hosts of
 * one address share a budget. It must not block: it answers at once when the address is known
 * without a lookup (an override, an IP literal), else later, on the scheduler's thread. The host
 * starts nothing until the answer comes; an empty answer (the name does not resolve) leaves the
 * host outside any address's budget, and its fetches fail as they would have.
 */
@FunctionalInterface
public interface AddressFinder {

    /** Finds the address of {@code host} (a host name) and gives it to {@code answer} exactly once. */
    void find(String host, Consumer<Optional<InetAddress>> answer);

    /** IP literals only: a host name gets no address, so no budget. */
    static AddressFinder literalsOnly() {
        return (host, answer) -> answer.accept(dev.crawler.net.IpLiteral.parse(host));
    }
}
