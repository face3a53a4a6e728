package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.audit.Tables.BUDGET_FILE;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.opvangmonitor.ingest.read.FileRejectedException;
import nl.opvangmonitor.ingest.read.RawRow;
import nl.opvangmonitor.ingest.read.RawRowSource;
import nl.opvangmonitor.ingest.read.SourceColumns;
import nl.opvangmonitor.ingest.read.SourceRow;
import nl.opvangmonitor.ingest.read.TabularFile;
import nl.opvangmonitor.ingest.StagedRows;
import nl.opvangmonitor.ingest.StagedTable;
import nl.opvangmonitor.ingest.Stager;
import nl.opvangmonitor.privacy.SafeMessage;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Name;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Stages a file of {@code <input>/financien/}, where the three finance layouts sit side by side,
 * and tells them apart by their header (the first of the first 30 rows that is a header of one):
 * <ul>
 *   <li>long: a row holding gemeente, soort, versie, jaar and bedrag (plus programma, taakveld, categorie);</li>
 *   <li>CBS Iv3: a row holding Gemeenten (or gemeente), Taakveld, Baten and Lasten; year and version from the file name;</li>
 *   <li>wide council table: a row with headings such as "Realisatie 2019" or "Begroting 2020" right of the label column.</li>
 * </ul>
 * A file that is none of these fails with a message naming all three. What was detected is
 * written to audit.budget_file (shown in the run summary). Every layout is read into typed
 * {@link BudgetLine}s and appended to one staging table, a row per amount cell (a line without
 * amounts: one row without), which {@link FinanceRules} validate and write set-based.
 */
class FinanceStager implements Stager {

    private final BudgetReference reference;
    private final DSLContext dsl;

    FinanceStager(BudgetReference reference, DSLContext dsl) {
        this.reference = reference;
        this.dsl = dsl;
    }

    enum Layout { LONG, IV3, IV3_SINGULAR, WIDE }

    /** The columns of the staging table, declared once: the table is created from them and rows are appended by them. */
    enum Staged {
        ROW_NUMBER(SQLDataType.INTEGER), FIRST_OF_LINE(SQLDataType.BOOLEAN), AMOUNT_COUNT(SQLDataType.INTEGER),
        LAYOUT(SQLDataType.VARCHAR), LINE_ROLE(SQLDataType.VARCHAR), OMSCHRIJVING(SQLDataType.VARCHAR),
        GEMEENTE(SQLDataType.VARCHAR), GEMEENTEN(SQLDataType.VARCHAR), MUNICIPALITY_KEY(SQLDataType.INTEGER),
        PROGRAMMA(SQLDataType.VARCHAR), TAAKVELD(SQLDataType.VARCHAR), TASK_FIELD_CODE(SQLDataType.VARCHAR),
        CATEGORIE(SQLDataType.VARCHAR), SOORT(SQLDataType.VARCHAR), VERSIE(SQLDataType.VARCHAR), JAAR(SQLDataType.VARCHAR),
        PARENT_ROW(SQLDataType.INTEGER), SIGN_IN_PARENT(SQLDataType.INTEGER),
        AMOUNT_COLUMN(SQLDataType.INTEGER), AMOUNT_NAME(SQLDataType.VARCHAR), AMOUNT_TEXT(SQLDataType.VARCHAR),
        KIND(SQLDataType.VARCHAR), CATEGORY_PATH(SQLDataType.VARCHAR), SALDO_SIGN(SQLDataType.INTEGER),
        VERSION_CODE(SQLDataType.VARCHAR), YEAR(SQLDataType.INTEGER);

        final DataType<?> type;

        Staged(DataType<?> type) {
            this.type = type;
        }

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public StagedTable stage(Connection connection, Path file, long fileId, SourceColumns columns) throws FileRejectedException, SQLException {
        Layout layout = detect(file, columns);
        FinanceFunctions.ensureRegistered(connection, reference);
        Name table = DSL.name(Stager.tableName(fileId));
        var create = DSL.using(connection, SQLDialect.DUCKDB).createTemporaryTable(table);
        for (Staged column : Staged.values()) {
            create = create.column(column.column(), column.type);
        }
        create.execute();
        try {
            return fill(connection, table, file, fileId, columns, layout);
        } catch (FileRejectedException | SQLException | RuntimeException e) {
            // the pipeline drops a staged table; one that did not get staged is dropped here
            DSL.using(connection, SQLDialect.DUCKDB).dropTableIfExists(table).execute();
            throw e;
        }
    }

    private StagedTable fill(Connection connection, Name table, Path file, long fileId, SourceColumns columns, Layout layout)
            throws FileRejectedException, SQLException {
        try (StagingAppender appender = new StagingAppender(connection, table)) {
            StagedTable staged = switch (layout) {
                case LONG -> {
                    record("long", "long layout: one amount per row (gemeente, programma, taakveld, categorie, soort, versie, jaar, bedrag)",
                            null, fileId);
                    yield appendRows(appender, table, TabularFile.open(file, fileId, columns), row -> new BudgetLine(BudgetLine.Layout.LONG,
                            row.rowNumber(), BudgetTree.Role.DETAIL, row.get("categorie"), row.get("gemeente"), null, row.get("programma"),
                            row.get("taakveld"), null, row.get("categorie"), row.get("soort"), row.get("versie"), row.get("jaar"), null, 1,
                            List.of(new BudgetLine.Amount(1, "bedrag", row.get("bedrag"), null, null, null, null, null))));
                }
                case IV3, IV3_SINGULAR -> {
                    Iv3FileName.YearVersion yv = iv3YearVersion(file.getFileName().toString());
                    record("iv3", "CBS Iv3 taakveld totals, " + reference.versionName(yv.versionCode()).toLowerCase(Locale.ROOT) + " "
                            + yv.year() + " (from the file name); the 'Nederland' rows are national totals, reconciled with the municipalities",
                            null, fileId);
                    SourceColumns iv3 = layout == Layout.IV3 ? FinanceColumns.IV3 : FinanceColumns.IV3_SINGULAR;
                    String gemeenteColumn = iv3.required().getFirst();
                    yield appendRows(appender, table, TabularFile.open(file, fileId, iv3), row -> {
                        String gemeente = row.get(gemeenteColumn);
                        boolean national = gemeente != null && gemeente.equalsIgnoreCase("nederland");
                        return new BudgetLine(BudgetLine.Layout.IV3, row.rowNumber(), national ? BudgetTree.Role.TOTAL : BudgetTree.Role.DETAIL,
                                row.get("taakveld"), gemeente, null, null, row.get("taakveld"), null, null, null, null, null, null, 1, List.of(
                                new BudgetLine.Amount(1, "baten", row.get("baten"), BudgetLine.Kind.BATEN, "Baten", 1, yv.versionCode(), yv.year()),
                                new BudgetLine.Amount(2, "lasten", row.get("lasten"), BudgetLine.Kind.LASTEN, "Lasten", -1, yv.versionCode(),
                                        yv.year())));
                    });
                }
                case WIDE -> {
                    WideTable wide;
                    try (RawRowSource raw = TabularFile.openRaw(file)) {
                        wide = WideTable.read(raw, file.getFileName().toString(), reference, connection);
                    } catch (IOException e) {
                        throw new FileRejectedException("cannot read the file: " + SafeMessage.of(e), e);
                    }
                    record("wide", wide.description(reference), wide.structureNote(), fileId);
                    List<BudgetLine> lines = wide.lines();
                    for (BudgetLine line : lines) {
                        appender.append(line);
                    }
                    yield staged(table, lines.size(), wide.ignoredColumns(), wide.noteRows());
                }
            };
            appender.flush();
            return staged;
        }
    }

    private Iv3FileName.YearVersion iv3YearVersion(String fileName) throws FileRejectedException {
        Iv3FileName.YearVersion yv = Iv3FileName.parse(fileName, reference::versionCode).orElseThrow(() -> new FileRejectedException(
                "a CBS Iv3 file (Gemeenten, Taakveld, Baten, Lasten), but its name does not tell the year and version: name it "
                        + "like 2023_jaarrekening.csv (realisatie 2023) or 2025_begroting.csv (begroting 2025)"));
        if (yv.year() < StagedRows.FIRST_DATE.getYear() || yv.year() > StagedRows.LAST_DATE.getYear()) {
            throw new FileRejectedException("a CBS Iv3 file of " + yv.year() + " (from its name): year outside the supported range "
                    + StagedRows.FIRST_DATE.getYear() + "-" + StagedRows.LAST_DATE.getYear());
        }
        return yv;
    }

    /** A row of a plain table as a budget line. */
    private interface LineOfRow {
        BudgetLine line(SourceRow row);
    }

    private static StagedTable appendRows(StagingAppender appender, Name table, TabularFile tabular, LineOfRow lineOfRow)
            throws FileRejectedException, SQLException {
        try (tabular) {
            long rows = 0;
            SourceRow row;
            while ((row = tabular.next()) != null) {
                appender.append(lineOfRow.line(row));
                rows++;
            }
            return staged(table, rows, tabular.ignoredColumns(), tabular.noteRowsSkipped());
        } catch (IOException e) {
            throw new FileRejectedException("cannot read the file: " + SafeMessage.of(e), e);
        }
    }

    private static StagedTable staged(Name table, long lines, List<String> ignored, int noteRows) {
        List<String> columns = new ArrayList<>();
        for (Staged column : Staged.values()) {
            if (column != Staged.ROW_NUMBER) {
                columns.add(column.column());
            }
        }
        return new StagedTable(table, columns, DSL.field(DSL.name(StagedRows.ALIAS, Staged.ROW_NUMBER.column()), SQLDataType.INTEGER),
                DSL.trueCondition(), lines, ignored, noteRows, false, java.util.Set.of());
    }

    /**
     * Appends budget lines to the staging table with DuckDB's Appender: a row per amount (with a text, for a
     * council table; every amount column of the long and Iv3 layouts, so that an empty one is named), or one
     * row for a line without amounts.
     */
    private static final class StagingAppender implements AutoCloseable {
        private final DuckDBAppender appender;

        StagingAppender(Connection connection, Name table) throws SQLException {
            appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", table.last());
        }

        void append(BudgetLine line) throws SQLException {
            Object[] row = new Object[Staged.values().length];
            row[Staged.ROW_NUMBER.ordinal()] = line.rowNumber();
            row[Staged.AMOUNT_COUNT.ordinal()] = (int) line.amounts().stream().filter(a -> a.text() != null).count();
            row[Staged.LAYOUT.ordinal()] = line.layout().name().toLowerCase(Locale.ROOT);
            row[Staged.LINE_ROLE.ordinal()] = line.role().name().toLowerCase(Locale.ROOT);
            row[Staged.OMSCHRIJVING.ordinal()] = line.label();
            row[(line.layout() == BudgetLine.Layout.IV3 ? Staged.GEMEENTEN : Staged.GEMEENTE).ordinal()] = line.gemeente();
            row[Staged.MUNICIPALITY_KEY.ordinal()] = line.municipalityKey();
            row[Staged.PROGRAMMA.ordinal()] = line.programme();
            row[Staged.TAAKVELD.ordinal()] = line.taakveld();
            row[Staged.TASK_FIELD_CODE.ordinal()] = line.taskFieldCode();
            row[Staged.CATEGORIE.ordinal()] = line.categorie();
            row[Staged.SOORT.ordinal()] = line.soort();
            row[Staged.VERSIE.ordinal()] = line.versie();
            row[Staged.JAAR.ordinal()] = line.jaar();
            row[Staged.PARENT_ROW.ordinal()] = line.parentRow();
            row[Staged.SIGN_IN_PARENT.ordinal()] = line.signInParent();
            if (line.amounts().isEmpty()) {
                row[Staged.FIRST_OF_LINE.ordinal()] = true;
                row[Staged.AMOUNT_COLUMN.ordinal()] = 0;
                appendRow(row);
                return;
            }
            boolean first = true;
            for (BudgetLine.Amount amount : line.amounts()) {
                row[Staged.FIRST_OF_LINE.ordinal()] = first;
                row[Staged.AMOUNT_COLUMN.ordinal()] = amount.column();
                row[Staged.AMOUNT_NAME.ordinal()] = amount.name();
                row[Staged.AMOUNT_TEXT.ordinal()] = amount.text();
                row[Staged.KIND.ordinal()] = amount.kind() == null ? null : amount.kind().name().toLowerCase(Locale.ROOT);
                row[Staged.CATEGORY_PATH.ordinal()] = amount.categoryPath();
                row[Staged.SALDO_SIGN.ordinal()] = amount.saldoSign();
                row[Staged.VERSION_CODE.ordinal()] = amount.versionCode();
                row[Staged.YEAR.ordinal()] = amount.year();
                appendRow(row);
                first = false;
            }
        }

        private void appendRow(Object[] row) throws SQLException {
            appender.beginRow();
            for (Object value : row) {
                switch (value) {
                    case null -> appender.appendNull();
                    case Integer i -> appender.append(i.intValue());
                    case Boolean b -> appender.append(b.booleanValue());
                    default -> appender.append((String) value);
                }
            }
            appender.endRow();
        }

        void flush() throws SQLException {
            appender.flush();
        }

        @Override
        public void close() throws SQLException {
            appender.close();
        }
    }

    private Layout detect(Path file, SourceColumns longColumns) throws FileRejectedException {
        List<String> firstRows = new ArrayList<>();
        try (RawRowSource raw = TabularFile.openRaw(file)) {
            RawRow row;
            int looked = 0;
            while (looked < WideTable.HEADER_SEARCH_ROWS && (row = raw.next()) != null) {
                if (row.nonEmptyCount() == 0) {
                    continue;
                }
                looked++;
                if (holds(row, longColumns)) {
                    return Layout.LONG;
                }
                if (holds(row, FinanceColumns.IV3)) {
                    return Layout.IV3;
                }
                if (holds(row, FinanceColumns.IV3_SINGULAR)) {
                    return Layout.IV3_SINGULAR;
                }
                if (WideTable.isHeaderRow(row, reference)) {
                    return Layout.WIDE;
                }
                if (firstRows.size() < 3) {
                    firstRows.add("row " + row.rowNumber() + ": " + row.nonEmptyCount() + (row.nonEmptyCount() == 1 ? " filled cell" : " filled cells"));
                }
            }
        } catch (IOException e) {
            throw new FileRejectedException("cannot read the file: " + SafeMessage.of(e), e);
        }
        if (firstRows.isEmpty()) {
            throw new FileRejectedException("the file is empty: no header row found");
        }
        throw new FileRejectedException("not a finance export of a known layout: expected a header with gemeente, soort, versie, jaar, "
                + "bedrag (long layout), with Gemeenten, Taakveld, Baten, Lasten (CBS Iv3) or with column headings such as "
                + "'Realisatie 2019', 'Begroting 2020' (council table); the first rows hold none of these (" + String.join(", ", firstRows) + ")");
    }

    private static boolean holds(RawRow row, SourceColumns columns) {
        Set<String> found = new LinkedHashSet<>();
        for (String cell : row.cells()) {
            String column = columns.canonicalFor(cell);
            if (column != null) {
                found.add(column);
            }
        }
        return found.containsAll(columns.required());
    }

    private void record(String layout, String description, String note, long fileId) {
        dsl.insertInto(BUDGET_FILE, BUDGET_FILE.FILE_ID, BUDGET_FILE.LAYOUT, BUDGET_FILE.DESCRIPTION, BUDGET_FILE.STRUCTURE_NOTE,
                        BUDGET_FILE.IS_RECONCILED)
                .values(fileId, layout, description, note, false)
                .onConflict(BUDGET_FILE.FILE_ID)
                .doUpdate()
                .set(BUDGET_FILE.LAYOUT, layout)
                .set(BUDGET_FILE.DESCRIPTION, description)
                .set(BUDGET_FILE.STRUCTURE_NOTE, note)
                .set(BUDGET_FILE.IS_RECONCILED, false)
                .execute();
    }
}
