package dev.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetDetectorTest {

    @ParameterizedTest(name = "[{0}] + {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            text/html; charset=UTF-8          | <p>x                                          | UTF-8
            text/html;charset="Shift_JIS"     | <p>x                                          | Shift_JIS
            text/html; CHARSET='koi8-r'       | <p>x                                          | KOI8-R
            text/html; charset=iso-8859-1     | <p>x                                          | windows-1252
            text/html; charset=us-ascii       | <p>x                                          | windows-1252
            text/html; charset=utf-8          | <meta charset=koi8-r>                         | UTF-8
            text/html; charset=no-such-thing  | <meta charset=koi8-r>                         | KOI8-R
            text/html; charset=@@@            | <meta charset=koi8-r>                         | KOI8-R
            text/html; charset=               | <p>x                                          | UTF-8
            text/html                         | <meta charset="windows-1251">                 | windows-1251
            text/html                         | <META CHARSET='Big5'>                         | Big5
            text/html                         | <meta http-equiv="Content-Type" content="text/html; charset=euc-jp"> | EUC-JP
            text/html                         | <meta content='text/html;charset=gbk' http-equiv=content-type> | GBK
            text/html                         | <meta name=description content="charset=koi8-r"> | UTF-8
            text/html                         | <!-- <meta charset=koi8-r> --><p>x            | UTF-8
            text/html                         | <!-- x --><meta charset=koi8-r>               | KOI8-R
            text/html                         | <!--><meta charset=koi8-r>                    | UTF-8
            text/html                         | <!---><meta charset=koi8-r>                   | UTF-8
            text/html                         | <!----><meta charset=koi8-r>                  | KOI8-R
            text/html                         | <!-- a --><!-- <meta charset=big5> --><meta charset=koi8-r> | KOI8-R
            text/html                         | <!-- never closed <meta charset=koi8-r>       | UTF-8
            text/html                         | <meta charset=bogus><meta charset=koi8-r>     | KOI8-R
            text/html                         | <meta charset=utf-16le>                       | UTF-8
            ``                                | <p>x                                          | UTF-8
            """)
    void picksTheFirstUsableSource(String header, String body, String expected) {
        String h = header.isEmpty() ? null : header;
        assertThat(CharsetDetector.detect(body.getBytes(StandardCharsets.ISO_8859_1), h).name()).isEqualTo(expected);
    }

    @Test
    void byteOrderMarkWinsOverHeaderAndMeta() {
        byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'p', '>'};
        byte[] utf16Be = {(byte) 0xFE, (byte) 0xFF, 0, '<'};
        byte[] utf16Le = {(byte) 0xFF, (byte) 0xFE, '<', 0};
        assertThat(CharsetDetector.detect(utf8Bom, "text/html; charset=koi8-r")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.detect(utf16Be, null)).isEqualTo(StandardCharsets.UTF_16BE);
        assertThat(CharsetDetector.detect(utf16Le, "text/html")).isEqualTo(StandardCharsets.UTF_16LE);
    }

    @Test
    void commentsAreCutOutAsTheRegularExpressionDid() {
        java.util.regex.Pattern comment = java.util.regex.Pattern.compile("<!--.*?(?:-->|\\z)", java.util.regex.Pattern.DOTALL);
        for (String text : new String[] {"", "plain", "<!---->", "<!-->x-->y", "a<!--b-->c<!--d-->e", "<!--<!---->-->",
                "x<!-- open", "<!--->-->z", "--><!--", "<!--\n-->\n<meta>"}) {
            assertThat(CharsetDetector.withoutComments(text)).as(text).isEqualTo(comment.matcher(text).replaceAll(""));
        }
    }

    @Test
    void metaIsOnlyLookedForNearTheStart() {
        String late = "x".repeat(CharsetDetector.PRESCAN_BYTES) + "<meta charset=koi8-r>";
        assertThat(CharsetDetector.detect(late.getBytes(StandardCharsets.US_ASCII), null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void fallsBackToUtf8OrWindows1252() {
        assertThat(CharsetDetector.detect("caf\u00e9".getBytes(StandardCharsets.UTF_8), null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.detect(new byte[] {'c', 'a', 'f', (byte) 0xE9, '!'}, null).name()).isEqualTo("windows-1252");
        byte[] cutInTheMiddleOfASequence = {'a', (byte) 0xC3};
        assertThat(CharsetDetector.detect(cutInTheMiddleOfASequence, null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.detect(new byte[0], null)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.detect(null, null)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void neverThrows() {
        Random random = new Random(7);
        String[] headers = {null, "", ";", "text/html;charset", "text/html; charset=\"", "a;charset=\u00e9", "x; charset=a b c",
            "text/html; charset=" + "x".repeat(500), "text/html; charset=utf-8;charset=koi8-r"};
        for (int i = 0; i < 2000; i++) {
            byte[] body = new byte[random.nextInt(300)];
            random.nextBytes(body);
            if (random.nextBoolean()) {
                byte[] meta = "<meta charset=\"\u0000x\">".getBytes(StandardCharsets.ISO_8859_1);
                System.arraycopy(meta, 0, body, 0, Math.min(meta.length, body.length));
            }
            assertThat(CharsetDetector.detect(body, headers[random.nextInt(headers.length)])).isNotNull();
        }
    }

    @Test
    void findsMetaTagsWhereTheRegularExpressionWould() {
        Pattern meta = Pattern.compile("<meta[\\s/][^>]*", Pattern.CASE_INSENSITIVE);
        String alphabet = "<<mMeEtTaA \t\u000B\n/>x\u00B5\u0178";
        Random random = new Random(5);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(random.nextInt(3) == 0 ? "<meta" : String.valueOf(alphabet.charAt(random.nextInt(alphabet.length()))));
            }
            List<String> expected = new ArrayList<>();
            Matcher m = meta.matcher(text);
            while (m.find()) {
                expected.add(m.start() + ":" + m.group());
            }
            List<String> found = new ArrayList<>();
            for (int start = CharsetDetector.metaStart(text.toString(), 0); start >= 0; ) {
                int gt = text.indexOf(">", start);
                int end = gt < 0 ? text.length() : gt;
                found.add(start + ":" + text.substring(start, end));
                start = CharsetDetector.metaStart(text.toString(), end);
            }
            assertThat(found).as(text.toString()).isEqualTo(expected);
        }
    }
}
