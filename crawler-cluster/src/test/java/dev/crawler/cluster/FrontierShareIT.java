package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.frontier.CrawlRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Nodes' shares of a crawl's frontier on a real Kafka node ({@link EmbeddedBroker}): URLs sent by
 * any node reach the owner of their host once each; a second node takes over part of the
 * partitions with what they hold; when a node leaves, the other is handed everything still
 * queued, including what the first was handed and never finished.
 */
class FrontierShareIT extends OnEmbeddedBroker {

    /** What one node was told, partition by partition: the requests it holds now. */
    static final class NodeView implements HostWork {
        final Map<Integer, Map<String, QueuedRequest>> held = new HashMap<>();
        final List<String> events = new ArrayList<>();

        @Override
        public synchronized void adopted(int partition, List<QueuedRequest> queued) {
            Map<String, QueuedRequest> m = new HashMap<>();
            queued.forEach(q -> m.put(q.request().url(), q));
            held.put(partition, m);
            events.add("adopted " + partition + " " + queued.size());
        }

        @Override
        public synchronized void queued(int partition, QueuedRequest request) {
            held.computeIfAbsent(partition, p -> new HashMap<>()).put(request.request().url(), request);
            events.add("queued " + partition);
        }

        @Override
        public synchronized void released(int partition) {
            held.remove(partition);
            events.add("released " + partition);
        }

        synchronized Set<String> urls() {
            Set<String> out = new TreeSet<>();
            held.values().forEach(m -> out.addAll(m.keySet()));
            return out;
        }

        synchronized Set<Integer> partitions() {
            return new TreeSet<>(held.keySet());
        }

        synchronized int queuedEvents() {
            return (int) events.stream().filter(e -> e.startsWith("queued")).count();
        }

        synchronized QueuedRequest find(String url) {
            return held.values().stream().map(m -> m.get(url)).filter(q -> q != null).findFirst().orElseThrow();
        }
    }

    @Test
    void urlsReachTheirOwnerOnceAndANodeThatLeavesHandsItsShareOver() throws Exception {
        CrawlTopics topics = new CrawlTopics("share");
        FrontierShare.Options options = new FrontierShare.Options(4, (short) 1);
        List<String> urls = new ArrayList<>();
        for (int h = 0; h < 8; h++) {
            for (int p = 0; p < 5; p++) {
                urls.add("http://host-" + h + ".sim/page-" + p);
            }
        }
        NodeView a = new NodeView();
        NodeView b = new NodeView();
        FrontierShare shareA = FrontierShare.start(broker.bootstrap(), topics, "a", dir.resolve("a"), options, a);
        FrontierShare shareB = null;
        try {
            await(() -> a.partitions().size() == 4, "node a holds the 4 partitions");
            sendAll(shareA, urls);
            await(() -> a.urls().size() == urls.size(), "node a was told of all " + urls.size() + " URLs");
            sendAll(shareA, urls); // found again: nothing new
            sendAll(shareA, urls.subList(0, 10));

            // a fetched and finished the first page of every host
            for (int h = 0; h < 8; h++) {
                QueuedRequest done = a.find("http://host-" + h + ".sim/page-0");
                shareA.finish(done).get(30, TimeUnit.SECONDS);
            }

            shareB = FrontierShare.start(broker.bootstrap(), topics, "b", dir.resolve("b"), options, b);
            FrontierShare bShare = shareB;
            await(() -> !b.partitions().isEmpty() && a.partitions().size() + b.partitions().size() == 4
                    && disjoint(a.partitions(), b.partitions()), "the partitions split between a and b");

            shareA.close();
            shareA = null;
            await(() -> b.partitions().size() == 4, "b holds every partition once a left");
            Set<String> expected = new TreeSet<>(urls);
            for (int h = 0; h < 8; h++) {
                expected.remove("http://host-" + h + ".sim/page-0");
            }
            await(() -> b.urls().equals(expected), "b holds exactly the URLs not finished");
            assertThat(a.queuedEvents()).isEqualTo(urls.size()); // each URL announced once, duplicates never
            // each host's requests keep their order and numbers across the move
            assertThat(b.find("http://host-3.sim/page-4").sequence()).isEqualTo(4);
            assertThat(bShare.state().isRunningOrRebalancing()).isTrue();
        } finally {
            if (shareA != null) {
                shareA.close();
            }
            if (shareB != null) {
                shareB.close();
            }
        }
    }

    /**
     * A node killed with {@code kill -9} while it holds the whole crawl: once the group's session
     * timeout (6 s on the embedded broker) has passed, the survivor holds every partition, restored
     * from the changelog, with exactly the URLs the dead node had not finished.
     */
    @Test
    void aKilledNodesPartitionsMoveToTheSurvivorWithEveryUnfinishedUrl() throws Exception {
        CrawlTopics topics = new CrawlTopics("kill");
        FrontierShare.Options options = new FrontierShare.Options(4, (short) 1);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process victim = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                ShareNode.class.getName(), broker.bootstrap(), topics.crawlId(), "victim",
                dir.resolve("victim").toString(), "4").redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(victim.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        NodeView survivor = new NodeView();
        FrontierShare share = null;
        try {
            await(() -> lines.stream().filter(l -> l.startsWith("adopted ")).count() == 4, "the victim holds 4 partitions");
            share = FrontierShare.start(broker.bootstrap(), topics, "survivor", dir.resolve("survivor"), options,
                    survivor);
            FrontierShare sender = share;
            List<String> urls = new ArrayList<>();
            for (int h = 0; h < 6; h++) {
                for (int p = 0; p < 4; p++) {
                    urls.add("http://kill-" + h + ".sim/" + p);
                }
            }
            sendAll(sender, urls);
            await(() -> survivor.urls().size() + lines.stream().filter(l -> l.startsWith("queued ")).count() == urls.size(),
                    "every URL announced to one node or the other");
            QueuedRequest first = survivor.urls().isEmpty() ? null : survivor.find(survivor.urls().iterator().next());
            if (first != null) {
                sender.finish(first).get(30, TimeUnit.SECONDS);
            }

            long killedAt = System.nanoTime();
            victim.destroyForcibly(); // SIGKILL
            assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
            Set<String> expected = new TreeSet<>(urls);
            if (first != null) {
                expected.remove(first.request().url());
            }
            await(() -> survivor.partitions().size() == 4 && survivor.urls().equals(expected),
                    "the survivor holds every partition and every unfinished URL");
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killedAt);
            System.out.printf("failover after kill -9: the survivor held all 4 partitions %d s later%n", seconds);
            assertThat(seconds).as("session timeout 6 s plus restore").isLessThan(60);
        } finally {
            victim.destroyForcibly();
            if (share != null) {
                share.close();
            }
        }
    }

    /**
     * Two nodes crawl a small web by hand (the test fetches: it finishes each URL a node holds,
     * after sending the links its page leads to). Neither node sees the crawl over while one URL
     * is still unfinished; both see it over soon after the last one is.
     */
    @Test
    void theCrawlIsOverForEveryNodeOnlyOnceEveryUrlIsFinishedAndEveryLinkApplied() throws Exception {
        CrawlTopics topics = new CrawlTopics("end");
        FrontierShare.Options options = new FrontierShare.Options(4, (short) 1);
        NodeView a = new NodeView();
        NodeView b = new NodeView();
        try (FrontierShare shareA = FrontierShare.start(broker.bootstrap(), topics, "a", dir.resolve("end-a"), options, a);
                FrontierShare shareB = FrontierShare.start(broker.bootstrap(), topics, "b", dir.resolve("end-b"), options, b);
                ClusterQuiescence seenByA = new ClusterQuiescence(broker.bootstrap(), topics, 4);
                ClusterQuiescence seenByB = new ClusterQuiescence(broker.bootstrap(), topics, 4)) {
            await(() -> a.partitions().size() + b.partitions().size() == 4 && disjoint(a.partitions(), b.partitions()),
                    "the partitions split between a and b");
            List<String> seeds = new ArrayList<>();
            for (int h = 0; h < 6; h++) {
                seeds.add("http://e-" + h + ".sim/");
            }
            sendAll(shareA, seeds);
            String heldBack = "http://e-0.sim/c2";
            Set<String> finished = new HashSet<>();
            boolean progressed = true;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (progressed || finished.size() < 17) {
                assertThat(System.nanoTime()).as("the hand crawl progresses").isLessThan(deadline);
                progressed = false;
                for (NodeView node : List.of(a, b)) {
                    FrontierShare share = node == a ? shareA : shareB;
                    for (String url : node.urls()) {
                        if (finished.contains(url) || url.equals(heldBack)) {
                            continue;
                        }
                        QueuedRequest q = node.find(url);
                        if (q.request().depth() == 0) {
                            int h = Integer.parseInt(url.substring("http://e-".length(), url.indexOf(".sim")));
                            sendAll(share, List.of(url + "c1", url + "c2", "http://e-" + (h + 1) % 6 + ".sim/c1"), 1);
                        }
                        share.finish(q).get(30, TimeUnit.SECONDS);
                        finished.add(url);
                        progressed = true;
                    }
                }
                if (!progressed) {
                    Thread.sleep(100);
                }
            }
            await(() -> a.urls().size() + b.urls().size() == 18, "the 18 URLs were queued");

            for (int i = 0; i < 8; i++) {
                assertThat(seenByA.over()).as("over with %s unfinished", heldBack).isFalse();
                Thread.sleep(250);
            }
            QueuedRequest last = (a.urls().contains(heldBack) ? a : b).find(heldBack);
            (a.urls().contains(heldBack) ? shareA : shareB).finish(last).get(30, TimeUnit.SECONDS);

            await(() -> check(seenByA) && check(seenByB), "both nodes see the crawl over");
        }
    }

    private static boolean check(ClusterQuiescence q) {
        try {
            return q.over();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aNodeGivenAnotherPartitionCountIsRefusedWithTheReason() throws Exception {
        CrawlTopics topics = new CrawlTopics("counts");
        FrontierShare.ensureTopics(broker.bootstrap(), topics, new FrontierShare.Options(3, (short) 1));

        assertThatThrownBy(() -> FrontierShare.ensureTopics(broker.bootstrap(), topics,
                new FrontierShare.Options(6, (short) 1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has 3 partitions, this node was started with 6");
    }

    private static void sendAll(FrontierShare share, List<String> urls) throws Exception {
        sendAll(share, urls, 0);
    }

    private static void sendAll(FrontierShare share, List<String> urls, int depth) throws Exception {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (String url : urls) {
            sent.add(share.offer(CrawlRequest.of(url, depth, null, 0)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    private static boolean disjoint(Set<Integer> x, Set<Integer> y) {
        Set<Integer> both = new HashSet<>(x);
        both.retainAll(y);
        return both.isEmpty();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 90 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
