package dev.crawler.fetch.blocking;

import dev.crawler.fetch.FetchError;
import dev.crawler.fetch.http.FetchException;
import dev.crawler.fetch.http.HttpHead;
import dev.crawler.fetch.http.Messages;
import dev.crawler.fetch.Credentials;
import dev.crawler.fetch.proxy.ProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Opens a tunnel to the target through a proxy on a blocking socket already connected to it: an
 * HTTP {@code CONNECT} (RFC 9110 §9.3.6) or a SOCKS5 {@code CONNECT} (RFC 1928, with the user and
 * password of RFC 1929 when the proxy asks for them). The target is always an address, the one
 * the crawler resolved and checked. Once open, the socket carries the target's bytes as if it
 * were connected to it. The async fetcher does the same with Netty's proxy handlers.
 */
final class ProxyTunnel {

    private static final int SOCKS_VERSION = 5;
    private static final int NO_AUTH = 0x00;
    private static final int USER_PASSWORD = 0x02;
    private static final int NO_ACCEPTABLE = 0xFF;

    private ProxyTunnel() {
    }

    /**
     * Asks {@code proxy}, which {@code socket} is connected to, for a tunnel to {@code target}
     * within {@code timeoutMillis}; fails with {@link FetchError#PROXY} saying what the proxy answered.
     */
    static void open(Socket socket, ProxyServer proxy, InetSocketAddress target, int timeoutMillis,
            int maxHeaderBytes) throws IOException {
        int before = socket.getSoTimeout();
        socket.setSoTimeout(Math.max(1, timeoutMillis));
        try {
            switch (proxy.kind()) {
                case HTTP -> httpConnect(socket, proxy, target, maxHeaderBytes);
                case SOCKS5 -> socks5(socket, proxy, target);
            }
        } catch (SocketTimeoutException e) {
            throw refused(proxy, target, "no answer within " + timeoutMillis + " ms");
        } catch (EOFException e) {
            throw refused(proxy, target, "it closed the connection");
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(before);
            }
        }
    }

    private static void httpConnect(Socket socket, ProxyServer proxy, InetSocketAddress target, int maxHeaderBytes)
            throws IOException {
        String authority = authority(target);
        StringBuilder request = new StringBuilder("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ")
                .append(authority).append("\r\n");
        proxy.credentials().ifPresent(c -> request.append("Proxy-Authorization: ")
                .append(c.basicAuthorization()).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        // read straight from the socket: nothing of the tunnel may be buffered away (the target
        // does not speak before the client here, but a buffer must not be trusted with that)
        HttpHead head = HttpHead.read(new OneByteAtATime(socket.getInputStream()), maxHeaderBytes);
        if (head.status() / 100 != 2) {
            throw refused(proxy, target, "it answered CONNECT with status " + head.status());
        }
    }

    private static void socks5(Socket socket, ProxyServer proxy, InetSocketAddress target) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        boolean login = proxy.credentials().isPresent();
        out.write(login ? new byte[] {SOCKS_VERSION, 2, NO_AUTH, USER_PASSWORD} : new byte[] {SOCKS_VERSION, 1, NO_AUTH});
        out.flush();
        byte[] choice = readFully(in, 2);
        if (choice[0] != SOCKS_VERSION) {
            throw refused(proxy, target, "it does not speak SOCKS5 (version byte " + (choice[0] & 0xFF) + ")");
        }
        int method = choice[1] & 0xFF;
        if (method == USER_PASSWORD && login) {
            authenticate(in, out, proxy, target, proxy.credentials().get());
        } else if (method == NO_ACCEPTABLE) {
            throw refused(proxy, target, login ? "it accepts neither no login nor a user and password"
                    : "it asks for a login it was not given (authentication required)");
        } else if (method != NO_AUTH) {
            throw refused(proxy, target, "it chose authentication method " + method + ", which was not offered");
        }
        byte[] address = target.getAddress().getAddress();
        ByteArrayOutputStream req = new ByteArrayOutputStream(22);
        req.write(SOCKS_VERSION);
        req.write(1); // CONNECT
        req.write(0);
        req.write(target.getAddress() instanceof Inet6Address ? 4 : 1);
        req.write(address);
        req.write(target.getPort() >> 8);
        req.write(target.getPort() & 0xFF);
        out.write(req.toByteArray());
        out.flush();
        byte[] reply = readFully(in, 4);
        if ((reply[1] & 0xFF) != 0) {
            throw refused(proxy, target, socksReply(reply[1] & 0xFF));
        }
        int boundLength = switch (reply[3]) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> readFully(in, 1)[0] & 0xFF;
            default -> throw refused(proxy, target, "its reply has an unknown address type " + reply[3]);
        };
        readFully(in, boundLength + 2);
    }

    private static void authenticate(InputStream in, OutputStream out, ProxyServer proxy, InetSocketAddress target,
            Credentials credentials) throws IOException {
        byte[] user = credentials.user().getBytes(StandardCharsets.UTF_8);
        byte[] password = credentials.password().getBytes(StandardCharsets.UTF_8);
        if (user.length > 255 || password.length > 255) {
            throw refused(proxy, target, "the user name or password is longer than SOCKS5 allows (255 bytes)");
        }
        ByteArrayOutputStream auth = new ByteArrayOutputStream(3 + user.length + password.length);
        auth.write(1);
        auth.write(user.length);
        auth.write(user);
        auth.write(password.length);
        auth.write(password);
        out.write(auth.toByteArray());
        out.flush();
        if ((readFully(in, 2)[1] & 0xFF) != 0) {
            throw refused(proxy, target, "it did not accept the user and password (authentication failed)");
        }
    }

    private static String socksReply(int code) {
        return "it answered CONNECT with " + switch (code) {
            case 1 -> "a general failure";
            case 2 -> "not allowed by its rules";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            case 7 -> "command not supported";
            case 8 -> "address type not supported";
            default -> "reply code " + code;
        };
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException();
        }
        return b;
    }

    private static FetchException refused(ProxyServer proxy, InetSocketAddress target, String answer) {
        return new FetchException(FetchError.PROXY, Messages.proxyRefused(proxy, authority(target), answer));
    }

    /** {@code address:port}, the address bracketed if IPv6. */
    private static String authority(InetSocketAddress target) {
        String host = target.getAddress().getHostAddress();
        return (target.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + target.getPort();
    }

    /** Reads one byte per call, so that nothing past the proxy's answer is taken from the socket. */
    private static final class OneByteAtATime extends InputStream {
        private final InputStream in;

        OneByteAtATime(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            b[off] = (byte) c;
            return 1;
        }
    }
}
