package dev.crawler;

/** What a crawl does with an output directory that already holds a crawl. */
public enum ResumeMode {
    /** Continue the crawl the directory holds; start a new one if it holds none (the default). */
    AUTO,
    /** Continue the crawl the directory holds; refuse if it holds none ({@code --resume}). */
    REQUIRE,
    /** Start a new crawl; refuse a directory that holds one ({@code --no-resume}). */
    NEVER
}
