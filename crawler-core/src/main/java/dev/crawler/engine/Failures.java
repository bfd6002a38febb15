package dev.crawler.engine;

import java.util.concurrent.CompletionException;

/** What went wrong, from a future that failed. */
public final class Failures {

    private Failures() {
    }

    /** The cause a {@link CompletionException} wraps, or {@code error} itself. */
    public static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
