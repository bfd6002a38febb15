package dev.crawler.sim.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Scripted behaviours for {@link RawHttpServer}: correct responses, odd ones and hostile ones. */
public final class Responders {

    private Responders() {
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A complete response with Content-Length; extra header lines may be given raw. */
    public static RawHttpServer.Responder body(int status, String contentType, byte[] body, String... extraHeaders) {
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

    public static RawHttpServer.Responder status(int status, String text, String... extraHeaders) {
        return body(status, "text/plain", ascii(text), extraHeaders);
    }

    public static RawHttpServer.Responder text(String text) {
        return body(200, "text/html; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Bytes as they are, then the connection is closed. */
    public static RawHttpServer.Responder raw(String bytes) {
        return (req, out, s) -> {
            out.write(ascii(bytes));
            out.flush();
            return false;
        };
    }

    /** A chunked body, one chunk per piece, with a trailer. */
    public static RawHttpServer.Responder chunked(String... pieces) {
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
    public static RawHttpServer.Responder untilClose(String text) {
        return raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n" + text);
    }

    /** {@code size} zero bytes with a Content-Length, written until done or the client leaves. */
    public static RawHttpServer.Responder zeros(long size) {
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

    public static RawHttpServer.Responder encoded(String coding, byte[] encodedBody) {
        return body(200, "text/plain", encodedBody, "Content-Encoding: " + coding);
    }

    /** Accepts the request and never answers (until the client or the server closes). */
    public static RawHttpServer.Responder silent() {
        return (req, out, s) -> {
            InputStream in = s.getInputStream();
            while (in.read() >= 0) {
                // wait for the client to give up
            }
            return false;
        };
    }

    /** A head at once, then one body byte every {@code intervalMillis}, at most for 5 s. */
    public static RawHttpServer.Responder trickle(long intervalMillis) {
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
    public static RawHttpServer.Responder headerFlood(int count) {
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
    public static RawHttpServer.Responder thenHangUp(String text) {
        RawHttpServer.Responder ok = text(text);
        return (req, out, s) -> {
            ok.respond(req, out, s);
            out.flush();
            return false;
        };
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Deflate, zlib-wrapped ({@code nowrap=false}) or raw. */
    public static byte[] deflate(byte[] data, boolean nowrap) {
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
    public static byte[] gzipBomb(int megabytes) {
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

    /** A Location redirect with the given status. */
    public static RawHttpServer.Responder redirect(int status, String location) {
        return status(status, "moved", "Location: " + location);
    }

    /** An HTML page. */
    public static RawHttpServer.Responder html(String html) {
        return body(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Each request to the route gets the next responder; the last one answers every request after. */
    public static RawHttpServer.Responder sequence(RawHttpServer.Responder... responders) {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        return (req, out, s) -> responders[Math.min(calls.getAndIncrement(), responders.length - 1)].respond(req, out, s);
    }

    /** A chunked body that never ends: 8 KiB chunks until the client leaves (at most 30 s). */
    public static RawHttpServer.Responder endlessChunked() {
        return (req, out, s) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"));
            byte[] chunk = ascii("2000\r\n" + "<p>endless</p>".repeat(8192 / 14) + "x".repeat(8192 % 14) + "\r\n");
            long end = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < end) {
                out.write(chunk);
            }
            return false;
        };
    }

    /** A status line, then header lines that never end (until the client leaves, at most 30 s). */
    public static RawHttpServer.Responder endlessHeaders(long intervalMillis) {
        return (req, out, s) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\n"));
            long end = System.nanoTime() + 30_000_000_000L;
            for (int i = 0; System.nanoTime() < end; i++) {
                out.write(ascii("X-Endless-" + i + ": more\r\n"));
                out.flush();
                if (intervalMillis > 0) {
                    sleep(intervalMillis);
                }
            }
            return false;
        };
    }

    /** One header line of {@code bytes} bytes. */
    public static RawHttpServer.Responder hugeHeaderLine(int bytes) {
        return (req, out, s) -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nX-Huge: "));
            byte[] a = new byte[8192];
            java.util.Arrays.fill(a, (byte) 'a');
            for (int sent = 0; sent < bytes; sent += a.length) {
                out.write(a, 0, Math.min(a.length, bytes - sent));
            }
            out.write(ascii("\r\nContent-Length: 2\r\n\r\nok"));
            return false;
        };
    }

    /** {@code bytes} as they are, then a TCP reset (RST) instead of an orderly close. */
    public static RawHttpServer.Responder thenReset(String bytes) {
        return (req, out, s) -> {
            out.write(ascii(bytes));
            out.flush();
            sleep(50);
            s.setSoLinger(true, 0);
            s.close();
            return false;
        };
    }

    /** A body of {@code megabytes} MB of zeros, deflated (zlib-wrapped or raw). */
    public static byte[] deflateBomb(int megabytes, boolean nowrap) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, nowrap);
        byte[] zeros = new byte[1 << 20];
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater, 64 << 10)) {
            for (int i = 0; i < megabytes; i++) {
                out.write(zeros);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * A correct keep-alive answer ({@code answer}), then, {@code lateMillis} later and unasked, a
     * complete second response on the same connection whose body is {@code smuggledHtml}: by then
     * the client may have sent its next request there, and must not take this for its answer.
     */
    public static RawHttpServer.Responder thenSmuggleLate(RawHttpServer.Responder answer, long lateMillis,
            String smuggledHtml) {
        return thenSmuggleLate(answer, lateMillis, html(smuggledHtml));
    }

    /** As {@link #thenSmuggleLate(RawHttpServer.Responder, long, String)}, the unasked response written by {@code smuggled}. */
    public static RawHttpServer.Responder thenSmuggleLate(RawHttpServer.Responder answer, long lateMillis,
            RawHttpServer.Responder smuggled) {
        return (req, out, s) -> {
            if (!answer.respond(req, out, s)) {
                return false;
            }
            out.flush();
            sleep(lateMillis);
            return smuggled.respond(req, out, s);
        };
    }

    /** {@code responder}, after {@code millis} of silence (a server that takes its time). */
    public static RawHttpServer.Responder after(long millis, RawHttpServer.Responder responder) {
        return (req, out, s) -> {
            sleep(millis);
            return responder.respond(req, out, s);
        };
    }

    /**
     * A correct keep-alive answer, then, {@code lateMillis} later while the connection idles, bytes
     * of a response nobody asked for, and the connection kept.
     */
    public static RawHttpServer.Responder thenChatterWhileIdle(RawHttpServer.Responder answer, long lateMillis,
            String chatter) {
        return (req, out, s) -> {
            if (!answer.respond(req, out, s)) {
                return false;
            }
            out.flush();
            sleep(lateMillis);
            out.write(ascii(chatter));
            out.flush();
            return true;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
