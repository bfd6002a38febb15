package dev.crawler.export;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of {@code index.jsonl}: what happened to one URL.
 *
 * @param url the URL the crawl requested (normalized)
 * @param finalUrl the URL the response came from, or a redirect's target; null if none
 * @param status the HTTP status, null when no response was read
 * @param contentType the Content-Type header as sent, or null
 * @param length the body length in bytes (after decompression), or null
 * @param sha256 lower-case hex SHA-256 of the body, or null
 * @param fetchStart when the request started
 * @param durationMs how long the fetch took, in milliseconds
 * @param depth links followed from a seed (seeds are 0)
 * @param referrer the page the URL was found on, null for seeds
 * @param file the page file relative to the output directory, or null when none was written
 * @param error what went wrong, as {@code code: detail} ({@code connect_timeout: ...}), or null
 */
public record IndexEntry(String url, String finalUrl, Integer status, String contentType, Long length,
        String sha256, Instant fetchStart, long durationMs, int depth, String referrer, String file,
        String error) {

    public IndexEntry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fetchStart, "fetchStart");
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs must be >= 0: " + durationMs);
        }
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be >= 0: " + depth);
        }
    }

    /** A response that was read: length and SHA-256 are computed from {@code body}. */
    public static IndexEntry fetched(String url, String finalUrl, int status, String contentType, byte[] body,
            Instant fetchStart, long durationMs, int depth, String referrer, String file) {
        return new IndexEntry(url, finalUrl, status, contentType, (long) body.length, Sha256.hex(body),
                fetchStart, durationMs, depth, referrer, file, null);
    }

    /** A URL that got no response (or was refused before fetching), with the reason. */
    public static IndexEntry failed(String url, Instant fetchStart, long durationMs, int depth, String referrer,
            String error) {
        return new IndexEntry(url, null, null, null, null, null, fetchStart, durationMs, depth, referrer, null,
                Objects.requireNonNull(error, "error"));
    }
}
