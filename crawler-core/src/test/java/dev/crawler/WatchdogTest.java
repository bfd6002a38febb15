package dev.crawler;

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
        }, Duration.ofMillis(20), dump -> violations.add(Thread.currentThread().getName() + ": " + dump))) {
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
        }, Duration.ofMillis(20), violations::add)) {
            for (int i = 0; i < 3; i++) {
                assertThat(audits.poll(5, TimeUnit.SECONDS)).as("audit %d ran", i).isTrue();
            }
            assertThat(violations).isEmpty();
        } finally {
            loop.shutdownNow();
        }
    }
}
