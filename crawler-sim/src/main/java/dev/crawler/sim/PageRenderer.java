package dev.crawler.sim;

/** Turns a {@link PageModel} into the bytes of an HTML page: the plain layout or the document layout. */
interface PageRenderer {

    /**
     * The UTF-8 HTML of a content page; the same arguments always give the same bytes.
     *
     * @param hostName the page's host, for its title
     * @param model what the page holds
     * @param fillerSeed the seed of everything random in the rendering (filler words, entity forms)
     */
    byte[] page(String hostName, PageModel model, long fillerSeed);
}
