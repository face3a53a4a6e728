package nl.opvangmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import nl.opvangmonitor.ingest.read.FileRejectedException;
import org.junit.jupiter.api.Test;

class SafeMessageTest {

    @Test
    void scrub_whenTextHoldsIdentifiers_thenMasksThemAndKeepsYearsDatesAndSmallNumbers() {
        assertThat(SafeMessage.scrub("client 111222333, 111.222.333 and 111 222 333, number BC-031124, CL00123 in row 12"))
                .isEqualTo("client <masked>, <masked> and <masked>, number <masked>, <masked> in row 12");
        assertThat(SafeMessage.scrub("file 3 of 2018-2020, dated 2020-02-01 or 1-2-2020, 4.871 + 2.333 = 7.204, GM0599, 6.81"))
                .isEqualTo("file 3 of 2018-2020, dated 2020-02-01 or 1-2-2020, 4.871 + 2.333 = 7.204, GM0599, 6.81");
        assertThat(SafeMessage.scrub("spaced 111  222  333 or 1112-22-333")).isEqualTo("spaced <masked> or <masked>");
        assertThat(SafeMessage.scrub(null)).isNull();
    }

    @Test
    void of_whenLibraryExceptionQuotesCells_thenOnlyItsKindTravels() {
        var duckdb = new SQLException("Conversion Error: Could not convert string 'BC-031124' to INT32 (line 3: \"123456782;Jansen\")");
        var poi = new IllegalStateException("shared strings: [melding_id, 111222333, Jansen, BC-031124]");

        assertThat(SafeMessage.of(new RuntimeException("wrapped", duckdb))).isEqualTo("SQLException: Conversion Error");
        assertThat(SafeMessage.of(poi)).isEqualTo("IllegalStateException: shared strings");
        assertThat(SafeMessage.of(new UncheckedIOException(new IOException("Jansen 123456782")))).isEqualTo("IOException");
        // DuckDB's Appender names its kind before a comma; only words that end in "error" are kept that way
        assertThat(SafeMessage.of(new SQLException("Appender error, catalog: 'null', table: 't', message: invalid decimal precision")))
                .isEqualTo("SQLException: Appender error");
        assertThat(SafeMessage.of(new SQLException("Piet Jansen, BSN: 123456782"))).isEqualTo("SQLException");
    }

    @Test
    void of_whenOurOwnMessage_thenKeptButScrubbed() {
        var ours = new FileRejectedException("not a valid .xlsx workbook (the file is corrupt: SAXParseException)",
                new IllegalStateException("Jansen 123456782"));
        assertThat(SafeMessage.of(new RuntimeException(ours))).isEqualTo("not a valid .xlsx workbook (the file is corrupt: SAXParseException)");
        assertThat(SafeMessage.of(new SafeMessage.SafeFailure("row 12 holds 123456782"))).isEqualTo("row 12 holds <masked>");
    }

    @Test
    void safeFailure_whenMadeFromALibraryException_thenKeepsTheStackButNotTheCauseOrItsText() {
        var library = new IllegalStateException("cell text 123456782 Jansen");
        RuntimeException safe = SafeMessage.SafeFailure.of(library);
        assertThat(safe.getMessage()).isEqualTo("IllegalStateException");
        assertThat(safe.getCause()).isNull();
        assertThat(safe.getStackTrace()).isEqualTo(library.getStackTrace());
    }
}
