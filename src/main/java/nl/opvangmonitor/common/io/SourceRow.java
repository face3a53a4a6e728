package nl.opvangmonitor.common.io;

import java.util.Map;

/**
 * One data row of a delivered file, its values aligned to the canonical columns.
 * {@code rowNumber} is the line (CSV) or row (XLSX) number a user finds it at.
 */
public record SourceRow(long fileId, int rowNumber, String[] values, Map<String, Integer> columnIndex) {

    /** The trimmed value, or null when the cell is empty or the column is absent. */
    public String get(String column) {
        Integer i = columnIndex.get(column);
        if (i == null || values[i] == null) {
            return null;
        }
        String v = values[i].strip();
        return v.isEmpty() ? null : v;
    }
}
