package dev.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Scripted behaviours for {@link RawHttpServer}: correct responses, odd ones and hostile ones. */
final class Responders {

    private Responders() {
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A complete response with Content-Length; extra header lines may be given raw. */
    static RawHttpServer.Responder body(int status, String contentType, byte[] body, String... extraHeaders) {
        return (req, out, s) -> {
            StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
            boolean close = false;
            for (String h : extraHeaders) {
                head.append(h).append("\r\n");
                close |= h.equalsIgnoreCase("Connection: close");
            }
            out.write(ascii(head.append("\r\n").toString()));
            out.write(body);
            out.flush();
            return !close;
        };
    }

    static RawHttpServer.Responder status(int status, String text, String... extraHeaders) {
        return body(status, "text/plain", ascii(text), extraHeaders);
    }

    static RawHttpServer.Responder text(String text) {
        return body(200, "text/html; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes as they are, then the connection is closed. */
    static RawHttpServer.Responder raw(String bytes) {
        return (req, out, s) -> {
            out.write(ascii(bytes));
            out.flush();
            return false;
        };
    }

    /** A chunked body, one chunk per piece, with a trailer. */
    static RawHttpServer.Responder chunked(String... pieces) {
        return (req, out, s) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"));
            for (String p : pieces) {
                byte[] b = p.getBytes(StandardCharsets.UTF_8);
                out.write(ascii(Integer.toHexString(b.length) + ";ext=1\r\n"));
                out.write(b);
                out.write(ascii("\r\n"));
                out.flush();
            }
            out.write(ascii("0\r\nX-Trailer: yes\r\n\r\n"));
            return true;
        };
    }

    /** A body with no length, ended by closing the connection. */
    static RawHttpServer.Responder untilClose(String text) {
        return raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + text);
    }

    /** {@code size} zero bytes with a Content-Length, written until done or the client leaves. */
    static RawHttpServer.Responder zeros(long size) {
        return (req, out, s) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                    + size + "\r\n\r\n"));
            byte[] block = new byte[64 << 10];
            for (long sent = 0; sent < size; sent += block.length) {
                out.write(block, 0, (int) Math.min(block.length, size - sent));
            }
            return true;
        };
    }

    static RawHttpServer.Responder encoded(String coding, byte[] encodedBody) {
        return body(200, "text/plain", encodedBody, "Content-Encoding: " + coding);
    }

    /** Accepts the request and never answers (until the client or the server closes). */
    static RawHttpServer.Responder silent() {
        return (req, out, s) -> {
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // wait for the client to give up
            }
            return false;
        };
    }

    /** A head at once, then one body byte every {@code intervalMillis}, at most for 5 s. */
    static RawHttpServer.Responder trickle(long intervalMillis) {
        return (req, out, s) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n"));
            out.flush();
            long end = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < end) {
                out.write('x');
                out.flush();
                sleep(intervalMillis);
            }
            return false;
        };
    }

    /** A status line, then {@code count} header lines, then a body. */
    static RawHttpServer.Responder headerFlood(int count) {
        return (req, out, s) -> {
            StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < count; i++) {
                sb.append("X-Flood-").append(i).append(": ").append("a".repeat(40)).append("\r\n");
            }
            out.write(ascii(sb.append("Content-Length: 2\r\n\r\nok").toString()));
            return true;
        };
    }

    /** A correct keep-alive response, after which the server silently closes the connection. */
    static RawHttpServer.Responder thenHangUp(String text) {
        RawHttpServer.Responder ok = text(text);
        return (req, out, s) -> {
            ok.respond(req, out, s);
            out.flush();
            return false;
        };
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Deflate, zlib-wrapped ({@code nowrap=false}) or raw. */
    static byte[] deflate(byte[] data, boolean nowrap) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, nowrap);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /** {@code megabytes} MB of zeros, gzipped, without holding them uncompressed. */
    static byte[] gzipBomb(int megabytes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 64 << 10)) {
            for (int i = 0; i < megabytes; i++) {
                gz.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
