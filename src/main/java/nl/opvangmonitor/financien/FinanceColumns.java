package nl.opvangmonitor.financien;

import java.util.List;
import nl.opvangmonitor.ingest.read.SourceColumns;

/** The columns of the finance layouts that have a header row of column names. */
public final class FinanceColumns {

    /** The long layout: one amount per row. programma and taakveld may be empty, not both. */
    public static final SourceColumns LONG = SourceColumns.of(
            List.of("gemeente", "soort", "versie", "jaar", "bedrag"),
            List.of("programma", "taakveld", "categorie"));

    /** The CBS Iv3 layout: one row per gemeente and taakveld, baten and lasten x € 1.000. */
    static final SourceColumns IV3 = SourceColumns.of(List.of("gemeenten", "taakveld", "baten", "lasten"), List.of());
    static final SourceColumns IV3_SINGULAR = SourceColumns.of(List.of("gemeente", "taakveld", "baten", "lasten"), List.of());

    /** The label column of a council table, as rejections name it. */
    static final String LABEL = "omschrijving";

    private FinanceColumns() {
    }
}
