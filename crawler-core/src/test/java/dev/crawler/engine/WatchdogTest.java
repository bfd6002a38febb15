package dev.crawler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class WatchdogTest {

    @Test
    void aViolationFoundOnTheLoopIsHandedOverOnTheWatchdogsThread() throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-loop"));
        AtomicReference<String> auditedOn = new AtomicReference<>();
        LinkedBlockingQueue<String> violations = new LinkedBlockingQueue<>();
        try (Watchdog watchdog = new Watchdog(loop, () -> {
            auditedOn.set(Thread.currentThread().getName());
            return Optional.of("stalled: 3 URLs queued");
        }, Duration.ofMillis(20), dump -> violations.add(Thread.currentThread().getName() + ": " + dump),
                () -> false, () -> violations.add("loop gone"))) {
            String first = violations.poll(5, TimeUnit.SECONDS);
            assertThat(first).isEqualTo("crawl-watchdog: stalled: 3 URLs queued");
            assertThat(auditedOn.get()).isEqualTo("fake-loop");
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void aHealthyCrawlIsNotReported() throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        LinkedBlockingQueue<String> violations = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Boolean> audits = new LinkedBlockingQueue<>();
        try (Watchdog watchdog = new Watchdog(loop, () -> {
            audits.add(true);
            return Optional.empty();
        }, Duration.ofMillis(20), violations::add, () -> false, () -> violations.add("loop gone"))) {
            for (int i = 0; i < 3; i++) {
                assertThat(audits.poll(5, TimeUnit.SECONDS)).as("audit %d ran", i).isTrue();
            }
            assertThat(violations).isEmpty();
        } finally {
            loop.shutdownNow();
        }
    }

    /**
     * A loop that died (as a Netty event loop does after an error it only logs) refuses the audit
     * while the crawl is not over: the watchdog says so, once, instead of waiting forever.
     */
    @Test
    void aLoopThatDiesBeforeTheCrawlIsOverIsReportedOnce() throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        loop.shutdownNow();
        LinkedBlockingQueue<String> gone = new LinkedBlockingQueue<>();
        try (Watchdog watchdog = new Watchdog(loop, Optional::empty, Duration.ofMillis(10), d -> { },
                () -> false, () -> gone.add(Thread.currentThread().getName()))) {
            assertThat(gone.poll(5, TimeUnit.SECONDS)).isEqualTo("crawl-watchdog");
            Thread.sleep(100);
            assertThat(gone).as("reported once").isEmpty();
        }
    }

    /** At the end of a crawl its loop shuts down: that is not a death. */
    @Test
    void aLoopThatShutsDownAfterTheCrawlIsNotReported() throws Exception {
        ExecutorService loop = Executors.newSingleThreadExecutor();
        loop.shutdownNow();
        LinkedBlockingQueue<String> gone = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Boolean> asked = new LinkedBlockingQueue<>();
        try (Watchdog watchdog = new Watchdog(loop, Optional::empty, Duration.ofMillis(10), d -> { },
                () -> asked.add(true), () -> gone.add("loop gone"))) {
            assertThat(asked.poll(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(50);
            assertThat(gone).isEmpty();
        }
    }
}
