package nl.opvangmonitor.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.opvangmonitor.report.BudgetTable.Cell;
import nl.opvangmonitor.report.BudgetTable.Column;
import nl.opvangmonitor.report.PublicFigures.Delivery;
import nl.opvangmonitor.report.PublicFigures.IndicatorSeries;
import nl.opvangmonitor.report.PublicFigures.Variance;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;

/**
 * One area's workbook, written with POI's streaming writer: Indicatoren (the Rotterdam and Groningen
 * layouts), Begroting (the council's table of baten and lasten), Afwijkingen (realisatie against
 * begroting), Trend (native Excel line charts) and Toelichting (definitions, sources, suppression).
 */
final class AreaWorkbook {

    static final String INDICATOREN = "Indicatoren";
    static final String BEGROTING = "Begroting";
    static final String AFWIJKINGEN = "Afwijkingen";
    static final String TREND = "Trend";
    static final String TOELICHTING = "Toelichting";
    private static final int CHART_WIDTH = 8;
    private static final int CHART_HEIGHT = 16;

    private final SXSSFWorkbook wb = new SXSSFWorkbook(200);
    private final AreaReport report;
    private final PublicFigures figures;
    private final Map<String, CellStyle> styles = new HashMap<>();

    private AreaWorkbook(AreaReport report, PublicFigures figures) {
        this.report = report;
        this.figures = figures;
    }

    static void write(AreaReport report, PublicFigures figures, Path file) throws IOException {
        AreaWorkbook book = new AreaWorkbook(report, figures);
        try (SXSSFWorkbook wb = book.wb; OutputStream out = Files.newOutputStream(file)) {
            book.indicators();
            book.budget();
            book.variances();
            book.trend();
            book.notes();
            wb.write(out);
        }
    }

    private String heading() {
        return report.area().name() + " (" + report.area().code() + ")";
    }

    // ---------------------------------------------------------------- Indicatoren

    private void indicators() {
        Sheet s = new Sheet(INDICATOREN, 48);
        s.text(0, "title", heading() + ": indicatoren");
        s.next();
        if (report.area().indicators().isEmpty()) {
            s.text(0, "text", "Geen indicatoren voor dit gebied.");
            return;
        }
        s.text(0, "section", "Effectindicatoren (indeling Begroting Rotterdam)");
        s.next();
        s.text(0, "header", "Indicator");
        for (int i = 0; i < report.effectYears().size(); i++) {
            s.text(i + 1, "header-right", String.valueOf(report.effectYears().get(i)));
        }
        s.next();
        for (IndicatorSeries series : report.area().indicators()) {
            s.text(0, "bold", series.info().name());
            s.next();
            s.text(0, "indent1", "Streefwaarde");
            for (int i = 0; i < report.effectYears().size(); i++) {
                s.text(i + 1, "right", CouncilNotation.target(series.targets().get(report.effectYears().get(i))));
            }
            s.next();
            s.text(0, "indent1", "Realisatie");
            for (int i = 0; i < report.effectYears().size(); i++) {
                int year = report.effectYears().get(i);
                s.text(i + 1, "right", year > report.reportYear() ? CouncilNotation.MISSING
                        : CouncilNotation.figure(series.info(), series.values().get(year)));
            }
            s.next();
        }
        s.next();
        int year = report.prestatieYear();
        s.text(0, "section", "Prestatie-indicatoren " + year + " (indeling Jaarverslag Groningen)");
        s.next();
        s.text(0, "header", "Indicator");
        s.text(1, "header-right", "Beoogd " + year);
        s.text(2, "header-right", "Behaald " + year);
        s.next();
        for (IndicatorSeries series : report.prestatie()) {
            s.text(0, "text", series.info().name());
            s.text(1, "right", CouncilNotation.target(series.targets().get(year)));
            s.text(2, "right", CouncilNotation.figure(series.info(), series.values().get(year)));
            s.next();
        }
        s.next();
        for (String footnote : footnotes(figures)) {
            s.text(0, "note", footnote);
            s.next();
        }
    }

    static List<String> footnotes(PublicFigures figures) {
        return List.of(
                CouncilNotation.SUPPRESSED + " = niet gepubliceerd om personen te beschermen (onderdrukt: " + figures.suppressionRule() + ")",
                CouncilNotation.MISSING + " = geen waarde of geen streefwaarde; ** = de raad heeft geen streefwaarde vastgesteld",
                "Streefwaarden zoals de raad ze schrijft (>55% = meer dan 55%, <200 = minder dan 200, 88-90% = tussen 88% en 90%).");
    }

    // ---------------------------------------------------------------- Begroting

    private void budget() {
        Sheet s = new Sheet(BEGROTING, 44);
        s.text(0, "title", heading() + ": overzicht van baten en lasten (x € 1.000)");
        s.next();
        if (report.budgets().isEmpty()) {
            s.text(0, "text", "Geen begrotingsgegevens voor dit gebied.");
        }
        for (int t = 0; t < report.budgets().size(); t++) {
            BudgetTable table = report.budgets().get(t);
            s.next();
            s.text(0, "section", report.budgetTitle(t));
            s.next();
            s.text(0, "header", "Bedragen x € 1.000");
            for (int c = 0; c < table.columns.size(); c++) {
                s.text(c + 1, "header-right", table.columns.get(c).label());
            }
            s.next();
            int first = s.row;
            for (BudgetTable.Row row : table.rows) {
                s.text(0, (row.isTotal() ? "bold-indent" : "indent") + row.depth(), row.label());
                for (int c = 0; c < table.columns.size(); c++) {
                    Cell cell = table.cell(row, table.columns.get(c));
                    if (cell != null) {
                        s.amount(c + 1, cell, row.isTotal(), first);
                    }
                }
                s.next();
            }
        }
    }

    // ---------------------------------------------------------------- Afwijkingen

    private void variances() {
        Sheet s = new Sheet(AFWIJKINGEN, 40);
        s.text(0, "title", heading() + ": afwijkingen realisatie tegen begroting (x € 1.000)");
        s.next();
        s.text(0, "note", "Afwijking = realisatie tegen de laatste begroting van het jaar; negatief = nadeel (meer uitgegeven of minder ontvangen dan begroot).");
        s.next();
        if (report.area().variances().isEmpty()) {
            s.text(0, "text", "Geen realisatie en begroting van hetzelfde jaar voor dit gebied.");
            return;
        }
        Map<String, Map<Integer, List<Variance>>> grouped = report.area().variances().stream().collect(Collectors.groupingBy(
                Variance::group, java.util.LinkedHashMap::new, Collectors.groupingBy(Variance::year, java.util.TreeMap::new, Collectors.toList())));
        grouped.forEach((group, years) -> years.forEach((year, lines) -> {
            s.next();
            s.text(0, "section", group + ", " + year);
            s.next();
            String[] headers = {"Regel", "Soort", "Begroting", "Realisatie", "Afwijking", ""};
            for (int i = 0; i < headers.length; i++) {
                s.text(i, i >= 2 && i <= 4 ? "header-right" : "header", i == 2 ? CouncilNotation.version(lines.get(0).budgetVersion()) : headers[i]);
            }
            s.next();
            int first = s.row;
            for (Variance v : lines) {
                s.text(0, "text", v.line());
                s.text(1, "text", v.kind());
                s.number(2, v.budget(), false);
                s.number(3, v.realisatie(), false);
                s.number(4, v.variance(), false);
                s.text(5, "text", HtmlReport.sideOf(v.variance()));
                s.next();
            }
            BigDecimal total = lines.stream().map(Variance::variance).reduce(BigDecimal.ZERO, BigDecimal::add);
            s.text(0, "bold", "Totaal " + group);
            String column = CellReference.convertNumToColString(4);
            s.formula(4, "SUM(" + column + (first + 1) + ":" + column + s.row + ")", total, true);
            s.text(5, "bold", HtmlReport.sideOf(total));
            s.next();
        }));
    }

    // ---------------------------------------------------------------- Trend

    private void trend() {
        Sheet s = new Sheet(TREND, 44);
        s.text(0, "title", heading() + ": verloop per jaar");
        s.next();
        List<Integer> yearList = report.chartYears();
        List<Runnable> charts = new ArrayList<>();
        if (!yearList.isEmpty()) {
            s.text(0, "header", "Indicator");
            for (int i = 0; i < yearList.size(); i++) {
                s.text(i + 1, "header-right", String.valueOf(yearList.get(i)));
            }
            int headerRow = s.row;
            s.next();
            String[] categories = yearList.stream().map(String::valueOf).toArray(String[]::new);
            for (IndicatorSeries series : report.area().indicators()) {
                String name = series.info().name() + " (" + unit(series.info().unit()) + ")";
                List<Line> lines = new ArrayList<>();
                lines.add(s.series(name, "Realisatie", series.realisatie(yearList)));
                if (!series.targetValues().isEmpty()) {
                    lines.add(s.series("    streefwaarde", "Streefwaarde", series.streefwaarde(yearList)));
                }
                charts.add(() -> chart(name, categories, headerRow, lines));
            }
        }
        for (int t = 0; t < report.budgets().size(); t++) {
            BudgetTable table = report.budgets().get(t);
            s.next();
            s.text(0, "header", report.budgetTitle(t) + " (x € 1.000)");
            String[] categories = table.columns.stream().map(Column::label).toArray(String[]::new);
            for (int c = 0; c < categories.length; c++) {
                s.text(c + 1, "header-right", categories[c]);
            }
            int headerRow = s.row;
            s.next();
            List<Line> lines = new ArrayList<>();
            for (String kind : List.of("baten", "lasten", "saldo")) {
                String name = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
                lines.add(s.series(kind.equals("saldo") ? "Saldo (baten - lasten)" : name, name, budgetSeries(table, kind)));
            }
            String title = report.budgetTitle(t);
            charts.add(() -> chart(title + " (x € 1.000)", categories, headerRow, lines));
        }
        chartRow = s.row + 1;
        charts.forEach(Runnable::run);
    }

    /** Baten, lasten or saldo of every column of a council table, for a chart. */
    static Double[] budgetSeries(BudgetTable table, String kind) {
        return table.columns.stream().map(c -> budgetTotal(table, kind, c)).map(v -> v == null ? null : v.doubleValue()).toArray(Double[]::new);
    }

    static BigDecimal budgetTotal(BudgetTable table, String kind, Column column) {
        if (!kind.equals("saldo")) {
            return table.total(kind, column);
        }
        BigDecimal baten = table.total("baten", column);
        BigDecimal lasten = table.total("lasten", column);
        return baten == null && lasten == null ? null
                : (baten == null ? BigDecimal.ZERO : baten).subtract(lasten == null ? BigDecimal.ZERO : lasten);
    }

    static String unit(String unit) {
        return switch (unit) {
            case "percent" -> "%";
            case "months" -> "maanden";
            default -> "aantal";
        };
    }

    private record Line(String name, Double[] values, int row) {
    }

    private int chartRow;
    private int chartCount;
    private XSSFDrawing drawing;

    /** A native Excel line chart whose series refer to the cells of the table above (the cached values travel with it). */
    private void chart(String title, String[] categories, int headerRow, List<Line> lines) {
        if (drawing == null) {
            drawing = wb.getXSSFWorkbook().getSheet(TREND).createDrawingPatriarch();
        }
        int col = (chartCount % 2) * CHART_WIDTH;
        int row = chartRow + (chartCount / 2) * CHART_HEIGHT;
        chartCount++;
        XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, col, row, col + CHART_WIDTH, row + CHART_HEIGHT - 1));
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        String last = CellReference.convertNumToColString(categories.length);
        var categorySource = XDDFDataSourcesFactory.fromArray(categories, "'" + TREND + "'!$B$" + (headerRow + 1) + ":$" + last + "$" + (headerRow + 1));
        for (Line line : lines) {
            var values = XDDFDataSourcesFactory.fromArray(line.values(), "'" + TREND + "'!$B$" + (line.row() + 1) + ":$" + last + "$" + (line.row() + 1));
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(categorySource, values);
            series.setTitle(line.name(), null);
            series.setSmooth(false);
            series.setMarkerStyle(MarkerStyle.CIRCLE);
        }
        if (lines.size() > 1) {
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        chart.plot(data);
    }

    // ---------------------------------------------------------------- Toelichting

    private void notes() {
        Sheet s = new Sheet(TOELICHTING, 40);
        s.text(0, "title", heading() + ": toelichting");
        s.next();
        s.next();
        s.text(0, "section", "Indicatoren: definitie en telregel");
        s.next();
        String[] headers = {"Indicator", "Code", "Definitie", "Telregel", "Bron"};
        for (int i = 0; i < headers.length; i++) {
            s.text(i, "header", headers[i]);
        }
        s.next();
        for (IndicatorSeries series : report.area().indicators()) {
            var info = series.info();
            String[] cells = {info.name(), info.code(), info.definition(), info.countingRule(), info.sourceDocument()};
            for (int i = 0; i < cells.length; i++) {
                s.text(i, "wrap", cells[i] == null ? "" : cells[i]);
            }
            s.next();
        }
        s.next();
        s.text(0, "section", "Bronbestanden en laadrun");
        s.next();
        headers = new String[] {"Bron", "Bestand", "Laadrun", "Geladen op", "Rijen geladen"};
        for (int i = 0; i < headers.length; i++) {
            s.text(i, "header", headers[i]);
        }
        s.next();
        for (Delivery d : figures.deliveries()) {
            s.text(0, "text", d.source());
            s.text(1, "text", d.file());
            s.plain(2, d.runId());
            s.text(3, "text", d.loadedAt());
            s.number(4, BigDecimal.valueOf(d.rowsLoaded()), false);
            s.next();
        }
        s.next();
        s.text(0, "section", "Onderdrukking en notatie");
        s.next();
        for (String line : notesText(figures)) {
            s.text(0, "note", line);
            s.next();
        }
    }

    static List<String> notesText(PublicFigures figures) {
        List<String> lines = new ArrayList<>(footnotes(figures));
        lines.add("Alle cijfers komen uit de publieke database (warehouse/publiek.duckdb): kleine aantallen zijn daar al onderdrukt, dus dit rapport kan zonder privacytoets worden gedeeld.");
        lines.add("Begroting: bedragen x € 1.000 zoals de raad ze publiceert. Een totaal staat als formule waar het gepubliceerde totaal gelijk is aan de som van de regels; anders het gepubliceerde bedrag, met een opmerking over het afrondingsverschil.");
        lines.add("Afwijkingen: negatief = nadeel (tegenvaller), positief = voordeel.");
        return lines;
    }

    // ---------------------------------------------------------------- cells and styles

    /** A sheet written row by row. */
    private final class Sheet {
        final SXSSFSheet sheet;
        int row;
        SXSSFRow current;
        Drawing<?> comments;

        Sheet(String name, int firstColumnWidth) {
            sheet = wb.createSheet(name);
            sheet.setColumnWidth(0, firstColumnWidth * 256);
            for (int c = 1; c < 12; c++) {
                sheet.setColumnWidth(c, (name.equals(TOELICHTING) ? 30 : 14) * 256);
            }
        }

        SXSSFRow row() {
            if (current == null) {
                current = sheet.createRow(row);
            }
            return current;
        }

        void next() {
            row++;
            current = null;
        }

        void text(int column, String style, String value) {
            SXSSFCell cell = row().createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style(style));
        }

        /** A row of a chart's figures (label, then a number per category) and the chart line that refers to it. */
        Line series(String label, String name, Double[] values) {
            text(0, "text", label);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    plain(i + 1, values[i]);
                }
            }
            Line line = new Line(name, values, row);
            next();
            return line;
        }

        void plain(int column, double value) {
            row().createCell(column).setCellValue(value);
        }

        void number(int column, BigDecimal value, boolean bold) {
            SXSSFCell cell = row().createCell(column);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(amountStyle(value, bold));
        }

        void formula(int column, String formula, BigDecimal value, boolean bold) {
            SXSSFCell cell = row().createCell(column);
            cell.setCellFormula(formula);
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(amountStyle(value, bold));
        }

        /** An amount of a council table: a formula over the rows it sums when it equals their sum. */
        void amount(int column, Cell cell, boolean bold, int firstRow) {
            if (cell.terms().isEmpty()) {
                number(column, cell.value(), bold);
            } else {
                String letter = CellReference.convertNumToColString(column);
                StringBuilder formula = new StringBuilder();
                for (BudgetTable.Term term : cell.terms()) {
                    formula.append(term.sign() < 0 ? "-" : formula.isEmpty() ? "" : "+").append(letter).append(firstRow + term.row() + 1);
                }
                formula(column, formula.toString(), cell.value(), bold);
            }
            if (cell.note() != null) {
                if (comments == null) {
                    comments = sheet.createDrawingPatriarch();
                }
                ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
                anchor.setCol1(column + 1);
                anchor.setCol2(column + 5);
                anchor.setRow1(row);
                anchor.setRow2(row + 4);
                Comment comment = comments.createCellComment(anchor);
                comment.setString(wb.getCreationHelper().createRichTextString(cell.note()));
                comment.setAuthor("Opvangmonitor");
                comment.setAddress(row, column);
                row().getCell(column).setCellComment(comment);
            }
        }
    }

    /**
     * Amounts stay numbers (Excel can add them up) yet read the Dutch way in any Excel language:
     * the thousands dot is a literal in the format, picked by the size of the amount.
     */
    private CellStyle amountStyle(BigDecimal value, boolean bold) {
        BigDecimal size = value.abs();
        String format = size.compareTo(BigDecimal.valueOf(999_999.5)) >= 0 ? "#\".\"000\".\"000"
                : size.compareTo(BigDecimal.valueOf(999.5)) >= 0 ? "#\".\"000" : "0";
        return styles.computeIfAbsent("amount " + format + bold, key -> {
            CellStyle style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat(format));
            style.setAlignment(HorizontalAlignment.RIGHT);
            if (bold) {
                style.setFont(font(true, 11));
            }
            return style;
        });
    }

    private Font font(boolean bold, int points) {
        Font font = wb.createFont();
        font.setBold(bold);
        font.setFontHeightInPoints((short) points);
        return font;
    }

    private CellStyle style(String name) {
        return styles.computeIfAbsent(name, key -> {
            CellStyle style = wb.createCellStyle();
            if (key.equals("title")) {
                style.setFont(font(true, 14));
            } else if (key.equals("section") || key.equals("bold")) {
                style.setFont(font(true, key.equals("section") ? 12 : 11));
            } else if (key.startsWith("header")) {
                style.setFont(font(true, 11));
                style.setBorderBottom(BorderStyle.THIN);
                style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                style.setAlignment(key.endsWith("right") ? HorizontalAlignment.RIGHT : HorizontalAlignment.LEFT);
            } else if (key.equals("right")) {
                style.setAlignment(HorizontalAlignment.RIGHT);
            } else if (key.equals("wrap")) {
                style.setWrapText(true);
                style.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            } else if (key.equals("note")) {
                style.setFont(font(false, 9));
            } else if (key.contains("indent")) {
                style.setIndention(Short.parseShort(key.replaceAll("\\D", "")));
                style.setFont(font(key.startsWith("bold"), 11));
            }
            return style;
        });
    }
}
