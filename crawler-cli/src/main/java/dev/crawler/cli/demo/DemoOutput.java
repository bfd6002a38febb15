package dev.crawler.cli.demo;

import dev.crawler.CrawlConfig;
import dev.crawler.Crawler;
import dev.crawler.cli.FileTrees;
import dev.crawler.cli.config.ConfigException;
import dev.crawler.cli.run.LogSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The demo's output directory. The demo marks it, so that running the demo again replaces its own
 * earlier output: the index, the log, the crawl state and the simulated hosts' page trees, nothing else. A
 * directory that holds a crawl the demo did not write is left alone, and the demo stops.
 */
public final class DemoOutput {

    static final String MARKER = ".crawler-demo";
    private static final Pattern SIM_HOST_DIR = Pattern.compile("site-\\d+\\.sim([^/]*)");

    private DemoOutput() {
    }

    /**
     * Makes {@code dir} ready for a demo crawl.
     *
     * @return whether an earlier demo's output was removed
     * @throws ConfigException if {@code dir} holds a crawl that is not a demo's
     */
    public static boolean prepare(Path dir) throws IOException {
        boolean earlierDemo = Files.exists(dir.resolve(MARKER));
        if (!earlierDemo && Files.exists(dir.resolve(Crawler.INDEX_FILE))) {
            throw new ConfigException("out: " + dir + " holds a crawl that the demo did not write;"
                    + " choose another --out or remove it");
        }
        if (earlierDemo) {
            removeEarlierDemo(dir);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "written by 'crawler demo'; a new demo run replaces this directory's"
                + " index.jsonl, crawler.log and site-N.sim trees\n");
        return earlierDemo;
    }

    private static void removeEarlierDemo(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(Crawler.INDEX_FILE));
        Files.deleteIfExists(dir.resolve(LogSetup.LOG_FILE));
        // the crawl's resumable state: a new demo serves a new web (another port), so it starts afresh
        Path state = dir.resolve(CrawlConfig.STATE_DIR_NAME);
        if (Files.isDirectory(state)) {
            FileTrees.deleteTree(state);
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                if (Files.isDirectory(child) && SIM_HOST_DIR.matcher(child.getFileName().toString()).matches()) {
                    FileTrees.deleteTree(child);
                }
            }
        }
    }
}
