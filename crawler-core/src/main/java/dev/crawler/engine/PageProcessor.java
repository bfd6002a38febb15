package dev.crawler.engine;

import dev.crawler.CrawlOutcome;
import dev.crawler.Outcome;
import dev.crawler.PageSink;
import dev.crawler.export.IndexEntry;
import dev.crawler.export.IndexSink;
import dev.crawler.export.MirrorExporter;
import dev.crawler.export.OutputException;
import dev.crawler.export.Sha256;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.parse.ExtractedPage;
import dev.crawler.parse.HtmlDetector;
import dev.crawler.parse.LinkExtractor;
import dev.crawler.url.UrlNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a URL's outcome is turned into output: the page file of the mirror tree (when
 * there is one), the index line, the links to follow, and the {@link CrawlOutcome} every
 * {@link PageSink} takes. Runs on the worker executor (it parses HTML and writes files), never on
 * an event-loop thread; thread-safe.
 */
final class PageProcessor {

    private static final Logger log = LoggerFactory.getLogger(PageProcessor.class);

    private final Optional<MirrorExporter> mirror;
    private final IndexSink index;
    private final List<PageSink> sinks;
    private final EngineStats stats;
    private final int maxDepth;

    /**
     * @param mirror the mirror tree pages are written to, if any
     * @param sinks the sinks each outcome goes to, in order (WARC among them, when on)
     * @param maxDepth the crawl's depth limit, or -1 for none: a page at the limit is not parsed
     *     for links (none of them could be queued) unless a sink takes them
     */
    PageProcessor(Optional<MirrorExporter> mirror, IndexSink index, List<PageSink> sinks, EngineStats stats,
            int maxDepth) {
        this.mirror = mirror;
        this.index = index;
        this.sinks = List.copyOf(sinks);
        this.stats = stats;
        this.maxDepth = maxDepth;
    }

    /**
     * What the coordinator must do next with the outcome of one URL.
     *
     * @param outcome the outcome, as sinks and listeners get it
     * @param links the links to follow
     * @param redirect a redirect's target, if it has one
     */
    record Next(CrawlOutcome outcome, List<String> links, Optional<String> redirect) {
    }

    /**
     * What the coordinator decided about a result before it is recorded: how many attempts it
     * took, and a note for the index when something was refused or given up (a redirect not
     * followed, a host given up).
     */
    record Verdict(int attempts, Optional<String> note) {
        static final Verdict FIRST = new Verdict(1, Optional.empty());
    }

    /**
     * What is worked out from a page before anything is written: its body's digest and the links
     * it has. Done on its own, with no effect outside this object, while the fetcher holds the
     * response for its settle window (see {@link dev.crawler.fetch.FetchProgress#held}), or as the
     * first step of {@link #process}.
     *
     * @param response the response it was worked out from
     */
    record Prepared(FetchResult.Response response, String sha256, List<String> links) {
    }

    /** Whether {@link #prepare} has anything to do for {@code response}: a page (status 2xx). */
    static boolean preparable(FetchResult.Response response) {
        return response.status() >= 200 && response.status() < 300;
    }

    /** The digest and links of page {@code r} of {@code request}; writes nothing. */
    Prepared prepare(CrawlRequest request, FetchResult.Response r) {
        return new Prepared(r, Sha256.hex(r.body()), links(request, r));
    }

    Next process(CrawlRequest request, FetchResult result) {
        return process(request, result, Verdict.FIRST, null);
    }

    /**
     * Records the outcome of {@code request}: writes its page and index line and hands it to the
     * sinks.
     *
     * @param prepared the page worked out ahead, if any; used only if it was worked out from this
     *     very result
     */
    Next process(CrawlRequest request, FetchResult result, Verdict verdict, Prepared prepared) {
        Next next = switch (result) {
            case FetchResult.Failure f -> failed(request, f, verdict);
            case FetchResult.Response r when r.status() >= 300 && r.status() < 400 -> redirected(request, r, verdict);
            case FetchResult.Response r when preparable(r) ->
                    fetched(request, r, prepared != null && prepared.response() == r ? prepared : prepare(request, r));
            case FetchResult.Response r -> httpError(request, r, verdict);
        };
        deliver(next.outcome());
        return next;
    }

    /**
     * Records a URL not fetched: robots.txt does not allow it ({@link Outcome#ROBOTS_DENIED},
     * {@link Outcome#ROBOTS_UNREACHABLE}), its host was given up ({@link Outcome#HOST_UNAVAILABLE}),
     * or a trap rule refused it as it was handed out ({@link Outcome#TRAP}, on a frontier that
     * {@linkplain dev.crawler.frontier.Frontier#judgesTrapsOnPoll judges traps there}).
     *
     * @return its outcome, for the listeners once committed
     */
    CrawlOutcome unfetched(CrawlRequest request, Outcome outcome, String why) {
        if (outcome == Outcome.ROBOTS_DENIED || outcome == Outcome.ROBOTS_UNREACHABLE) {
            stats.robotsDenied.increment();
        } else {
            log.info("{} not fetched: {}", request.url(), why);
        }
        write(IndexEntries.refused(request, why));
        CrawlOutcome o = new CrawlOutcome(request.url(), request.depth(), request.referrer(), outcome,
                Optional.of(why), Optional.empty(), List.of());
        deliver(o);
        return o;
    }

    /**
     * Hands the sinks a link a trap rule refused; its index line is written by the coordinator,
     * which journals it with the URL's seen mark.
     *
     * @return its outcome, for the listeners once committed
     */
    CrawlOutcome trapped(String url, int depth, String referrer, String why) {
        CrawlOutcome o = new CrawlOutcome(url, depth, referrer, Outcome.TRAP, Optional.of(why), Optional.empty(),
                List.of());
        deliver(o);
        return o;
    }

    private Next failed(CrawlRequest request, FetchResult.Failure f, Verdict verdict) {
        stats.errors.increment();
        discardPage(request);
        String detail = f.message() + attemptsNote(verdict) + verdict.note().map(n -> "; " + n).orElse("");
        log.info("{} failed: {} {}", request.url(), f.error().code(), detail);
        FetchResult.Failure recorded = new FetchResult.Failure(f.uri(), f.error(), detail, f.started(), f.elapsed());
        IndexEntry entry = IndexEntries.failed(request, recorded);
        write(entry);
        return new Next(outcome(request, Outcome.FETCH_FAILED, entry.error(), recorded, List.of()), List.of(),
                Optional.empty());
    }

    private static String attemptsNote(Verdict verdict) {
        return verdict.attempts() > 1 ? " (after " + verdict.attempts() + " attempts)" : "";
    }

    private Next redirected(CrawlRequest request, FetchResult.Response r, Verdict verdict) {
        countResponse(r);
        discardPage(request);
        stats.redirects.increment();
        Optional<String> target = r.headers().first("Location")
                .flatMap(location -> UrlNormalizer.resolve(request.url(), location));
        String error = verdict.note().orElse(target.isPresent() ? null
                : r.headers().first("Location").map(l -> "bad_redirect: unusable Location " + l)
                        .orElse("bad_redirect: no Location header"));
        if (error != null) {
            log.info("{}: {}", request.url(), error);
        }
        write(IndexEntries.response(request, r, target.orElse(null), null, null, error));
        return new Next(outcome(request, Outcome.REDIRECT, error, r, target.map(List::of).orElse(List.of())),
                List.of(), target);
    }

    private Next httpError(CrawlRequest request, FetchResult.Response r, Verdict verdict) {
        countResponse(r);
        discardPage(request);
        stats.httpErrors.increment();
        // a status worth retrying that came back on the last attempt; a 404 after a retried reset is just a 404
        String error = verdict.note().orElse(verdict.attempts() > 1 && RetryPolicy.retryable(r)
                ? "retries_exhausted: status " + r.status() + " after " + verdict.attempts() + " attempts" : null);
        if (error != null) {
            log.info("{}: {}", request.url(), error);
        }
        write(IndexEntries.response(request, r, request.url(), Sha256.hex(r.body()), null, error));
        return new Next(outcome(request, Outcome.HTTP_ERROR, error, r, List.of()), List.of(), Optional.empty());
    }

    private Next fetched(CrawlRequest request, FetchResult.Response r, Prepared page) {
        countResponse(r);
        String error = r.truncated() ? "truncated: body longer than " + r.body().length + " bytes" : null;
        String file = null;
        if (mirror.isPresent()) {
            try {
                file = mirror.get().write(request.url(), r.body()).toString();
                stats.exported.increment();
            } catch (OutputException e) {
                throw e; // the disk is full or gone: stop the crawl, resumable, rather than record a failure
            } catch (IOException | UncheckedIOException e) {
                log.warn("cannot write {}: {}", request.url(), e.toString());
                error = "export: " + e.getMessage();
            }
        }
        write(IndexEntries.response(request, r, request.url(), page.sha256(), file, error));
        return new Next(outcome(request, Outcome.PAGE, error, r, page.links()), page.links(), Optional.empty());
    }

    /** The links of a page to follow: none if it is no HTML, asks for nofollow, or none could be of use. */
    private List<String> links(CrawlRequest request, FetchResult.Response r) {
        if (!linksWanted(request) || !HtmlDetector.isHtml(r.headers().mediaType().orElse(null), r.body())) {
            return List.of();
        }
        ExtractedPage page;
        try {
            page = LinkExtractor.extract(r.body(), r.headers().first("Content-Type").orElse(null), request.url());
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("cannot extract links from {} ({} bytes): {}", request.url(), r.body().length, e.toString());
            return List.of(); // the page is saved and indexed; only its links are lost
        }
        return page.nofollow() ? List.of() : page.links();
    }

    /** Whether the links of this page can be of any use: queued, or taken by a sink. */
    private boolean linksWanted(CrawlRequest request) {
        return maxDepth < 0 || request.depth() < maxDepth || !sinks.isEmpty();
    }

    private static CrawlOutcome outcome(CrawlRequest request, Outcome outcome, String detail, FetchResult result,
            List<String> links) {
        return new CrawlOutcome(request.url(), request.depth(), request.referrer(), outcome,
                Optional.ofNullable(detail), Optional.of(result), links);
    }

    /**
     * Hands {@code outcome} to every sink. A sink that fails is logged and the others still get
     * it; only an {@link OutputException} (the disk is full or gone) stops the crawl.
     */
    private void deliver(CrawlOutcome outcome) {
        for (PageSink sink : sinks) {
            try {
                sink.accept(outcome);
            } catch (OutputException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                log.warn("sink {} failed on {}: {}", sink.getClass().getSimpleName(), outcome.url(), e.toString());
            }
        }
    }

    /**
     * A URL whose outcome is not a page may still have a file: one a killed run was writing when
     * it died (each URL is fetched once per crawl, so no other run's whole page can be there).
     */
    private void discardPage(CrawlRequest request) {
        if (mirror.isEmpty()) {
            return;
        }
        try {
            mirror.get().discard(request.url());
        } catch (IOException | RuntimeException e) {
            log.warn("cannot remove the leftover file of {}: {}", request.url(), e.toString());
        }
    }

    private void countResponse(FetchResult.Response r) {
        stats.pages.increment();
        stats.bytes.add(r.body().length);
    }

    private void write(IndexEntry entry) {
        try {
            index.write(entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to index.jsonl: " + e.getMessage(), e);
        }
    }
}
