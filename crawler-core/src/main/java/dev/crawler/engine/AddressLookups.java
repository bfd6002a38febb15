package dev.crawler.engine;

import dev.crawler.net.BlockingResolver;
import dev.crawler.net.NameLookup;
import dev.crawler.net.ResolveOverrides;
import dev.crawler.politeness.AddressFinder;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Finds the IP address of a host for the per-IP budget, without blocking the coordinator's thread:
 * an override ({@code --resolve}) or an IP literal is known at once; any other name is looked up
 * on a virtual thread of its own ({@value #MAX_CONCURRENT} at a time), by the resolver the
 * blocking fetchers use (overrides, then the system's, the first IPv4 address of several), and
 * the answer comes back on the coordinator's thread. A lookup under way holds a
 * {@link WorkPermits.Permit}, so the crawl neither ends nor is seen as stalled while it waits; a
 * name that does not resolve is answered with no address.
 */
final class AddressLookups implements AddressFinder {

    /** Lookups running at once; the others wait their turn on their virtual threads. */
    static final int MAX_CONCURRENT = 16;

    private final ResolveOverrides overrides;
    private final BlockingResolver resolver;
    private final WorkPermits permits;
    private final EventExecutor loop;
    private final EngineLoop engine;
    private final Semaphore running = new Semaphore(MAX_CONCURRENT);

    AddressLookups(ResolveOverrides overrides, NameLookup lookup, WorkPermits permits, EventExecutor loop,
            EngineLoop engine) {
        this.overrides = overrides;
        this.resolver = new BlockingResolver(overrides, lookup);
        this.permits = permits;
        this.loop = loop;
        this.engine = engine;
    }

    @Override
    public void find(String host, Consumer<Optional<InetAddress>> answer) {
        Optional<InetAddress> known = overrides.known(host);
        if (known.isPresent()) {
            answer.accept(known);
            return;
        }
        WorkPermits.Permit permit = permits.take(WorkPermits.Kind.LOOKUP);
        Thread.ofVirtual().name("address-lookup").start(() -> {
            Optional<InetAddress> found = lookUp(host);
            try {
                loop.execute(() -> {
                    permit.release();
                    if (!engine.over()) {
                        answer.accept(found);
                        engine.pump();
                    }
                });
            } catch (RejectedExecutionException e) {
                // the crawl's thread is gone: nothing waits for the answer any more
            }
        });
    }

    /** Blocks a virtual thread while the name is looked up. */
    private Optional<InetAddress> lookUp(String host) {
        try {
            running.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        try {
            return Optional.of(resolver.resolve(host));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        } finally {
            running.release();
        }
    }
}
