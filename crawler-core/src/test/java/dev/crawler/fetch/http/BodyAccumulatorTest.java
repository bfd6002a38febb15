package dev.crawler.fetch.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crawler.fetch.ResponseHeaders;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyAccumulatorTest {

    @Test
    void keepsEverythingUnderTheLimit() {
        BodyAccumulator b = new BodyAccumulator(10);
        assertThat(b.append(new byte[] {1, 2, 3}, 0, 3)).isTrue();
        assertThat(b.append(ByteBuffer.wrap(new byte[] {4, 5}))).isTrue();
        assertThat(b.toByteArray()).containsExactly(1, 2, 3, 4, 5);
        assertThat(b.truncated()).isFalse();
    }

    @Test
    void exactlyTheLimitIsNotTruncated() {
        BodyAccumulator b = new BodyAccumulator(4);
        assertThat(b.append(new byte[4], 0, 4)).isTrue();
        assertThat(b.truncated()).isFalse();
        assertThat(b.append(new byte[0], 0, 0)).isTrue();
    }

    @Test
    void dropsWhatDoesNotFitAndSaysSo() {
        BodyAccumulator b = new BodyAccumulator(4);
        ByteBuffer src = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6});
        assertThat(b.append(src)).isFalse();
        assertThat(src.hasRemaining()).isFalse();
        assertThat(b.toByteArray()).containsExactly(1, 2, 3, 4);
        assertThat(b.truncated()).isTrue();
    }

    @Test
    void readsAStreamNoFurtherThanOneBytePastTheLimit() throws Exception {
        CountingStream in = new CountingStream(new ByteArrayInputStream(new byte[1 << 20]));
        BodyAccumulator b = new BodyAccumulator(1000);
        b.readFrom(in);
        assertThat(b.size()).isEqualTo(1000);
        assertThat(b.truncated()).isTrue();
        assertThat(in.count).isEqualTo(1001);
    }

    @Test
    void readsAShortStreamToItsEnd() throws Exception {
        BodyAccumulator b = new BodyAccumulator(1000);
        b.readFrom(new ByteArrayInputStream(new byte[1000]));
        assertThat(b.size()).isEqualTo(1000);
        assertThat(b.truncated()).isFalse();
    }

    private static final class CountingStream extends InputStream {
        private final InputStream in;
        long count;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws java.io.IOException {
            int n = in.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }

    @Test
    void aBodyOfTheDeclaredLengthIsCopiedOnceIntoABufferOfThatSize() {
        BodyAccumulator b = BodyAccumulator.forResponse(1 << 20, headers("Content-Length", "5"));
        b.append(new byte[] {1, 2, 3}, 0, 3);
        b.append(new byte[] {4, 5}, 0, 2);
        byte[] first = b.toByteArray();
        assertThat(first).containsExactly(1, 2, 3, 4, 5);
        assertThat(b.toByteArray()).as("the full buffer itself, not a copy").isSameAs(first);
    }

    @Test
    void aBodyLongerOrShorterThanDeclaredIsStillKeptWhole() {
        BodyAccumulator longer = BodyAccumulator.forResponse(1 << 20, headers("Content-Length", "2"));
        longer.append(new byte[] {1, 2, 3, 4}, 0, 4);
        assertThat(longer.toByteArray()).containsExactly(1, 2, 3, 4);
        BodyAccumulator shorter = BodyAccumulator.forResponse(1 << 20, headers("Content-Length", "10"));
        shorter.append(new byte[] {1, 2}, 0, 2);
        assertThat(shorter.toByteArray()).containsExactly(1, 2);
    }

    @Test
    void aHugeDeclaredLengthReservesNoMoreThanTheCap() {
        BodyAccumulator b = BodyAccumulator.forResponse(Long.MAX_VALUE, headers("Content-Length", "999999999999"));
        b.append(new byte[] {7}, 0, 1);
        assertThat(b.toByteArray()).containsExactly(7);
        // the reserve is internal; what is observable is that it never exceeds the limit either
        BodyAccumulator small = BodyAccumulator.forResponse(3, headers("Content-Length", "1000"));
        assertThat(small.append(new byte[] {1, 2, 3, 4}, 0, 4)).isFalse();
        assertThat(small.toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void unusableOrCodedLengthsFallBackToTheDefaultStart() {
        for (ResponseHeaders h : List.of(headers("Content-Length", "abc"), headers("Content-Length", "-1"),
                headers("Content-Length", ""), new ResponseHeaders(List.of(Map.entry("Content-Length", "5"),
                        Map.entry("Content-Length", "6"))), new ResponseHeaders(List.of(Map.entry("Content-Length", "5"),
                        Map.entry("Content-Encoding", "gzip"))))) {
            BodyAccumulator b = BodyAccumulator.forResponse(1 << 20, h);
            b.append(new byte[] {1, 2, 3, 4, 5, 6, 7}, 0, 7);
            assertThat(b.toByteArray()).as("%s", h).containsExactly(1, 2, 3, 4, 5, 6, 7);
        }
    }

    private static ResponseHeaders headers(String name, String value) {
        return new ResponseHeaders(List.of(Map.entry(name, value)));
    }
}
