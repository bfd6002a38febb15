package dev.crawler.cluster;

import dev.crawler.io.MoveIntoPlace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The directory of an {@link EmbeddedBroker}: Kafka's data under {@code kraft/}, and beside it
 * what must stay the same across restarts, in {@code broker.properties}: the cluster id the data
 * was formatted with, and the two ports (clients and controller; the controller's is part of the
 * quorum's identity, the clients' is what the nodes of a crawl were given as bootstrap).
 *
 * @param clusterId the id the storage was formatted with
 * @param port the port clients connect to
 * @param controllerPort the port of the KRaft controller (the quorum's one voter)
 */
record BrokerDir(Path dir, String clusterId, int port, int controllerPort) {

    static final String SETTINGS = "broker.properties";
    static final String DATA = "kraft";

    /** The data directory Kafka formats and writes. */
    Path data() {
        return dir.resolve(DATA);
    }

    /** Whether {@code dir} holds a broker made by an earlier run. */
    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(SETTINGS));
    }

    /**
     * The broker of an earlier run in {@code dir}, on {@code port} if it is not 0 (else the port
     * it had).
     */
    static BrokerDir read(Path dir, int port) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(SETTINGS))) {
            p.load(in);
        }
        try {
            String clusterId = require(p, "cluster.id");
            int saved = Integer.parseInt(require(p, "port"));
            int controller = Integer.parseInt(require(p, "controller.port"));
            return new BrokerDir(dir, clusterId, port != 0 ? port : saved, controller);
        } catch (NumberFormatException e) {
            throw new IOException(dir.resolve(SETTINGS) + " is damaged (" + e.getMessage()
                    + "); move the directory away to start an empty broker", e);
        }
    }

    /**
     * A new broker in {@code dir}, which must not hold Kafka data yet: a fresh cluster id, the
     * clients' port ({@code port}, or a free one if 0) and a free controller port.
     */
    static BrokerDir create(Path dir, int port) throws IOException {
        if (Files.exists(dir.resolve(DATA))) {
            throw new IOException(dir + " holds Kafka data (" + DATA + "/) but no " + SETTINGS
                    + ": it was not made by crawler broker; use an empty directory");
        }
        Files.createDirectories(dir);
        int clients = port != 0 ? port : freePort();
        int controller = freePort();
        while (controller == clients) {
            controller = freePort();
        }
        return new BrokerDir(dir, Uuid.randomUuid().toString(), clients, controller);
    }

    /** Writes {@code broker.properties}, whole or not at all. */
    void save() throws IOException {
        Properties p = new Properties();
        p.setProperty("cluster.id", clusterId);
        p.setProperty("port", Integer.toString(port));
        p.setProperty("controller.port", Integer.toString(controllerPort));
        Path tmp = dir.resolve(SETTINGS + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "crawler broker: the identity of this directory's Kafka cluster; keep it with " + DATA + "/");
        }
        MoveIntoPlace.replace(tmp, dir.resolve(SETTINGS));
    }

    private static String require(Properties p, String key) throws IOException {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IOException(SETTINGS + " has no " + key + "; move the directory away to start an empty broker");
        }
        return v.trim();
    }

    /** A port free on 127.0.0.1 now (another process could still take it before the broker binds it). */
    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
