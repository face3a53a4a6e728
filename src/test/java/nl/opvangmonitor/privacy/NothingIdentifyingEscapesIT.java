package nl.opvangmonitor.privacy;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.opvangmonitor.Warehouse;
import nl.opvangmonitor.cli.CommandLineRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile deliveries carrying (synthetic) identifiers through every failure path: a CSV without its
 * header, workbooks whose XML breaks on a cell (the parser quotes the cell), an overflowing number,
 * bytes that are not UTF-8, and a workbook of targets that breaks in the middle of its rows (whose
 * failure Spring Batch stores in the job repository). None of the identifiers comes out anywhere:
 * standard output, standard error, any table of the warehouse or the public database, the job
 * repository, or any byte of any file written.
 */
class NothingIdentifyingEscapesIT {

    static final String BSN = "111222333";
    static final String BSN_DOTTED = "111.222.333";
    static final String OTHER_BSN = "123456782";
    static final String CLIENT_NUMBER = "BC-031124";
    static final String NAME = "Zwaantje Mulder";
    static final List<String> IDENTIFIERS = List.of(BSN, BSN_DOTTED, OTHER_BSN, CLIENT_NUMBER, "Zwaantje");

    static final String VT_COLUMNS = "melding_id;client_id;meldingsdatum;gemeente;vorm_geweld;duur_geweld_maanden;in_onderzoek;"
            + "veilig_na_12_maanden;huisverbod;aantal_kinderen_huisverbod;intensief_casemanagement";

    @TempDir
    Path temp;

    @Test
    void load_whenHostileDeliveriesFailInEveryWay_thenNoIdentifierAnywhereAndOnlyThoseFilesFail() throws Exception {
        // given
        Path input = temp.resolve("input");
        Path vt = Files.createDirectories(input.resolve("veiligthuis"));
        Files.writeString(vt.resolve("good.csv"), VT_COLUMNS + "\nM1;K1;01-02-2019;GM0599;partnergeweld;3;ja;ja;nee;;nee\n");
        Files.writeString(vt.resolve("no_header.csv"), CLIENT_NUMBER + ";" + BSN + ";01-02-2019;GM0599;" + NAME + ";3;ja;ja;nee;;nee\n"
                + "BC-031125;" + OTHER_BSN + ";01-02-2019;GM0599;partnergeweld;3;ja;ja;nee;;nee\n");
        Files.writeString(vt.resolve("overflow.csv"), VT_COLUMNS + "\nM2;" + BSN + ";01-02-2019;GM0599;partnergeweld;"
                + "99999999999999999999999999999999;ja;ja;ja;99999999999999999999999;nee\n");
        // a lost delimiter shifts identifiers into other columns, where they are rejected values
        Files.writeString(vt.resolve("shifted.csv"), VT_COLUMNS + "\nM4;;01-02-2019;" + BSN + ";partnergeweld;3;ja;ja;nee;;nee\n"
                + "M5;;01-02-2019;" + CLIENT_NUMBER + ";" + OTHER_BSN + ";3;ja;ja;nee;;nee\n");
        byte[] notUtf8 = (VT_COLUMNS + "\nM3;" + BSN_DOTTED + ";01-02-2019;GM0599;partner\u00ffgeweld;3;ja;ja;nee;;nee\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        notUtf8[notUtf8.length - 20] = (byte) 0xC3;
        Files.write(vt.resolve("bad_encoding.csv"), notUtf8);
        workbook(vt.resolve("cell_breaks_the_xml.xlsx"), VT_COLUMNS.split(";"),
                "<c r=\"B2\" t=\"inlineStr\"><is><t>&x" + BSN + ";</t></is></c>");
        workbook(vt.resolve("broken_shared_strings.xlsx"), VT_COLUMNS.split(";"), "<c r=\"B2\" t=\"s\"><v>0</v></c>",
                "<si><t>" + BSN + "</t></si><si><t>" + NAME + "</t><bogus " + CLIENT_NUMBER + "></si>");
        Path verblijven = Files.createDirectories(input.resolve("opvang/verblijven"));
        Files.writeString(verblijven.resolve("no_header.csv"), "V1;" + BSN + ";1980;v;De Haven;nachtopvang;GM0599;01-01-2019;\n");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");

        // when
        var run = CommandLineRunner.run("load", "--input", input.toString(), "--warehouse", warehouse.toString());

        // then: the hostile files fail on their own with a reason that describes them; the good one is published
        assertThat(run.exitCode()).as(run.out()).isEqualTo(3);
        try (Warehouse w = Warehouse.open(warehouse)) {
            Map<String, String> failed = w.dsl.select(LOAD_FILE.FILE_PATH, LOAD_FILE.MESSAGE).from(LOAD_FILE)
                    .where(LOAD_FILE.STATUS.eq("FAILED")).fetchMap(LOAD_FILE.FILE_PATH, LOAD_FILE.MESSAGE);
            assertThat(failed).containsOnlyKeys("veiligthuis/no_header.csv", "veiligthuis/cell_breaks_the_xml.xlsx",
                    "veiligthuis/broken_shared_strings.xlsx", "opvang/verblijven/no_header.csv");
            assertThat(failed.get("veiligthuis/no_header.csv")).isEqualTo("missing required columns " + VT_COLUMNS.replace(";", ", ")
                    + "; the closest header row (row 1) has 10 filled cells, none of them an expected column name (the other 10 not recognised)");
            assertThat(failed.get("veiligthuis/cell_breaks_the_xml.xlsx")).isEqualTo("cannot read the file: sheet row 2: the sheet XML is corrupt (not well-formed)");
            assertThat(failed.get("veiligthuis/broken_shared_strings.xlsx")).isEqualTo("not a valid .xlsx workbook (the file is corrupt: SAXParseException)");
        }
        assertNothingIdentifying(run, warehouse);
        assertThat(temp.resolve("wh/publiek.duckdb")).exists();
        assertNothingIn(temp.resolve("wh/publiek.duckdb"));
    }

    @Test
    void load_whenARowByRowSourceBreaksMidFile_thenTheJobRepositoryHoldsNoIdentifier() throws Exception {
        // given: a target workbook whose second row breaks the XML parser, which quotes the cell
        Path folder = Files.createDirectories(temp.resolve("input/streefwaarden"));
        workbook(folder.resolve("targets.xlsx"), new String[] {"indicator", "gemeente", "jaar", "streefwaarde"},
                "<c r=\"A2\" t=\"inlineStr\"><is><t>vt_meldingen</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>&x" + BSN + ";</t></is></c>");
        Path warehouse = temp.resolve("wh/opvangmonitor.duckdb");

        // when
        var run = CommandLineRunner.run("load", "--input", temp.resolve("input").toString(), "--warehouse", warehouse.toString());

        // then: the file fails on its own (exit 3) with a reason that quotes nothing of it
        assertThat(run.out()).contains("streefwaarden/targets.xlsx");
        assertNothingIdentifying(run, warehouse);
        assertThat(run.exitCode()).isEqualTo(3);
        try (Warehouse w = Warehouse.open(warehouse)) {
            assertThat(w.dsl.select(LOAD_FILE.MESSAGE).from(LOAD_FILE).where(LOAD_FILE.FILE_PATH.eq("streefwaarden/targets.xlsx")).fetchOne(LOAD_FILE.MESSAGE))
                    .isEqualTo("cannot read the file: sheet row 2: the sheet XML is corrupt (not well-formed)");
        }
    }

    private void assertNothingIdentifying(CommandLineRunner.Result run, Path warehouse) throws Exception {
        for (String id : IDENTIFIERS) {
            assertThat(run.out()).as("stdout").doesNotContain(id);
            assertThat(run.err()).as("stderr").doesNotContain(id);
            assertThat(jobRepositoryText(warehouse)).as("job repository").noneMatch(text -> text.contains(id));
        }
        Path published = Files.exists(warehouse) ? warehouse : null;
        if (published != null) {
            assertNothingIn(published);
        }
        try (Stream<Path> files = Files.walk(warehouse.getParent())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(IDENTIFIERS).as(file.toString()).noneMatch(bytes::contains);
            }
        }
    }

    /** Every value of every table of a DuckDB file, as text, holds no identifier. */
    private static void assertNothingIn(Path database) throws SQLException {
        try (Warehouse w = Warehouse.open(database); Statement s = w.connection().createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT internal")) {
                while (rs.next()) {
                    tables.add("\"" + rs.getString(1) + "\".\"" + rs.getString(2) + "\"");
                }
            }
            assertThat(tables).isNotEmpty();
            for (String table : tables) {
                assertThat(allText(s, "SELECT * FROM " + table)).as(database.getFileName() + " " + table).noneMatch(IDENTIFIERS::contains)
                        .allSatisfy(v -> assertThat(IDENTIFIERS).noneMatch(v::contains));
            }
        }
    }

    /** Every text value of Spring Batch's tables in the H2 job repository beside the warehouse. */
    private static List<String> jobRepositoryText(Path warehouse) throws SQLException {
        return jobRepositoryText(warehouse, null);
    }

    private static List<String> jobRepositoryText(Path warehouse, String query) throws SQLException {
        Path jobs = warehouse.resolveSibling("opvangmonitor-jobs");
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + jobs + ";IFEXISTS=TRUE", "sa", "");
             Statement s = c.createStatement()) {
            if (query != null) {
                return allText(s, query);
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                values.addAll(allText(s, "SELECT * FROM " + table));
            }
        }
        return values;
    }

    private static List<String> allText(Statement s, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    Object v = rs.getObject(i);
                    if (v != null) {
                        values.add(v.toString());
                    }
                }
            }
        }
        return values;
    }

    /** A minimal .xlsx: a header row of inline strings, then one row of the given cells (raw sheet XML, may be broken). */
    static void workbook(Path file, String[] header, String secondRowCells) throws IOException {
        workbook(file, header, secondRowCells, "");
    }

    static void workbook(Path file, String[] header, String secondRowCells, String sharedStrings) throws IOException {
        StringBuilder headerCells = new StringBuilder();
        for (String h : header) {
            headerCells.append("<c t=\"inlineStr\"><is><t>").append(h).append("</t></is></c>");
        }
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        String pkgRel = "http://schemas.openxmlformats.org/package/2006/relationships";
        Map<String, String> parts = Map.of(
                "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>",
                "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + pkgRel + "\"><Relationship Id=\"rId1\" Type=\""
                        + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
                "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + main + "\" xmlns:r=\"" + rel
                        + "\"><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
                "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + pkgRel + "\">"
                        + "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
                "xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + main + "\"><sheetData><row r=\"1\">"
                        + headerCells + "</row><row r=\"2\">" + secondRowCells + "</row></sheetData></worksheet>",
                "xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + main + "\">" + sharedStrings + "</sst>");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
