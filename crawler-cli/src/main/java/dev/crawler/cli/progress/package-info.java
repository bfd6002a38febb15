/**
 * What a person sees while and after a crawl runs: a progress line redrawn in place on a
 * terminal or logged every ten seconds elsewhere, and the closing summary. Formatting is pure
 * ({@link dev.crawler.cli.progress.ProgressLine}, {@link dev.crawler.cli.progress.Units}); the
 * reporter only schedules it.
 */
package dev.crawler.cli.progress;
