package nl.opvangmonitor.financien;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import nl.opvangmonitor.financien.BudgetTree.Node;
import nl.opvangmonitor.financien.BudgetTree.Role;
import org.junit.jupiter.api.Test;

class BudgetTreeTest {

    /** DESIGN.md §5, Rotterdam Geëscaleerde zorg 18+, as copied without indentation (the sample's copy of the published table). */
    static final Object[][] DESIGN_TABLE = nl.opvangmonitor.sample.FinanceSample.ROTTERDAM_6_81;

    static List<BudgetTree.Line> lines(Object[][] table, int... indents) {
        List<BudgetTree.Line> lines = new ArrayList<>();
        for (int i = 0; i < table.length; i++) {
            BigDecimal[] amounts = new BigDecimal[table[i].length - 1];
            for (int c = 1; c < table[i].length; c++) {
                amounts[c - 1] = table[i][c] == null ? null : BigDecimal.valueOf((Integer) table[i][c]);
            }
            lines.add(new BudgetTree.Line((String) table[i][0], indents.length == 0 ? 0 : indents[i], amounts));
        }
        return lines;
    }

    @Test
    void build_whenDesignTableWithoutIndentation_thenTotalsAndSubtotalsFoundFromTheSums() {
        // given
        List<BudgetTree.Line> lines = lines(DESIGN_TABLE);

        // when
        BudgetTree.Result result = BudgetTree.build(lines);

        // then
        assertThat(result.nodes()).extracting(Node::role, Node::kind, Node::parent, Node::path).containsExactly(
                tuple(Role.TOTAL, "baten", -1, "Baten exclusief reserves"),
                tuple(Role.DETAIL, "baten", 0, "Baten exclusief reserves > Bijdragen rijk en medeoverheden"),
                tuple(Role.DETAIL, "baten", 0, "Baten exclusief reserves > Overige opbrengsten derden"),
                tuple(Role.TOTAL, "lasten", -1, "Lasten exclusief reserves"),
                tuple(Role.TOTAL, "lasten", 3, "Lasten exclusief reserves > Apparaatslasten"),
                tuple(Role.DETAIL, "lasten", 4, "Lasten exclusief reserves > Apparaatslasten > Inhuur"),
                tuple(Role.DETAIL, "lasten", 4, "Lasten exclusief reserves > Apparaatslasten > Overige apparaatslasten"),
                tuple(Role.DETAIL, "lasten", 4, "Lasten exclusief reserves > Apparaatslasten > Personeel"),
                tuple(Role.DETAIL, "lasten", 3, "Lasten exclusief reserves > Intern resultaat"),
                tuple(Role.TOTAL, "lasten", 3, "Lasten exclusief reserves > Programmalasten"),
                tuple(Role.DETAIL, "lasten", 9, "Lasten exclusief reserves > Programmalasten > Inkopen en uitbestede werkzaamheden"),
                tuple(Role.DETAIL, "lasten", 9, "Lasten exclusief reserves > Programmalasten > Overige programmalasten"),
                tuple(Role.DETAIL, "lasten", 9, "Lasten exclusief reserves > Programmalasten > Sociale uitkeringen"),
                tuple(Role.DETAIL, "lasten", 9, "Lasten exclusief reserves > Programmalasten > Subsidies en inkomensoverdrachten"),
                tuple(Role.SALDO, "saldo", -1, "Saldo voor reserveringen"),
                tuple(Role.DETAIL, "reserves", -1, "Onttrekking reserves"),
                tuple(Role.SALDO, "saldo", -1, "Saldo"));
        assertThat(result.nodes()).extracting(Node::saldoSign).containsExactly(1, 1, 1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, 1, 1, 1);
        assertThat(result.note()).isEqualTo("totals recognised from the sums");
    }

    @Test
    void build_whenSeedCopyRepeatsALineUnderItselfAndHasAReservesTotal_thenTheRepeatIsTheDetailOfTheFirst() {
        // given: the table as it came out of the Begroting 2021 web page (seed 000): "Intern resultaat"
        // twice (a subtotal with one line of the same name), two saldo lines and a "Reserves" total
        Object[][] seedCopy = {
                {"Lasten exclusief reserves", 140932},
                {"Apparaatslasten", 6360},
                {"Inhuur", 162},
                {"Overige apparaatslasten", 113},
                {"Personeel", 6085},
                {"Intern resultaat", 871},
                {"Intern resultaat", 871},
                {"Programmalasten", 133701},
                {"Inkopen en uitbestede werkzaamheden", 4488},
                {"Overige programmalasten", 76},
                {"Sociale uitkeringen", 84685},
                {"Subsidies en inkomensoverdrachten", 44452},
                {"Saldo voor vpb en reserveringen", -140932},
                {"Reserves", 20},
                {"Onttrekking reserves", 20},
                {"Saldo", -140912}};

        // when
        BudgetTree.Result result = BudgetTree.build(lines(seedCopy));

        // then
        assertThat(result.nodes().get(5)).extracting(Node::role, Node::parent).containsExactly(Role.TOTAL, 0);
        assertThat(result.nodes().get(6)).extracting(Node::role, Node::parent, Node::path)
                .containsExactly(Role.DETAIL, 5, "Lasten exclusief reserves > Intern resultaat > Intern resultaat");
        assertThat(result.nodes().get(12).role()).isEqualTo(Role.SALDO);
        assertThat(result.nodes().get(13)).extracting(Node::role, Node::kind, Node::parent, Node::saldoSign)
                .containsExactly(Role.TOTAL, "reserves", -1, 1);
        assertThat(result.nodes().get(14)).extracting(Node::role, Node::parent, Node::path)
                .containsExactly(Role.DETAIL, 13, "Reserves > Onttrekking reserves");
    }

    @Test
    void build_whenIndentedAndASubtotalIsOff_thenTheIndentationDecidesAndTheErrorIsLeftToTheReconciliation() {
        // given: Apparaatslasten reported as 6.400 where its lines add up to 6.360
        Object[][] table = {
                {"Lasten exclusief reserves", 140972},
                {"Apparaatslasten", 6400},
                {"Inhuur", 162},
                {"Overige apparaatslasten", 113},
                {"Personeel", 6085},
                {"Intern resultaat", 871},
                {"Programmalasten", 133701},
                {"Sociale uitkeringen", 133701}};

        // when
        BudgetTree.Result result = BudgetTree.build(lines(table, 0, 2, 4, 4, 4, 2, 2, 4));

        // then
        assertThat(result.nodes()).extracting(Node::role, Node::parent).containsExactly(
                tuple(Role.TOTAL, -1), tuple(Role.TOTAL, 0), tuple(Role.DETAIL, 1), tuple(Role.DETAIL, 1), tuple(Role.DETAIL, 1),
                tuple(Role.DETAIL, 0), tuple(Role.TOTAL, 0), tuple(Role.DETAIL, 6));
        assertThat(result.note()).isEqualTo("totals recognised from the indentation of the labels");
    }

    @Test
    void build_whenLinesDoNotAddUpInAnyGrouping_thenAllAreDetailLinesOfTheBlockTotalAndTheNoteSaysSo() {
        // given
        Object[][] table = {{"Baten", 100}, {"Huren", 30}, {"Leges", 40}};

        // when
        BudgetTree.Result result = BudgetTree.build(lines(table));

        // then
        assertThat(result.nodes()).extracting(Node::role, Node::parent)
                .containsExactly(tuple(Role.TOTAL, -1), tuple(Role.DETAIL, 0), tuple(Role.DETAIL, 0));
        assertThat(result.note()).isEqualTo("totals recognised from the sums; the lines below 'Baten' do not add up to it in any grouping: "
                + "all are taken as its detail lines");
    }

    @Test
    void build_whenALineComesBeforeAnyBlockOrHasNoLabel_thenItIsUnassigned() {
        // given
        Object[][] table = {{"Huren", 30}, {"Lasten", 10}, {"", 10}};

        // when
        BudgetTree.Result result = BudgetTree.build(lines(table));

        // then
        assertThat(result.nodes()).extracting(Node::role).containsExactly(Role.UNASSIGNED, Role.DETAIL, Role.UNASSIGNED);
    }

    @Test
    void build_whenReservesTotalHasAToevoeging_thenToevoegingCountsNegativeInTheTotalAndTheSaldo() {
        // given: Reserves (net) 15 = onttrekking 20 - toevoeging 5
        Object[][] table = {{"Reserves", 15}, {"Toevoeging reserves", 5}, {"Onttrekking reserves", 20}};

        // when
        BudgetTree.Result result = BudgetTree.build(lines(table));

        // then
        assertThat(result.nodes()).extracting(Node::role, Node::parent, Node::signInParent, Node::saldoSign).containsExactly(
                tuple(Role.TOTAL, -1, 1, 1), tuple(Role.DETAIL, 0, -1, -1), tuple(Role.DETAIL, 0, 1, 1));
    }

    @Test
    void build_whenAColumnIsEmptyForTheTotal_thenOnlyTheFilledColumnsMustAddUp() {
        // given
        Object[][] table = {{"Baten", 7, null}, {"Huren", 3, 99}, {"Leges", 4, 1}};

        // when
        BudgetTree.Result result = BudgetTree.build(lines(table));

        // then
        assertThat(result.nodes()).extracting(Node::role).containsExactly(Role.TOTAL, Role.DETAIL, Role.DETAIL);
        assertThat(result.note()).isEqualTo("totals recognised from the sums");
    }

    @Test
    void build_whenALongBlockCanBeGroupedInTooManyWays_thenItStopsSoonAndTakesTheLinesAsDetails() {
        // given: 80 lines of 1 under a total of 1.000: every run of lines "adds up" to a line within the rounding
        Object[][] table = new Object[81][];
        table[0] = new Object[] {"Lasten", 1000};
        for (int i = 1; i <= 80; i++) {
            table[i] = new Object[] {"Post " + i, 1};
        }

        // when
        long started = System.nanoTime();
        BudgetTree.Result result = BudgetTree.build(lines(table));
        long millis = (System.nanoTime() - started) / 1_000_000;

        // then
        assertThat(millis).isLessThan(5_000);
        assertThat(result.nodes().subList(1, 81)).allSatisfy(n -> assertThat(n).extracting(Node::role, Node::parent)
                .containsExactly(Role.DETAIL, 0));
        assertThat(result.note()).isEqualTo("totals recognised from the sums; the lines below 'Lasten' can be grouped in too many ways "
                + "to tell the subtotals from the sums (indent the labels to show them): all are taken as its detail lines");
    }
}
