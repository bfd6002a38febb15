package dev.crawler.engine;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test class whose tests each crawl on a fresh {@link EngineHarness} writing into {@link #out}. */
abstract class OnEngineHarness {

    @TempDir
    Path out;

    /** The harness of the test running; a test may close it and start another. */
    EngineHarness engine;

    @BeforeEach
    void openHarness() {
        engine = new EngineHarness(out);
    }

    @AfterEach
    void closeHarness() throws Exception {
        engine.close();
    }
}
