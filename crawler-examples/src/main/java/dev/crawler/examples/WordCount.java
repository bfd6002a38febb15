package dev.crawler.examples;

import dev.crawler.CrawlConfig;
import dev.crawler.CrawlOutcome;
import dev.crawler.CrawlSummary;
import dev.crawler.Crawler;
import dev.crawler.Outcome;
import dev.crawler.PageSink;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Crawls a simulated web into a sink of its own that counts the words of every page, with the
 * mirror tree off: nothing is written but the crawl's record ({@code index.jsonl}) and its state.
 */
public final class WordCount {

    /** Counts the words of every HTML page it is given. Thread-safe: pages come from several workers. */
    static final class WordSink implements PageSink {
        final Map<String, LongAdder> words = new ConcurrentHashMap<>();
        final LongAdder pages = new LongAdder();

        @Override
        public void accept(CrawlOutcome outcome) {
            if (outcome.outcome() != Outcome.PAGE) {
                return;
            }
            outcome.response().ifPresent(r -> {
                pages.increment();
                String text = Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8)).text();
                for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                    if (word.length() > 3) {
                        words.computeIfAbsent(word, w -> new LongAdder()).increment();
                    }
                }
            });
        }
    }

    public static void main(String[] args) {
        Check.main("WordCount", () -> run(Files.createTempDirectory("word-count")));
    }

    /** Runs the example in {@code work}, checking its result. */
    static void run(Path work) throws Exception {
        try (SimulatedWeb web = SimulatedWeb.start(2, 30)) {
            CrawlConfig config = web.crawl(work.resolve("out")).mirror(false).build();
            WordSink sink = new WordSink();
            CrawlSummary summary;
            try (Crawler crawler = Crawler.builder(config).sink(sink).build()) {
                summary = crawler.run();
            }
            String top = sink.words.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                    .limit(5).map(e -> e.getKey() + " " + e.getValue().sum()).toList().toString();
            System.out.println("WordCount: " + sink.pages.sum() + " pages, " + sink.words.size() + " words; most used: "
                    + top);

            Check.that(summary.reason() == CrawlSummary.StopReason.COMPLETED, "the crawl completed");
            Check.that(sink.pages.sum() == web.groundTruth().withStatus(200).size(),
                    "every page of the web was counted once");
            Check.that(!sink.words.isEmpty(), "words were found");
            try (Stream<Path> written = Files.list(config.outDir())) {
                Check.that(written.map(p -> p.getFileName().toString())
                        .allMatch(n -> n.equals(Crawler.INDEX_FILE) || n.equals(CrawlConfig.STATE_DIR_NAME)),
                        "no page files were written");
            }
        }
    }
}
