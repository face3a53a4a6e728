package nl.opvangmonitor.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.cli.CommandLineRunner;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code load} and then {@code report} on the sample in input/ and reads the workbooks back with
 * POI: the tables must equal the ones the councils published (DESIGN.md §4 and §5), cell by cell.
 */
class ReportIT {

    @TempDir
    static Path temp;
    static Path warehouse;
    static Path output;
    static CommandLineRunner.Result report;

    @BeforeAll
    static void loadAndReport() {
        warehouse = temp.resolve("warehouse/opvangmonitor.duckdb");
        assertThat(CommandLineRunner.run("load", "--input", "input", "--warehouse", warehouse.toString()).exitCode()).isZero();
        output = temp.resolve("rapport");
        report = CommandLineRunner.run("report", "--warehouse", warehouse.toString(), "--output", output.toString());
    }

    /**
     * The rows of a sheet as text, formulas evaluated. Text cells as they are; amounts as Excel shows them with
     * the workbook's formats, which put a literal dot between the thousands ({@code #"."000}; POI's own
     * DataFormatter does not render that literal, so the test applies it).
     */
    static List<List<String>> rows(XSSFWorkbook wb, String sheet) {
        XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : wb.getSheet(sheet)) {
            while (rows.size() < row.getRowNum()) {
                rows.add(List.of());
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                Cell cell = row.getCell(c);
                cells.add(cell == null ? "" : cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : amount(cell, evaluator));
            }
            rows.add(cells);
        }
        return rows;
    }

    static String amount(Cell cell, XSSFFormulaEvaluator evaluator) {
        double value = evaluator.evaluate(cell).getNumberValue();
        String format = cell.getCellStyle().getDataFormatString();
        String expected = Math.abs(value) >= 999_999.5 ? "#\".\"000\".\"000" : Math.abs(value) >= 999.5 ? "#\".\"000" : "0";
        if (!format.equals(expected) && !format.equals("General")) {
            throw new AssertionError("cell " + cell.getAddress() + " has format " + format + ", expected " + expected);
        }
        return format.equals("General") ? new DataFormatter().formatCellValue(cell, evaluator)
                : String.format(java.util.Locale.ROOT, "%,d", Math.round(value)).replace(',', '.');
    }

    static int indexOf(List<List<String>> rows, String first, int from) {
        for (int i = from; i < rows.size(); i++) {
            if (!rows.get(i).isEmpty() && rows.get(i).get(0).equals(first)) {
                return i;
            }
        }
        throw new AssertionError("no row starting with " + first);
    }

    /** The Prestatie-indicatoren of the Groningen Jaarverslag 2019 (Beoogd | Behaald), as workbook and page show them. */
    static org.assertj.core.api.MapAssert<String, String> assertGroningenJaarverslag2019(Map<String, String> shown) {
        return assertThat(shown)
                .containsEntry("Unieke personen in de maatschappelijke opvang", "** | 494")
                .containsEntry("Unieke personen in de nachtopvang", "** | 292")
                .containsEntry("Unieke personen in de crisisopvang", "** | 157")
                .containsEntry("Unieke personen in de dagopvang", "** | 724")
                .containsEntry("Gerehabiliteerd na crisisopvang", ">70 | 69")
                .containsEntry("Frequente gebruikers nachtopvang", "** | 39%")
                .containsEntry("Aantal voorzieningen beschermd wonen", "** | 2.097")
                .containsEntry("Aantal meldingen huiselijk geweld bij Veilig Thuis", ">900 | 746")
                .containsEntry("Aantal huisverboden", ">41 | 28")
                .containsEntry("Aantal betrokken kinderen bij huisverboden", ">40 | 25")
                .containsEntry("Aantal casussen intensief casemanagement bij Veilig Thuis", ">100 | 85")
                .containsEntry("Vrouwen (18+) in de vrouwenopvang", "<200 | 134")
                .containsEntry("Kinderen in de vrouwenopvang", "<250 | 168")
                .containsEntry("Vrouwen afgewezen wegens volle bezetting", "0 | 30")
                .containsEntry("Gemiddelde verblijfsduur vrouwen in de vrouwenopvang (maanden)", "** | 9,4");
    }

    static XSSFWorkbook open(String code) throws IOException {
        return new XSSFWorkbook(Files.newInputStream(output.resolve(code + ".xlsx")));
    }

    @Test
    void report_whenSample_thenOneWorkbookPerAreaAndTheFilesListed() {
        assertThat(report.exitCode()).isZero();
        assertThat(report.out()).containsPattern("GM0599 +Rotterdam +year 2023 +26 indicators +2 budget tables")
                .containsPattern("GM0014 +Groningen +year 2020 +30 indicators +0 budget tables")
                .containsPattern("MOBW-GM0014\\.xlsx +\\d+")
                .contains("25 areas");
        assertThat(output.resolve("GM0599.xlsx")).isNotEmptyFile();
        assertThat(output.resolve("VT-ROTTERDAM-RIJNMOND.xlsx")).isNotEmptyFile();
    }

    @Test
    void index_whenSample_thenLinksEveryAreasPageAndWorkbook() throws Exception {
        org.jsoup.nodes.Document index = org.jsoup.Jsoup.parse(output.resolve("index.html").toFile());
        var rows = index.select("tbody tr");
        assertThat(rows).hasSize(25);
        var rotterdam = rows.stream().filter(r -> r.selectFirst("th").text().equals("Rotterdam")).findFirst().orElseThrow();
        assertThat(rotterdam.select("a").eachAttr("href")).containsExactly("GM0599.html", "GM0599.xlsx");
        assertThat(rotterdam.select("td").eachText()).containsExactly("GM0599", "2023", "26", "2", "GM0599.xlsx");
    }

    @Test
    void begroting_whenRotterdam_thenEqualsThePublishedTableOfBegroting2021CellByCell() throws Exception {
        try (XSSFWorkbook wb = open("GM0599")) {
            assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("Indicatoren");
            assertThat(List.of(wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3), wb.getSheetName(4)))
                    .containsExactly("Begroting", "Afwijkingen", "Trend", "Toelichting");
            List<List<String>> rows = rows(wb, "Begroting");
            int title = indexOf(rows, "Taakveld 6.81 Geëscaleerde zorg 18+", 0);
            assertThat(rows.get(title + 1)).containsExactly("Bedragen x € 1.000", "Realisatie 2019", "Begroting 2020", "Begroting 2021",
                    "Raming 2022", "Raming 2023", "Raming 2024", "Raming 2025");
            String[][] published = {
                    {"Baten exclusief reserves", "0", "7.205", "6.611", "6.680", "7.430", "7.430", "7.430"},
                    {"Bijdragen rijk en medeoverheden", "1", "4.871", "3.889", "3.597", "4.347", "4.347", "4.347"},
                    {"Overige opbrengsten derden", "1", "2.333", "2.722", "3.083", "3.083", "3.083", "3.083"},
                    {"Lasten exclusief reserves", "0", "140.932", "161.164", "129.163", "120.053", "117.976", "116.279"},
                    {"Apparaatslasten", "1", "6.360", "6.428", "6.401", "6.400", "5.787", "5.787"},
                    {"Inhuur", "2", "162", "-23", "45", "45", "45", "45"},
                    {"Overige apparaatslasten", "2", "113", "108", "130", "130", "113", "113"},
                    {"Personeel", "2", "6.085", "6.343", "6.226", "6.225", "5.629", "5.629"},
                    {"Intern resultaat", "1", "871", "925", "251", "251", "94", "94"},
                    {"Programmalasten", "1", "133.701", "153.811", "122.511", "113.402", "112.094", "110.398"},
                    {"Inkopen en uitbestede werkzaamheden", "2", "4.488", "6.538", "6.617", "6.262", "6.381", "6.381"},
                    {"Overige programmalasten", "2", "76", "0", "0", "0", "0", "0"},
                    {"Sociale uitkeringen", "2", "84.685", "89.513", "59.647", "54.340", "53.612", "52.915"},
                    {"Subsidies en inkomensoverdrachten", "2", "44.452", "57.760", "56.247", "52.800", "52.102", "51.102"},
                    {"Saldo voor reserveringen", "0", "-133.727", "-154.553", "-122.483", "-112.623", "-110.546", "-108.849"},
                    {"Onttrekking reserves", "0", "20", "0", "0", "0", "0", "0"},
                    {"Saldo", "0", "-133.707", "-154.553", "-122.483", "-112.623", "-110.546", "-108.849"}};
            Sheet sheet = wb.getSheet("Begroting");
            for (int i = 0; i < published.length; i++) {
                Row row = sheet.getRow(title + 2 + i);
                assertThat(rows.get(title + 2 + i).subList(0, 7)).as("row %s", published[i][0])
                        .containsExactly(published[i][0], published[i][2], published[i][3], published[i][4], published[i][5], published[i][6], published[i][7]);
                assertThat(row.getCell(0).getCellStyle().getIndention()).as("indentation of %s", published[i][0])
                        .isEqualTo(Short.parseShort(published[i][1]));
            }
            // Raming 2025 (a long-layout file without totals): every total is a formula over its lines
            assertThat(rows.get(title + 2 + 14).get(7)).isEqualTo("-108.849");
            // totals are formulas where the published total equals the sum, else the published figure with a comment
            Row baten = sheet.getRow(title + 2);
            assertThat(baten.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(baten.getCell(1).getCellComment().getString().getString())
                    .isEqualTo("Gepubliceerd: 7.205; de regels eronder tellen op tot 7.204 (afrondingsverschil: de raad rondt elk bedrag los af)");
            assertThat(baten.getCell(2).getCellFormula()).isEqualTo("C" + (title + 4) + "+C" + (title + 5));
            Row lasten = sheet.getRow(title + 5);
            assertThat(lasten.getCell(1).getCellFormula()).isEqualTo("B" + (title + 7) + "+B" + (title + 11) + "+B" + (title + 12));
            assertThat(lasten.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(title + 16).getCell(1).getCellFormula()).isEqualTo("B" + (title + 3) + "-B" + (title + 6));
            assertThat(sheet.getRow(title + 18).getCell(1).getCellFormula()).isEqualTo("B" + (title + 3) + "-B" + (title + 6) + "+B" + (title + 18));
        }
    }

    @Test
    void afwijkingen_whenRotterdamJaarstukken2023_thenLinesWithTheCouncilsSignAndTheProgrammeTotal() throws Exception {
        try (XSSFWorkbook wb = open("GM0599")) {
            List<List<String>> rows = rows(wb, "Afwijkingen");
            int title = indexOf(rows, "Programma Zorg, welzijn en wijkteams, 2023", 0);
            assertThat(rows.get(title + 1)).containsExactly("Regel", "Soort", "Bijgestelde begroting", "Realisatie", "Afwijking", "");
            Map<String, String> variance = new LinkedHashMap<>();
            for (int i = title + 2; !rows.get(i).get(0).startsWith("Totaal"); i++) {
                variance.put(rows.get(i).get(0) + " " + rows.get(i).get(1), rows.get(i).get(4) + " " + rows.get(i).get(5));
            }
            assertThat(variance).containsEntry("Zorg lasten", "-41.181 nadeel")
                    .containsEntry("Welzijn en preventie lasten", "5.250 voordeel")
                    .containsEntry("Wijkteams lasten", "-3.474 nadeel")
                    .containsEntry("Opvang vluchtelingen Oekraïners baten", "8.000 voordeel")
                    .containsEntry("Opvang vluchtelingen Oekraïners lasten", "-2.495 nadeel")
                    .containsEntry("Tegemoetkoming Meerkosten Zorg (TMZ) lasten", "1.220 voordeel")
                    .containsEntry("Diverse afwijkingen lasten", "-2.736 nadeel")
                    .hasSize(7);
            List<String> total = rows.get(indexOf(rows, "Totaal Programma Zorg, welzijn en wijkteams", title));
            assertThat(total.get(4)).isEqualTo("-35.416");
            assertThat(total.get(5)).isEqualTo("nadeel");
        }
    }

    @Test
    void indicatoren_whenGroningen_thenPrestatieIndicatoren2019AsInTheJaarverslag() throws Exception {
        try (XSSFWorkbook wb = open("GM0014")) {
            List<List<String>> rows = rows(wb, "Indicatoren");
            int title = indexOf(rows, "Prestatie-indicatoren 2019 (indeling Jaarverslag Groningen)", 0);
            assertThat(rows.get(title + 1)).containsExactly("Indicator", "Beoogd 2019", "Behaald 2019");
            Map<String, String> shown = new LinkedHashMap<>();
            for (int i = title + 2; i < rows.size() && !rows.get(i).isEmpty(); i++) {
                shown.put(rows.get(i).get(0), rows.get(i).get(1) + " | " + rows.get(i).get(2));
            }
            assertGroningenJaarverslag2019(shown)
                    .containsEntry("Unieke personen met een voorziening beschermd wonen", "** | 1.623")
                    .containsEntry("Toelatingen beschermd wonen jongeren (18-23)", "- | x");
            assertThat(rows).anySatisfy(r -> assertThat(r).isNotEmpty().first().asString()
                    .startsWith("x = niet gepubliceerd om personen te beschermen (onderdrukt: minder dan 10 personen of gevallen"));
        }
    }

    @Test
    void indicatoren_whenRotterdam_thenEffectindicatorBlockWithTargetsAndValuesPerYear() throws Exception {
        try (XSSFWorkbook wb = open("GM0599")) {
            List<List<String>> rows = rows(wb, "Indicatoren");
            int header = indexOf(rows, "Indicator", 0);
            assertThat(rows.get(header)).containsExactly("Indicator", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026");
            int block = indexOf(rows, "Meldingen huiselijk geweld met duur korter dan 1 jaar", header);
            assertThat(rows.get(block + 1)).containsExactly("Streefwaarde", "-", ">55%", ">55%", ">55%", "79%", "79%", "80%", "80%", "81%");
            assertThat(rows.get(block + 2)).containsExactly("Realisatie", "59%", "64%", "70%", "78%", "86%", "83%", "-", "-", "-");
            int share = indexOf(rows, "Slapers langer dan 90 dagen in de opvang", header);
            assertThat(rows.get(share + 2).subList(5, 7)).containsExactly("48,33%", "47,25%");
            int admissions = indexOf(rows, "Toelatingen maatschappelijke opvang 23+", header);
            assertThat(rows.get(admissions + 2).subList(5, 7)).containsExactly("1.031", "1.149");
        }
    }

    @Test
    void trend_whenRotterdam_thenANativeLineChartPerIndicatorAndPerBudgetTable() throws Exception {
        try (XSSFWorkbook wb = open("GM0599")) {
            List<XSSFChart> charts = ((XSSFSheet) wb.getSheet("Trend")).getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(26 + 2);
            XSSFChart first = chart(charts, "Meldingen huiselijk geweld met duur korter dan 1 jaar (%)");
            var series = first.getChartSeries().get(0).getSeries(0);
            assertThat(series.getCategoryData().getPointAt(0)).isEqualTo("2018");
            assertThat(series.getValuesData().getPointAt(1)).isEqualTo(64.0);
            assertThat(series.getValuesData().getDataRangeReference()).isEqualTo("'Trend'!$B$3:$J$3");
            // the targets as a second line, also for the years ahead (2018 has none, 2024 is 80%)
            var target = first.getChartSeries().get(0).getSeries(1);
            assertThat(target.getValuesData().getDataRangeReference()).isEqualTo("'Trend'!$B$4:$J$4");
            Map<Long, String> cached = new LinkedHashMap<>();
            for (var point : ((org.apache.poi.xddf.usermodel.chart.XDDFLineChartData.Series) target).getCTLineSer().getVal().getNumRef()
                    .getNumCache().getPtArray()) {
                cached.put(point.getIdx(), point.getV());
            }
            assertThat(cached).containsExactly(Map.entry(1L, "55.0"), Map.entry(2L, "55.0"), Map.entry(3L, "55.0"), Map.entry(4L, "79.0"),
                    Map.entry(5L, "79.0"), Map.entry(6L, "80.0"), Map.entry(7L, "80.0"), Map.entry(8L, "81.0"));
            XSSFChart budget = chart(charts, "Taakveld 6.81 Geëscaleerde zorg 18+ (x € 1.000)");
            assertThat(budget.getChartSeries().get(0).getSeriesCount()).isEqualTo(3);
            assertThat(budget.getChartSeries().get(0).getSeries(2).getValuesData().getPointAt(0)).isEqualTo(-133727.0);
        }
    }

    static XSSFChart chart(List<XSSFChart> charts, String title) {
        return charts.stream().filter(c -> c.getTitleText().getString().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void toelichting_whenRotterdam_thenDefinitionsSourcesAndTheSuppressionRule() throws Exception {
        try (XSSFWorkbook wb = open("GM0599")) {
            List<List<String>> rows = rows(wb, "Toelichting");
            int definitions = indexOf(rows, "Indicator", 0);
            assertThat(rows.get(definitions + 1).get(1)).isEqualTo("hg_duur_kort");
            assertThat(rows.get(definitions + 1).get(3)).startsWith("Year = calendar year of meldingsdatum.");
            assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("financien", "financien/rotterdam_geescaleerde_zorg_begroting_2021.xlsx", "1"));
            assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("veiligthuis", "veiligthuis/vtrr_meldingen_2018-2020.csv", "1"));
        }
    }

    /** Headless Chromium on a page: the DOM after the scripts ran (or a screenshot), and what it logged. */
    static CommandLineRunner.Result chromium(Path page, String... action) throws Exception {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(temp, "chromium"), "--enable-logging=stderr", "--v=0",
                "--virtual-time-budget=15000", "--window-size=1280,2400"));
        command.addAll(List.of(action));
        command.add(page.toUri().toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        var out = process.getInputStream().readAllBytes();
        var err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return new CommandLineRunner.Result(process.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8),
                new String(err, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The body rows of the first table whose caption holds {@code caption}. */
    static org.jsoup.select.Elements rowsOf(org.jsoup.nodes.Document document, String caption) {
        return document.select("table").stream().filter(t -> t.selectFirst("caption").text().contains(caption)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + caption)).select("tbody tr");
    }

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void html_whenOpenedInHeadlessChromium_thenChartsDrawnTablesHoldThePublishedFiguresAndNoErrorLogged() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (.ci/run installs it)");
        assertThat(output.resolve("index.html")).isNotEmptyFile();
        assertThat(output.resolve("echarts.min.js")).isNotEmptyFile();
        for (String code : List.of("GM0599", "GM0014")) {
            Path page = output.resolve(code + ".html");
            assertThat(Files.readString(page)).doesNotContain("http://", "https://");
            CommandLineRunner.Result dom = chromium(page, "--dump-dom");
            assertThat(dom.exitCode()).isZero();
            org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(dom.out());
            String charts = document.selectFirst("html").attr("data-charts");
            assertThat(document.selectFirst("html").attr("data-charts-drawn")).as("charts drawn on %s", code).isEqualTo(charts).isNotEqualTo("0");
            assertThat(document.select("div.chart svg")).hasSize(Integer.parseInt(charts));
            assertThat(document.select("div.chart")).allSatisfy(chart -> assertThat(chart.attr("aria-label")).contains("per jaar").isNotBlank());
            assertThat(dom.err()).as("console of %s", code).doesNotContain("CONSOLE");
        }
        org.jsoup.nodes.Document groningen = org.jsoup.Jsoup.parse(chromium(output.resolve("GM0014.html"), "--dump-dom").out());
        var prestatie = rowsOf(groningen, "Prestatie-indicatoren 2019");
        Map<String, String> shown = new LinkedHashMap<>();
        prestatie.forEach(r -> shown.put(r.selectFirst("th").text(), String.join(" | ", r.select("td").eachText())));
        assertGroningenJaarverslag2019(shown);
        org.jsoup.nodes.Document rotterdam = org.jsoup.Jsoup.parse(chromium(output.resolve("GM0599.html"), "--dump-dom").out());
        var effect = rowsOf(rotterdam, "Effectindicatoren");
        int block = effect.eachText().indexOf("Meldingen huiselijk geweld met duur korter dan 1 jaar");
        assertThat(effect.get(block + 1).select("td").eachText().subList(0, 2)).containsExactly("-", ">55%");
        assertThat(effect.get(block + 2).select("td").eachText().subList(0, 2)).containsExactly("59%", "64%");
        var budget = rowsOf(rotterdam, "Taakveld 6.81");
        assertThat(budget.last().selectFirst("th").text()).isEqualTo("Saldo");
        assertThat(budget.get(14).select("td").eachText()).containsExactly("-133.727", "-154.553", "-122.483", "-112.623", "-110.546", "-108.849", "-108.849");
        assertThat(budget.get(0).select("td").first().text()).isEqualTo("7.205 *");
        var variance = rowsOf(rotterdam, "Zorg, welzijn en wijkteams, 2023");
        assertThat(variance.last().selectFirst("th").text()).isEqualTo("Totaal");
        assertThat(variance.last().select("td").eachText()).containsExactly("-35.416", "nadeel");

        Path screenshot = Path.of("target/report-GM0599.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        CommandLineRunner.Result shot = chromium(output.resolve("GM0599.html"), "--screenshot=" + screenshot, "--hide-scrollbars");
        assertThat(shot.exitCode()).isZero();
        assertThat(screenshot).isNotEmptyFile();
        assertThat(shot.err()).doesNotContain("CONSOLE");
    }

    @Test
    void chromium_whenAPageLogsAnError_thenTheBrowserTestSeesIt() throws Exception {
        // the console check above must be able to fail: a page with an error shows up as CONSOLE lines
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed (.ci/run installs it)");
        Path broken = temp.resolve("broken.html");
        Files.writeString(broken, "<html><body><script>console.error('kapot'); nietGedefinieerd();</script></body></html>");
        CommandLineRunner.Result run = chromium(broken, "--dump-dom");
        assertThat(run.err()).contains("CONSOLE").contains("\"kapot\"").contains("Uncaught ReferenceError: nietGedefinieerd is not defined");
    }

    @Test
    void report_whenNothingPublished_thenExitFiveAndSaysWhy() {
        CommandLineRunner.Result result = CommandLineRunner.run("report", "--warehouse", temp.resolve("empty/opvangmonitor.duckdb").toString());
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("Nothing published:").contains("publiek.duckdb does not exist (run load first)");
    }

    @Test
    void report_whenAnAreaWithoutData_thenTheOthersAreWrittenAndExitFive() {
        Path other = temp.resolve("other");
        CommandLineRunner.Result result = CommandLineRunner.run("report", "--warehouse", warehouse.toString(), "--output", other.toString(),
                "--area", "GM0014", "GM9999", "--year", "2019");
        assertThat(result.exitCode()).isEqualTo(5);
        assertThat(result.err()).contains("No published data for: GM9999");
        assertThat(result.out()).containsPattern("GM0014 +Groningen +year 2019").contains("4 files");
        assertThat(other.resolve("GM0014.xlsx")).isNotEmptyFile();
    }

    @Test
    void report_whenYearIsNotANumber_thenUsageExit64() {
        CommandLineRunner.Result result = CommandLineRunner.run("report", "--year", "vorig");
        assertThat(result.exitCode()).isEqualTo(64);
        assertThat(result.err()).contains("--year needs a year, not vorig");
    }
}
