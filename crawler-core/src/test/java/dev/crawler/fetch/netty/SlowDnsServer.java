package dev.crawler.fetch.netty;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;

/**
 * A DNS server on a loopback UDP port that answers every A query with {@code 127.0.0.1}, and any
 * other query with no answer, each only {@code delay} after it arrived. Enough of RFC 1035 for a
 * stub resolver: the header and question are echoed, an A answer points back at the question's name.
 */
final class SlowDnsServer implements AutoCloseable {

    private static final int TYPE_A = 1;

    private final DatagramSocket socket;
    private final long delayMillis;
    private final Thread thread;

    SlowDnsServer(Duration delay) throws IOException {
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        this.delayMillis = delay.toMillis();
        this.thread = Thread.ofPlatform().name("slow-dns").daemon().start(this::serve);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    private void serve() {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket query = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(query);
            } catch (IOException e) {
                return;
            }
            byte[] q = Arrays.copyOf(query.getData(), query.getLength());
            InetSocketAddress from = (InetSocketAddress) query.getSocketAddress();
            Thread.ofVirtual().start(() -> answerLater(q, from));
        }
    }

    private void answerLater(byte[] query, InetSocketAddress to) {
        try {
            Thread.sleep(delayMillis);
            byte[] reply = reply(query);
            socket.send(new DatagramPacket(reply, reply.length, to));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SocketException e) {
            // closed meanwhile
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reply to {@code query}: its id and question, and for an A question one answer, 127.0.0.1. */
    static byte[] reply(byte[] query) {
        int end = 12;
        while (query[end] != 0) {
            end += 1 + (query[end] & 0xff);
        }
        end += 1 + 4; // the root label, then type and class
        int type = ((query[end - 4] & 0xff) << 8) | (query[end - 3] & 0xff);
        boolean a = type == TYPE_A;
        ByteBuffer out = ByteBuffer.allocate(end + 16);
        out.put(query, 0, 2) // id
                .putShort((short) 0x8180) // a response, recursion desired and available, no error
                .putShort((short) 1).putShort((short) (a ? 1 : 0)).putShort((short) 0).putShort((short) 0)
                .put(query, 12, end - 12);
        if (a) {
            out.putShort((short) 0xc00c) // the question's name
                    .putShort((short) TYPE_A).putShort((short) 1).putInt(60).putShort((short) 4)
                    .put(new byte[] {127, 0, 0, 1});
        }
        return Arrays.copyOf(out.array(), out.position());
    }

    @Override
    public void close() {
        socket.close();
        thread.interrupt();
    }
}
