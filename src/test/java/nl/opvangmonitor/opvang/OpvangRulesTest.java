package nl.opvangmonitor.opvang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.inline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import nl.opvangmonitor.warehouse.WarehouseConfig;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The age band of a stay, from the bands of core.dim_age_group as the migrations write them. */
class OpvangRulesTest {

    @TempDir
    Path temp;

    @Test
    void ageGroup_whenAgesAtAndAroundEveryBound_thenTheBandOfDimAgeGroup() throws Exception {
        String url = "jdbc:duckdb:" + temp.resolve("w.duckdb");
        WarehouseConfig.migrations().dataSource(url, null, null).load().migrate();
        List<String> bands = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url)) {
            DSLContext dsl = DSL.using(connection, SQLDialect.DUCKDB);
            for (int age : new int[] {-1, 0, 17, 18, 22, 23, 24, 140}) {
                bands.add(dsl.select(OpvangRules.ageGroup(inline(age))).fetchSingle().value1());
            }
        }

        // V010: kind below 18, jongere from 18 to 22, volwassene from 23 with no upper bound; a negative age (a rejected row) has none
        assertThat(bands).containsExactly(null, "kind", "kind", "jongere", "jongere", "volwassene", "volwassene", "volwassene");
    }
}
