package dev.crawler.engine;

/**
 * What a stage of the crawl engine may ask of the loop that runs them all. Every stage runs on
 * the coordinator's thread, and calls these there.
 */
interface EngineLoop {

    /** Hands out more work while there is room, then checks whether the crawl is over. */
    void pump();

    /**
     * Whether the crawl has ended. A result that comes later is dropped: what it was for stays
     * queued in the frontier for the next run.
     */
    boolean over();

    /** Ends the crawl with {@code error} (state or output not writable); work under way stays queued. */
    void fail(Throwable error);
}
