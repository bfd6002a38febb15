/**
 * A web that misbehaves on purpose: a raw HTTP/1.1 server whose scripted responders write any
 * bytes, well-formed or not, and the hostile and chaos sites built on it. Fetcher tests use the
 * server directly; whole-crawl tests and {@code crawler sim --preset hostile|chaos} use the sites.
 */
package dev.crawler.sim.hostile;
