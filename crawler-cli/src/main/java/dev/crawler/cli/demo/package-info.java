/**
 * The demo's own parts: its output directory, which a new demo run may replace, and the check of a
 * crawl's index against the simulated web's ground truth.
 */
package dev.crawler.cli.demo;
