package dev.crawler.bench.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The crawler of one run in a JVM of its own ({@link RunMain}), so that its CPU time, heap,
 * resident memory and threads are its own and no earlier run has warmed it up. Its spec and
 * result are JSON files in the run directory, its standard error goes to {@code jvm.out} there; its
 * standard input and output carry the warm-up handshake of {@link RunMain}.
 * Closing it kills the process if it is still running.
 */
final class CrawlerJvm implements AutoCloseable {

    static final String SPEC = "spec.json";
    static final String RESULT = "result.json";
    static final String CONSOLE = "jvm.out";

    /** The environment variable whose JVM options are added to every crawler JVM the bench starts. */
    static final String JVM_OPTS_ENV = "CRAWLER_BENCH_JVM_OPTS";

    private final Process process;
    private final Path runDir;

    private CrawlerJvm(Process process, Path runDir) {
        this.process = process;
        this.runDir = runDir;
    }

    /** Writes {@code spec} into {@code runDir} and starts the crawler JVM with {@code heapBytes} of heap. */
    static CrawlerJvm start(RunSpec spec, Path runDir, long heapBytes) {
        ObjectMapper json = BenchJson.mapper();
        try {
            Files.createDirectories(runDir);
            Path specFile = runDir.resolve(SPEC);
            json.writeValue(specFile.toFile(), spec);
            List<String> cmd = JavaCommand.of(heapBytes, List.of(), RunMain.class.getName(),
                    List.of(specFile.toString(), runDir.resolve(RESULT).toString()), extraJvmOptions());
            Process p = new ProcessBuilder(cmd).redirectError(runDir.resolve(CONSOLE).toFile()).start();
            return new CrawlerJvm(p, runDir);
        } catch (IOException e) {
            throw new BenchException("cannot start a crawler JVM in " + runDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * JVM options for every crawler JVM from the environment variable {@value #JVM_OPTS_ENV}
     * (whitespace-separated), e.g. a profiler: {@code -XX:StartFlightRecording=filename=run.jfr}.
     */
    static List<String> extraJvmOptions() {
        return parseJvmOptions(System.getenv(JVM_OPTS_ENV));
    }

    /** Whitespace-separated options (no quoting: an option cannot hold a space); none for null or blank. */
    static List<String> parseJvmOptions(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    /**
     * Waits until the crawler JVM has warmed up and is ready to crawl for the measurement.
     *
     * @throws BenchException if it ended or said something else first
     */
    void awaitWarm(Duration timeout) {
        CompletableFuture<String> line = new CompletableFuture<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread.ofVirtual().name("crawler-jvm-reader").start(() -> {
            // The JVM itself may print first (e.g. -Xlog lines from CRAWLER_BENCH_JVM_OPTS): skip
            // to the crawler's word, and keep draining so a chatty JVM never blocks on a full pipe.
            String last = null;
            try {
                for (String l; (l = out.readLine()) != null; ) {
                    if (RunMain.WARM.equals(l)) {
                        line.complete(l);
                    } else if (!line.isDone()) {
                        last = l;
                    }
                }
            } catch (IOException e) {
                // the process went away: reported below as not ready
            }
            line.complete(last);
        });
        String said;
        try {
            said = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            said = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while the crawler JVM warmed up", e);
        }
        if (!RunMain.WARM.equals(said)) {
            throw new BenchException(notReady(said));
        }
    }

    /** Why the crawler JVM is not ready: what it printed, or how it ended and what it wrote to its console. */
    private String notReady(String said) {
        Path console = runDir.resolve(CONSOLE);
        if (said != null) {
            return "the crawler JVM did not get ready (it said '" + said + "'; see " + console + ")";
        }
        String ended = "did not say it was ready in time";
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                ended = "ended with exit code " + process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String first = "";
        try (var lines = Files.lines(console, StandardCharsets.UTF_8)) {
            first = lines.filter(l -> !l.isBlank()).findFirst().map(l -> ": " + l.strip()).orElse("");
        } catch (IOException | java.io.UncheckedIOException e) {
            // no console to quote
        }
        return "the crawler JVM " + ended + " before it was ready" + first + " (see " + console
                + (System.getenv(JVM_OPTS_ENV) != null ? "; " + JVM_OPTS_ENV + " is set" : "") + ")";
    }

    /** Lets the warmed-up crawler JVM start the measured crawl. */
    void go() {
        try {
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new BenchException("the crawler JVM went away before its run: " + e.getMessage(), e);
        }
    }

    /**
     * Waits for the run to end and reads its measurement.
     *
     * @throws BenchException if it did not end within {@code timeout}, failed, or wrote no result
     */
    RunMeasurement await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new BenchException("the crawler JVM did not finish within " + timeout.toSeconds()
                        + " s; killed (see " + runDir.resolve(CONSOLE) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted while waiting for the crawler JVM", e);
        }
        Path result = runDir.resolve(RESULT);
        if (process.exitValue() != 0 || !Files.exists(result)) {
            throw new BenchException("the crawler JVM failed with exit code " + process.exitValue()
                    + " (see " + runDir.resolve(CONSOLE) + ")");
        }
        try {
            return BenchJson.mapper().readValue(result.toFile(), RunMeasurement.class);
        } catch (IOException e) {
            throw new BenchException("cannot read " + result + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
