package dev.crawler.cluster;

import dev.crawler.cli.ExitCodes;
import dev.crawler.cli.VersionProvider;
import dev.crawler.cli.run.ShutdownGuard;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code crawler broker}: one Kafka node (KRaft broker and controller) on loopback, until Ctrl-C. */
@Command(name = "broker", mixinStandardHelpOptions = true, sortOptions = false, versionProvider = VersionProvider.class,
        description = {
            "Runs one Apache Kafka node in KRaft mode (broker and controller, no ZooKeeper) on 127.0.0.1,"
                    + " keeping its data in DIR, until Ctrl-C. It is for trying the cluster mode on one machine"
                    + " and for tests: with one node, nothing survives the loss of its disk. Once it accepts"
                    + " clients it prints 'bootstrap: 127.0.0.1:PORT', the address to give the crawl's nodes.",
            "Restarted on the same DIR, it is the same cluster, with its topics, on the same port.",
            ""
        },
        footer = ExitCodes.FOOTER)
final class BrokerCommand implements Callable<Integer> {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", required = true,
            description = "Where the node keeps its data and identity (made if missing)")
    Path dir;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "Port for clients on 127.0.0.1; 0 keeps the port DIR had, or picks a free one."
                    + " Default: ${DEFAULT-VALUE}")
    int port;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, was " + port);
        }
        System.setProperty("crawler.logdir", dir.toAbsolutePath().toString());
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stop = new CountDownLatch(1);
        try (ShutdownGuard guard = ShutdownGuard.install(spec.commandLine().getErr(), STOP_GRACE,
                "stopping the Kafka node (Ctrl-C again stops at once)")) {
            guard.onStop(stop::countDown);
            EmbeddedBroker broker;
            try {
                broker = EmbeddedBroker.start(dir, port);
            } catch (IOException e) {
                spec.commandLine().getErr().println("crawler broker: " + e.getMessage());
                return ExitCodes.FAILED;
            }
            try (broker) {
                out.println("bootstrap: " + broker.bootstrap());
                out.println("cluster " + broker.clusterId() + ", data in " + dir.toAbsolutePath()
                        + " (log: " + dir.toAbsolutePath().resolve("crawler.log") + "); serving until Ctrl-C");
                out.flush();
                stop.await();
                return ExitCodes.INTERRUPTED;
            }
        }
    }
}
