package dev.crawler.bench.run;

import dev.crawler.sim.SimConfig;
import dev.crawler.sim.SimMain;
import dev.crawler.sim.SimProcessArgs;
import dev.crawler.sim.StaticMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The simulated web in a process of its own ({@link SimMain}), so that its CPU, memory and file
 * descriptors are not the crawler's. Started with the same class path as this JVM; it reports its
 * port once it serves, answers {@code stats} on request, and ends when its standard input is
 * closed, which {@link #close()} does (then waits, then kills it).
 */
final class SimProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;
    private int port;
    private String transport = "?";

    private SimProcess(Process process) {
        this.process = process;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.reader = Thread.ofPlatform().name("sim-process-reader").daemon().start(this::readLines);
    }

    /**
     * Starts the simulated web of {@code config} with {@code ioThreads} event loops and waits until
     * it serves; its standard error and log go under {@code logDir}.
     */
    static SimProcess start(SimConfig config, int ioThreads, Path logDir) {
        return launch(SimMain.class.getName(), SimProcessArgs.toArgs(config, ioThreads), logDir);
    }

    /**
     * Starts a {@link StaticMain} that serves the files under {@code root} with {@code ioThreads}
     * event loops and waits until it serves; it speaks the same protocol as the simulated web.
     */
    static SimProcess startStatic(Path root, int ioThreads, Path logDir) {
        return launch(StaticMain.class.getName(), StaticMain.toArgs(root, ioThreads), logDir);
    }

    private static SimProcess launch(String mainClass, List<String> args, Path logDir) {
        List<String> cmd = JavaCommand.of(512L << 20, List.of("crawler.logdir=" + logDir.toAbsolutePath()),
                mainClass, args, List.of());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(logDir.resolve("sim.err").toFile()).start();
        } catch (IOException e) {
            throw new BenchException("cannot start the simulated web: " + e.getMessage(), e);
        }
        SimProcess sim = new SimProcess(p);
        try {
            sim.awaitReady();
            return sim;
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    private void awaitReady() {
        String ready = next(START_TIMEOUT);
        if (ready == null || !ready.startsWith("sim-ready ")) {
            throw new BenchException("the simulated web did not start (it said '" + ready + "'; see sim.err)");
        }
        for (String part : ready.substring(10).trim().split("\\s+")) {
            if (part.startsWith("port=")) {
                port = Integer.parseInt(part.substring(5));
            } else if (part.startsWith("transport=")) {
                transport = part.substring(10);
            }
        }
    }

    private void readLines() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private String next(Duration timeout) {
        try {
            return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while waiting for the simulated web", e);
        }
    }

    int port() {
        return port;
    }

    /** The server's transport, such as {@code epoll}. */
    String transport() {
        return transport;
    }

    long pid() {
        return process.pid();
    }

    /** The counters; the peak of open connections restarts from here. */
    SimStats stats() {
        commands.println("stats");
        return SimStats.parse(next(REPLY_TIMEOUT));
    }

    /** CPU time (user + system) the server process has used so far, in seconds. */
    double cpuSeconds() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    /** Ends the process: its input closed, then a kill if it is still there after a few seconds. */
    @Override
    public void close() {
        commands.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
