package dev.crawler.cluster;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Tests that share one real Kafka node ({@link EmbeddedBroker}) per class, each on topics of its own. */
abstract class OnEmbeddedBroker {

    @TempDir
    static Path dir;
    static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = EmbeddedBroker.start(dir.resolve("broker"), 0);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
