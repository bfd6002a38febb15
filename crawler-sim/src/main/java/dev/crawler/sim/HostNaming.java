package dev.crawler.sim;

/**
 * How the hosts of a simulated web are named in its URLs, links and redirects. The web is the
 * same under either naming (pages, links between pages, ground truth); only the authority of its
 * URLs differs.
 */
public enum HostNaming {

    /**
     * {@code site-1.sim}, {@code site-2.sim}, ...: names that no resolver knows, so a crawler must
     * be told their addresses ({@code --resolve}), as a crawler of the real web goes through DNS.
     */
    NAMES,

    /**
     * {@code 127.0.1.1}, {@code 127.0.1.2}, ...: each host is named by its own loopback address, so
     * that any HTTP client (wget2, curl), which cannot be told to resolve made-up names, can crawl
     * the web as it is.
     */
    ADDRESSES
}
