package dev.crawler.bench.run;

/** A bench that cannot go on: the simulated web did not start, a child JVM could not be run. */
public final class BenchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
