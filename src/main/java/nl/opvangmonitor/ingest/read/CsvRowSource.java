package nl.opvangmonitor.ingest.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.opvangmonitor.privacy.SafeMessage;

/**
 * Streams a CSV file (RFC 4180 quoting, fields may span lines).
 * Encoding: a UTF-8 byte order mark wins; otherwise the first megabyte decides between UTF-8
 * and Windows-1252. Delimiter: whichever of ; , or tab occurs most in the first lines.
 */
final class CsvRowSource implements RawRowSource {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SNIFF_BYTES = 1 << 20;

    private final Reader reader;
    private final CsvDialect dialect;
    private final char delimiter;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;
    private int line = 1;
    private int expectedDelimiters = Integer.MAX_VALUE;
    private final StringBuilder field = new StringBuilder();

    private CsvRowSource(Reader reader, CsvDialect dialect) {
        this.reader = reader;
        this.dialect = dialect;
        this.delimiter = dialect.delimiter();
    }

    static CsvRowSource open(Path file) throws FileRejectedException {
        CsvDialect dialect = sniff(file);
        try {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(dialect.bomBytes());
            return new CsvRowSource(new InputStreamReader(in, dialect.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)), dialect);
        } catch (IOException e) {
            throw new FileRejectedException("cannot read the file: " + SafeMessage.of(e), e);
        }
    }

    /** Encoding and delimiter of a CSV file, from its first megabyte (see the class comment). */
    private static CsvDialect sniff(Path file) throws FileRejectedException {
        try {
            byte[] head = readHead(file);
            FileContent content = FileContent.of(head);
            if (content != FileContent.TEXT) {
                throw new FileRejectedException("not a CSV file: the content is " + content.description
                        + ", not text; deliver a CSV export or give the file the extension of what it is");
            }
            int bom = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
            Charset charset = bom > 0 || isUtf8(head, bom, head.length < SNIFF_BYTES) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            return new CsvDialect(charset, sniffDelimiter(new String(head, bom, head.length - bom, charset)), bom);
        } catch (IOException e) {
            throw new FileRejectedException("cannot read the file: " + SafeMessage.of(e), e);
        }
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SNIFF_BYTES);
        }
    }

    /** True when the bytes decode as UTF-8; a sequence cut off at the end is fine only when the sample is not the whole file. */
    static boolean isUtf8(byte[] bytes, int offset, boolean wholeFile) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CoderResult result = decoder.decode(in, out, wholeFile);
        return !result.isError() && (!wholeFile || !in.hasRemaining());
    }

    /** The delimiter that occurs most, outside quotes, over the first lines (ties: ; before , before tab). */
    static char sniffDelimiter(String head) {
        String[] lines = head.split("\r?\n", 12);
        int best = 0;
        char chosen = ',';
        for (char candidate : new char[] {';', ',', '\t'}) {
            int total = 0;
            for (int i = 0; i < Math.min(lines.length, 11); i++) {
                total += countOutsideQuotes(lines[i], candidate);
            }
            if (total > best) {
                best = total;
                chosen = candidate;
            }
        }
        return chosen;
    }

    private static int countOutsideQuotes(String line, char c) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                count++;
            }
        }
        return count;
    }

    private int read() throws IOException {
        if (pos == limit) {
            limit = reader.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[pos++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c >= 0) {
            pos--;
        }
        return c;
    }

    @Override
    public void expectCells(int width) {
        // a record-like line inside a quoted field: as many delimiters as the header has, less one
        this.expectedDelimiters = width > 2 ? width - 1 : Integer.MAX_VALUE;
    }

    /**
     * The next record. A quoted field may span lines, but a quote that is never closed, or whose field
     * swallows a line holding as many delimiters as a whole record, is a stray quote: the structure of
     * the file breaks at the line the quote opened, and the file is not read on (its records would
     * silently become one value).
     */
    @Override
    public RawRow next() throws IOException {
        int c = read();
        if (c < 0) {
            return null;
        }
        int rowNumber = line;
        List<String> cells = new ArrayList<>();
        field.setLength(0);
        boolean quoted = false;
        boolean fieldStart = true;
        int quoteLine = 0;
        int delimitersOnLine = 0;
        while (true) {
            if (c < 0) {
                if (quoted) {
                    throw new MalformedFileException("line " + quoteLine + ": a quote (\") opens a field that is never closed;"
                            + " the file's structure breaks at this line (lines " + quoteLine + " to " + line + " would be one value)");
                }
                cells.add(field.toString());
                return new RawRow(rowNumber, cells);
            }
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        if (line > quoteLine && delimitersOnLine >= expectedDelimiters) {
                            throw new MalformedFileException("line " + quoteLine + ": a quote (\") opens a field that swallows line "
                                    + line + ", a whole record; the file's structure breaks at line " + quoteLine);
                        }
                        delimitersOnLine = 0;
                        line++;
                    } else if (ch == delimiter) {
                        delimitersOnLine++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
                quoteLine = line;
                delimitersOnLine = 0;
            } else if (ch == delimiter) {
                cells.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r' && peek() == '\n') {
                    read();
                }
                line++;
                cells.add(field.toString());
                return new RawRow(rowNumber, cells);
            } else {
                field.append(ch);
                fieldStart = false;
            }
            c = read();
        }
    }

    @Override
    public java.util.Optional<CsvDialect> csvDialect() {
        return java.util.Optional.of(dialect);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
