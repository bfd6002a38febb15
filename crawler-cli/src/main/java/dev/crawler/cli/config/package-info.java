/**
 * Crawl settings from a YAML file and the command line. Each setting is a
 * {@link dev.crawler.cli.config.Key} in {@link dev.crawler.cli.config.SettingKeys}: its YAML name,
 * its option and its parser. {@link dev.crawler.cli.config.Settings} layers (file, then command
 * line) combine, and {@link dev.crawler.cli.config.ConfigAssembler} turns the result into an
 * immutable {@link dev.crawler.CrawlConfig}, leaving every absent setting at the core's default.
 * Parsers are pure and fail with a reason; the file reader adds the file, line and key.
 */
package dev.crawler.cli.config;
