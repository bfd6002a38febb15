package dev.crawler.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** A minimal HTTP/1.1 client on a plain socket, so tests can see the framing and reuse a connection. */
final class RawHttpClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawHttpClient(InetAddress address, int port) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(address, port), 2000);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    record Response(int status, Map<String, String> headers, byte[] wireBody, boolean chunked) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The body with any gzip content-encoding undone. */
        byte[] body() throws IOException {
            if ("gzip".equals(header("content-encoding"))) {
                try (GZIPInputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(wireBody))) {
                    return gz.readAllBytes();
                }
            }
            return wireBody;
        }

        String text() throws IOException {
            return new String(body(), StandardCharsets.UTF_8);
        }
    }

    /** Sends {@code GET path} with the given Host and extra header lines, and reads the response. */
    Response get(String host, String path, String... extraHeaders) throws IOException {
        send("GET", host, path, extraHeaders);
        return read();
    }

    void send(String method, String host, String path, String... extraHeaders) throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        request.append("Host: ").append(host).append("\r\n");
        for (String h : extraHeaders) {
            request.append(h).append("\r\n");
        }
        request.append("\r\n");
        sendRaw(request.toString());
    }

    void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    Response read() throws IOException {
        return read(true);
    }

    /** Reads the answer to a HEAD request: its head only, whatever Content-Length says. */
    Response readHead() throws IOException {
        return read(false);
    }

    private Response read(boolean withBody) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line; !(line = line()).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        byte[] body;
        if (!withBody) {
            body = new byte[0];
        } else if (chunked) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (true) {
                int size = Integer.parseInt(line().split(";")[0].trim(), 16);
                if (size == 0) {
                    while (!line().isEmpty()) {
                        // trailers
                    }
                    break;
                }
                bytes.write(in.readNBytes(size));
                line();
            }
            body = bytes.toByteArray();
        } else {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        }
        return new Response(status, headers, body, chunked);
    }

    /** True if the server has closed the connection (the next read sees end of stream). */
    boolean closedByPeer() throws IOException {
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String s = bytes.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
