package dev.crawler.bench.frontier;

import dev.crawler.frontier.CrawlRequest;
import dev.crawler.frontier.DurableFrontier;
import dev.crawler.frontier.Frontier;
import dev.crawler.frontier.RocksFrontierStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Pushes synthetic URLs through a {@link DurableFrontier} without any network, the way a crawl
 * would, and measures it: first every URL is offered (each new one followed by a duplicate of an
 * earlier one, as links repeat), then every one is polled and finished, host by host in the order
 * hosts become ready. The driver thread is the frontier's owner, as the coordinator is in a crawl.
 *
 * <p>Reported: URLs per second in (offers until durable) and out (poll and finish until durable),
 * the peak heap in use (sampled every few milliseconds, garbage included), the live heap after a
 * full GC once all URLs are seen and queued (the most the frontier holds), the seen set's table, bytes on disk and the process's peak resident
 * memory (which includes RocksDB's native memtables and cache).
 */
public final class FrontierBenchmark {

    private static final int CHUNK = 10_000;
    private static final long MAX_BACKLOG_BYTES = 64L << 20;

    /**
     * @param urls distinct URLs to push through
     * @param hosts hosts they are spread over
     * @param dir where the store goes (a new directory)
     * @param options how much of the frontier stays on the heap
     */
    public record Settings(long urls, int hosts, Path dir, DurableFrontier.Options options) {
        public Settings {
            if (urls < 1 || hosts < 1) {
                throw new IllegalArgumentException("urls and hosts must be at least 1");
            }
        }
    }

    /**
     * The measurements.
     *
     * @param urls distinct URLs pushed through
     * @param offers offers made (new and duplicate)
     * @param inSeconds time to offer every URL and have it written
     * @param outSeconds time to poll and finish every URL and have it written
     * @param peakHeapBytes the most heap in use at any sample over the run, garbage included
     * @param baselineHeapBytes live heap after a full GC before the run
     * @param liveHeapBytes live heap after a full GC with every URL seen and queued on disk
     * @param seenSetBytes the seen set's table
     * @param diskBytesIn store size on disk once every URL is queued
     * @param diskBytesOut store size on disk at the end
     * @param peakRssBytes the process's peak resident memory (VmHWM), or -1 where unknown
     * @param maxHeapBytes the heap limit (-Xmx)
     */
    public record Report(long urls, long offers, double inSeconds, double outSeconds, long peakHeapBytes,
            long baselineHeapBytes, long liveHeapBytes, long seenSetBytes, long diskBytesIn, long diskBytesOut,
            long peakRssBytes, long maxHeapBytes) {

        public double urlsPerSecondIn() {
            return urls / inSeconds;
        }

        public double urlsPerSecondOut() {
            return urls / outSeconds;
        }

        /** Heap that grew with the URLs (live after, minus live before), per URL. */
        public double liveHeapBytesPerUrl() {
            return (liveHeapBytes - baselineHeapBytes) / (double) urls;
        }

        public double seenSetBytesPerUrl() {
            return seenSetBytes / (double) urls;
        }
    }

    private final Settings settings;
    private final Consumer<String> progress;
    private final ConcurrentLinkedQueue<Runnable> ownerTasks = new ConcurrentLinkedQueue<>();
    private final Executor owner = ownerTasks::add;
    private final ArrayDeque<String> readyHosts = new ArrayDeque<>();
    private final AtomicLong finished = new AtomicLong();
    private DurableFrontier frontier;

    private FrontierBenchmark(Settings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Runs the benchmark; the store is left in {@code settings.dir()}. */
    public static Report run(Settings settings, Consumer<String> progress) throws IOException {
        return new FrontierBenchmark(settings, progress).run();
    }

    private Report run() throws IOException {
        if (Files.exists(settings.dir())) {
            throw new IOException(settings.dir() + " exists; the benchmark needs a new directory");
        }
        long baseline = liveHeap();
        HeapWatch heap = HeapWatch.start();
        frontier = DurableFrontier.open(RocksFrontierStore.open(settings.dir()), owner, settings.options());
        frontier.onReady(readyHosts::add);
        try {
            long t0 = System.nanoTime();
            long offers = offerAll();
            settle(frontier.checkpoint());
            double in = (System.nanoTime() - t0) / 1e9;
            long diskIn = frontier.diskBytes();
            long live = liveHeap();
            long seenBytes = frontier.seenSetBytes();
            progress.accept(String.format("in: %,d URLs in %.1f s; live heap %,d MB", settings.urls(), in, live >> 20));
            long t1 = System.nanoTime();
            drainAll();
            settle(frontier.checkpoint());
            double out = (System.nanoTime() - t1) / 1e9;
            long diskOut = frontier.diskBytes();
            return new Report(settings.urls(), offers, in, out, heap.peakUsed(), baseline, live,
                    seenBytes, diskIn, diskOut, peakRss(), Runtime.getRuntime().maxMemory());
        } finally {
            heap.close();
            frontier.close();
        }
    }

    private long offerAll() {
        SplittableRandom random = new SplittableRandom(42);
        long offers = 0;
        for (long i = 0; i < settings.urls(); i++) {
            if (frontier.offer(request(i)) == Frontier.Offer.QUEUED_NEW_HOST) {
                readyHosts.add(hostKey(hostOf(i)));
            }
            offers++;
            if (i > 0) {
                frontier.offer(request(random.nextLong(i)));
                offers++;
            }
            if (i % CHUNK == CHUNK - 1) {
                runOwnerTasks();
                throttle();
                if (i % 1_000_000 == 999_999) {
                    progress.accept(String.format("offered %,d URLs", i + 1));
                }
            }
        }
        runOwnerTasks();
        return offers;
    }

    private void drainAll() {
        long polled = 0;
        while (polled < settings.urls()) {
            String host = readyHosts.poll();
            if (host == null) {
                runOwnerTasks();
                if (readyHosts.isEmpty()) {
                    Thread.onSpinWait();
                    pause();
                }
                continue;
            }
            Optional<CrawlRequest> r = frontier.poll(host);
            if (r.isEmpty()) {
                continue;
            }
            frontier.finish(r.get(), null).thenRun(finished::incrementAndGet);
            polled++;
            if (frontier.hasQueued(host)) {
                readyHosts.add(host);
            }
            if (polled % CHUNK == 0) {
                runOwnerTasks();
                throttle();
                if (polled % 1_000_000 == 0) {
                    progress.accept(String.format("polled and finished %,d URLs", polled));
                }
            }
        }
    }

    private void settle(java.util.concurrent.CompletableFuture<Void> written) {
        while (!written.isDone()) {
            runOwnerTasks();
            pause();
        }
        written.join();
        frontier.failure().ifPresent(e -> {
            throw new UncheckedIOException(e);
        });
    }

    private void throttle() {
        while (frontier.backlogBytes() > MAX_BACKLOG_BYTES) {
            runOwnerTasks();
            pause();
        }
        frontier.failure().ifPresent(e -> {
            throw new UncheckedIOException(e);
        });
    }

    private void runOwnerTasks() {
        for (Runnable task = ownerTasks.poll(); task != null; task = ownerTasks.poll()) {
            task.run();
        }
    }

    private CrawlRequest request(long i) {
        int host = hostOf(i);
        return new CrawlRequest("http://h" + host + ".bench/p/" + i, hostKey(host), 1, null, 0);
    }

    private int hostOf(long i) {
        long h = (i + 1) * 0x9E3779B97F4A7C15L;
        return (int) Math.floorMod(h ^ (h >>> 31), (long) settings.hosts());
    }

    private static String hostKey(int host) {
        return "http://h" + host + ".bench:80";
    }

    private static void pause() {
        try {
            Thread.sleep(0, 200_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
