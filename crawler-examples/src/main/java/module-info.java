/**
 * Programs that use the crawler as a library. This is a named module so that the compiler holds
 * them to the API: it reads {@code dev.crawler} as any application on the module path does, and
 * a use of a package that module does not export (its engine) does not compile.
 */
module dev.crawler.examples {
    requires dev.crawler;
    // the simulated web the examples crawl, in process, on loopback
    requires dev.crawler.sim;
    requires org.jsoup;
}
