package dev.crawler.cli.output;

import java.util.Optional;

/**
 * The parts of one {@code index.jsonl} line the command reads back.
 *
 * @param url the URL requested
 * @param status the HTTP status, or empty when no response came (error, robots-denied)
 * @param error the error, such as {@code connect_timeout: ...} or {@code robots_denied}, if any
 * @param file the page's file relative to the output directory, if it was written
 */
public record IndexLine(String url, Optional<Integer> status, Optional<String> error, Optional<String> file) {

    /** The error's code: the text before the first colon ({@code connect_timeout}). */
    public Optional<String> errorCode() {
        return error.map(e -> {
            int colon = e.indexOf(':');
            return (colon < 0 ? e : e.substring(0, colon)).trim();
        });
    }
}
