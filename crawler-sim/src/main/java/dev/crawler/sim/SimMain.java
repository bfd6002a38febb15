package dev.crawler.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The simulated web as a process of its own, for benchmarks that measure the crawler apart from
 * the server ({@code crawler bench}): {@code java -cp crawler.jar dev.crawler.sim.SimMain
 * [SimProcessArgs options]}.
 *
 * <p>The protocol on standard input and output, one line each:
 * <pre>
 * out: sim-ready port=41865 transport=epoll pid=1234     once serving
 * in:  stats                                              asks for the counters
 * out: stats served=N accepted=N open=N peak-open=N      requests answered, connections accepted,
 *                                                         open now, most open at once since last asked
 * </pre>
 * The process stops when its standard input ends, so it never outlives the process that started it.
 */
public final class SimMain {

    private static final long SAMPLE_MILLIS = 10;

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
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("sim-sampler").daemon().factory());
        try (SimServer server = SimServer.start(args.config(), r -> served.increment(), args.ioThreads())) {
            PeakGauge open = new PeakGauge();
            sampler.scheduleAtFixedRate(() -> open.sample(server.openConnections()), 0, SAMPLE_MILLIS,
                    TimeUnit.MILLISECONDS);
            out.println("sim-ready port=" + server.port() + " transport=" + server.transport()
                    + " pid=" + ProcessHandle.current().pid());
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.strip().equals("stats")) {
                    out.println("stats served=" + served.sum() + " accepted=" + server.acceptedConnections()
                            + " open=" + server.openConnections() + " peak-open=" + open.takePeak());
                    out.flush();
                }
            }
        } finally {
            sampler.shutdownNow();
        }
    }

    /** The highest value sampled since it was last taken. */
    static final class PeakGauge {
        private long peak;

        synchronized void sample(long value) {
            peak = Math.max(peak, value);
        }

        synchronized long takePeak() {
            long p = peak;
            peak = 0;
            return p;
        }
    }
}
