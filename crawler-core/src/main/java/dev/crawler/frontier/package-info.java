/**
 * URLs waiting to be fetched, and every URL seen, kept so that a crawl can be stopped and resumed
 * and can hold far more URLs than the heap.
 *
 * <p>Every URL is normalized before it arrives here; its 64-bit fingerprint goes into the
 * {@link dev.crawler.frontier.SeenSet} (at most 16 bytes a URL on the heap), so each URL is queued
 * at most once per crawl, whether it was later fetched, redirected or refused. Queues are FIFO per
 * host ({@code scheme://host:port}); which host is served next is the politeness scheduler's
 * decision, not the frontier's. The {@link dev.crawler.frontier.Frontier} interface is partitioned
 * by host, so nothing assumes one node sees every host.
 *
 * <p>{@link dev.crawler.frontier.DurableFrontier} is the crawl's frontier: every queued URL and
 * seen fingerprint is written, in ordered batches on one store thread, to a
 * {@link dev.crawler.frontier.FrontierStore} ({@link dev.crawler.frontier.RocksFrontierStore}:
 * RocksDB in the crawl's state directory), and only the heads of some hosts' queues are on the
 * heap, read back from disk as they run low. A request stays in the store until its outcome is
 * finished, in the same batch as the URLs it led to, with its index line journaled until it is
 * published: so a crash (kill -9) loses no queued URL, refetches at most the requests that were in
 * flight, and never writes an index line twice. The store interface is a few key-value tables; a
 * library user can give a store of their own ({@link dev.crawler.Crawler.Builder#frontierStore}).
 * There is no distributed mode yet.
 * {@link dev.crawler.frontier.InMemoryFrontier} keeps everything on the heap, for tests.
 * The {@code crawler frontier-bench} command measures it all without network.
 *
 * <p>The module {@code dev.crawler} exports this package for the store:
 * {@link dev.crawler.frontier.FrontierStore} and the records it reads and writes
 * ({@link dev.crawler.frontier.StoreBatch}, {@link dev.crawler.frontier.QueueEntry},
 * {@link dev.crawler.frontier.JournalEntry}, {@link dev.crawler.frontier.CrawlRequest}), and
 * {@link dev.crawler.frontier.MemoryFrontierStore}. The frontiers themselves and
 * {@link dev.crawler.frontier.RocksFrontierStore} are public for the engine, not API.
 */
package dev.crawler.frontier;
