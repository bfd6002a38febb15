package dev.crawler.examples;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs each example as the build's test: an example whose own checks fail fails here. */
class ExamplesTest {

    @TempDir
    Path work;

    @Test
    void wordCount() throws Exception {
        WordCount.run(work);
    }

    @Test
    void stopWhenEnough() throws Exception {
        StopWhenEnough.run(work);
    }

    @Test
    void countingFrontierStore() throws Exception {
        CountingFrontierStore.run(work);
    }
}
