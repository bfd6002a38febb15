package dev.crawler.frontier;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * URLs waiting to be fetched, queued per host, each URL at most once over the crawl.
 *
 * <p>State is partitioned by host from the start: callers always name the host they take from,
 * and nothing assumes the frontier sees every host, so a distributed implementation can keep each
 * host on the node that owns it. Not thread-safe: the crawler's coordinator owns it, and every
 * method is called on the coordinator's thread; none of them blocks on I/O.
 *
 * <p>The life of a URL: {@link #offer} queues it; {@link #poll} hands it out; when its outcome is
 * known the owner calls {@link #finish} with the outcome's record (the {@code index.jsonl} line),
 * waits for the returned future (the outcome and every URL offered before it are then durable),
 * publishes the record, and calls {@link #published}. A URL handed out but not finished, for
 * instance because the crawler stopped or crashed, is handed out again by the next run of a
 * durable frontier. {@link #requeue} puts a handed-out URL back (a retry).
 */
public interface Frontier extends AutoCloseable {

    /** What happened to an offered URL. */
    enum Offer {
        /** Queued, and its host had nothing ready to poll before: the caller should wake the host. */
        QUEUED_NEW_HOST,
        /** Queued behind other URLs of its host (or on disk, to be made ready later: see {@link #onReady}). */
        QUEUED,
        /** Seen before (queued, fetched or refused); dropped. */
        DUPLICATE
    }

    /** Queues {@code request} unless its URL was offered before. */
    Offer offer(CrawlRequest request);

    /** Marks a URL as seen without queuing it; true if it was new. */
    boolean markSeen(String normalizedUrl);

    /**
     * Whether {@code normalizedUrl} was offered or marked before, so that an offer of it now would
     * be a {@link Offer#DUPLICATE}; a frontier that cannot tell at once says false, and the offer
     * decides. Most links a crawl finds are such duplicates, and this lets them be dropped before
     * they are judged.
     */
    default boolean seenAlready(String normalizedUrl) {
        return false;
    }

    /** The next URL of {@code hostKey} in FIFO order, if one is ready. */
    Optional<CrawlRequest> poll(String hostKey);

    /** Whether {@code hostKey} has a URL ready to {@link #poll}. */
    boolean hasQueued(String hostKey);

    /** URLs queued for {@code hostKey}, ready or not (a host's backlog, to rank hosts by). */
    default long queued(String hostKey) {
        return hasQueued(hostKey) ? 1 : 0;
    }

    /**
     * Whether URLs are being read back from disk to be made ready, or may still come from
     * elsewhere (other nodes of a crawl): the owner then waits for {@link #onReady} or
     * {@link #onLoaded}, with nothing under way and no timer; that is not a stall, and the crawl
     * is not over.
     */
    default boolean loading() {
        return false;
    }

    /** URLs queued over all hosts, ready or not. */
    long queued();

    /** Distinct URLs seen so far. */
    long seen();

    /**
     * Sets what to call, on the owner's thread, when a host that had nothing ready gets a URL
     * ready later (a durable frontier loads queued URLs from disk in the background).
     */
    default void onReady(Consumer<String> listener) {
    }

    /**
     * Sets what to call, on the owner's thread, when {@link #loading()} turned false without a
     * host getting ready (a frontier shared by several nodes learning that the whole crawl is
     * over): the owner then checks again whether its crawl has ended.
     */
    default void onLoaded(Runnable listener) {
    }

    /**
     * Sets what to call, on the owner's thread, when the frontier can no longer keep its state (a
     * store write or read failed: disk full, directory gone). What was written before stays
     * consistent, so the crawl can be resumed once the cause is fixed.
     */
    default void onFailure(Consumer<Throwable> listener) {
    }

    /**
     * Records that {@code request} (handed out by {@link #poll}) is done, with {@code record} (its
     * index line, or null for none). The future completes, on any thread, once the outcome and
     * every URL offered before this call are durable; it fails if they cannot be written.
     */
    default CompletableFuture<Void> finish(CrawlRequest request, byte[] record) {
        return CompletableFuture.completedFuture(null);
    }

    /** Tells that the record of a finished request was published (written to the index). */
    default void published(CrawlRequest request) {
        published(request.url());
    }

    /**
     * Records the outcome of a URL that was never queued, only marked seen (a link refused by a
     * trap rule, say): {@code record} is journaled with the seen mark, and the future completes once
     * both are durable; then publish the record and call {@link #published(String)}. So after a crash
     * the URL is neither recorded twice nor seen without a record.
     */
    default CompletableFuture<Void> record(String normalizedUrl, byte[] record) {
        return CompletableFuture.completedFuture(null);
    }

    /** Tells that the record of {@code normalizedUrl} was published (written to the index). */
    default void published(String normalizedUrl) {
    }

    /**
     * Puts a request handed out by {@link #poll} back at the head of its host's queue, to be
     * handed out again (a retry); returns true when the host had nothing ready before.
     */
    default boolean requeue(CrawlRequest request) {
        throw new UnsupportedOperationException("requeue");
    }

    /**
     * Records an earlier run made durable and perhaps never published (a crash between the two):
     * the owner publishes those its index lacks, then {@link #forget}s each. None by default.
     */
    default List<JournalEntry> recoveredJournal() {
        return List.of();
    }

    /** Drops an entry of {@link #recoveredJournal()}: its record is published, or was already. */
    default void forget(JournalEntry entry) {
    }

    /**
     * The budget of {@code maxPages} page starts (-1: none) of a crawl on this frontier: counted
     * by the engine alone by default; a frontier shared by several nodes counts the starts of all
     * of them. Asked for once, when the crawl is set up.
     */
    default PageBudget pageBudget(long maxPages) {
        return PageBudget.counting(maxPages);
    }

    /**
     * Whether the trap rules ({@code TrapGuard}) judge a URL when it is first handed out by
     * {@link #poll}, rather than when it is found. False by default: a URL a trap refuses is then
     * never queued. A frontier shared by several nodes says true: a host's URLs are found on every
     * node but handed out by the host's owner alone, so only there do the rules that count (URLs
     * per host, queries per path) see all of them, and only there is a refused URL recorded once,
     * as the outcome of its queued request.
     */
    default boolean judgesTrapsOnPoll() {
        return false;
    }

    /**
     * Keeps {@code note} about a host this process hands out URLs of, for whichever process hands
     * them out next (a node that takes the host over). Sent, not waited for: a note lost with a
     * crash costs its successor some work done again, never a URL. Kept nowhere by default.
     */
    default void note(HostNote note) {
    }

    /**
     * The notes kept about {@code hostKey} by the processes that handed its URLs out before this
     * one, each given once: the owner asks before it hands out a URL of the host. None by default.
     */
    default List<HostNote> notes(String hostKey) {
        return List.of();
    }

    /**
     * Writes what is pending; the future completes once it is written. On the owner's thread.
     * Done at once by default (a frontier that keeps nothing pending).
     */
    default CompletableFuture<Void> checkpoint() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    default void close() {
    }
}
