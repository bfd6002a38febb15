package dev.crawler.sim.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A purpose-built HTTP/1.1 server on loopback (port 0) for fetcher tests and the hostile web: plain threads over a
 * {@link ServerSocket}, reading request heads and letting a scripted {@link Responder} per path
 * write raw bytes, well-formed or not. It counts connections and records every request head with
 * its arrival time. Routes match a path on any host, or a host (the Host header without its port)
 * and a path, so one server can play several sites resolved to it.
 */
public final class RawHttpServer implements AutoCloseable {

    /** Writes the response to one request; returns true to keep the connection for another. */
    @FunctionalInterface
    public interface Responder {
        boolean respond(Request request, OutputStream out, Socket socket) throws IOException;
    }

    /**
     * One request head as received, with the number of the connection it came on and when its first
     * byte was read. {@code stampedLate} tells that the bytes were already waiting when the server
     * came to read them (a responder was still busy on that connection): they arrived earlier than
     * {@code arrivalNanos} by an unknown amount.
     */
    public record Request(String line, Map<String, String> headers, int connection, long arrivalNanos,
            boolean stampedLate) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The request target, such as {@code /a?b}. */
        public String path() {
            return line.split(" ")[1];
        }

        /** The Host header without its port. */
        public String host() {
            String h = header("Host");
            if (h == null) {
                return "";
            }
            int colon = h.lastIndexOf(':');
            return colon > h.lastIndexOf(']') ? h.substring(0, colon) : h;
        }
    }

    private final ServerSocket server;
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private final List<String> serverNames = Collections.synchronizedList(new ArrayList<>());
    private final List<String> applicationProtocols = Collections.synchronizedList(new ArrayList<>());
    private final boolean secure;

    public RawHttpServer() throws IOException {
        this(null);
    }

    /**
     * With {@code tls} non-null, a TLS server that records the SNI names clients send and the
     * application protocol negotiated with ALPN (it offers {@code http/1.1}).
     */
    public RawHttpServer(SSLContext tls) throws IOException {
        this(tls, InetAddress.getByName("127.0.0.1"));
    }

    /** A server on {@code loopback}, such as 127.0.0.2, on a free port. */
    public RawHttpServer(SSLContext tls, InetAddress loopback) throws IOException {
        this(tls, loopback, 0);
    }

    /** A server on {@code loopback} and {@code port} (0 picks a free one). */
    public RawHttpServer(SSLContext tls, InetAddress loopback, int port) throws IOException {
        secure = tls != null;
        server = secure ? tls.getServerSocketFactory().createServerSocket(port, 100, loopback)
                : new ServerSocket(port, 100, loopback);
        Thread acceptor = new Thread(this::acceptLoop, "raw-http-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public RawHttpServer route(String path, Responder responder) {
        routes.put(path, responder);
        return this;
    }

    /** A route for {@code path} on {@code host} only (it wins over a route for any host). */
    public RawHttpServer route(String host, String path, Responder responder) {
        routes.put(host + " " + path, responder);
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The address the server listens on. */
    public InetAddress address() {
        return server.getInetAddress();
    }

    public URI uri(String path) {
        return URI.create((secure ? "https" : "http") + "://" + server.getInetAddress().getHostAddress() + ":" + port()
                + path);
    }

    /** {@code http://host:port/path} for a host name the client resolves to this server. */
    public String url(String host, String path) {
        return (secure ? "https" : "http") + "://" + host + ":" + port() + path;
    }

    /** SNI host names received in TLS handshakes, one per connection. */
    public List<String> serverNames() {
        synchronized (serverNames) {
            return List.copyOf(serverNames);
        }
    }

    /** The application protocols negotiated with ALPN, one per TLS connection ("" if none was). */
    public List<String> applicationProtocols() {
        synchronized (applicationProtocols) {
            return List.copyOf(applicationProtocols);
        }
    }

    public int connections() {
        return connections.get();
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests for {@code path} on {@code host}, in arrival order. */
    public List<Request> requests(String host, String path) {
        return requests().stream().filter(r -> r.host().equals(host) && r.path().equals(path)).toList();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                int id = connections.incrementAndGet();
                open.add(s);
                Thread t = new Thread(() -> serve(s, id), "raw-http-conn-" + id);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s, int id) {
        try (s) {
            s.setSoTimeout(10_000); // a test server never waits longer than this
            s.setTcpNoDelay(true);
            if (s instanceof SSLSocket ssl) {
                SSLParameters params = ssl.getSSLParameters();
                params.setApplicationProtocols(new String[] {"http/1.1"});
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                if (ssl.getSession() instanceof ExtendedSSLSession session) {
                    session.getRequestedServerNames().forEach(n -> serverNames.add(((SNIHostName) n).getAsciiName()));
                }
                applicationProtocols.add(String.valueOf(ssl.getApplicationProtocol()));
            }
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (!closed) {
                Request req = readRequest(in, id);
                if (req == null) {
                    return;
                }
                requests.add(req);
                String path = req.path();
                Responder r = routes.getOrDefault(req.host() + " " + path,
                        routes.getOrDefault(path, Responders.status(404, "not found")));
                if (!r.respond(req, out, s)) {
                    return;
                }
                out.flush();
            }
        } catch (IOException e) {
            // client went away or a responder stopped writing: fine for a test server
        } finally {
            open.remove(s);
        }
    }

    private static Request readRequest(InputStream in, int id) throws IOException {
        boolean late = in.available() > 0;
        long arrival = 0;
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (arrival == 0) {
                arrival = System.nanoTime();
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new ConcurrentHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return new Request(lines[0], headers, id, arrival, late);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        for (Socket s : open) {
            try {
                s.close();
            } catch (SocketException e) {
                // closing anyway
            }
        }
    }
}
