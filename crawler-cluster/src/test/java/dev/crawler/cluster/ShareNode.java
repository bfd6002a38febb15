package dev.crawler.cluster;

import java.nio.file.Path;
import java.util.List;

/**
 * A node's frontier share in a JVM of its own, for tests that kill it: {@code ShareNode BOOTSTRAP
 * CRAWL NODE STATE_DIR PARTITIONS} prints what it is told ({@code adopted P N}, {@code queued P URL},
 * {@code released P}) and runs until killed.
 */
public final class ShareNode {

    private ShareNode() {
    }

    public static void main(String[] args) throws Exception {
        HostWork print = new HostWork() {
            @Override
            public synchronized void adopted(int partition, List<QueuedRequest> queued) {
                System.out.println("adopted " + partition + " " + queued.size());
                System.out.flush();
            }

            @Override
            public synchronized void queued(int partition, QueuedRequest request) {
                System.out.println("queued " + partition + " " + request.request().url());
                System.out.flush();
            }

            @Override
            public synchronized void released(int partition) {
                System.out.println("released " + partition);
                System.out.flush();
            }
        };
        FrontierShare.start(args[0], new CrawlTopics(args[1]), args[2], Path.of(args[3]),
                new FrontierShare.Options(Integer.parseInt(args[4]), (short) 1), print);
        Thread.sleep(Long.MAX_VALUE);
    }
}
