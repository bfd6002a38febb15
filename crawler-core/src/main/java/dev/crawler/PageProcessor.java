package dev.crawler;

import dev.crawler.export.IndexEntry;
import dev.crawler.export.IndexWriter;
import dev.crawler.export.MirrorExporter;
import dev.crawler.export.Sha256;
import dev.crawler.fetch.FetchResult;
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
    private final IndexWriter index;
    private final CrawlStats stats;

    PageProcessor(MirrorExporter mirror, IndexWriter index, CrawlStats stats) {
        this.mirror = mirror;
        this.index = index;
        this.stats = stats;
    }

    /** What the coordinator must do next with the outcome of one URL. */
    record Next(List<String> links, Optional<String> redirect) {
        static final Next NOTHING = new Next(List.of(), Optional.empty());
    }

    Next process(CrawlRequest request, FetchResult result) {
        return switch (result) {
            case FetchResult.Failure f -> failed(request, f);
            case FetchResult.Response r when r.status() >= 300 && r.status() < 400 -> redirected(request, r);
            case FetchResult.Response r when r.status() >= 200 && r.status() < 300 -> fetched(request, r);
            case FetchResult.Response r -> httpError(request, r);
        };
    }

    /** Records a URL that robots.txt does not allow. */
    void denied(CrawlRequest request, String why) {
        stats.robotsDenied.increment();
        write(IndexEntries.refused(request, why));
    }

    private Next failed(CrawlRequest request, FetchResult.Failure f) {
        stats.errors.increment();
        log.info("{} failed: {} {}", request.url(), f.error().code(), f.message());
        write(IndexEntries.failed(request, f));
        return Next.NOTHING;
    }

    private Next redirected(CrawlRequest request, FetchResult.Response r) {
        countResponse(r);
        stats.redirects.increment();
        Optional<String> target = r.headers().first("Location")
                .flatMap(location -> UrlNormalizer.resolve(request.url(), location));
        String error = target.isPresent() ? null
                : r.headers().first("Location").map(l -> "bad_redirect: unusable Location " + l)
                        .orElse("bad_redirect: no Location header");
        write(IndexEntries.response(request, r, target.orElse(null), null, null, error));
        return new Next(List.of(), target);
    }

    private Next httpError(CrawlRequest request, FetchResult.Response r) {
        countResponse(r);
        stats.httpErrors.increment();
        write(IndexEntries.response(request, r, request.url(), sha256(r.body()), null, null));
        return Next.NOTHING;
    }

    private Next fetched(CrawlRequest request, FetchResult.Response r) {
        countResponse(r);
        String error = r.truncated() ? "truncated: body longer than " + r.body().length + " bytes" : null;
        String file = null;
        try {
            file = mirror.write(request.url(), r.body()).toString();
            stats.exported.increment();
        } catch (IOException | UncheckedIOException e) {
            log.warn("cannot write {}: {}", request.url(), e.toString());
            error = "export: " + e.getMessage();
        }
        write(IndexEntries.response(request, r, request.url(), sha256(r.body()), file, error));
        String contentType = r.headers().first("Content-Type").orElse(null);
        if (!HtmlDetector.isHtml(r.headers().mediaType().orElse(null), r.body())) {
            return Next.NOTHING;
        }
        ExtractedPage page = LinkExtractor.extract(r.body(), contentType, request.url());
        return new Next(page.nofollow() ? List.of() : page.links(), Optional.empty());
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

    static String sha256(byte[] body) {
        return Sha256.hex(body);
    }
}
