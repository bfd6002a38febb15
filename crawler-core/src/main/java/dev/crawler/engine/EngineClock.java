package dev.crawler.engine;

import java.time.InstantSource;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Where the crawl engine reads time and chance: the system's in a crawl, chosen by the test in
 * the engine's unit tests.
 *
 * @param nanoTime monotonic time in nanoseconds, the scale of {@link System#nanoTime()}, for
 *     politeness, back-off and wake-ups (fetchers report send times on that scale)
 * @param wall wall-clock time, for HTTP dates such as a {@code Retry-After} date
 * @param random uniform values in [0, 1), for back-off jitter
 */
record EngineClock(LongSupplier nanoTime, InstantSource wall, DoubleSupplier random) {

    /** The system's clocks and a thread-local random source. */
    static EngineClock system() {
        return new EngineClock(System::nanoTime, InstantSource.system(), () -> ThreadLocalRandom.current().nextDouble());
    }
}
