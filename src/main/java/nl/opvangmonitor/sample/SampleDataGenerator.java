package nl.opvangmonitor.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the synthetic sample exports of {@code input/} (no real persons), deterministically from
 * a fixed seed: {@code java -jar target/opvangmonitor.jar sample --output input}.
 * The counts per municipality and year are chosen so that the warehouse reproduces the figures
 * Rotterdam and Groningen published (DESIGN.md §4); the files deliberately differ in encoding,
 * delimiter, date notation and header spelling, as real exports do.
 */
public final class SampleDataGenerator {

    static final long SEED = 20_190_101L;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final String[] CANONICAL_HEADER = {"melding_id", "client_id", "meldingsdatum", "gemeente", "vorm_geweld",
            "duur_geweld_maanden", "in_onderzoek", "veilig_na_12_maanden", "huisverbod", "aantal_kinderen_huisverbod",
            "intensief_casemanagement"};

    /** Rotterdam: published 2018 59%/75%, 2019 64% of 8856 / 86% of 202, 2021 78%/87%, 2022 86%/88%; 2020 and 2023 plausible. */
    static final List<VeiligThuisSample> ROTTERDAM = List.of(
            new VeiligThuisSample("GM0599", 2018, 8200, 900, 59, 200, 75, 310, 402, 520),
            new VeiligThuisSample("GM0599", 2019, 8856, 950, 64, 202, 86, 295, 380, 540),
            new VeiligThuisSample("GM0599", 2020, 9100, 1000, 70, 210, 85, 300, 390, 560),
            new VeiligThuisSample("GM0599", 2021, 9400, 980, 78, 200, 87, 320, 410, 580),
            new VeiligThuisSample("GM0599", 2022, 9650, 1020, 86, 250, 88, 315, 400, 590),
            new VeiligThuisSample("GM0599", 2023, 9800, 1040, 83, 250, 87, 330, 420, 600));

    /** Groningen: published 2018 573 meldingen; 2019 746 meldingen, 28 huisverboden, 25 children, 85 intensive case management. */
    static final List<VeiligThuisSample> GRONINGEN = List.of(
            new VeiligThuisSample("Groningen", 2018, 520, 53, 60, 40, 80, 35, 38, 80),
            new VeiligThuisSample("Groningen", 2019, 680, 66, 62, 55, 82, 28, 25, 85));

    static final String[] ROTTERDAM_REGION = {"GM0613", "GM0489", "GM0502", "GM0542", "GM1621", "GM0597"};
    static final String[] GRONINGEN_REGION = {"Appingedam", "Delfzijl", "Het Hogeland", "Loppersum", "Midden-Groningen",
            "Oldambt", "Pekela", "Stadskanaal", "Veendam", "Westerkwartier", "Westerwolde"};

    private SampleDataGenerator() {
    }

    public static void generate(Path output) throws IOException {
        Random random = new Random(SEED);
        Path vt = Files.createDirectories(output.resolve("veiligthuis"));

        // Rotterdam-Rijnmond 2018-2020: Windows-1252, semicolons, dd-mm-jjjj, headers as typed by hand, an extra column.
        VeiligThuisSample.IdSequence rotterdamIds = new VeiligThuisSample.IdSequence("VTRR");
        List<String[]> early = new ArrayList<>();
        for (int year = 2018; year <= 2020; year++) {
            early.addAll(municipalityYear(ROTTERDAM.get(year - 2018), random, rotterdamIds));
            early.addAll(smallRegion(ROTTERDAM_REGION, year, random, rotterdamIds));
        }
        DateTimeFormatter dutch = DateTimeFormatter.ofPattern("dd-MM-yyyy");
        String[] handTyped = {"Melding_ID", "Client_ID", "Meldingsdatum", "Gemeente", "Vorm geweld", "Duur geweld (maanden)",
                "In onderzoek", "Veilig na 12 maanden", "Huisverbod", "Aantal kinderen huisverbod", "Intensief casemanagement",
                "Team"};
        String[] teams = {"Team Noord", "Team Zuid", "Team Centrum", "Team Regio"};
        writeCsv(vt.resolve("vtrr_meldingen_2018-2020.csv"), WINDOWS_1252, ';', handTyped, early, row -> {
            String[] out = new String[row.length + 1];
            System.arraycopy(row, 0, out, 0, row.length);
            out[2] = LocalDate.parse(row[2]).format(dutch);
            out[3] = row[3].equals("GM0599") ? "Rotterdam" : row[3].substring(2);
            out[6] = row[6].toUpperCase();
            out[row.length] = teams[Math.floorMod(row[0].hashCode(), teams.length)] + (row[0].endsWith("7") ? " (geëscaleerd)" : "");
            return out;
        });

        // Rotterdam-Rijnmond 2021-2023: UTF-8 with BOM, commas, ISO dates, canonical headers.
        List<String[]> late = new ArrayList<>();
        for (int year = 2021; year <= 2023; year++) {
            late.addAll(municipalityYear(ROTTERDAM.get(year - 2018), random, rotterdamIds));
            late.addAll(smallRegion(ROTTERDAM_REGION, year, random, rotterdamIds));
        }
        writeCsv(vt.resolve("vtrr_meldingen_2021-2023.csv"), StandardCharsets.UTF_8, ',', CANONICAL_HEADER, late, Function.identity());

        // Groningen 2018-2019: a workbook with title rows, date cells and notes below the data.
        VeiligThuisSample.IdSequence groningenIds = new VeiligThuisSample.IdSequence("VTG");
        List<String[]> groningen = new ArrayList<>();
        for (VeiligThuisSample sample : GRONINGEN) {
            groningen.addAll(municipalityYear(sample, random, groningenIds));
            groningen.addAll(smallRegion(GRONINGEN_REGION, sample.year(), random, groningenIds));
        }
        writeXlsx(vt.resolve("veilig_thuis_groningen_2018-2019.xlsx"), "Meldingen",
                List.of("Veilig Thuis Groningen - meldingen huiselijk geweld 2018-2019", "Export d.d. 15-01-2020"),
                new String[] {"Melding ID", "Client ID", "Meldingsdatum", "Gemeente", "Vorm geweld", "Duur geweld maanden",
                        "In onderzoek", "Veilig na 12 maanden", "Huisverbod", "Aantal kinderen huisverbod", "Intensief casemanagement"},
                groningen, java.util.Set.of(2), java.util.Set.of(5, 9),
                List.of("Bron: registratiesysteem Veilig Thuis Groningen (synthetische gegevens, geen echte personen)",
                        "Duur geweld: leeg = onbekend; veilig na 12 maanden: leeg = niet beoordeeld"));

        writeOpvang(output, new OpvangSample(random));

        writeTargets(Files.createDirectories(output.resolve("streefwaarden")).resolve("streefwaarden.csv"));

        // the figures of the council documents, typed as printed (not generated: they are what the sample must reproduce)
        try (var published = SampleDataGenerator.class.getResourceAsStream("/sample/gepubliceerd.csv")) {
            Files.write(Files.createDirectories(output.resolve("gepubliceerd")).resolve("gepubliceerd.csv"), published.readAllBytes());
        }

        FinanceSample.generate(output);
    }

    private static List<String[]> municipalityYear(VeiligThuisSample sample, Random random, VeiligThuisSample.IdSequence ids) {
        return sample.rows(random, ids);
    }

    /** Smaller municipalities of the region: plausible, unpublished figures. */
    private static List<String[]> smallRegion(String[] municipalities, int year, Random random, VeiligThuisSample.IdSequence ids) {
        List<String[]> rows = new ArrayList<>();
        for (String municipality : municipalities) {
            int known = 60 + random.nextInt(90);
            VeiligThuisSample sample = new VeiligThuisSample(municipality, year, known, known / 10, 55 + random.nextInt(30),
                    5 + random.nextInt(10), 70 + random.nextInt(25), 2 + random.nextInt(6), random.nextInt(8), 3 + random.nextInt(10));
            rows.addAll(sample.rows(random, ids));
        }
        return rows;
    }

    private static void writeCsv(Path file, Charset charset, char delimiter, String[] header, List<String[]> rows,
                                 Function<String[], String[]> shape) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            if (charset.equals(StandardCharsets.UTF_8)) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            Writer writer = new java.io.OutputStreamWriter(out, charset);
            writer.write(String.join(String.valueOf(delimiter), header) + "\r\n");
            for (String[] row : rows) {
                writer.write(String.join(String.valueOf(delimiter), shape.apply(row)) + "\r\n");
            }
            writer.write(String.valueOf(delimiter).repeat(header.length - 1) + "\r\n"); // empty trailing row, as Excel leaves
            writer.flush();
        }
    }

    /**
     * A workbook as an export tool writes it: title rows above the header, real date and number
     * cells (dates are ISO strings in {@code rows}), and note rows below the data.
     */
    static void writeXlsx(Path file, String sheetName, List<String> titles, String[] header, List<String[]> rows,
                          java.util.Set<Integer> dateColumns, java.util.Set<Integer> numberColumns, List<String> notes) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.getProperties().getCoreProperties().setCreated(java.util.Optional.of(java.util.Date.from(
                    LocalDate.of(2020, 1, 15).atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));
            int r = 0;
            for (String title : titles) {
                sheet.createRow(r++).createCell(0).setCellValue(title);
            }
            r++;
            Row headerRow = sheet.createRow(r++);
            for (int c = 0; c < header.length; c++) {
                headerRow.createCell(c).setCellValue(header[c]);
            }
            for (String[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.length; c++) {
                    String v = values[c];
                    if (v.isEmpty()) {
                        continue;
                    }
                    var cell = row.createCell(c);
                    if (dateColumns.contains(c)) {
                        cell.setCellValue(LocalDate.parse(v));
                        cell.setCellStyle(dateStyle);
                    } else if (numberColumns.contains(c)) {
                        cell.setCellValue(Integer.parseInt(v));
                    } else {
                        cell.setCellValue(v);
                    }
                }
            }
            r++;
            for (String note : notes) {
                sheet.createRow(r++).createCell(0).setCellValue(note);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    /** Shelter exports: Groningen stays as a workbook, Rotterdam stays as a Windows-1252 CSV, nights and refusals as CSV. */
    private static void writeOpvang(Path output, OpvangSample opvang) throws IOException {
        Path stays = Files.createDirectories(output.resolve("opvang/verblijven"));
        writeXlsx(stays.resolve("verblijven_groningen_2019.xlsx"), "Verblijven",
                List.of("Centrumgemeente Groningen - verblijven maatschappelijke opvang, vrouwenopvang en beschermd wonen 2019"),
                OpvangSample.STAY_HEADER, opvang.groningenStays, java.util.Set.of(9, 10), java.util.Set.of(2),
                List.of("Synthetische gegevens, geen echte personen."));
        DateTimeFormatter dutch = DateTimeFormatter.ofPattern("dd-MM-yyyy");
        writeCsv(stays.resolve("verblijven_rotterdam_2022-2023.csv"), WINDOWS_1252, ';', OpvangSample.STAY_HEADER, opvang.rotterdamStays,
                row -> {
                    String[] out = row.clone();
                    out[9] = LocalDate.parse(row[9]).format(dutch);
                    out[10] = row[10].isEmpty() ? "" : LocalDate.parse(row[10]).format(dutch);
                    return out;
                });
        writeCsv(Files.createDirectories(output.resolve("opvang/nachten")).resolve("nachten_groningen_2019.csv"), StandardCharsets.UTF_8, ',',
                new String[] {"client_id", "datum", "voorziening"}, opvang.nights, Function.identity());
        writeCsv(Files.createDirectories(output.resolve("opvang/afwijzingen")).resolve("afwijzingen_groningen_2019.csv"), StandardCharsets.UTF_8,
                ';', new String[] {"datum", "voorziening", "reden", "gemeente"}, opvang.refusals, Function.identity());
    }

    /** Targets as the seeds state them; a later document's figure overrides an earlier one for the same year. */
    private static void writeTargets(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("indicator;gemeente;jaar;streefwaarde;bron;publicatiedatum");
        for (int year = 2019; year <= 2023; year++) {
            lines.add("hg_duur_kort;GM0599;" + year + ";>55%;Rotterdam Begroting 2021;05-11-2020");
            lines.add("hg_stabiel_veilig;GM0599;" + year + ";>66%;Rotterdam Begroting 2021;05-11-2020");
        }
        String[][] jaarstukken = {{"2022", "79%", "88%"}, {"2023", "79%", "88%"}, {"2024", "80%", "89%"}, {"2025", "80%", "89%"},
                {"2026", "81%", "90%"}};
        for (String[] t : jaarstukken) {
            lines.add("hg_duur_kort;GM0599;" + t[0] + ";" + t[1] + ";Rotterdam Jaarstukken 2022;25-05-2023");
            lines.add("hg_stabiel_veilig;GM0599;" + t[0] + ";" + t[2] + ";Rotterdam Jaarstukken 2022;25-05-2023");
        }
        String groningen = ";Groningen;2019;%s;Groningen Jaarverslag 2019 (4.2.4);15-06-2020";
        lines.add("vt_meldingen" + groningen.formatted(">900"));
        lines.add("huisverboden" + groningen.formatted(">41"));
        lines.add("huisverbod_kinderen" + groningen.formatted(">40"));
        lines.add("vt_intensief_cm" + groningen.formatted(">100"));
        lines.add("mo_rehab_na_crisis" + groningen.formatted(">70"));
        lines.add("vo_vrouwen" + groningen.formatted("<200"));
        lines.add("vo_kinderen" + groningen.formatted("<250"));
        lines.add("vo_afgewezen" + groningen.formatted("0"));
        lines.add("bw_unieke_personen" + groningen.formatted("**"));
        for (String none : List.of("mo_unieke_personen", "mo_unieke_personen_nachtopvang", "mo_unieke_personen_crisisopvang",
                "mo_unieke_personen_dagopvang", "mo_nacht_frequent", "bw_voorzieningen", "vo_duur")) {
            lines.add(none + groningen.formatted("**"));
        }
        String voortgang = ";GM0599;%d;%s;Rotterdam voortgangsrapportage 2024;03-09-2024";
        lines.add("wonen_eerst_housing_first" + voortgang.formatted(2023, "50"));
        lines.add("wonen_eerst_project010" + voortgang.formatted(2023, "35"));
        for (int year = 2024; year <= 2026; year++) {
            lines.add("wonen_eerst_project010" + voortgang.formatted(year, "50"));
            lines.add("wonen_eerst" + voortgang.formatted(year, "125"));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
