/**
 * robots.txt (RFC 9309). The crawler fetches {@code /robots.txt} of a host before any page of
 * it, through the same fetcher and politeness slot as pages; {@link dev.crawler.robots.RobotsPolicy}
 * turns the result into rules (parsed with crawler-commons; 4xx allows all; 5xx or unreachable
 * disallows all for a while) and {@link dev.crawler.robots.RobotsCache} keeps them per host.
 */
package dev.crawler.robots;
