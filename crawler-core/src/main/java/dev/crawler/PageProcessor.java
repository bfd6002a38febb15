package dev.crawler;

import dev.crawler.export.IndexEntry;
import dev.crawler.export.IndexSink;
import dev.crawler.export.MirrorExporter;
import dev.crawler.export.OutputException;
import dev.crawler.export.Sha256;
import dev.crawler.export.WarcExporter;
import dev.crawler.fetch.FetchResult;
import dev.crawler.fetch.RetryPolicy;
import dev.crawler.frontier.CrawlRequest;
import dev.crawler.parse.ExtractedPage;
import dev.crawler.parse.HtmlDetector;
import dev.crawler.parse.LinkExtractor;
import dev.crawler.parse.UrlNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a fetch outcome is turned into output: the page file, the index line and the
 * links to follow. Runs on the worker executor (it parses HTML and writes files), never on an
 * event-loop thread; thread-safe.
 */
final class PageProcessor {

    private static final Logger log = LoggerFactory.getLogger(PageProcessor.class);

    private final MirrorExporter mirror;
    private final IndexSink index;
    private final Optional<WarcExporter> warc;
    private final CrawlStats stats;
    private final int maxDepth;

    /**
     * @param maxDepth the crawl's depth limit, or -1 for none: a page at the limit is not parsed
     *     for links (none of them could be queued) unless WARC records its outlinks
     */
    PageProcessor(MirrorExporter mirror, IndexSink index, Optional<WarcExporter> warc, CrawlStats stats, int maxDepth) {
        this.mirror = mirror;
        this.index = index;
        this.warc = warc;
        this.stats = stats;
        this.maxDepth = maxDepth;
    }

    /** What the coordinator must do next with the outcome of one URL. */
    record Next(List<String> links, Optional<String> redirect) {
        static final Next NOTHING = new Next(List.of(), Optional.empty());
    }

    /**
     * What the coordinator decided about a result before it is recorded: how many attempts it
     * took, and a note for the index when something was refused or given up (a redirect not
     * followed, a host given up).
     */
    record Verdict(int attempts, Optional<String> note) {
        static final Verdict FIRST = new Verdict(1, Optional.empty());
    }

    Next process(CrawlRequest request, FetchResult result) {
        return process(request, result, Verdict.FIRST);
    }

    Next process(CrawlRequest request, FetchResult result, Verdict verdict) {
        Next next = outcome(request, result, verdict);
        if (result instanceof FetchResult.Response r && warc.isPresent()) {
            warc.get().write(request.url(), r, next.redirect().map(List::of).orElse(next.links()));
        }
        return next;
    }

    private Next outcome(CrawlRequest request, FetchResult result, Verdict verdict) {
        return switch (result) {
            case FetchResult.Failure f -> failed(request, f, verdict);
            case FetchResult.Response r when r.status() >= 300 && r.status() < 400 -> redirected(request, r, verdict);
            case FetchResult.Response r when r.status() >= 200 && r.status() < 300 -> fetched(request, r);
            case FetchResult.Response r -> httpError(request, r, verdict);
        };
    }

    /** Records a URL not fetched for another reason than robots.txt (such as a host given up). */
    void refused(CrawlRequest request, String why) {
        log.info("{} not fetched: {}", request.url(), why);
        write(IndexEntries.refused(request, why));
    }

    /** Records a URL that robots.txt does not allow. */
    void denied(CrawlRequest request, String why) {
        stats.robotsDenied.increment();
        write(IndexEntries.refused(request, why));
    }

    private Next failed(CrawlRequest request, FetchResult.Failure f, Verdict verdict) {
        stats.errors.increment();
        discardPage(request);
        String detail = f.message() + attemptsNote(verdict) + verdict.note().map(n -> "; " + n).orElse("");
        log.info("{} failed: {} {}", request.url(), f.error().code(), detail);
        write(IndexEntries.failed(request, new FetchResult.Failure(f.uri(), f.error(), detail, f.started(), f.elapsed())));
        return Next.NOTHING;
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
        return new Next(List.of(), target);
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
        return Next.NOTHING;
    }

    private Next fetched(CrawlRequest request, FetchResult.Response r) {
        countResponse(r);
        String error = r.truncated() ? "truncated: body longer than " + r.body().length + " bytes" : null;
        String file = null;
        try {
            file = mirror.write(request.url(), r.body()).toString();
            stats.exported.increment();
        } catch (OutputException e) {
            throw e; // the disk is full or gone: stop the crawl, resumable, rather than record a failure
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot write {}: {}", request.url(), e.toString());
            error = "export: " + e.getMessage();
        }
        write(IndexEntries.response(request, r, request.url(), Sha256.hex(r.body()), file, error));
        String contentType = r.headers().first("Content-Type").orElse(null);
        if (!linksWanted(request) || !HtmlDetector.isHtml(r.headers().mediaType().orElse(null), r.body())) {
            return Next.NOTHING;
        }
        ExtractedPage page;
        try {
            page = LinkExtractor.extract(r.body(), contentType, request.url());
        } catch (RuntimeException | StackOverflowError e) {
            log.warn("cannot extract links from {} ({} bytes): {}", request.url(), r.body().length, e.toString());
            return Next.NOTHING; // the page is saved and indexed; only its links are lost
        }
        return new Next(page.nofollow() ? List.of() : page.links(), Optional.empty());
    }

    /** Whether the links of this page can be of any use: queued, or recorded in WARC. */
    private boolean linksWanted(CrawlRequest request) {
        return maxDepth < 0 || request.depth() < maxDepth || warc.isPresent();
    }

    /**
     * A URL whose outcome is not a page may still have a file: one a killed run was writing when
     * it died (each URL is fetched once per crawl, so no other run's whole page can be there).
     */
    private void discardPage(CrawlRequest request) {
        try {
            mirror.discard(request.url());
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
