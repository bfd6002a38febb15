package dev.crawler.fetch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crawler.sim.hostile.Responders;
import dev.crawler.fetch.FetchError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The push decoders every fetcher shares, fed in pieces of every size. */
class CodingDecoderTest {

    private static final byte[] PAGE = "<p>a page that compresses well</p>\n".repeat(400).getBytes(StandardCharsets.UTF_8);

    private static byte[] encode(String coding, byte[] data) {
        return switch (coding) {
            case "gzip" -> Responders.gzip(data);
            case "deflate" -> Responders.deflate(data, false);
            case "raw-deflate" -> Responders.deflate(data, true);
            default -> Brotli.compress(data);
        };
    }

    private static String header(String coding) {
        return coding.equals("raw-deflate") ? "deflate" : coding;
    }

    /** Feeds {@code coded} in pieces of {@code piece} bytes, pulls everything, ends the input. */
    private static byte[] decode(String coding, byte[] coded, int piece) throws FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[777];
        try (CodingDecoder d = CodingDecoder.forCoding(Optional.of(header(coding))).orElseThrow()) {
            for (int i = 0; i < coded.length; i += piece) {
                d.feed(coded, i, Math.min(piece, coded.length - i));
                int n;
                while ((n = d.decode(buf, 0, buf.length)) > 0) {
                    out.write(buf, 0, n);
                }
            }
            d.endOfInput();
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate", "raw-deflate", "br"})
    void decodesWhateverThePieces(String coding) throws Exception {
        byte[] coded = encode(coding, PAGE);
        for (int piece : new int[] {1, 2, 3, 7, 100, 4096, coded.length}) {
            assertThat(decode(coding, coded, piece)).as("pieces of %d", piece).isEqualTo(PAGE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate", "raw-deflate", "br"})
    void aCodedBodyCutShortIsAProtocolError(String coding) {
        byte[] coded = encode(coding, PAGE);
        byte[] cut = Arrays.copyOf(coded, coded.length / 2);
        assertThatThrownBy(() -> decode(coding, cut, 64)).isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(((FetchException) e).error()).isEqualTo(FetchError.PROTOCOL));
    }

    @Test
    void aBombInflatesOnlyAsFarAsItIsPulled() throws Exception {
        byte[] bomb = Responders.gzipBomb(100);
        try (CodingDecoder d = CodingDecoder.forCoding(Optional.of("gzip")).orElseThrow()) {
            d.feed(bomb, 0, bomb.length);
            byte[] buf = new byte[4096];
            assertThat(d.decode(buf, 0, buf.length)).isEqualTo(4096);
            assertThat(d.finished()).isFalse();
        }
    }

    @Test
    void aGzipHeaderThatNeverEndsIsRefused() {
        byte[] header = {0x1f, (byte) 0x8b, 8, 8, 0, 0, 0, 0, 0, 3};
        byte[] name = new byte[4096];
        Arrays.fill(name, (byte) 'n');
        assertThatThrownBy(() -> {
            try (CodingDecoder d = CodingDecoder.forCoding(Optional.of("gzip")).orElseThrow()) {
                d.feed(header, 0, header.length);
                byte[] buf = new byte[100];
                for (int i = 0; i < 100; i++) {
                    d.decode(buf, 0, buf.length);
                    d.feed(name, 0, name.length);
                }
            }
        }).isInstanceOf(FetchException.class).hasMessageContaining("header");
    }

    @Test
    void identityAndUnknownCodingsAreNotDecoded() {
        assertThat(CodingDecoder.forCoding(Optional.empty())).isEmpty();
        assertThat(CodingDecoder.forCoding(Optional.of("identity"))).isEmpty();
        assertThat(CodingDecoder.forCoding(Optional.of("zstd"))).isEmpty();
        assertThat(CodingDecoder.forCoding(Optional.of(" GZIP "))).isPresent();
    }
}
