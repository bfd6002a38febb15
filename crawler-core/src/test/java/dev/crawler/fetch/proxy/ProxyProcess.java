package dev.crawler.fetch.proxy;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real proxy for tests, run as a process on loopback: Debian's {@code tinyproxy} (HTTP, with
 * {@code CONNECT}) or {@code microsocks} (SOCKS5), both installed by {@code src/scripts/test-deps}.
 * Where the program is missing the test is skipped, except under CI ({@code CI=true}), where it fails:
 * CI installs them, so a missing one is a broken set-up, not a reason to test less.
 */
public final class ProxyProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ProxyProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * tinyproxy on 127.0.0.1, letting loopback clients in; {@code extraConfig} lines are added to
     * its configuration (such as {@code BasicAuth user pass} or {@code ConnectPort 443}).
     */
    public static ProxyProcess tinyproxy(Path dir, String... extraConfig) throws IOException, InterruptedException {
        String binary = require("tinyproxy");
        int port = freePort();
        Path log = dir.resolve("tinyproxy-" + port + ".log");
        List<String> config = new ArrayList<>(List.of("Port " + port, "Listen 127.0.0.1", "Timeout 30",
                "MaxClients 200", "Allow 127.0.0.0/8", "LogLevel Connect", "LogFile \"" + log + "\""));
        config.addAll(List.of(extraConfig));
        Path conf = dir.resolve("tinyproxy-" + port + ".conf");
        Files.write(conf, config, StandardCharsets.UTF_8);
        return started(new ProcessBuilder(binary, "-d", "-c", conf.toString()), port, log);
    }

    /** microsocks on 127.0.0.1, asking for {@code user} and {@code password} unless they are null. */
    public static ProxyProcess microsocks(Path dir, String user, String password) throws IOException, InterruptedException {
        String binary = require("microsocks");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(binary, "-i", "127.0.0.1", "-p", String.valueOf(port)));
        if (user != null) {
            command.addAll(List.of("-u", user, "-P", password));
        }
        return started(new ProcessBuilder(command), port, dir.resolve("microsocks-" + port + ".log"));
    }

    private static ProxyProcess started(ProcessBuilder builder, int port, Path log) throws IOException, InterruptedException {
        if (!Files.exists(log)) {
            Files.createFile(log);
        }
        Process p = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return new ProxyProcess(p, port, log);
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
        }
        p.destroyForcibly();
        throw new IOException(builder.command() + " did not start listening on port " + port + "; its output: "
                + Files.readString(log));
    }

    private static String require(String program) {
        for (String dir : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(program + " is not installed although CI runs src/scripts/test-deps, which installs it");
        }
        Assumptions.abort(program + " is not installed (as root: apt-get install " + program + ")");
        throw new AssertionError("unreachable");
    }

    /** A port nothing listens on right now (for a proxy that is down, among others). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** The proxy's URL, such as {@code http://127.0.0.1:41234}, with {@code userInfo@} if not null. */
    public String url(String scheme, String userInfo) {
        return scheme + "://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + port;
    }

    /** What the proxy logged so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
