package dev.crawler.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * The simulated web as a process of its own, for benchmarks that measure the crawler apart from
 * the server ({@code crawler bench}): {@code java -cp crawler.jar dev.crawler.sim.SimMain
 * [SimProcessArgs options]}.
 *
 * <p>It speaks {@link ServerProcess}'s protocol on standard input and output, and stops when its
 * standard input ends, so it never outlives the process that started it.
 */
public final class SimMain {

    private SimMain() {
    }

    public static void main(String[] args) throws Exception {
        SimProcessArgs parsed;
        try {
            parsed = SimProcessArgs.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("sim: " + e.getMessage());
            System.exit(2);
            return;
        }
        serve(parsed, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        System.exit(0);
    }

    /** Serves until {@code in} ends, answering its commands on {@code out}. */
    static void serve(SimProcessArgs args, BufferedReader in, PrintStream out) throws InterruptedException, IOException {
        LongAdder served = new LongAdder();
        try (SimServer server = SimServer.start(args.config(), r -> served.increment(), args.ioThreads())) {
            ServerProcess.converse(server, served::sum, () -> "", in, out);
        }
    }
}
