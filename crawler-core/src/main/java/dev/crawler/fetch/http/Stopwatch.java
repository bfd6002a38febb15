package dev.crawler.fetch.http;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.ResponseHeaders;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** When a fetch started (wall clock, for the index) and how long it has run (monotonic). */
public record Stopwatch(Instant started, long startNanos) {

    public static Stopwatch start() {
        return new Stopwatch(Instant.now(), System.nanoTime());
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public FetchResult.Failure failure(URI uri, FetchError error, String message) {
        return new FetchResult.Failure(uri, error, message, started, elapsed());
    }

    public FetchResult.Response response(URI uri, int status, ResponseHeaders headers, BodyAccumulator body,
            boolean keepAliveAsked) {
        return new FetchResult.Response(uri, status, headers, body.toByteArray(), body.truncated(),
                started, elapsed(), keepAliveAsked);
    }
}
