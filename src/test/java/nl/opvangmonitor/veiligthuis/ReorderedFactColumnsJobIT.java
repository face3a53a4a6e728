package nl.opvangmonitor.veiligthuis;

import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.cli.CommandLineRunner;
import org.jooq.Field;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Columns by name: after a migration rebuilds core.fct_melding with its columns in reverse order (and
 * several columns of one type side by side, where a shift by position would go unnoticed), the load
 * still writes every value of a melding into its own column.
 */
class ReorderedFactColumnsJobIT {

    @TempDir
    Path temp;

    @Test
    void load_whenAMigrationReordersTheFactTable_thenEveryValueLandsInItsOwnColumn() throws Exception {
        // given a warehouse whose core.fct_melding holds its columns in reverse order
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        String[] load = {"load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString()};
        assertThat(CommandLineRunner.run(load).exitCode()).isZero();
        List<String> reversed = new ArrayList<>(FCT_MELDING.fieldStream().map(Field::getName).toList());
        java.util.Collections.reverse(reversed);
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE core.fct_melding_reordered AS SELECT " + String.join(", ", reversed) + " FROM core.fct_melding");
            s.execute("DROP TABLE core.fct_melding");
            s.execute("ALTER TABLE core.fct_melding_reordered RENAME TO fct_melding");
        }

        // when a melding is loaded
        Files.writeString(vt.resolve("meldingen.csv"), BrokenExportsJobIT.HEADER
                + "M1;K1;03-02-2019;GM0599;Partnergeweld;7,5;nee;ja;ja;2;nee\n");
        CommandLineRunner.Result result = CommandLineRunner.run(load);

        // then each value is in its own column, although the table's order is the reverse of the generated one
        assertThat(result.exitCode()).isZero();
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.fetchValue("SELECT string_agg(column_name, ',' ORDER BY column_index) FROM duckdb_columns() "
                    + "WHERE schema_name = 'core' AND table_name = 'fct_melding'", String.class)).isEqualTo(String.join(",", reversed));
            Record melding = w.dsl.selectFrom(FCT_MELDING).fetchSingle();
            assertThat(melding.get(FCT_MELDING.ROW_NUMBER)).isEqualTo(2);
            assertThat(melding.get(FCT_MELDING.MELDING_ID)).isEqualTo("M1");
            assertThat((java.math.BigInteger) melding.get(FCT_MELDING.CLIENT_KEY)).isGreaterThan(java.math.BigInteger.TEN.pow(15)); // a 128-bit pseudonym, not K1
            assertThat(melding.get(FCT_MELDING.MELDING_DATE)).isEqualTo(LocalDate.of(2019, 2, 3));
            assertThat(melding.get(FCT_MELDING.DATE_KEY)).isEqualTo(20190203);
            assertThat(melding.get(FCT_MELDING.MUNICIPALITY_KEY)).isEqualTo(599);
            assertThat(melding.get(FCT_MELDING.VORM_GEWELD)).isEqualTo("partnergeweld");
            assertThat(melding.get(FCT_MELDING.DUUR_GEWELD_MAANDEN)).isEqualByComparingTo(new BigDecimal("7.5"));
            assertThat(melding.get(FCT_MELDING.IS_IN_ONDERZOEK)).isFalse();
            assertThat(melding.get(FCT_MELDING.IS_VEILIG_NA_12_MAANDEN)).isTrue();
            assertThat(melding.get(FCT_MELDING.HAS_HUISVERBOD)).isTrue();
            assertThat(melding.get(FCT_MELDING.AANTAL_KINDEREN_HUISVERBOD)).isEqualTo(2);
            assertThat(melding.get(FCT_MELDING.HAS_INTENSIEF_CASEMANAGEMENT)).isFalse();
        }
    }
}
