/**
 * The {@code crawler} command (picocli): {@code demo} crawls the built-in simulated web and checks
 * the result against its ground truth, {@code crawl} crawls from seed URLs, {@code sim} serves the
 * simulated web by hand. {@link dev.crawler.cli.Main} builds the command line and maps failures to
 * the documented {@link dev.crawler.cli.ExitCodes}.
 *
 * <p>A command reads its settings ({@code config}), its seeds ({@code seeds}), points the log at
 * the output directory and runs the crawl ({@code run}), which shows progress and prints a summary
 * ({@code progress}) and reads the index back ({@code output}); the demo then verifies it
 * ({@code demo}). Options that are crawl settings are bound as text and parsed by the same
 * parsers as the YAML file, so both accept the same forms and fail with the same reasons.
 */
package dev.crawler.cli;
