package dev.crawler.fetch;

import java.io.IOException;
import java.util.Objects;

/**
 * An expected failure on its way to becoming a {@link FetchResult.Failure}. It is an
 * {@link IOException} so that it passes unchanged through the stream layers of the blocking
 * fetcher (framing, decompression) up to the one place that turns it into a value.
 */
final class FetchException extends IOException {

    private static final long serialVersionUID = 1L;

    private final FetchError error;

    FetchException(FetchError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    FetchException(FetchError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    FetchError error() {
        return error;
    }
}
