package nl.opvangmonitor.financien;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.common.io.SourceColumns;

/**
 * The columns of the three finance layouts, and the columns the finance streams add to every row
 * for the row processor (their names start with an underscore; an export never has them).
 */
public final class FinanceColumns {

    /** The long layout: one amount per row. programma and taakveld may be empty, not both. */
    public static final SourceColumns LONG = SourceColumns.of(
            List.of("gemeente", "soort", "versie", "jaar", "bedrag"),
            List.of("programma", "taakveld", "categorie"));

    /** The CBS Iv3 layout: one row per gemeente and taakveld, baten and lasten x € 1.000. */
    static final SourceColumns IV3 = SourceColumns.of(List.of("gemeenten", "taakveld", "baten", "lasten"), List.of());
    static final SourceColumns IV3_SINGULAR = SourceColumns.of(List.of("gemeente", "taakveld", "baten", "lasten"), List.of());

    static final String LAYOUT = "_layout";
    static final String VERSION = "_versie";
    static final String YEAR = "_jaar";
    static final String MUNICIPALITY = "_gemeente";
    static final String TASK_FIELD = "_taakveld";
    static final String PROGRAMME = "_programma";
    static final String ROLE = "_role";
    static final String KIND = "_kind";
    static final String PARENT = "_parent";
    static final String SIGN = "_sign";
    static final String SALDO_SIGN = "_saldo_sign";
    static final String PATH = "_path";
    static final String HEADINGS = "_headings";
    /** The label column of a council table, as rejections name it. */
    static final String LABEL = "omschrijving";

    private FinanceColumns() {
    }

    /** A column index over the given names, in order. */
    static Map<String, Integer> index(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (String name : names) {
            index.putIfAbsent(name, index.size());
        }
        return index;
    }
}
