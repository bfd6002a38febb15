package dev.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryFrontierTest {

    private final InMemoryFrontier frontier = new InMemoryFrontier();

    @Test
    void queuesEachUrlOncePerHostInFifoOrder() {
        assertThat(frontier.offer(CrawlRequest.of("http://a.test/1", 0, null, 0))).isEqualTo(Frontier.Offer.QUEUED_NEW_HOST);
        assertThat(frontier.offer(CrawlRequest.of("http://a.test/2", 1, null, 0))).isEqualTo(Frontier.Offer.QUEUED);
        assertThat(frontier.offer(CrawlRequest.of("http://a.test/1", 3, null, 0))).isEqualTo(Frontier.Offer.DUPLICATE);
        assertThat(frontier.offer(CrawlRequest.of("http://b.test/1", 0, null, 0))).isEqualTo(Frontier.Offer.QUEUED_NEW_HOST);
        assertThat(frontier.queued()).isEqualTo(3);
        assertThat(frontier.seen()).isEqualTo(3);

        assertThat(frontier.poll("http://a.test:80")).map(CrawlRequest::url).contains("http://a.test/1");
        assertThat(frontier.poll("http://a.test:80")).map(CrawlRequest::url).contains("http://a.test/2");
        assertThat(frontier.poll("http://a.test:80")).isEmpty();
        assertThat(frontier.hasQueued("http://a.test:80")).isFalse();
        assertThat(frontier.hasQueued("http://b.test:80")).isTrue();
        assertThat(frontier.queued()).isEqualTo(1);
    }

    @Test
    void aUrlFetchedOnceIsNeverQueuedAgain() {
        frontier.offer(CrawlRequest.of("http://a.test/1", 0, null, 0));
        frontier.poll("http://a.test:80");
        assertThat(frontier.offer(CrawlRequest.of("http://a.test/1", 0, null, 0))).isEqualTo(Frontier.Offer.DUPLICATE);
    }

    @Test
    void hostKeysMakeDefaultPortsExplicit() {
        assertThat(CrawlRequest.hostKeyOf("https://a.test/x")).isEqualTo("https://a.test:443");
        assertThat(CrawlRequest.hostKeyOf("http://a.test:8080/x")).isEqualTo("http://a.test:8080");
        assertThat(CrawlRequest.hostOfKey("http://a.test:8080")).isEqualTo("a.test");
        assertThat(CrawlRequest.hostOfKey(CrawlRequest.hostKeyOf("http://[::1]/x"))).isEqualTo("[::1]");
    }
}
