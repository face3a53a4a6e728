package nl.opvangmonitor.financien;

import java.math.BigDecimal;
import java.util.List;

/**
 * One loaded line of a finance file with its amounts.
 *
 * @param role            detail, total, saldo or heading (a label without amounts)
 * @param municipalityKey null only for the 'Nederland' row of a CBS Iv3 file
 * @param parentRow       row number of the reported total this line is a part of, or null
 * @param signInParent    +1, or -1 for a toevoeging under a reserves total
 */
record BudgetLine(String layout, String role, String label, Integer municipalityKey, String programme, String taskFieldCode,
                  Integer parentRow, int signInParent, List<Amount> amounts) {

    /**
     * One amount of the line.
     *
     * @param column      position of the amount in the line (1 = first year column, or baten)
     * @param saldoEffect the amount as it adds into the saldo (+ baten, - lasten, + onttrekking, - toevoeging)
     */
    record Amount(int column, String kind, String categoryPath, String versionCode, int year, BigDecimal amount,
                  BigDecimal saldoEffect) {
    }

    String source() {
        return "iv3".equals(layout) ? "cbs_iv3" : "council";
    }
}
