package dev.crawler.engine;

/**
 * The in-memory frontier that says it is {@linkplain #loading() loading} until the test calls
 * {@link #loaded()}: a node of a crawl whose other nodes may still send it work.
 */
final class WaitingFrontier extends QueuesInMemory {

    private volatile boolean loading = true;
    private Runnable onLoaded = () -> {
    };

    /** No more work will come from elsewhere; call on the owner's thread. */
    void loaded() {
        loading = false;
        onLoaded.run();
    }

    @Override
    public boolean loading() {
        return loading;
    }

    @Override
    public void onLoaded(Runnable listener) {
        this.onLoaded = listener;
    }
}
