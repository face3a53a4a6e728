package nl.opvangmonitor.ingest.read;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.opvangmonitor.privacy.SafeMessage;

/**
 * A delivered CSV or XLSX file read as a stream of {@link SourceRow}s.
 * <ul>
 *   <li>The header is the first row (within the first {@value #HEADER_SEARCH_ROWS}) that holds every
 *       required column, so title rows above it are skipped.</li>
 *   <li>Blank rows are skipped everywhere; they are not data.</li>
 *   <li>Rows with at most one filled cell that come after the last data row are notes
 *       ("Bron: ...") and are counted apart, never silently dropped in the middle of the data:
 *       such a row followed by more data is handed on as data (and will be rejected).</li>
 * </ul>
 */
public final class TabularFile implements SourceRowStream {

    static final int HEADER_SEARCH_ROWS = 30;
    private static final int MAX_HELD_NOTES = 1000;

    private final RawRowSource source;
    private final long fileId;
    private final Map<String, Integer> columnIndex;
    private final int[] cellToValue;
    private final int width;
    private final List<String> ignoredColumns;
    private final int headerRowNumber;
    private final Deque<RawRow> held = new ArrayDeque<>();
    private RawRow pending;
    private int noteRows;

    private TabularFile(RawRowSource source, long fileId, RawRow header, SourceColumns columns) {
        this.source = source;
        this.fileId = fileId;
        List<String> canonical = columns.all();
        this.width = canonical.size();
        this.columnIndex = new HashMap<>();
        for (int i = 0; i < canonical.size(); i++) {
            columnIndex.put(canonical.get(i), i);
        }
        this.headerRowNumber = header.rowNumber();
        this.cellToValue = new int[header.cells().size()];
        Set<String> seen = new LinkedHashSet<>();
        List<String> ignored = new ArrayList<>();
        for (int c = 0; c < header.cells().size(); c++) {
            String cell = header.cell(c);
            String column = columns.canonicalFor(cell);
            if (column != null && seen.add(column)) {
                cellToValue[c] = columnIndex.get(column);
            } else {
                cellToValue[c] = -1;
                if (cell != null && !cell.isBlank()) {
                    ignored.add(cell.strip());
                }
            }
        }
        this.ignoredColumns = List.copyOf(ignored);
    }

    /**
     * Opens the physical rows of a .csv or .xlsx file, for layouts that have no fixed header
     * (a wide table with one column per year); most sources use {@link #open} instead.
     */
    public static RawRowSource openRaw(Path file) throws FileRejectedException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isReadable(file)) {
            throw new FileRejectedException("cannot read the file");
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return CsvRowSource.open(file);
        } else if (name.endsWith(".xlsx")) {
            return XlsxRowSource.open(file);
        }
        throw new FileRejectedException("not a .csv or .xlsx file");
    }

    /** Opens a file by its extension (.csv or .xlsx) and locates its header. */
    public static TabularFile open(Path file, long fileId, SourceColumns columns) throws FileRejectedException {
        RawRowSource source = openRaw(file);
        try {
            RawRow header = locateHeader(source, columns);
            source.expectCells(header.cells().size());
            return new TabularFile(source, fileId, header, columns);
        } catch (FileRejectedException | RuntimeException e) {
            closeQuietly(source);
            throw e;
        } catch (IOException e) {
            closeQuietly(source);
            throw new FileRejectedException("cannot read the file: " + SafeMessage.of(e), e);
        }
    }

    private static RawRow locateHeader(RawRowSource source, SourceColumns columns) throws IOException, FileRejectedException {
        RawRow best = null;
        int bestMatches = -1;
        RawRow row;
        int looked = 0;
        while (looked < HEADER_SEARCH_ROWS && (row = source.next()) != null) {
            if (row.nonEmptyCount() == 0) {
                continue;
            }
            looked++;
            Set<String> found = new LinkedHashSet<>();
            for (String cell : row.cells()) {
                String column = columns.canonicalFor(cell);
                if (column != null) {
                    found.add(column);
                }
            }
            if (found.containsAll(columns.required())) {
                return row;
            }
            int matches = found.size();
            if (matches > bestMatches) {
                best = row;
                bestMatches = matches;
            }
        }
        if (best == null) {
            throw new FileRejectedException("the file is empty: no header row found");
        }
        Set<String> found = new LinkedHashSet<>();
        for (String cell : best.cells()) {
            String column = columns.canonicalFor(cell);
            if (column != null) {
                found.add(column);
            }
        }
        List<String> missing = new ArrayList<>(columns.required());
        missing.removeAll(found);
        throw new FileRejectedException("missing required column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                + "; " + shape(best, found));
    }

    /**
     * What a row that is not the expected header looks like, without quoting it (it may be a data row
     * of a file delivered without its header, holding identifiers): where it is, how many cells it
     * fills, and which expected column names it holds.
     */
    public static String shape(RawRow row, Set<String> matched) {
        int filled = row.nonEmptyCount();
        return "the closest header row (row " + row.rowNumber() + ") has " + filled + " filled cell" + (filled == 1 ? "" : "s")
                + (matched.isEmpty() ? ", none of them an expected column name"
                : ", of which " + matched.size() + " expected: " + String.join(", ", matched))
                + (filled > matched.size() ? " (the other " + (filled - matched.size()) + " not recognised)" : "");
    }

    /** The next data row, or null at the end. */
    public SourceRow next() throws IOException {
        while (true) {
            if (pending != null && held.isEmpty()) {
                RawRow row = pending;
                pending = null;
                return toSourceRow(row);
            }
            if (!held.isEmpty() && pending != null) {
                return toSourceRow(held.pollFirst());
            }
            RawRow row = source.next();
            if (row == null) {
                noteRows += held.size();
                held.clear();
                return null;
            }
            int filled = row.nonEmptyCount();
            if (filled == 0) {
                continue;
            }
            if (filled <= 1 && held.size() < MAX_HELD_NOTES) {
                held.addLast(row);
                continue;
            }
            pending = row;
        }
    }

    private SourceRow toSourceRow(RawRow row) {
        String[] values = new String[width];
        List<String> cells = row.cells();
        int n = Math.min(cells.size(), cellToValue.length);
        for (int c = 0; c < n; c++) {
            int target = cellToValue[c];
            if (target >= 0) {
                values[target] = cells.get(c);
            }
        }
        return new SourceRow(fileId, row.rowNumber(), values, columnIndex);
    }

    /** The encoding and delimiter of a CSV file as sniffed when it was opened; empty for a workbook. */
    public java.util.Optional<CsvDialect> csvDialect() {
        return source.csvDialect();
    }

    /** The row the header was found on (1 when the export has no title rows above it). */
    public int headerRowNumber() {
        return headerRowNumber;
    }

    /** The number of cells in the header row. */
    public int headerWidth() {
        return cellToValue.length;
    }

    /** The header cell (0-based) each canonical column is read from; absent optional columns are missing. */
    public Map<String, Integer> cellOfColumn() {
        Map<String, Integer> cells = new HashMap<>();
        for (Map.Entry<String, Integer> column : columnIndex.entrySet()) {
            for (int c = 0; c < cellToValue.length; c++) {
                if (cellToValue[c] == column.getValue()) {
                    cells.put(column.getKey(), c);
                }
            }
        }
        return cells;
    }

    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /** Rows with at most one filled cell after the last data row (title notes, sources, footnotes). */
    public int noteRowsSkipped() {
        return noteRows;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already failing; the original error is the one to report
        }
    }
}
