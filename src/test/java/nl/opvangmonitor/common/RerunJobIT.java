package nl.opvangmonitor.common;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Properties;
import nl.opvangmonitor.Application;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the same folder again, or a corrected re-delivery under the same name, replaces rows instead of adding them. */
class RerunJobIT {

    static final String HEADER = "melding_id,client_id,meldingsdatum,gemeente,vorm_geweld,duur_geweld_maanden,in_onderzoek,"
            + "veilig_na_12_maanden,huisverbod,aantal_kinderen_huisverbod,intensief_casemanagement\n";

    @TempDir
    Path temp;

    @Test
    void load_whenRunTwiceAndThenCorrected_thenLatestDeliveryOfEachFileCounts() throws Exception {
        // given
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Path warehouse = temp.resolve("wh/w.duckdb");
        Files.writeString(vt.resolve("meldingen.csv"), HEADER + "M1,K1,2020-01-01,GM0599,partnergeweld,1,nee,,nee,,nee\n"
                + "M2,K2,2020-01-02,GM0599,partnergeweld,1,nee,,nee,,nee\n");
        String[] load = {"load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString()};

        // when: the same delivery twice, then a corrected delivery with three rows
        assertThat(Application.run(load)).isZero();
        assertThat(Application.run(load)).isZero();
        assertThat(count(warehouse)).isEqualTo(2);
        Files.writeString(vt.resolve("meldingen.csv"), HEADER + "M1,K1,2020-01-01,GM0599,partnergeweld,1,nee,,nee,,nee\n"
                + "M2,K2,2020-01-02,GM0599,partnergeweld,1,nee,,nee,,nee\n" + "M3,K3,2020-01-03,GM0599,partnergeweld,1,nee,,nee,,nee\n");
        assertThat(Application.run(load)).isZero();

        // then
        assertThat(count(warehouse)).isEqualTo(3);
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly)) {
            assertThat(DSL.using(c, SQLDialect.DUCKDB).select(LOAD_FILE.STATUS).from(LOAD_FILE).orderBy(LOAD_FILE.FILE_ID).fetch(LOAD_FILE.STATUS))
                    .containsExactly("SUPERSEDED", "SUPERSEDED", "LOADED");
        }
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(Application.run("history", "--warehouse", warehouse.toString())).isZero();
        } finally {
            System.setOut(original);
        }
        assertThat(out.toString(StandardCharsets.UTF_8).lines().skip(1).toList())
                .hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("COMPLETED"))
                .first().asString().matches(s -> s.trim().startsWith("3 "), "newest run first");
    }

    private static int count(Path warehouse) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly)) {
            return DSL.using(c, SQLDialect.DUCKDB).fetchCount(FCT_MELDING);
        }
    }
}
