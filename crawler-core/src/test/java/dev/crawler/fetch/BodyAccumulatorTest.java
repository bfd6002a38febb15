package dev.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
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
}
