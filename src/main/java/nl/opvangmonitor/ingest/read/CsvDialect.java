package nl.opvangmonitor.ingest.read;

import java.nio.charset.Charset;

/**
 * How a CSV file is written: its encoding (UTF-8 or Windows-1252), its delimiter (; , or tab) and
 * the length of its byte order mark. Sniffed once, from the first megabyte, when the file is opened;
 * DuckDB's native reader is given the same dialect.
 */
public record CsvDialect(Charset charset, char delimiter, int bomBytes) {
}
