package dev.crawler.cli.run;

import dev.crawler.CrawlListener;
import dev.crawler.CrawlOutcome;
import dev.crawler.Outcome;
import dev.crawler.cli.output.IndexLine;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts this run's errors by their index code (the text before the colon of an index line's
 * {@code error}, such as {@code connect_timeout} or {@code retries_exhausted}), as outcomes are
 * committed. URLs robots.txt refuses are not errors. Thread-safe.
 */
final class ErrorTally implements CrawlListener {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder fetched = new LongAdder();
    private final LongAdder failed = new LongAdder();

    @Override
    public void committed(CrawlOutcome outcome) {
        if (outcome.outcome().fetched()) {
            fetched.increment();
            if (outcome.outcome() == Outcome.FETCH_FAILED
                    || outcome.response().filter(r -> r.status() >= 500 && r.status() <= 599).isPresent()) {
                failed.increment();
            }
        }
        if (outcome.outcome() == Outcome.ROBOTS_DENIED) {
            return;
        }
        outcome.detail().map(IndexLine::codeOf).ifPresent(code -> counts.computeIfAbsent(code, c -> new LongAdder())
                .increment());
    }

    /** URLs fetched so far that failed: no response at all, or a 5xx once retries were used up. */
    long failed() {
        return failed.sum();
    }

    /** URLs fetched so far, whatever came of it. */
    long fetched() {
        return fetched.sum();
    }

    /** The counts so far, by code in alphabetical order. */
    Map<String, Long> byKind() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((code, n) -> out.put(code, n.sum()));
        return out;
    }
}
