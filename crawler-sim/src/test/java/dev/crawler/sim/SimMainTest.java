package dev.crawler.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simulated web as a process of its own: its options, and its protocol on standard input and output. */
class SimMainTest {

    @Test
    void optionsRoundTrip() {
        SimConfig c = SimConfig.defaults().withHosts(7).withPages(30).withLinks(3).withLatency(Duration.ofMillis(940))
                .withJitter(Duration.ofMillis(5)).withPageBytes(10240).withSeed(9).withFirstAddress("127.0.3.1")
                .withHostNaming(HostNaming.ADDRESSES);
        SimProcessArgs parsed = SimProcessArgs.parse(SimProcessArgs.toArgs(c, 3));
        assertThat(parsed.config()).isEqualTo(c);
        assertThat(parsed.ioThreads()).isEqualTo(3);
        assertThat(SimProcessArgs.parse(List.of()).config()).isEqualTo(SimConfig.defaults());
        SimConfig realistic = c.withRealisticPages().withPageProfile(PageProfile.REALISTIC.withNavLinks(7)
                .withEntities(false).withBytes(new LongTail(4096, 65536, 0.75)), 5000, 12);
        assertThat(SimProcessArgs.parse(SimProcessArgs.toArgs(realistic, 2)).config()).isEqualTo(realistic);
        // a median and its range apply together, in any order
        assertThat(SimProcessArgs.parse(List.of("--page-bytes", "100", "--page-bytes-tail", "50,200,1.5")).config()
                .pageProfile().bytes()).isEqualTo(new LongTail(50, 200, 1.5));
    }

    @Test
    void badOptionsNameTheProblem() {
        assertThatThrownBy(() -> SimProcessArgs.parse(List.of("--hosts"))).hasMessageContaining("pairs");
        assertThatThrownBy(() -> SimProcessArgs.parse(List.of("--colour", "red"))).hasMessageContaining("--colour");
        assertThatThrownBy(() -> SimProcessArgs.parse(List.of("--pages", "many"))).hasMessageContaining("--pages");
        assertThatThrownBy(() -> SimProcessArgs.parse(List.of("--io-threads", "0"))).hasMessageContaining("--io-threads");
        assertThatThrownBy(() -> SimProcessArgs.parse(List.of("--links-tail", "1,2"))).hasMessageContaining("--links-tail");
        assertThatThrownBy(() -> SimProcessArgs.parse(List.of("--scripts", "yes"))).hasMessageContaining("--scripts");
        assertThatThrownBy(() -> SimProcessArgs.parse(List.of("--host-naming", "ips"))).hasMessageContaining("--host-naming");
    }

    @Test
    void servesReportsItsCountersAndStopsWhenItsInputEnds() throws Exception {
        PipedOutputStream commands = new PipedOutputStream();
        BufferedReader in = new BufferedReader(new InputStreamReader(new PipedInputStream(commands), StandardCharsets.UTF_8));
        PipedInputStream replies = new PipedInputStream();
        PrintStream out = new PrintStream(new PipedOutputStream(replies), true, StandardCharsets.UTF_8);
        SimProcessArgs args = SimProcessArgs.parse(List.of("--hosts", "2", "--pages", "3", "--latency-ms", "0"));
        CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
            try {
                SimMain.serve(args, in, out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        BufferedReader lines = new BufferedReader(new InputStreamReader(replies, StandardCharsets.UTF_8));
        String ready = lines.readLine();
        assertThat(ready).startsWith("sim-ready port=").contains("transport=", "pid=");
        int port = Integer.parseInt(ready.replaceAll(".*port=(\\d+).*", "$1"));

        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.1.1:" + port + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);

        String stats = "";
        for (int i = 0; i < 50 && !stats.startsWith("stats served=1 "); i++) { // recorded once the write completes
            send(commands, "stats\n");
            stats = lines.readLine();
            Thread.sleep(i == 0 ? 0 : 20);
        }
        assertThat(stats).startsWith("stats served=1 accepted=1 ").contains("open=", "peak-open=");

        commands.close();
        served.get(10, TimeUnit.SECONDS);
    }

    private static void send(OutputStream to, String text) throws Exception {
        to.write(text.getBytes(StandardCharsets.UTF_8));
        to.flush();
    }
}
