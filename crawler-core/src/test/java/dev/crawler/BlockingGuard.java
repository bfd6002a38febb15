package dev.crawler;

import java.util.ArrayList;
import java.util.List;
import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * Installs BlockHound once per test JVM: from then on any blocking call (sleep, lock wait, file
 * or socket stream I/O...) made on a Netty event-loop thread throws, which fails the crawl test
 * that caused it. Netty ships its own BlockHound integration, which marks its event-loop threads
 * as non-blocking and allows the few waits Netty itself needs.
 *
 * <p>Each call caught is also recorded, with its thread and stack, since the crawl may catch the
 * error it throws (a fetch failing with it is retried): {@link #violations()} tells a test what
 * happened even then.
 */
final class BlockingGuard {

    private static final List<String> VIOLATIONS = new ArrayList<>();
    private static boolean installed;

    private BlockingGuard() {
    }

    static synchronized void install() {
        if (!installed) {
            BlockHound.install(builder -> builder
                    // Netty 4.2's adaptive allocator, growing a group of magazines, frees the old ones
                    // under their StampedLock, which parks for a moment if another thread holds it: a
                    // lock for the allocator's own bookkeeping, not I/O, and so not ours to catch.
                    // Caught, the error broke the simulated server's response write in the same JVM
                    // (0 bytes sent), and the crawl rightly fetched the page again: the rare "server
                    // saw this URL twice" failure of SimCrawlIT.
                    .allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                            "tryExpandMagazines")
                    .blockingMethodCallback(method -> {
                        record(method.toString());
                        throw new BlockingOperationError(method);
                    }));
            installed = true;
        }
    }

    /** Every blocking call caught on an event loop so far in this JVM, with where it was made. */
    static synchronized List<String> violations() {
        return List.copyOf(VIOLATIONS);
    }

    private static synchronized void record(String method) {
        StringBuilder where = new StringBuilder(method).append(" on ").append(Thread.currentThread().getName());
        StackTraceElement[] stack = new Throwable().getStackTrace();
        for (int i = 0; i < Math.min(stack.length, 40); i++) {
            where.append("\n    at ").append(stack[i]);
        }
        VIOLATIONS.add(where.toString());
    }
}
