package nl.opvangmonitor.ingest.read;

import java.util.List;

/** A physical row of a CSV or sheet before the header is known: its row number as the user sees it and its cells. */
public record RawRow(int rowNumber, List<String> cells) {

    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : null;
    }

    public int nonEmptyCount() {
        int n = 0;
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                n++;
            }
        }
        return n;
    }
}
