/**
 * Programs that use the crawler as a library, through its public API alone (this is the module
 * {@code dev.crawler.examples}, so the compiler sees to that): each crawls a simulated web served
 * in process on loopback, checks its own result, and exits with 0 when the checks hold
 * ({@code ./src/scripts/example} runs them all, on the module path).
 * <ul>
 * <li>{@link dev.crawler.examples.WordCount}: a sink of one's own, with no mirror tree;</li>
 * <li>{@link dev.crawler.examples.StopWhenEnough}: a listener that stops the crawl at a condition;</li>
 * <li>{@link dev.crawler.examples.CountingFrontierStore}: a frontier store of one's own, which a
 *     second crawl resumes from.</li>
 * </ul>
 */
package dev.crawler.examples;
