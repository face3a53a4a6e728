package nl.opvangmonitor.common.io;

import java.nio.charset.Charset;
import java.nio.file.Path;

/**
 * How a CSV file is written: its encoding (UTF-8 or Windows-1252), its delimiter (; , or tab) and
 * the length of its byte order mark. Sniffed from the first megabyte, the same way for the
 * streaming reader and for DuckDB's native reader.
 */
public record CsvDialect(Charset charset, char delimiter, int bomBytes) {

    public static CsvDialect sniff(Path file) throws FileRejectedException {
        return CsvRowSource.sniff(file);
    }
}
