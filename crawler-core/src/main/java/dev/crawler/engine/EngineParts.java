package dev.crawler.engine;

import dev.crawler.politeness.PolitenessScheduler;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * What the stages of the crawl engine share, all owned by the coordinator's thread but the
 * workers and the counters.
 *
 * @param scheduler per-host politeness: who may start a request, and when
 * @param permits everything under way; the crawl ends only when none is held
 * @param slots requests' slots at their hosts: when written, when ended
 * @param stats the crawl's counters, read by progress reports from any thread
 * @param loop the coordinator's thread
 * @param workers where blocking work (files, parsing, logging) runs, never the loop
 * @param clock monotonic nanoseconds ({@link EngineClock#nanoTime()})
 * @param engine the loop itself: pump, over, fail
 */
record EngineParts(PolitenessScheduler scheduler, WorkPermits permits, RequestSlots slots, EngineStats stats,
        EventExecutor loop, Executor workers, LongSupplier clock, EngineLoop engine) {
}
