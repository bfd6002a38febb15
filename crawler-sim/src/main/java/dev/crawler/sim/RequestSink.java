package dev.crawler.sim;

/**
 * Receives every request the server answers, once, when its response has been written. Called on
 * the server's event-loop threads, concurrently: implementations must be thread-safe and must not
 * block.
 */
@FunctionalInterface
public interface RequestSink {

    void record(RequestRecord r);

    /** A sink that drops everything. */
    static RequestSink discard() {
        return r -> {
        };
    }

    /** A sink that passes each record to this sink, then to {@code other}. */
    default RequestSink andThen(RequestSink other) {
        return r -> {
            record(r);
            other.record(r);
        };
    }
}
