package dev.crawler.frontier;

/**
 * How many pages a crawl may start ({@code --max-pages}): first attempts count, retries do not.
 * The engine asks it on its coordinator's thread before it starts a page, and tells it of each
 * start. A crawl on one machine counts its own starts ({@link #counting}); a crawl shared by
 * several nodes counts the starts of all of them ({@link Frontier#pageBudget}).
 */
public interface PageBudget {

    /** Whether no more page may start: the crawl ends once what is under way is done. */
    boolean spent();

    /** A page's first attempt starts. */
    void started();

    /** At most {@code maxPages} starts, counted by the caller alone; -1 for no limit. */
    static PageBudget counting(long maxPages) {
        return new CountedPages(maxPages);
    }
}
