/**
 * Seed URLs from arguments, files and standard input: each is checked and normalized
 * ({@link dev.crawler.cli.seeds.SeedUrl}); unusable ones become
 * {@link dev.crawler.cli.seeds.SeedProblem}s with their source and line, are reported, and the
 * crawl goes on with the rest.
 */
package dev.crawler.cli.seeds;
