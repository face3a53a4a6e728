package nl.opvangmonitor.ingest.read;

import java.util.Map;

/**
 * One data row of a delivered file, its values aligned to the canonical columns.
 * {@code rowNumber} is the line (CSV) or row (XLSX) number a user finds it at.
 */
public record SourceRow(long fileId, int rowNumber, String[] values, Map<String, Integer> columnIndex) {

    /** The trimmed value, or null when the cell is empty or the column is absent. */
    public String get(String column) {
        Integer i = columnIndex.get(column);
        return i == null ? null : get(i);
    }

    /** The trimmed value of the canonical column at this index (its place in {@code SourceColumns.all()}), or null when empty. */
    public String get(int index) {
        if (values[index] == null) {
            return null;
        }
        String v = values[index].strip();
        return v.isEmpty() ? null : v;
    }
}
