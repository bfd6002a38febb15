/**
 * Running a crawl for a command: the log pointed at the output directory before anything logs
 * ({@link dev.crawler.cli.run.LogSetup}), Ctrl-C turned into a graceful stop that waits for the
 * output to be written ({@link dev.crawler.cli.run.ShutdownGuard}), and the crawl itself with its
 * progress and summary ({@link dev.crawler.cli.run.CrawlRunner}).
 */
package dev.crawler.cli.run;
