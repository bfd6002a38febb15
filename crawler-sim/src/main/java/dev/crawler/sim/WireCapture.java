package dev.crawler.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Request starts as the loopback wire saw them: tcpdump captures, with the kernel's nanosecond
 * timestamps, every TCP segment to one port whose payload opens an HTTP request, and the capture is
 * read back as (Host header, time) pairs. The server's own log stamps a request when its thread gets
 * to read it, which a busy machine delays by milliseconds; the kernel's stamp does not wait for any
 * thread. Needs tcpdump and the right to capture (root); {@link #start} is empty without them.
 */
public final class WireCapture implements AutoCloseable {

    /** One request start: the host it named and when its first segment crossed the loopback. */
    public record Start(String host, long epochNanos) {
    }

    private final Process tcpdump;
    private final Path file;
    private List<Start> starts;

    private WireCapture(Process tcpdump, Path file) {
        this.tcpdump = tcpdump;
        this.file = file;
    }

    /**
     * Starts capturing request starts to {@code port} on loopback, into a temporary directory of
     * its own that {@link #stop} removes; empty if tcpdump cannot capture here.
     */
    public static Optional<WireCapture> start(int port) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("wire-");
        Optional<WireCapture> capture = start(port, dir);
        if (capture.isEmpty()) {
            Files.deleteIfExists(dir.resolve("requests-" + port + ".pcap"));
            Files.deleteIfExists(dir);
        }
        return capture;
    }

    private static Optional<WireCapture> start(int port, Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("requests-" + port + ".pcap");
        Process p;
        try {
            p = new ProcessBuilder("tcpdump", "-i", "lo", "-n", "-U", "--immediate-mode", "-s", "2048", "--time-stamp-precision", "nano",
                    "-w", file.toString(), "tcp dst port " + port + " and (tcp[((tcp[12:1] & 0xf0) >> 2):4] = 0x47455420)")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("wire capture unavailable: " + e.getMessage());
            return Optional.empty();
        }
        // tcpdump says "listening on lo" once the capture is armed
        CompletableFuture<Boolean> listening = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                boolean armed = false;
                while ((line = r.readLine()) != null) {
                    if (line.contains("listening on")) {
                        armed = true;
                        break;
                    }
                    System.out.println("tcpdump: " + line);
                }
                return armed;
            } catch (IOException e) {
                return false;
            }
        });
        boolean armed;
        try {
            armed = listening.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            armed = false;
        }
        if (!armed) {
            p.destroyForcibly();
            System.out.println("wire capture unavailable: tcpdump did not start capturing (not root?)");
            return Optional.empty();
        }
        return Optional.of(new WireCapture(p, file));
    }

    /** Stops the capture and reads back every request start, in capture order. */
    public List<Start> stop() throws IOException, InterruptedException {
        if (starts == null) {
            Thread.sleep(300); // the last segments reach tcpdump
            tcpdump.destroy(); // SIGTERM: tcpdump flushes and closes the file
            if (!tcpdump.waitFor(10, TimeUnit.SECONDS)) {
                tcpdump.destroyForcibly();
            }
            starts = read(Files.readAllBytes(file));
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
        return starts;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        stop();
    }

    /** Parses a pcap file (nanosecond timestamps) of IPv4 TCP segments that open HTTP requests. */
    static List<Start> read(byte[] pcap) {
        ByteBuffer b = ByteBuffer.wrap(pcap);
        int magic = b.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic == 0xa1b23c4d) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else if (Integer.reverseBytes(magic) == 0xa1b23c4d) {
            b.order(ByteOrder.BIG_ENDIAN);
        } else {
            throw new IllegalStateException("not a nanosecond pcap file: magic " + Integer.toHexString(magic));
        }
        int linkType = b.getInt(20);
        int linkHeader = switch (linkType) {
            case 1 -> 14; // Ethernet, as Linux shows lo
            case 113 -> 16; // Linux cooked
            case 276 -> 20; // Linux cooked v2
            default -> throw new IllegalStateException("unexpected link type " + linkType);
        };
        List<Start> starts = new ArrayList<>();
        int at = 24;
        while (at + 16 <= pcap.length) {
            long seconds = Integer.toUnsignedLong(b.getInt(at));
            long nanos = Integer.toUnsignedLong(b.getInt(at + 4));
            int captured = b.getInt(at + 8);
            int ip = at + 16 + linkHeader;
            int end = at + 16 + captured;
            at = end;
            if ((pcap[ip] >> 4) != 4) {
                continue;
            }
            int tcp = ip + (pcap[ip] & 0x0f) * 4;
            int payload = tcp + ((pcap[tcp + 12] >> 4) & 0x0f) * 4;
            String head = new String(pcap, payload, Math.max(0, end - payload), StandardCharsets.ISO_8859_1);
            starts.add(new Start(hostOf(head), seconds * 1_000_000_000L + nanos));
        }
        return starts;
    }

    /** The Host header's name, without the port; "" when the captured part does not hold it. */
    private static String hostOf(String head) {
        for (String line : head.split("\r\n")) {
            if (line.regionMatches(true, 0, "Host:", 0, 5)) {
                String h = line.substring(5).strip().toLowerCase(Locale.ROOT);
                int colon = h.lastIndexOf(':');
                return colon > h.lastIndexOf(']') ? h.substring(0, colon) : h;
            }
        }
        return "";
    }
}
