package nl.opvangmonitor.financien;

import java.util.List;
import java.util.Locale;

/**
 * One delivered line of a finance file as its opener read it, typed, on its way to staging: what the
 * file's layout says about it (a council table's structure, an Iv3 file's year and version) and the
 * texts the rules still check (gemeente, taakveld, soort, versie, jaar and every amount).
 *
 * @param gemeente        the gemeente as written (long and Iv3 layouts), or null
 * @param municipalityKey the gemeente of a council table, found in its title rows or file name, or null
 * @param taakveld        the taakveld as written (long and Iv3 layouts), or null
 * @param taskFieldCode   the taakveld of a council table, or null
 * @param parentRow       row number of the reported total this line is a part of, or null
 * @param signInParent    +1, or -1 for a toevoeging under a reserves total
 */
record BudgetLine(Layout layout, int rowNumber, BudgetTree.Role role, String label, String gemeente, Integer municipalityKey,
                  String programme, String taakveld, String taskFieldCode, String categorie, String soort, String versie, String jaar,
                  Integer parentRow, int signInParent, List<Amount> amounts) {

    enum Layout { LONG, WIDE, IV3 }

    enum Kind {
        BATEN, LASTEN, RESERVES, SALDO;

        static Kind of(String kind) {
            return kind == null ? null : valueOf(kind.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * One amount cell of the line. Known from the layout (else null, for the rules to derive from the long
     * layout's columns): kind, category path, how it adds into the saldo, version and year.
     *
     * @param column the position of the amount in the line (1 = first year column, or baten)
     * @param name   the column it stands in, as rejections name it (bedrag, baten, 'Realisatie 2023')
     * @param text   the cell as delivered, or null when empty
     */
    record Amount(int column, String name, String text, Kind kind, String categoryPath, Integer saldoSign, String versionCode,
                  Integer year) {
    }
}
