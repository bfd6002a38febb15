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
        return error.map(IndexLine::codeOf);
    }

    /** The code of an index line's {@code error} text: what comes before its first colon. */
    public static String codeOf(String error) {
        int colon = error.indexOf(':');
        return (colon < 0 ? error : error.substring(0, colon)).trim();
    }
}
