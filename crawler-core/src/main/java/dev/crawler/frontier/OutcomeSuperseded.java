package dev.crawler.frontier;

/**
 * Fails the future of {@link Frontier#finish} when the frontier lets an outcome go unrecorded: its
 * URL is no longer this crawler's to record (a frontier shared by several nodes whose host went to
 * another node, which fetches and records it). The engine then publishes nothing for the URL and
 * goes on; it is not a failure of the crawl.
 */
public final class OutcomeSuperseded extends RuntimeException {

    public OutcomeSuperseded(String url, String why) {
        super(url + ": " + why, null, false, false);
    }
}
