package nl.opvangmonitor.financien;

import static nl.opvangmonitor.db.audit.Tables.BUDGET_FILE;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.opvangmonitor.common.io.FileRejectedException;
import nl.opvangmonitor.common.io.RawRow;
import nl.opvangmonitor.common.io.RawRowSource;
import nl.opvangmonitor.common.io.SourceColumns;
import nl.opvangmonitor.common.io.SourceRow;
import nl.opvangmonitor.common.io.SourceRowStream;
import nl.opvangmonitor.common.io.TabularFile;
import nl.opvangmonitor.common.load.RowValidator;
import nl.opvangmonitor.common.load.SourceFileOpener;
import nl.opvangmonitor.common.privacy.SafeMessage;
import org.jooq.DSLContext;

/**
 * Opens a file of {@code <input>/financien/}, where the three finance layouts sit side by side,
 * and tells them apart by their header (the first of the first 30 rows that is a header of one):
 * <ul>
 *   <li>long: a row holding gemeente, soort, versie, jaar and bedrag (plus programma, taakveld, categorie);</li>
 *   <li>CBS Iv3: a row holding Gemeenten (or gemeente), Taakveld, Baten and Lasten; year and version from the file name;</li>
 *   <li>wide council table: a row with headings such as "Realisatie 2019" or "Begroting 2020" right of the label column.</li>
 * </ul>
 * A file that is none of these fails with a message naming all three. What was detected is
 * written to audit.budget_file (shown in the run summary).
 */
class FinanceFileOpener implements SourceFileOpener {

    private final BudgetReference reference;
    private final DSLContext dsl;

    FinanceFileOpener(BudgetReference reference, DSLContext dsl) {
        this.reference = reference;
        this.dsl = dsl;
    }

    enum Layout { LONG, IV3, IV3_SINGULAR, WIDE }

    @Override
    public SourceRowStream open(Path file, long fileId, SourceColumns columns) throws FileRejectedException {
        Layout layout = detect(file, columns);
        String fileName = file.getFileName().toString();
        return switch (layout) {
            case LONG -> {
                record("long", "long layout: one amount per row (gemeente, programma, taakveld, categorie, soort, versie, jaar, bedrag)",
                        null, fileId);
                yield new Enriched(TabularFile.open(file, fileId, columns), fileId, Map.of(FinanceColumns.LAYOUT, "long"), Map.of());
            }
            case IV3, IV3_SINGULAR -> {
                Iv3FileName.YearVersion yv = Iv3FileName.parse(fileName, reference::versionCode).orElseThrow(() -> new FileRejectedException(
                        "a CBS Iv3 file (Gemeenten, Taakveld, Baten, Lasten), but its name does not tell the year and version: name it "
                                + "like 2023_jaarrekening.csv (realisatie 2023) or 2025_begroting.csv (begroting 2025)"));
                if (yv.year() < RowValidator.FIRST_DATE.getYear() || yv.year() > RowValidator.LAST_DATE.getYear()) {
                    throw new FileRejectedException("a CBS Iv3 file of " + yv.year() + " (from its name): year outside the supported range "
                            + RowValidator.FIRST_DATE.getYear() + "-" + RowValidator.LAST_DATE.getYear());
                }
                record("iv3", "CBS Iv3 taakveld totals, " + reference.versionName(yv.versionCode()).toLowerCase(java.util.Locale.ROOT) + " "
                        + yv.year() + " (from the file name); the 'Nederland' rows are national totals, reconciled with the municipalities",
                        null, fileId);
                SourceColumns iv3 = layout == Layout.IV3 ? FinanceColumns.IV3 : FinanceColumns.IV3_SINGULAR;
                yield new Enriched(TabularFile.open(file, fileId, iv3), fileId,
                        Map.of(FinanceColumns.LAYOUT, "iv3", FinanceColumns.VERSION, yv.versionCode(), FinanceColumns.YEAR, String.valueOf(yv.year())),
                        layout == Layout.IV3_SINGULAR ? Map.of("gemeenten", "gemeente") : Map.of());
            }
            case WIDE -> {
                WideTable table;
                RawRowSource raw = TabularFile.openRaw(file);
                try (raw) {
                    table = WideTable.read(raw, fileName, reference);
                } catch (IOException e) {
                    throw new FileRejectedException("cannot read the file: " + SafeMessage.of(e), e);
                }
                record("wide", table.description(reference), table.structureNote(), fileId);
                yield new Listed(table.rows(fileId), table.ignoredColumns(), table.noteRows());
            }
        };
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

    /** A plain table's rows with the finance columns added (layout, and for Iv3 the year and version of the file). */
    private static final class Enriched implements SourceRowStream {
        private final TabularFile tabular;
        private final long fileId;
        private final List<String> added;
        private final List<String> addedValues;
        private final Map<String, String> aliases;
        private Map<String, Integer> index;

        Enriched(TabularFile tabular, long fileId, Map<String, String> added, Map<String, String> aliases) {
            this.tabular = tabular;
            this.fileId = fileId;
            this.added = List.copyOf(added.keySet());
            this.addedValues = this.added.stream().map(added::get).toList();
            this.aliases = aliases;
        }

        @Override
        public SourceRow next() throws IOException {
            SourceRow row = tabular.next();
            if (row == null) {
                return null;
            }
            int width = row.values().length;
            if (index == null) {
                Map<String, Integer> extended = new java.util.HashMap<>(row.columnIndex());
                for (int i = 0; i < added.size(); i++) {
                    extended.put(added.get(i), width + i);
                }
                aliases.forEach((alias, column) -> extended.put(alias, extended.get(column)));
                index = Map.copyOf(extended);
            }
            String[] values = java.util.Arrays.copyOf(row.values(), width + added.size());
            for (int i = 0; i < added.size(); i++) {
                values[width + i] = addedValues.get(i);
            }
            return new SourceRow(fileId, row.rowNumber(), values, index);
        }

        @Override
        public List<String> ignoredColumns() {
            return tabular.ignoredColumns();
        }

        @Override
        public int noteRowsSkipped() {
            return tabular.noteRowsSkipped();
        }

        @Override
        public void close() throws IOException {
            tabular.close();
        }
    }

    /** The rows of a council table, prepared whole. */
    private static final class Listed implements SourceRowStream {
        private final Iterator<SourceRow> rows;
        private final List<String> ignored;
        private final int notes;

        Listed(List<SourceRow> rows, List<String> ignored, int notes) {
            this.rows = rows.iterator();
            this.ignored = ignored;
            this.notes = notes;
        }

        @Override
        public SourceRow next() {
            return rows.hasNext() ? rows.next() : null;
        }

        @Override
        public List<String> ignoredColumns() {
            return ignored;
        }

        @Override
        public int noteRowsSkipped() {
            return notes;
        }

        @Override
        public void close() {
            // nothing held open: the table was read whole
        }
    }
}
