package nl.opvangmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    @TempDir
    Path dir;

    @Test
    void of_whenLinesEndInBlanks_thenTheLastLineWithContentCounts() throws Exception {
        assertThat(lines("a,b\n1,2\n")).isEqualTo(2);
        assertThat(lines("a,b\r\n1,2\r\n\r\n \t\r\n")).isEqualTo(2);
        assertThat(lines("a,b\n1,2")).isEqualTo(2);
        assertThat(lines("a,b\n\n\n1,2\n\n")).isEqualTo(4);
        assertThat(lines("")).isZero();
        assertThat(lines("\n \n\t\n")).isZero();
        assertThat(lines(" x")).isEqualTo(1);
    }

    @Test
    void of_whenBlankLinesFillWholeBlocksAfterTheLastContent_thenTheCountStaysAtThatLine() throws Exception {
        // content in the first 64 KB block, then three blocks of blank lines; and content that starts a block
        String content = "h\n" + "x,y\n".repeat(20_000);
        assertThat(lines(content + "\r\n".repeat(100_000))).isEqualTo(20_001);
        String blanksFirst = " \n".repeat(32_768) + "z";
        assertThat(lines(blanksFirst)).isEqualTo(32_769);
    }

    @Test
    void of_thenTheHashIsTheFilesSha256AndTheSizeItsBytes() throws Exception {
        byte[] bytes = ("a;b\n" + "1;2\n".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("f.csv"), bytes);
        Fingerprint fingerprint = Fingerprint.of(file);
        assertThat(fingerprint.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        assertThat(fingerprint.size()).isEqualTo(bytes.length);
        assertThat(fingerprint.contentLines()).isEqualTo(50_001);
    }

    @Test
    void newlines_whenAnyBytesAndAnyRange_thenEveryLineFeedCountedOnce() {
        // given: every byte value (0x0A beside 0x0B, 0x8A and 0x00, where a word-wise count could slip), then random
        // bytes with many line feeds, counted over ranges of every start and end within a word
        byte[] bytes = new byte[4096];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        Random random = new Random(3);
        for (int i = 256; i < bytes.length; i++) {
            bytes[i] = random.nextInt(4) == 0 ? (byte) '\n' : (byte) random.nextInt(256);
        }

        for (int from = 0; from < 9; from++) {
            for (int to = bytes.length - 9; to <= bytes.length; to++) {
                // when
                long counted = Fingerprint.newlines(bytes, from, to);

                // then
                long expected = 0;
                for (int i = from; i < to; i++) {
                    expected += bytes[i] == '\n' ? 1 : 0;
                }
                assertThat(counted).as("[%d, %d)", from, to).isEqualTo(expected).isGreaterThan(900);
            }
        }
        assertThat(Fingerprint.newlines(bytes, 5, 5)).isZero();
        assertThat(Fingerprint.newlines(bytes, 10, 11)).isEqualTo(1);
    }

    private long lines(String text) throws IOException {
        return Fingerprint.of(Files.writeString(dir.resolve("f" + text.hashCode() + ".csv"), text)).contentLines();
    }
}
