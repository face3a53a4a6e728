package nl.opvangmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import nl.opvangmonitor.report.BudgetTable.Column;
import nl.opvangmonitor.report.BudgetTable.Term;
import nl.opvangmonitor.report.PublicFigures.BudgetAmount;
import org.junit.jupiter.api.Test;

class BudgetTableTest {

    static BudgetAmount line(String path, String kind, int row, String amount) {
        BigDecimal a = new BigDecimal(amount);
        return new BudgetAmount(path, kind, null, "realisatie", 2023, a, kind.equals("lasten") ? a.negate() : a, null, null, "long.csv", row);
    }

    @Test
    void of_whenLongLayoutWithoutTotals_thenBatenLastenBlocksAndASaldoOfFormulas() {
        // given: a programme in the long layout, the same line as lasten and as baten
        List<BudgetAmount> amounts = List.of(
                line("Zorg", "lasten", 2, "561181"),
                line("Opvang Oekraïners", "lasten", 3, "64495"),
                line("Opvang Oekraïners", "baten", 4, "68000"));

        // when
        BudgetTable table = BudgetTable.of(amounts);

        // then
        assertThat(table.rows).extracting(BudgetTable.Row::label, BudgetTable.Row::depth).containsExactly(
                tuple("Baten", 0), tuple("Opvang Oekraïners", 1),
                tuple("Lasten", 0), tuple("Zorg", 1),
                tuple("Opvang Oekraïners", 1), tuple("Saldo", 0));
        Column realisatie = new Column("realisatie", 2023);
        BudgetTable.Cell lasten = table.cell(table.rows.get(2), realisatie);
        assertThat(lasten.value()).isEqualByComparingTo("625676");
        assertThat(lasten.terms()).containsExactly(new Term(3, 1), new Term(4, 1));
        BudgetTable.Cell saldo = table.cell(table.rows.get(5), realisatie);
        assertThat(saldo.value()).isEqualByComparingTo("-557676");
        assertThat(saldo.terms()).containsExactly(new Term(0, 1), new Term(2, -1));
        assertThat(saldo.note()).isNull();
    }

    @Test
    void of_whenPublishedTotalDiffersFromItsLines_thenThePublishedFigureWithANote() {
        // given: 4.871 + 2.333 = 7.204, published 7.205 (Rotterdam, Realisatie 2019)
        List<BudgetAmount> amounts = List.of(
                new BudgetAmount("Baten", "baten", "total", "realisatie", 2019, new BigDecimal("7205"), null, "rounding", new BigDecimal("7204"), "t.xlsx", 5),
                new BudgetAmount("Baten > Rijk", "baten", null, "realisatie", 2019, new BigDecimal("4871"), new BigDecimal("4871"), null, null, "t.xlsx", 6),
                new BudgetAmount("Baten > Derden", "baten", null, "realisatie", 2019, new BigDecimal("2333"), new BigDecimal("2333"), null, null, "t.xlsx", 7));

        // when
        BudgetTable table = BudgetTable.of(amounts);
        BudgetTable.Cell baten = table.cell(table.rows.get(0), new Column("realisatie", 2019));

        // then
        assertThat(baten.value()).isEqualByComparingTo("7205");
        assertThat(baten.terms()).isEmpty();
        assertThat(baten.note()).isEqualTo("Gepubliceerd: 7.205; de regels eronder tellen op tot 7.204 (afrondingsverschil: de raad rondt elk bedrag los af)");
        assertThat(table.total("baten", new Column("realisatie", 2019))).isEqualByComparingTo("7205");
    }
}
