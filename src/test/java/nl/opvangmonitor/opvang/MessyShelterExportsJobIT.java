package nl.opvangmonitor.opvang;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.opvangmonitor.Application;
import nl.opvangmonitor.Warehouse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A messy stays export: what is valid loads, every bad value is reported with row, column and reason. */
class MessyShelterExportsJobIT {

    @TempDir
    Path temp;

    @Test
    void load_whenStaysExportHasBadValues_thenValidRowsLoadAndProblemsAreNamed() throws Exception {
        // given: Windows-1252, header in other case with spaces, an extra column, a title row and bad values
        Path stays = Files.createDirectories(temp.resolve("input/opvang/verblijven"));
        String csv = "Export verblijven Rotterdam\n"
                + " Verblijf_ID ; Client_ID ;Geboortejaar;Huishouden;Geslacht;Voorziening;Voorzieningstype;Aanbieder;Gemeente herkomst;"
                + "Startdatum;Einddatum;Uitstroom bestemming;CO-pas;Opmerking\n"
                + "S1;C1;1980;alleenstaand;M;De Hille;Nachtopvang;Leger des Heils;Rotterdam;1-2-2022;1-3-2022;;JA;café\n"
                + "S2;C2;1980;alleenstaand;m;De Hille;hotel;Leger des Heils;Rotterdam;01-02-2022;;;nee;\n"
                + "S3;C3;1980;samenwonend;m;De Hille;nachtopvang;Leger des Heils;Atlantis;01-02-2022;01-01-2022;;nee;\n"
                + "S4;C4;2030;alleenstaand;q;De Hille;nachtopvang;Leger des Heils;GM0599;01-02-2022;;;nee;\n";
        Files.write(stays.resolve("verblijven.csv"), csv.getBytes(Charset.forName("windows-1252")));

        // when
        int exit = Application.run("load", "--input", temp.resolve("input").toString(), "--warehouse", temp.resolve("w.duckdb").toString());

        // then
        assertThat(exit).isEqualTo(2);
        try (Warehouse w = Warehouse.open(temp.resolve("w.duckdb"))) {
            var file = w.dsl.selectFrom(LOAD_FILE).fetchSingle();
            assertThat(file.getRowsRead()).isEqualTo(4);
            assertThat(file.getRowsLoaded()).isEqualTo(1);
            assertThat(file.getRowsRejected()).isEqualTo(3);
            assertThat(file.getIgnoredColumns()).isEqualTo("Opmerking");
            var rejects = w.dsl.select(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME, REJECTED_ROW.RAW_VALUE, REJECTED_ROW.REASON)
                    .from(REJECTED_ROW).orderBy(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME).fetch();
            assertThat(rejects).extracting(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4())).containsExactly(
                    tuple(4, "voorzieningstype", "hotel", "unknown voorzieningstype: expected one of nachtopvang, dagopvang, "
                            + "crisisopvang, 24-uursopvang, vrouwenopvang, beschermd_wonen, doorstroom, housing_first"),
                    tuple(5, "einddatum", "01-01-2022", "einddatum is before startdatum 01-02-2022"),
                    tuple(5, "gemeente_herkomst", "Atlantis", "unknown gemeente: not a CBS code or name of a known municipality"),
                    tuple(5, "huishouden", "samenwonend", "not alleenstaand or gezin"),
                    tuple(6, "geboortejaar", "2030", "birth year outside 1900-" + java.time.Year.now().getValue()),
                    tuple(6, "geslacht", "q", "not v, m or x"));
        }
    }
}
