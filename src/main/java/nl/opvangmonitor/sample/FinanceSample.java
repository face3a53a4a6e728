package nl.opvangmonitor.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the finance sample of {@code input/financien/} (called by {@link SampleDataGenerator}):
 * <ul>
 *   <li>{@value #WIDE}: the Rotterdam table "Overzicht van baten en lasten Geëscaleerde zorg 18+"
 *       of the Begroting 2021 (DESIGN.md §5, published figures) as finance copies it into Excel:
 *       title rows, headings broken over two lines, the first two year columns pasted as text with
 *       thousands separators, the others as number cells, negative amounts, the reserves block and
 *       a source note below;</li>
 *   <li>{@value #LONG}: the same lines in the long layout for another year: the Raming 2024 of that
 *       table restated as Raming 2025 (synthetic, flat projection);</li>
 *   <li>{@value #VARIANCE}: Rotterdam Jaarstukken 2023, programme Zorg, welzijn en wijkteams: begroting,
 *       bijgestelde begroting and realisatie per item. The budgets are synthetic, chosen so that
 *       realisatie against the bijgestelde begroting gives the published variances (seed 001):
 *       -35.416 = Zorg -41.181 + Welzijn en preventie 5.250 + Wijkteams -3.474 + Opvang vluchtelingen
 *       Oekraïners 5.505 + TMZ 1.220 + Diverse afwijkingen -2.736.</li>
 * </ul>
 * Deterministic: no randomness; the CSV files are byte for byte the same on every run.
 */
public final class FinanceSample {

    static final String WIDE = "rotterdam_geescaleerde_zorg_begroting_2021.xlsx";
    static final String LONG = "rotterdam_geescaleerde_zorg_raming_2025.csv";
    static final String VARIANCE = "rotterdam_zorg_welzijn_wijkteams_jaarstukken_2023.csv";
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static final String[] HEADINGS = {"Realisatie 2019", "Begroting\n2020", "Begroting\n2021", "Raming\n2022", "Raming\n2023", "Raming\n2024"};

    /** DESIGN.md §5: Rotterdam, Geëscaleerde zorg 18+ (taakveld 6.81), x € 1.000. */
    public static final Object[][] ROTTERDAM_6_81 = {
            {"Baten exclusief reserves", 7205, 6611, 6680, 7430, 7430, 7430},
            {"Bijdragen rijk en medeoverheden", 4871, 3889, 3597, 4347, 4347, 4347},
            {"Overige opbrengsten derden", 2333, 2722, 3083, 3083, 3083, 3083},
            {"Lasten exclusief reserves", 140932, 161164, 129163, 120053, 117976, 116279},
            {"Apparaatslasten", 6360, 6428, 6401, 6400, 5787, 5787},
            {"Inhuur", 162, -23, 45, 45, 45, 45},
            {"Overige apparaatslasten", 113, 108, 130, 130, 113, 113},
            {"Personeel", 6085, 6343, 6226, 6225, 5629, 5629},
            {"Intern resultaat", 871, 925, 251, 251, 94, 94},
            {"Programmalasten", 133701, 153811, 122511, 113402, 112094, 110398},
            {"Inkopen en uitbestede werkzaamheden", 4488, 6538, 6617, 6262, 6381, 6381},
            {"Overige programmalasten", 76, 0, 0, 0, 0, 0},
            {"Sociale uitkeringen", 84685, 89513, 59647, 54340, 53612, 52915},
            {"Subsidies en inkomensoverdrachten", 44452, 57760, 56247, 52800, 52102, 51102},
            {"Saldo voor reserveringen", -133727, -154553, -122483, -112623, -110546, -108849},
            {"Onttrekking reserves", 20, 0, 0, 0, 0, 0},
            {"Saldo", -133707, -154553, -122483, -112623, -110546, -108849}};

    /** The detail lines of that table with their category path and kind, for the long file. */
    static final String[][] DETAIL_LINES = {
            {"Baten exclusief reserves > Bijdragen rijk en medeoverheden", "Baten"},
            {"Baten exclusief reserves > Overige opbrengsten derden", "Baten"},
            {"Lasten exclusief reserves > Apparaatslasten > Inhuur", "Lasten"},
            {"Lasten exclusief reserves > Apparaatslasten > Overige apparaatslasten", "Lasten"},
            {"Lasten exclusief reserves > Apparaatslasten > Personeel", "Lasten"},
            {"Lasten exclusief reserves > Intern resultaat", "Lasten"},
            {"Lasten exclusief reserves > Programmalasten > Inkopen en uitbestede werkzaamheden", "Lasten"},
            {"Lasten exclusief reserves > Programmalasten > Overige programmalasten", "Lasten"},
            {"Lasten exclusief reserves > Programmalasten > Sociale uitkeringen", "Lasten"},
            {"Lasten exclusief reserves > Programmalasten > Subsidies en inkomensoverdrachten", "Lasten"},
            {"Onttrekking reserves", "reserves"}};
    /** Rows of ROTTERDAM_6_81 holding those detail lines, in the same order. */
    static final int[] DETAIL_ROWS = {1, 2, 5, 6, 7, 8, 10, 11, 12, 13, 15};

    /** Item, soort, begroting, bijgestelde begroting, realisatie (x € 1.000; budgets synthetic, variances published). */
    static final Object[][] ZWWT_2023 = {
            {"Zorg", "lasten", 498_000, 520_000, 561_181},
            {"Welzijn en preventie", "lasten", 92_000, 95_000, 89_750},
            {"Wijkteams", "lasten", 76_500, 78_000, 81_474},
            {"Opvang vluchtelingen Oekraïners", "lasten", 40_000, 62_000, 64_495},
            {"Opvang vluchtelingen Oekraïners", "baten", 38_000, 60_000, 68_000},
            {"Tegemoetkoming Meerkosten Zorg (TMZ)", "lasten", 14_000, 14_000, 12_780},
            {"Diverse afwijkingen", "lasten", 28_000, 30_000, 32_736}};

    private FinanceSample() {
    }

    public static void generate(Path output) throws IOException {
        Path folder = Files.createDirectories(output.resolve("financien"));
        writeWide(folder.resolve(WIDE));
        writeLong(folder.resolve(LONG));
        writeVariance(folder.resolve(VARIANCE));
    }

    private static void writeWide(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            workbook.getProperties().getCoreProperties().setCreator("Opvangmonitor sample");
            Sheet sheet = workbook.createSheet("Wat kost het");
            CellStyle thousands = workbook.createCellStyle();
            thousands.setDataFormat(workbook.createDataFormat().getFormat("#,##0;-#,##0"));
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            sheet.createRow(0).createCell(0).setCellValue("Rotterdam – Geëscaleerde zorg 18+ (6.81)");
            sheet.createRow(1).createCell(0).setCellValue("Begroting 2021, Wat kost het (bedragen x € 1.000)");
            Row header = sheet.createRow(3);
            header.createCell(0).setCellValue("Overzicht van baten en lasten Geëscaleerde zorg 18+");
            for (int c = 0; c < HEADINGS.length; c++) {
                header.createCell(c + 1).setCellValue(HEADINGS[c]);
                header.getCell(c + 1).setCellStyle(wrapped);
            }
            int r = 4;
            for (Object[] line : ROTTERDAM_6_81) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue((String) line[0]);
                for (int c = 1; c < line.length; c++) {
                    int amount = (Integer) line[c];
                    if (c <= 2) {
                        row.createCell(c).setCellValue(dutch(amount));
                    } else {
                        row.createCell(c).setCellValue(amount);
                        row.getCell(c).setCellStyle(thousands);
                    }
                }
            }
            sheet.createRow(r + 1).createCell(0)
                    .setCellValue("Bron: gemeente Rotterdam, Begroting 2021, programma-onderdeel Geëscaleerde zorg 18+");
            sheet.setColumnWidth(0, 48 * 256);
            workbook.write(out);
        }
    }

    /** The Raming 2024 detail lines restated as Raming 2025, long layout: UTF-8 with BOM, commas, quoted fields. */
    private static void writeLong(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("gemeente,programma,taakveld,categorie,soort,versie,jaar,bedrag");
        for (int i = 0; i < DETAIL_LINES.length; i++) {
            int amount = (Integer) ROTTERDAM_6_81[DETAIL_ROWS[i]][6];
            lines.add(String.join(",", "GM0599", "", "\"6.81 Geëscaleerde zorg 18+\"", "\"" + DETAIL_LINES[i][0] + "\"",
                    DETAIL_LINES[i][1], "Raming", "2025", "\"" + dutch(amount) + "\""));
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write('\ufeff');
            for (String line : lines) {
                w.write(line);
                w.write("\r\n");
            }
        }
    }

    /** The 2023 variance example, long layout: Windows-1252, semicolons, headers as typed by hand. */
    private static void writeVariance(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("Gemeente;Programma;Taakveld;Categorie;Soort;Versie;Jaar;Bedrag");
        String[] versions = {"Begroting", "Bijgestelde begroting", "Realisatie"};
        for (int v = 0; v < versions.length; v++) {
            for (Object[] item : ZWWT_2023) {
                lines.add(String.join(";", "Rotterdam", "Zorg, welzijn en wijkteams", "", (String) item[0], (String) item[1],
                        versions[v], "2023", dutch((Integer) item[2 + v])));
            }
        }
        lines.add("");
        try (Writer w = Files.newBufferedWriter(file, WINDOWS_1252)) {
            for (String line : lines) {
                w.write(line);
                w.write("\r\n");
            }
        }
    }

    /** 7205 -> "7.205", -133727 -> "-133.727". */
    static String dutch(int amount) {
        return String.format(Locale.GERMANY, "%,d", amount);
    }
}
