package dev.crawler.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The crawl's settings on a real Kafka node: the first node's stand, and a node that differs is told how. */
class SettingsTopicIT extends OnEmbeddedBroker {

    @Test
    void laterNodesWithTheSameSettingsJoinAndOneThatDiffersIsRefusedWithEachDifference() throws Exception {
        CrawlTopics topics = new CrawlTopics("settings-1");
        Map<String, String> settings = Map.of("scope", "host", "maxDepth", "3", "robots", "true");

        SettingsTopic.agree(broker.bootstrap(), topics, (short) 1, settings, "a");
        SettingsTopic.agree(broker.bootstrap(), topics, (short) 1, settings, "b");

        assertThatThrownBy(() -> SettingsTopic.agree(broker.bootstrap(), topics, (short) 1,
                Map.of("scope", "domain", "maxDepth", "3", "include", "[x]"), "c"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("crawl 'settings-1' was started with other settings")
                .hasMessageContaining("scope: host -> domain")
                .hasMessageContaining("include: (none) -> [x]")
                .hasMessageContaining("robots: true -> (none)")
                .hasMessageContaining("use another --crawl-id");
        // the refused node wrote nothing: the crawl's settings still stand for the next node
        SettingsTopic.agree(broker.bootstrap(), topics, (short) 1, settings, "d");
    }

    @Test
    void nodesStartingAtOnceWithDifferentSettingsAgreeOnOneOfThem() throws Exception {
        CrawlTopics topics = new CrawlTopics("settings-race");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String depth = String.valueOf(i);
                Callable<String> join = () -> {
                    try {
                        SettingsTopic.agree(broker.bootstrap(), topics, (short) 1, Map.of("maxDepth", depth), "n" + depth);
                        return "joined " + depth;
                    } catch (IOException e) {
                        return "refused";
                    }
                };
                results.add(pool.submit(join));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get());
            }
            assertThat(outcomes.stream().filter(o -> o.startsWith("joined"))).hasSize(1);
            assertThat(outcomes.stream().filter(o -> o.equals("refused"))).hasSize(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theEncodingIsTheSameForEqualSettingsWhateverTheirOrder() throws Exception {
        Map<String, String> a = new java.util.LinkedHashMap<>();
        a.put("scope", "host");
        a.put("include", "[a=b, c:d]");
        Map<String, String> b = new java.util.LinkedHashMap<>();
        b.put("include", "[a=b, c:d]");
        b.put("scope", "host");

        assertThat(SettingsTopic.encode(a)).isEqualTo(SettingsTopic.encode(b));
        assertThat(SettingsTopic.decode(SettingsTopic.encode(a))).isEqualTo(a);
    }
}
