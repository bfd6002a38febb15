package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchResult;
import java.io.IOException;
import java.util.Objects;

/**
 * An expected failure on its way to becoming a {@link FetchResult.Failure}. It is an
 * {@link IOException} so that it passes unchanged through the stream layers of the blocking
 * fetcher (framing, decompression) up to the one place that turns it into a value.
 */
public final class FetchException extends IOException {

    private static final long serialVersionUID = 1L;

    private final FetchError error;

    public FetchException(FetchError error, String message) {
        super(message);
        this.error = Objects.requireNonNull(error, "error");
    }

    public FetchException(FetchError error, String message, Throwable cause) {
        super(message, cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public FetchError error() {
        return error;
    }
}
