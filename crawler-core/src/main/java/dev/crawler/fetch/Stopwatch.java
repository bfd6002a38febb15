package dev.crawler.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** When a fetch started (wall clock, for the index) and how long it has run (monotonic). */
record Stopwatch(Instant started, long startNanos) {

    static Stopwatch start() {
        return new Stopwatch(Instant.now(), System.nanoTime());
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    FetchResult.Failure failure(URI uri, FetchError error, String message) {
        return new FetchResult.Failure(uri, error, message, started, elapsed());
    }

    FetchResult.Response response(URI uri, int status, ResponseHeaders headers, BodyAccumulator body,
            boolean keepAliveAsked) {
        return new FetchResult.Response(uri, status, headers, body.toByteArray(), body.truncated(),
                started, elapsed(), keepAliveAsked);
    }
}
