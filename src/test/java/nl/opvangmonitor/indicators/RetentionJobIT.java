package nl.opvangmonitor.indicators;

import static nl.opvangmonitor.db.audit.Tables.RETENTION_LOG;
import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static nl.opvangmonitor.db.mart.Tables.INDICATOR_YEARLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.Application;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.ingest.SourceModule;
import nl.opvangmonitor.ingest.StagedSource;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Microdata past the retention period is deleted and logged; the published aggregates of those years stay. */
class RetentionJobIT {

    static final String HEADER = "melding_id,client_id,meldingsdatum,gemeente,vorm_geweld,duur_geweld_maanden,in_onderzoek,"
            + "veilig_na_12_maanden,huisverbod,aantal_kinderen_huisverbod,intensief_casemanagement\n";

    @TempDir
    Path temp;

    @Test
    void load_whenMeldingenAreOlderThanTheRetention_thenRowsGoAndTheirFiguresStay() throws Exception {
        // given: two meldingen 12 years ago and one last year, with a retention of 10 years
        int old = LocalDate.now().getYear() - 12;
        int recent = LocalDate.now().getYear() - 1;
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Files.writeString(vt.resolve("a.csv"), HEADER
                + "M1,K1," + old + "-03-01,GM0599,partnergeweld,1,nee,,nee,,nee\n"
                + "M2,K2," + old + "-04-01,GM0599,partnergeweld,1,nee,,nee,,nee\n"
                + "M3,K3," + recent + "-04-01,GM0599,partnergeweld,1,nee,,nee,,nee\n");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        String[] load = {"load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString(),
                "--opvangmonitor.retention-years=10"};

        // when: loaded, then another night with a new file
        assertThat(Application.run(load)).isZero();
        Files.writeString(vt.resolve("b.csv"), HEADER + "M4,K4," + recent + "-05-01,GM0599,partnergeweld,1,nee,,nee,,nee\n");
        assertThat(Application.run(load)).isZero();

        // then
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.fetchCount(FCT_MELDING)).isEqualTo(2);
            assertThat(w.dsl.fetchCount(FCT_MELDING, FCT_MELDING.MELDING_DATE.lt(LocalDate.of(recent, 1, 1)))).isZero();
            var logged = w.dsl.selectFrom(RETENTION_LOG).fetch();
            assertThat(logged).hasSize(1);
            assertThat(logged.getFirst().getTableName()).isEqualTo("core.fct_melding");
            assertThat(logged.getFirst().getRowsDeleted()).isEqualTo(2);
            assertThat(logged.getFirst().getCutoffDate()).isEqualTo(LocalDate.of(LocalDate.now().getYear() - 10, 1, 1));
            assertThat(w.dsl.select(INDICATOR_YEARLY.VALUE).from(INDICATOR_YEARLY)
                    .where(INDICATOR_YEARLY.INDICATOR_CODE.eq("vt_meldingen"), INDICATOR_YEARLY.MUNICIPALITY_CODE.eq("GM0599"),
                            INDICATOR_YEARLY.YEAR.eq(old))
                    .fetchSingle().value1()).isEqualByComparingTo("2");
            var kept = w.dsl.selectFrom(INDICATOR_YEARLY)
                    .where(INDICATOR_YEARLY.INDICATOR_CODE.eq("vt_meldingen"), INDICATOR_YEARLY.MUNICIPALITY_CODE.eq("GM0599"),
                            INDICATOR_YEARLY.YEAR.eq(old))
                    .fetchSingle();
            assertThat(kept.getIsComplete()).isNull();
            assertThat(kept.getCompletenessNote()).startsWith("kept after retention (core.fct_indicator_value_retained)");
            assertThat(w.dsl.select(INDICATOR_YEARLY.VALUE).from(INDICATOR_YEARLY)
                    .where(INDICATOR_YEARLY.INDICATOR_CODE.eq("vt_meldingen"), INDICATOR_YEARLY.MUNICIPALITY_CODE.eq("GM0599"),
                            INDICATOR_YEARLY.YEAR.eq(recent))
                    .fetchSingle().value1()).isEqualByComparingTo("2");
        }
    }

    @Test
    void apply_whenAModuleDeclaresItsMicrodata_thenItsExpiredRowsGoAndAreLogged() throws Exception {
        // given a warehouse and a module (of a source no other code knows) with microdata in core.test_microdata
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        Files.createDirectories(temp.resolve("input/veiligthuis"));
        assertThat(Application.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString())).isZero();
        Table<?> microdata = DSL.table(DSL.name("core", "test_microdata"));
        Field<LocalDate> day = DSL.field(DSL.name("day"), LocalDate.class);
        SourceModule module = new SourceModule() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public List<StagedSource> sources() {
                return List.of();
            }

            @Override
            public Map<Table<?>, Condition> expired(LocalDate cutoff) {
                return Map.of(microdata, day.lt(cutoff));
            }
        };
        int thisYear = LocalDate.now().getYear();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse)) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            dsl.execute("CREATE TABLE core.test_microdata (file_id BIGINT, day DATE)");
            dsl.execute("INSERT INTO core.test_microdata VALUES (1, DATE '" + (thisYear - 11) + "-12-31'), (1, DATE '" + (thisYear - 10)
                    + "-01-01'), (2, DATE '" + (thisYear - 30) + "-06-01')");

            // when retention of 10 years runs over that module alone
            new Retention(10, List.of(module)).apply(dsl);

            // then the two rows before 1 January ten years ago are gone, and logged
            assertThat(dsl.fetch("SELECT day FROM core.test_microdata").getValues(0, LocalDate.class))
                    .containsExactly(LocalDate.of(thisYear - 10, 1, 1));
            var logged = dsl.selectFrom(RETENTION_LOG).fetchSingle();
            assertThat(logged.getTableName()).isEqualTo("core.test_microdata");
            assertThat(logged.getRowsDeleted()).isEqualTo(2);
        }
    }
}
