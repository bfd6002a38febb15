package dev.crawler.engine;

import dev.crawler.frontier.FrontierStore;
import java.io.IOException;
import java.nio.file.Path;

/** Opens the store a crawl keeps its frontier in, given the directory it would use. */
@FunctionalInterface
public interface StoreOpener {
    FrontierStore open(Path dir) throws IOException;
}
