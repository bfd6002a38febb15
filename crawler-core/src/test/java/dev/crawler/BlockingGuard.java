package dev.crawler;

import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound once per test JVM: from then on any blocking call (sleep, lock wait, file
 * or socket stream I/O...) made on a Netty event-loop thread throws, which fails the crawl test
 * that caused it. Netty ships its own BlockHound integration, which marks its event-loop threads
 * as non-blocking and allows the few waits Netty itself needs.
 */
final class BlockingGuard {

    private static boolean installed;

    private BlockingGuard() {
    }

    static synchronized void install() {
        if (!installed) {
            BlockHound.install();
            installed = true;
        }
    }
}
