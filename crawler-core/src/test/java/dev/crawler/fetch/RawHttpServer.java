package dev.crawler.fetch;

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
import javax.net.ssl.SSLSocket;

/**
 * A purpose-built HTTP/1.1 server on 127.0.0.1 (port 0) for fetcher tests: plain threads over a
 * {@link ServerSocket}, reading request heads and letting a scripted {@link Responder} per path
 * write raw bytes, well-formed or not. It counts connections and records every request head.
 */
final class RawHttpServer implements AutoCloseable {

    /** Writes the response to one request; returns true to keep the connection for another. */
    @FunctionalInterface
    interface Responder {
        boolean respond(Request request, OutputStream out, Socket socket) throws IOException;
    }

    /** One request head as received, with the number of the connection it came on. */
    record Request(String line, Map<String, String> headers, int connection) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket server;
    private final Map<String, Responder> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closed;

    private final List<String> serverNames = Collections.synchronizedList(new ArrayList<>());
    private final boolean secure;

    RawHttpServer() throws IOException {
        this(null);
    }

    /** With {@code tls} non-null, a TLS server that records the SNI names clients send. */
    RawHttpServer(SSLContext tls) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        secure = tls != null;
        server = secure ? tls.getServerSocketFactory().createServerSocket(0, 100, loopback)
                : new ServerSocket(0, 100, loopback);
        Thread acceptor = new Thread(this::acceptLoop, "raw-http-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    RawHttpServer route(String path, Responder responder) {
        routes.put(path, responder);
        return this;
    }

    int port() {
        return server.getLocalPort();
    }

    URI uri(String path) {
        return URI.create((secure ? "https" : "http") + "://127.0.0.1:" + port() + path);
    }

    /** SNI host names received in TLS handshakes, one per connection. */
    List<String> serverNames() {
        synchronized (serverNames) {
            return List.copyOf(serverNames);
        }
    }

    int connections() {
        return connections.get();
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
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
                ssl.startHandshake();
                if (ssl.getSession() instanceof ExtendedSSLSession session) {
                    session.getRequestedServerNames().forEach(n -> serverNames.add(((SNIHostName) n).getAsciiName()));
                }
            }
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            while (!closed) {
                Request req = readRequest(in, id);
                if (req == null) {
                    return;
                }
                requests.add(req);
                String path = req.line().split(" ")[1];
                Responder r = routes.getOrDefault(path, Responders.status(404, "not found"));
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
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
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
        return new Request(lines[0], headers, id);
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
