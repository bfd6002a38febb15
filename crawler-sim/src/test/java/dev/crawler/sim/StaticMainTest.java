package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static site as a process of its own: its options, and the simulated web's protocol with the first request's time. */
class StaticMainTest {

    @Test
    void optionsRoundTripAndBadOnesAreNamed(@TempDir Path tmp) {
        StaticMain.Args args = StaticMain.parse(StaticMain.toArgs(tmp, 3));
        assertThat(args).isEqualTo(new StaticMain.Args(tmp.toAbsolutePath(), StaticServer.ADDRESS, 0, 3));
        assertThatThrownBy(() -> StaticMain.parse(List.of())).hasMessageContaining("--root DIR is required");
        assertThatThrownBy(() -> StaticMain.parse(List.of("--root"))).hasMessageContaining("pairs");
        assertThatThrownBy(() -> StaticMain.parse(List.of("--colour", "red"))).hasMessageContaining("--colour");
        assertThatThrownBy(() -> StaticMain.parse(List.of("--port", "x"))).hasMessageContaining("--port");
    }

    @Test
    void servesAndReportsWhenTheFirstRequestCame(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("index.html"), "hello");
        PipedOutputStream commands = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(commands), StandardCharsets.UTF_8));
        PipedInputStream replies = new PipedInputStream();
        PrintStream out = new PrintStream(new PipedOutputStream(replies), true, StandardCharsets.UTF_8);
        CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
            try {
                StaticMain.serve(StaticMain.parse(StaticMain.toArgs(tmp, 1)), in, out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        BufferedReader lines = new BufferedReader(new InputStreamReader(replies, StandardCharsets.UTF_8));
        String ready = lines.readLine();
        assertThat(ready).startsWith("sim-ready port=").contains("transport=", "pid=");
        int port = Integer.parseInt(ready.replaceAll(".*port=(\\d+).*", "$1"));
        assertThat(stats(commands, lines)).endsWith(" first-ms=-1");

        long before = System.currentTimeMillis();
        try (RawHttpClient c = new RawHttpClient(InetAddress.getByName(StaticServer.ADDRESS), port)) {
            assertThat(c.get(StaticServer.HOST, "/").text()).isEqualTo("hello");
        }
        String stats = "";
        for (int i = 0; i < 50 && !stats.startsWith("stats served=1 "); i++) { // counted once the write completes
            Thread.sleep(i == 0 ? 0 : 20);
            stats = stats(commands, lines);
        }
        assertThat(stats).startsWith("stats served=1 accepted=1 ");
        long first = Long.parseLong(stats.replaceAll(".*first-ms=(-?\\d+).*", "$1"));
        assertThat(first).isBetween(before - 5, System.currentTimeMillis());
        assertThat(stats(commands, lines)).as("since the last report").endsWith(" first-ms=-1");

        commands.close();
        served.get(10, TimeUnit.SECONDS);
    }

    private static String stats(PipedOutputStream commands, BufferedReader lines) throws Exception {
        commands.write("stats\n".getBytes(StandardCharsets.UTF_8));
        commands.flush();
        return lines.readLine();
    }
}
