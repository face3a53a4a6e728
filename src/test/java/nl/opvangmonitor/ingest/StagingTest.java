package nl.opvangmonitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.ingest.read.SourceColumns;
import nl.opvangmonitor.privacy.Pseudonymizer;
import nl.opvangmonitor.privacy.ReferencePseudonym;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways a file is staged must give the same rows: DuckDB's native reader (UTF-8 CSV, one
 * record per line) and the streaming reader (everything else). Same values, same line numbers, same
 * pseudonyms, and the raw identifier nowhere in the staging table.
 */
class StagingTest {

    private static final SourceColumns COLUMNS = SourceColumns.of(List.of("client_id", "datum", "voorziening"), List.of("opmerking"));
    private static final Pseudonymizer PSEUDONYMIZER = new Pseudonymizer("test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8));
    private static final String ROWS = "Client_ID;Datum;Voorziening;Team\n"
            + "K-100; 01-02-2019 ;De Hille\t;noord\n"
            + "k100;2019-02-02;\t ;zuid\n"
            + ";03-02-2019;De Hille;\n"
            + " ;\t;;\n";

    @TempDir
    Path temp;
    @AutoClose
    private final Warehouse db = Warehouse.inMemory();
    private final DSLContext dsl = db.dsl;
    private long fileId;

    @Test
    void stage_whenUtf8CsvWithOneRecordPerLine_thenReadNativelyWithLineNumbersAndPseudonyms() throws Exception {
        StagedTable staged = stage(write("native.csv", ROWS, StandardCharsets.UTF_8));

        assertThat(staged.nativeCsv()).isTrue();
        assertThat(staged.rows()).isEqualTo(3); // the row of blank cells is not data; padding and blank cells are trimmed
        assertThat(staged.ignoredColumns()).containsExactly("Team");
        String pseudonym = PSEUDONYMIZER.pseudonym("K100").toString();
        assertThat(rows(staged)).containsExactly(
                tuple(2, pseudonym, "01-02-2019", "De Hille", null),
                tuple(3, pseudonym, "2019-02-02", null, null),
                tuple(4, null, "03-02-2019", "De Hille", null));
    }

    @Test
    void stage_whenColumnsAreTrimmedPerValue_thenKeptAsDeliveredAndBlankRowsStillNotData() throws Exception {
        // the rules trim datum and voorziening once per distinct value (StagedRows.parsing); the identifier is never kept
        StagedTable staged = stage(write("native.csv", ROWS, StandardCharsets.UTF_8), Set.of("datum", "voorziening", "client_id"));

        assertThat(staged.nativeCsv()).isTrue();
        assertThat(staged.untrimmed()).containsExactlyInAnyOrder("datum", "voorziening");
        assertThat(staged.rows()).isEqualTo(3); // the row of blank cells is still not data
        String pseudonym = PSEUDONYMIZER.pseudonym("K100").toString();
        assertThat(rows(staged)).containsExactly(
                tuple(2, pseudonym, " 01-02-2019 ", "De Hille\t", null),
                tuple(3, pseudonym, "2019-02-02", "\t ", null),
                tuple(4, null, "03-02-2019", "De Hille", null));
    }

    @Test
    void stage_whenALargeFileIsReadInParts_thenEveryRowKeepsItsLineNumber() throws Exception {
        // a file DuckDB reads on both threads, in several parts; each row names its own line in voorziening. With
        // preserve_insertion_order off (it is the whole database's setting) every one of these rows got a wrong number
        int rows = 1_000_000;
        StringBuilder csv = new StringBuilder("client_id;datum;voorziening\n");
        for (int i = 0; i < rows; i++) {
            csv.append('K').append(i % 5000).append(";01-02-2019;L").append(i + 2).append('\n');
        }
        StagedTable staged = stage(write("large.csv", csv.toString(), StandardCharsets.UTF_8));

        assertThat(staged.nativeCsv()).isTrue();
        assertThat(staged.rows()).isEqualTo(rows);
        var s = DSL.table(staged.table()).as(StagedRows.ALIAS);
        assertThat(dsl.fetchCount(dsl.selectFrom(s).where(col("voorziening").ne(DSL.inline("L").concat(staged.rowNumber().cast(SQLDataType.VARCHAR))))))
                .as("rows whose row number is not their line").isZero();
    }

    @Test
    void stage_whenWindows1252_thenStreamedWithTheSameRows() throws Exception {
        StagedTable nativeRows = stage(write("native.csv", ROWS, StandardCharsets.UTF_8));
        var expected = rows(nativeRows);
        Staging.drop(db.connection(), nativeRows.table());
        fileId++;

        StagedTable streamed = stage(write("ansi.csv", ROWS.replace("noord", "noord \u20ac"), Charset.forName("windows-1252")));

        assertThat(streamed.nativeCsv()).isFalse();
        assertThat(rows(streamed)).containsExactlyElementsOf(expected);
    }

    @Test
    void stage_whenAFieldSpansLinesOrABlankLineSitsInTheData_thenStreamedAndLineNumbersStillMatchTheFile() throws Exception {
        StagedTable staged = stage(write("multiline.csv", "client_id;datum;voorziening;opmerking\n"
                + "K1;01-02-2019;De Hille;\"twee\nregels\"\n"
                + "\n"
                + "K2;02-02-2019;De Hille;\n", StandardCharsets.UTF_8));

        assertThat(staged.nativeCsv()).isFalse();
        assertThat(rows(staged)).extracting(t -> t.toList().get(0), t -> t.toList().get(4))
                .containsExactly(tuple(2, "twee\nregels"), tuple(5, null));
    }

    @Test
    void stage_whenANoteSitsUnderTheData_thenStreamedSoTheNoteIsCountedApart() throws Exception {
        StagedTable staged = stage(write("notes.csv", "client_id;datum;voorziening\nK1;01-02-2019;De Hille\nBron: registratie;;\n",
                StandardCharsets.UTF_8));

        assertThat(staged.nativeCsv()).isFalse();
        assertThat(staged.rows()).isEqualTo(1);
        assertThat(staged.noteRows()).isEqualTo(1);
    }

    @Test
    void stage_whenIdentifiersAreStaged_thenNoRawIdentifierIsInTheStagingTable() throws Exception {
        StagedTable staged = stage(write("native.csv", ROWS, StandardCharsets.UTF_8));

        assertThat(dsl.fetchCount(DSL.table(staged.table()), DSL.field("CAST(client_id AS VARCHAR)", SQLDataType.VARCHAR).in("K-100", "k100", "K100")))
                .isZero();
    }

    @Test
    void stage_whenNativeOrStreamed_thenTheIdentifierColumnIsTheFixedWidthPseudonym() throws Exception {
        StagedTable nativeRows = stage(write("native.csv", ROWS, StandardCharsets.UTF_8));
        fileId++;
        StagedTable streamed = stage(write("ansi.csv", ROWS.replace("noord", "noord \u20ac"), Charset.forName("windows-1252")));

        assertThat(streamed.nativeCsv()).isFalse();
        for (StagedTable staged : List.of(nativeRows, streamed)) {
            assertThat(dsl.fetchValue("SELECT DISTINCT typeof(client_id) FROM {0} WHERE client_id IS NOT NULL", DSL.table(staged.table())))
                    .isEqualTo("UHUGEINT");
            assertThat(dsl.fetchValue("SELECT DISTINCT client_id FROM {0} WHERE client_id IS NOT NULL", DSL.table(staged.table())))
                    .isEqualTo(PSEUDONYMIZER.pseudonym("K100"));
        }
    }

    @Test
    void stage_whenManyIdentifiersNativeOrStreamed_thenEachIsThePlainHmacOfItsIdentifier() throws Exception {
        // given: identifiers of every kind a CSV cell can hold in both encodings (no delimiter, quote or line break)
        CharsetEncoder windows1252 = Charset.forName("windows-1252").newEncoder();
        List<String> identifiers = ReferencePseudonym.identifiers().stream()
                .filter(id -> windows1252.canEncode(id) && id.chars().noneMatch(c -> c == ';' || c == '"' || c == '\'' || (c < ' ' && c != '\t')))
                .toList();
        StringBuilder csv = new StringBuilder("Client_ID;Datum;Voorziening;Team\n");
        identifiers.forEach(id -> csv.append(id).append(";2019-02-01;De Hille;\n"));

        // when: UTF-8 is read natively (opvang_pseudonym), windows-1252 streamed (the Appender's two halves)
        StagedTable nativeRows = stage(write("many.csv", csv.toString(), StandardCharsets.UTF_8));
        fileId++;
        StagedTable streamed = stage(write("many_ansi.csv", csv.toString(), Charset.forName("windows-1252")));

        // then
        assertThat(identifiers).hasSizeGreaterThan(4_000).anyMatch(id -> id.contains("\u00e9")).anyMatch(id -> id.length() > 55);
        assertThat(nativeRows.nativeCsv()).isTrue();
        assertThat(streamed.nativeCsv()).isFalse();
        byte[] key = "test-key-of-at-least-16-bytes".getBytes(StandardCharsets.UTF_8);
        List<BigInteger> expected = identifiers.stream().map(id -> id.isBlank() ? null : ReferencePseudonym.of(key, id)).toList();
        for (StagedTable staged : List.of(nativeRows, streamed)) {
            List<BigInteger> pseudonyms = dsl.select(col("client_id")).from(DSL.table(staged.table()).as(StagedRows.ALIAS))
                    .where(staged.dataRow()).orderBy(staged.rowNumber()).fetch(0, BigInteger.class);
            assertThat(pseudonyms).as(staged.table().last()).isEqualTo(expected);
        }
    }

    private StagedTable stage(Path file) throws Exception {
        return stage(file, Set.of());
    }

    private StagedTable stage(Path file, Set<String> trimPerValue) throws Exception {
        return Staging.stage(db.connection(), file, fileId, COLUMNS, Set.of("client_id"), trimPerValue, Fingerprint.of(file), PSEUDONYMIZER);
    }

    private Path write(String name, String content, Charset charset) throws Exception {
        return Files.write(temp.resolve(name), content.getBytes(charset));
    }

    private List<org.assertj.core.groups.Tuple> rows(StagedTable staged) {
        var s = DSL.table(staged.table()).as(StagedRows.ALIAS);
        return dsl.select(staged.rowNumber(), col("client_id"), col("datum"), col("voorziening"), col("opmerking"))
                .from(s).where(staged.dataRow()).orderBy(1).fetch()
                .map((Record r) -> tuple(r.get(0, Integer.class), r.get(1), r.get(2), r.get(3), r.get(4)));
    }

    private static org.jooq.Field<String> col(String name) {
        return DSL.field(DSL.name(StagedRows.ALIAS, name), SQLDataType.VARCHAR);
    }
}
