package nl.opvangmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import nl.opvangmonitor.cli.CommandLineRunner;
import nl.opvangmonitor.warehouse.WarehouseConfig;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V090 converts a warehouse whose pseudonyms are 64 hex characters (as every load before it wrote them)
 * into the fixed-width form: the converted warehouse equals one loaded after the change, pseudonym for
 * pseudonym and indicator for indicator.
 */
class PseudonymConversionIT {

    private static final String KEY = "a-secret-key-for-the-conversion-test";
    /** Every client identifier of the files below, normalised (K-1 and " k1" are K1). */
    private static final List<String> CLIENTS = List.of("K1", "K2", "K3", "K4", "K5", "K6");
    private static final List<String> FACTS = List.of("fct_melding", "fct_verblijf", "fct_nacht");

    @TempDir
    Path temp;

    @Test
    void migrate_whenAWarehouseHoldsHexPseudonyms_thenItEqualsOneLoadedWithFixedWidthPseudonyms() throws Exception {
        // given: a warehouse loaded by this version (native CSV for meldingen and nachten, a Windows-1252 file
        // for the stays, which takes the streaming path)
        Path input = temp.resolve("input");
        write(input.resolve("veiligthuis/meldingen.csv"), StandardCharsets.UTF_8, """
                melding_id;client_id;meldingsdatum;gemeente;vorm_geweld;duur_geweld_maanden;in_onderzoek;veilig_na_12_maanden;huisverbod;aantal_kinderen_huisverbod;intensief_casemanagement
                M1;K-1;01-02-2021;Rotterdam;partnergeweld;3;ja;ja;nee;;nee
                M2; k1 ;01-03-2021;Rotterdam;partnergeweld;2;ja;ja;nee;;nee
                M3;K2;01-04-2021;GM0599;kindermishandeling;1;nee;;ja;2;ja
                M4;K3;01-05-2022;Rotterdam;ouderenmishandeling;;nee;;nee;;nee
                M5;K4;01-06-2022;Groningen;partnergeweld;5;ja;nee;nee;;nee
                """);
        write(input.resolve("opvang/verblijven/verblijven.csv"), Charset.forName("windows-1252"), """
                verblijf_id;client_id;geboortejaar;huishouden;geslacht;voorziening;voorzieningstype;aanbieder;gemeente_herkomst;startdatum;einddatum;uitstroom_bestemming;co_pas
                V1;K1;1970;alleenstaand;v;De Hille;nachtopvang;Café de Hoop;Rotterdam;01-02-2021;01-05-2021;onbekend;ja
                V2;K5;1990;alleenstaand;m;De Hille;nachtopvang;Café de Hoop;Rotterdam;01-03-2021;;;nee
                V3;K5;1990;alleenstaand;m;Crisisopvang Rotterdam;crisisopvang;Café de Hoop;Rotterdam;01-06-2021;01-07-2021;onbekend;nee
                V4;K6;2004;alleenstaand;x;Crisisopvang Rotterdam;crisisopvang;Café de Hoop;Rotterdam;01-01-2022;01-02-2022;onbekend;nee
                """);
        write(input.resolve("opvang/nachten/nachten.csv"), StandardCharsets.UTF_8, """
                client_id,datum,voorziening
                K5,2021-03-01,De Hille
                K5,2021-03-02,De Hille
                K-5,2021-03-09,De Hille
                K1,2021-03-01,De Hille
                """);
        Path keyFile = Files.writeString(temp.resolve("key"), KEY);
        Path after = temp.resolve("after/opvangmonitor.duckdb");
        var run = CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", after.toString(),
                "--opvangmonitor.pseudonym.key-file=" + keyFile);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();

        // and a warehouse of the schema before V090 holding the same rows with the pseudonyms as they were written
        // then: the full HMAC-SHA256 in hex (computed here with javax.crypto, independently of the Pseudonymizer)
        Path before = temp.resolve("before/opvangmonitor.duckdb");
        Files.createDirectories(before.getParent());
        MigrationVersion lastBefore = Arrays.stream(flyway(before).load().info().all())
                .map(MigrationInfo::getVersion).filter(v -> v != null && v.compareTo(MigrationVersion.fromVersion("90")) < 0)
                .max(MigrationVersion::compareTo).orElseThrow();
        flyway(before).target(lastBefore).load().migrate();
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY.getBytes(StandardCharsets.UTF_8));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + before)) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            assertThat(dsl.fetchValue("SELECT data_type FROM information_schema.columns WHERE table_name = 'fct_melding' AND column_name = 'client_key'"))
                    .isEqualTo("VARCHAR");
            dsl.execute("ATTACH {0} AS after (READ_ONLY)", DSL.inline(after.toString()));
            dsl.execute("CREATE TEMP TABLE hex_of (pseudonym UHUGEINT, hex VARCHAR)");
            for (String client : CLIENTS) {
                dsl.execute("INSERT INTO hex_of VALUES (CAST({0} AS UHUGEINT), {1})", DSL.inline(pseudonymizer.pseudonym(client).toString()),
                        DSL.inline(PseudonymizerTest.hmacSha256Hex(KEY.getBytes(StandardCharsets.UTF_8), client)));
            }
            dsl.execute("INSERT INTO core.dim_facility SELECT * FROM after.core.dim_facility");
            for (String fact : FACTS) {
                int copied = dsl.execute("INSERT INTO core." + fact + " BY NAME SELECT f.* REPLACE (h.hex AS client_key) FROM after.core." + fact
                        + " f JOIN hex_of h ON h.pseudonym = f.client_key");
                assertThat(copied).as(fact).isPositive().isEqualTo(dsl.fetchCount(DSL.table("after.core." + fact)));
            }
            assertThat(dsl.fetchValue("SELECT min(length(client_key)) FROM core.fct_nacht")).isEqualTo(64L);
        }

        // when
        flyway(before).load().migrate();

        // then: the same pseudonyms in every fact row, the same type, and the same indicator values
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            DSLContext dsl = DSL.using(c, SQLDialect.DUCKDB);
            dsl.execute("ATTACH {0} AS loaded (READ_ONLY)", DSL.inline(after.toString()));
            dsl.execute("ATTACH {0} AS converted (READ_ONLY)", DSL.inline(before.toString()));
            for (String fact : FACTS) {
                for (String[] pair : new String[][] {{"loaded", "converted"}, {"converted", "loaded"}}) {
                    assertThat(dsl.fetchValue("SELECT count(*) FROM (SELECT * FROM " + pair[0] + ".core." + fact + " EXCEPT ALL SELECT * FROM "
                            + pair[1] + ".core." + fact + ")")).as(fact + " " + pair[0]).isEqualTo(0L);
                }
                assertThat(dsl.fetchValue("SELECT string_agg(DISTINCT typeof(client_key)) FROM converted.core." + fact)).isEqualTo("UHUGEINT");
            }
            assertThat(dsl.fetchValue("SELECT client_key FROM converted.core.fct_melding WHERE melding_id = 'M2'"))
                    .isEqualTo(new BigInteger(PseudonymizerTest.hmacSha256Hex(KEY.getBytes(StandardCharsets.UTF_8), "K1").substring(0, 32), 16));
            for (String view : List.of("v_indicator_veiligthuis", "v_indicator_opvang")) {
                for (String[] pair : new String[][] {{"loaded", "converted"}, {"converted", "loaded"}}) {
                    assertThat(dsl.fetchValue("SELECT count(*) FROM (SELECT * FROM " + pair[0] + ".core." + view + " EXCEPT ALL SELECT * FROM "
                            + pair[1] + ".core." + view + ")")).as(view + " " + pair[0]).isEqualTo(0L);
                }
            }
            // the counts that rest on the pseudonym: K-1 and " k1" are one client; K1 links a melding to a stay
            assertThat(dsl.fetchValue("SELECT count(DISTINCT client_key) FROM converted.core.fct_melding")).isEqualTo(4L);
            assertThat(dsl.fetchValue("SELECT count(*) FROM converted.core.fct_melding m JOIN converted.core.fct_verblijf v USING (client_key)"))
                    .isEqualTo(2L);
            assertThat(dsl.fetchValue("SELECT CAST(numerator AS INTEGER) FROM converted.core.v_indicator_opvang "
                    + "WHERE indicator_code = 'mo_unieke_personen_nachtopvang' AND municipality_code = 'GM0599' AND year = 2021")).isEqualTo(2);
        }
    }

    /** Flyway on a warehouse file, configured as the application migrates. */
    static FluentConfiguration flyway(Path warehouse) {
        return WarehouseConfig.migrations().dataSource("jdbc:duckdb:" + warehouse, null, null);
    }

    private static void write(Path file, Charset charset, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, charset);
    }
}
