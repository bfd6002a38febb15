package dev.crawler.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The conversation a server process ({@link SimMain}, {@link StaticMain}) holds with the bench
 * that started it, one line each way:
 * <pre>
 * out: sim-ready port=41865 transport=epoll pid=1234     once serving
 * in:  stats                                              asks for the counters
 * out: stats served=N accepted=N open=N peak-open=N ...  requests answered, connections accepted,
 *                                                         open now, most open at once since last asked,
 *                                                         then what the server adds
 * </pre>
 * It returns when its input ends, so the process never outlives the one that started it.
 */
final class ServerProcess {

    private static final long SAMPLE_MILLIS = 10;

    /** What a loopback server shows of itself. */
    interface Listening {
        int port();

        String transport();

        int openConnections();

        long acceptedConnections();
    }

    private ServerProcess() {
    }

    /**
     * Says the server is ready, then answers each {@code stats} on {@code in} until it ends.
     *
     * @param served requests answered so far
     * @param more further {@code name=value} fields of a stats line, with a leading space, or ""
     */
    static void converse(Listening server, LongSupplier served, Supplier<String> more, BufferedReader in,
            PrintStream out) throws IOException {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("server-sampler").daemon().factory());
        try {
            PeakGauge open = new PeakGauge();
            sampler.scheduleAtFixedRate(() -> open.sample(server.openConnections()), 0, SAMPLE_MILLIS,
                    TimeUnit.MILLISECONDS);
            out.println("sim-ready port=" + server.port() + " transport=" + server.transport()
                    + " pid=" + ProcessHandle.current().pid());
            out.flush();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.strip().equals("stats")) {
                    out.println("stats served=" + served.getAsLong() + " accepted=" + server.acceptedConnections()
                            + " open=" + server.openConnections() + " peak-open=" + open.takePeak() + more.get());
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
