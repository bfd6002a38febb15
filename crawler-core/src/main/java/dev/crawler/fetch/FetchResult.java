package dev.crawler.fetch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What one GET produced: a response (any status) or a failure before a response was read. */
public sealed interface FetchResult permits FetchResult.Response, FetchResult.Failure {

    URI uri();

    /** Wall-clock time the request started (for the index). */
    Instant started();

    /** Time from start to completion. */
    Duration elapsed();

    /**
     * A response that was read. {@code body} is the decoded (gzip/deflate removed) body, at most
     * {@link FetchSettings#maxBodyBytes()} long; {@code truncated} tells that more was sent.
     * {@code keepAliveAsked} tells what the request's {@code Connection} header said:
     * {@code keep-alive}, or {@code close} (keep-alive off, or an origin no longer trusted with
     * reuse, see {@link SentRequests}).
     */
    record Response(URI uri, int status, ResponseHeaders headers, byte[] body, boolean truncated,
            Instant started, Duration elapsed, boolean keepAliveAsked) implements FetchResult {
        public Response {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }

    /** No usable response: {@code error} says what kind of failure, {@code message} the detail. */
    record Failure(URI uri, FetchError error, String message, Instant started, Duration elapsed)
            implements FetchResult {
        public Failure {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(elapsed, "elapsed");
        }
    }
}
