/**
 * URLs waiting to be fetched. Every URL is normalized before it arrives here; its 64-bit
 * fingerprint goes into the seen set, so each URL is queued at most once per crawl, whether it
 * was later fetched, redirected or refused. Queues are FIFO per host ({@code scheme://host:port});
 * which host is served next is the politeness scheduler's decision, not the frontier's. The
 * {@link dev.crawler.frontier.Frontier} interface is partitioned by host so that a disk-backed or
 * distributed implementation can replace the in-memory one.
 */
package dev.crawler.frontier;
