package dev.crawler.fetch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The push parser of the busy-poll fetcher: heads, framing and surplus, fed whatever has arrived. */
class PushResponseReaderTest {

    @Test
    void blankLinesBeforeTheStatusLineAreLeftToTheHeadParser() throws Exception {
        PushResponseReader reader = new PushResponseReader(8 << 10, 1 << 20);
        String wire = "\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n";
        PushResponseReader.Progress p = reader.push(ByteBuffer.wrap(wire.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(p).isEqualTo(PushResponseReader.Progress.DONE);
        assertThat(reader.head().status()).isEqualTo(204);
    }

    @Test
    void aResponseArrivingOneByteAtATimeIsParsed() throws Exception {
        String wire = "HTTP/1.1 100 Continue\r\n\r\n"
                + "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: yes\r\n\r\n";
        PushResponseReader reader = new PushResponseReader(8 << 10, 1 << 20);
        PushResponseReader.Progress p = PushResponseReader.Progress.NEED_MORE;
        byte[] bytes = wire.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < bytes.length; i++) {
            assertThat(p).as("done early, at byte %d", i).isEqualTo(PushResponseReader.Progress.NEED_MORE);
            p = reader.push(ByteBuffer.wrap(bytes, i, 1));
        }
        assertThat(p).isEqualTo(PushResponseReader.Progress.DONE);
        assertThat(reader.head().status()).isEqualTo(200);
        assertThat(new String(reader.rawBody(), StandardCharsets.ISO_8859_1)).isEqualTo("hello world");
        assertThat(reader.cleanEnd()).isTrue();
    }

    @Test
    void bytesAfterTheResponseMakeTheConnectionUnfitForReuse() throws Exception {
        PushResponseReader reader = new PushResponseReader(8 << 10, 1 << 20);
        String wire = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA";
        assertThat(reader.push(ByteBuffer.wrap(wire.getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(PushResponseReader.Progress.DONE);
        assertThat(new String(reader.rawBody(), StandardCharsets.ISO_8859_1)).isEqualTo("ok");
        assertThat(reader.cleanEnd()).isFalse();
    }

    @Test
    void aBodyPastTheRawLimitIsCut() throws Exception {
        PushResponseReader reader = new PushResponseReader(8 << 10, 4);
        String wire = "HTTP/1.1 200 OK\r\n\r\n0123456789";
        assertThat(reader.push(ByteBuffer.wrap(wire.getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(PushResponseReader.Progress.DONE);
        assertThat(reader.cut()).isTrue();
        assertThat(reader.rawBody()).hasSize(4);
        assertThat(reader.cleanEnd()).isFalse();
    }
}
