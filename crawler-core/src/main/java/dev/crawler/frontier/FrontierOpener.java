package dev.crawler.frontier;

import java.io.IOException;
import java.util.concurrent.Executor;

/**
 * Opens the frontier a crawl runs on, over the store of its state directory, for the thread that
 * will call it ({@code owner}: the crawl's coordinator). The default is the durable frontier
 * ({@link DurableFrontier}); the cluster mode opens one whose state lives on Kafka.
 */
@FunctionalInterface
public interface FrontierOpener {

    /** The durable frontier over {@code store}, with its default options. */
    FrontierOpener DURABLE = (store, owner) -> DurableFrontier.open(store, owner, DurableFrontier.Options.defaults());

    Frontier open(FrontierStore store, Executor owner) throws IOException;
}
