package dev.crawler.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code crawler broker} as a user runs it: its own JVM, the bootstrap line once it accepts
 * clients, a clean stop on SIGTERM (exit 130, as Ctrl-C), and the same cluster when started again
 * on the same directory.
 */
class BrokerCommandIT {

    @TempDir
    Path dir;

    @Test
    void printsItsBootstrapServesClientsAndStopsCleanlyOnASignal() throws Exception {
        Started first = start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic("crawl.test.links", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        first.process().toHandle().destroy(); // SIGTERM, leaving its output readable
        assertThat(first.process().waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        assertThat(first.process().exitValue()).isEqualTo(130);
        assertThat(first.output().get(10, TimeUnit.SECONDS)).contains("stopping the Kafka node").doesNotContain("ERROR");

        Started again = start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", again.bootstrap()))) {
            assertThat(again.bootstrap()).isEqualTo(first.bootstrap());
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("crawl.test.links");
        } finally {
            again.process().toHandle().destroy();
            again.process().waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void withoutADirectoryItSaysWhatIsMissing() {
        StringWriter err = new StringWriter();
        CommandLine cmd = ClusterMain.commandLine();
        cmd.setErr(new PrintWriter(err));

        int code = cmd.execute("broker", "--port", "9092");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--dir=DIR'").contains("--help");
    }

    @Test
    void aPortOutOfRangeIsRefusedBeforeAnythingIsWritten() {
        StringWriter err = new StringWriter();
        CommandLine cmd = ClusterMain.commandLine();
        cmd.setErr(new PrintWriter(err));

        int code = cmd.execute("broker", "--dir", dir.resolve("b").toString(), "--port", "70000");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--port must be 0 to 65535");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    private record Started(Process process, String bootstrap, CompletableFuture<String> output) {
    }

    /** Starts the command in a JVM of its own and waits for its bootstrap line. */
    private Started start() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                ClusterMain.class.getName(), "broker", "--dir", dir.resolve("b").toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), UTF_8));
        List<String> seen = new ArrayList<>();
        String line;
        String bootstrap = null;
        while (bootstrap == null && (line = out.readLine()) != null) {
            seen.add(line);
            if (line.startsWith("bootstrap: ")) {
                bootstrap = line.substring("bootstrap: ".length());
            }
        }
        assertThat(bootstrap).as("the bootstrap line, in: %s", seen).isNotNull().matches("127\\.0\\.0\\.1:\\d+");
        CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> {
            StringBuilder all = new StringBuilder();
            out.lines().forEach(l -> all.append(l).append('\n'));
            return all.toString();
        });
        return new Started(p, bootstrap, rest);
    }
}
