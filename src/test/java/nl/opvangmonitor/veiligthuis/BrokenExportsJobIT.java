package nl.opvangmonitor.veiligthuis;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.REJECTED_ROW;
import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.opvangmonitor.Application;
import nl.opvangmonitor.Warehouse;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A night with broken deliveries: the good file and good rows load, every problem is named, nothing is lost. */
class BrokenExportsJobIT {

    static final String HEADER = "melding_id;client_id;meldingsdatum;gemeente;vorm_geweld;duur_geweld_maanden;in_onderzoek;"
            + "veilig_na_12_maanden;huisverbod;aantal_kinderen_huisverbod;intensief_casemanagement\n";

    @TempDir
    static Path temp;
    static int exitCode;
    static Path warehouse;

    @BeforeAll
    static void loadBrokenExports() throws Exception {
        Path vt = Files.createDirectories(temp.resolve("input/veiligthuis"));
        Files.writeString(vt.resolve("good.csv"), HEADER
                + "M1;K100;01-02-2019;GM0599;partnergeweld;6;ja;ja;nee;;nee\n"
                + "M2;K101;2019-03-04;rotterdam;partnergeweld;13;ja;nee;ja;2;ja\n");
        Files.writeString(vt.resolve("missing_column.csv"), HEADER.replace("gemeente;", "")
                + "M3;K102;01-02-2019;partnergeweld;6;ja;ja;nee;;nee\n");
        Files.writeString(vt.resolve("bad_values.csv"), HEADER
                + "M4;123456782;31-02-2019;GM0599;partnergeweld;6;ja;ja;nee;;nee\n"
                + "M5;K104;01-02-2019;Atlantis;partnergeweld;zes;misschien;ja;nee;;nee\n"
                + "M6;K105;01-02-2019;GM0599;partnergeweld;;ja;;nee;;nee\n"
                + "M7;;01-02-2019;GM0599;partnergeweld;3;nee;;nee;;nee\n");
        Files.write(vt.resolve("corrupt.xlsx"), "PK\u0003\u0004 this is not really a workbook".getBytes(StandardCharsets.ISO_8859_1));
        writePasswordProtectedWorkbook(vt.resolve("password_protected.xlsx"));
        warehouse = temp.resolve("wh/opvangmonitor.duckdb");
        exitCode = Application.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());
    }

    static void writePasswordProtectedWorkbook(Path file) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("Meldingen").createRow(0).createCell(0).setCellValue("melding_id");
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("geheim");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                workbook.write(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
    }


    @Test
    void load_whenSomeFilesCannotBeRead_thenExitsThreeAndLoadsTheRest() throws Exception {
        assertThat(exitCode).isEqualTo(3);
        try (Warehouse w = Warehouse.open(warehouse)) {
            Map<String, String> status = w.dsl.select(LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS).from(LOAD_FILE).fetchMap(LOAD_FILE.FILE_PATH, LOAD_FILE.STATUS);
            assertThat(status).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "veiligthuis/good.csv", "LOADED",
                    "veiligthuis/bad_values.csv", "LOADED",
                    "veiligthuis/missing_column.csv", "FAILED",
                    "veiligthuis/corrupt.xlsx", "FAILED",
                    "veiligthuis/password_protected.xlsx", "FAILED"));
            assertThat(w.dsl.fetchCount(FCT_MELDING)).isEqualTo(3); // M1, M2 and M6
        }
    }

    @Test
    void load_whenTheBrokenFilesAreStillThereTheNextNight_thenTheyFailAgainInsteadOfNothingNew() throws Exception {
        // given: a copy of last night's warehouse, so the other tests keep reading the first night
        Path nextNight = temp.resolve("wh-next-night/opvangmonitor.duckdb");
        Files.createDirectories(nextNight.getParent());
        Files.copy(warehouse, nextNight);

        // when: the next night, nothing was fixed
        var night = nl.opvangmonitor.cli.CommandLineRunner.run("load", "--input", temp.resolve("input").toString(),
                "--warehouse", nextNight.toString());

        // then: the good files are skipped as unchanged, the broken ones are reported again
        assertThat(night.exitCode()).isEqualTo(3);
        assertThat(night.out()).doesNotContain("Nothing new").contains("unchanged: already loaded as file")
                .contains("file not loaded: missing required column gemeente");
    }

    @Test
    void load_whenFileFails_thenMessageNamesTheReason() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            Map<String, String> message = w.dsl.select(LOAD_FILE.FILE_PATH, LOAD_FILE.MESSAGE).from(LOAD_FILE)
                    .where(LOAD_FILE.STATUS.eq("FAILED")).fetchMap(LOAD_FILE.FILE_PATH, LOAD_FILE.MESSAGE);
            assertThat(message.get("veiligthuis/missing_column.csv"))
                    .isEqualTo("missing required column gemeente; the closest header row (row 1) has 10 filled cells, of which 10 expected: melding_id, "
                            + "client_id, meldingsdatum, vorm_geweld, duur_geweld_maanden, in_onderzoek, veilig_na_12_maanden, huisverbod, "
                            + "aantal_kinderen_huisverbod, intensief_casemanagement");
            assertThat(message.get("veiligthuis/corrupt.xlsx")).startsWith("not a valid .xlsx workbook");
            assertThat(message.get("veiligthuis/password_protected.xlsx")).contains("password-protected");
        }
    }

    @Test
    void load_whenRowsHaveBadValues_thenEachProblemIsRejectedWithRowColumnValueAndReason() throws Exception {
        try (Warehouse w = Warehouse.open(warehouse)) {
            DSLContext dsl = w.dsl;
            var file = dsl.selectFrom(LOAD_FILE).where(LOAD_FILE.FILE_PATH.eq("veiligthuis/bad_values.csv")).fetchSingle();
            assertThat(file.getRowsRead()).isEqualTo(4);
            assertThat(file.getRowsLoaded()).isEqualTo(1);
            assertThat(file.getRowsRejected()).isEqualTo(3);
            var rejects = dsl.select(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME, REJECTED_ROW.RAW_VALUE, REJECTED_ROW.REASON)
                    .from(REJECTED_ROW).where(REJECTED_ROW.FILE_ID.eq(file.getFileId()))
                    .orderBy(REJECTED_ROW.ROW_NUMBER, REJECTED_ROW.COLUMN_NAME).fetch();
            assertThat(rejects).extracting(r -> tuple(r.value1(), r.value2(), r.value3(), r.value4())).containsExactly(
                    tuple(2, "meldingsdatum", "31-02-2019", "'31-02-2019' is not an existing date"),
                    tuple(3, "duur_geweld_maanden", "zes", "'zes' is not a number"),
                    tuple(3, "gemeente", "Atlantis", "unknown gemeente: not a CBS code or name of a known municipality"),
                    tuple(3, "in_onderzoek", "misschien", "'misschien' is not ja or nee"),
                    tuple(5, "client_id", null, "required value is empty"));
            assertThat(dsl.fetchCount(REJECTED_ROW, REJECTED_ROW.RAW_VALUE.contains("123456782"))).isZero();
        }
    }
}
