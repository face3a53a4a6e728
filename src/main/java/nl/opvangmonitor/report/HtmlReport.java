package nl.opvangmonitor.report;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.opvangmonitor.report.BudgetTable.Column;
import nl.opvangmonitor.report.PublicFigures.Delivery;
import nl.opvangmonitor.report.PublicFigures.IndicatorSeries;
import nl.opvangmonitor.report.PublicFigures.Variance;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The browsable report: {@code index.html} and a page per area with the same tables as the workbook
 * and a chart per indicator series and per budget table. Thymeleaf templates (escaped by default);
 * the charts are drawn by ECharts, copied from its WebJar next to the pages so they work offline.
 */
final class HtmlReport {

    static final String CHART_SCRIPT = "echarts.min.js";
    private static final String WEBJAR = "META-INF/resources/webjars/echarts/5.3.1/";

    /** A table as the page shows it: a caption, column headers and rows; {@code prose} when its cells are text, not figures. */
    record Table(String caption, List<String> headers, List<TableRow> rows, boolean prose) {
    }

    /** A row: its label (indented by {@code depth}), whether it is a total or a block heading, its cells and notes. */
    record TableRow(String label, int depth, boolean strong, List<String> cells, String note) {
    }

    private final TemplateEngine engine = new TemplateEngine();
    private final Path output;

    HtmlReport(Path output) throws IOException {
        this.output = output;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("report/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
        copy(WEBJAR + "dist/echarts.common.min.js", CHART_SCRIPT);
        copy(WEBJAR + "LICENSE", "echarts-LICENSE.txt");
    }

    private void copy(String resource, String name) throws IOException {
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("the ECharts WebJar is missing from the class path (" + resource + ")");
            }
            Files.copy(in, output.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    Path index(List<AreaReport> reports) throws IOException {
        Context context = new Context();
        List<Map<String, Object>> areas = new ArrayList<>();
        for (AreaReport r : reports) {
            areas.add(Map.of("code", r.area().code(), "name", r.area().name(), "year", r.reportYear(),
                    "indicators", r.area().indicators().size(), "budgets", r.budgets().size()));
        }
        context.setVariable("areas", areas);
        return render("index", context, output.resolve("index.html"));
    }

    Path area(AreaReport report, PublicFigures figures) throws IOException {
        Context context = new Context();
        context.setVariable("area", report.area());
        context.setVariable("report", report);
        context.setVariable("effect", effectTable(report));
        context.setVariable("prestatie", prestatieTable(report));
        context.setVariable("budgets", budgetTables(report));
        context.setVariable("variances", varianceTables(report));
        context.setVariable("definitions", definitionTable(report));
        context.setVariable("sources", sourceTable(figures));
        context.setVariable("notes", AreaWorkbook.notesText(figures));
        context.setVariable("footnotes", AreaWorkbook.footnotes(figures));
        context.setVariable("charts", charts(report));
        context.setVariable("chartScript", CHART_SCRIPT);
        return render("area", context, output.resolve(report.area().code() + ".html"));
    }

    private Path render(String template, Context context, Path file) throws IOException {
        try (var writer = Files.newBufferedWriter(file)) {
            engine.process(template, context, writer);
        }
        return file;
    }

    private static Table effectTable(AreaReport report) {
        List<String> headers = new ArrayList<>(List.of("Indicator"));
        report.effectYears().forEach(y -> headers.add(String.valueOf(y)));
        List<TableRow> rows = new ArrayList<>();
        for (IndicatorSeries s : report.area().indicators()) {
            rows.add(new TableRow(s.info().name(), 0, true, List.of(), null));
            List<String> targets = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int year : report.effectYears()) {
                targets.add(CouncilNotation.target(s.targets().get(year)));
                values.add(year > report.reportYear() ? CouncilNotation.MISSING : CouncilNotation.figure(s.info(), s.values().get(year)));
            }
            rows.add(new TableRow("Streefwaarde", 1, false, targets, null));
            rows.add(new TableRow("Realisatie", 1, false, values, null));
        }
        return new Table("Effectindicatoren (indeling Begroting Rotterdam)", headers, rows, false);
    }

    private static Table prestatieTable(AreaReport report) {
        int year = report.prestatieYear();
        List<TableRow> rows = report.prestatie().stream().map(s -> new TableRow(s.info().name(), 0, false,
                List.of(CouncilNotation.target(s.targets().get(year)), CouncilNotation.figure(s.info(), s.values().get(year))), null)).toList();
        return new Table("Prestatie-indicatoren " + year + " (indeling Jaarverslag Groningen)", List.of("Indicator", "Beoogd " + year, "Behaald " + year), rows, false);
    }

    private static List<Table> budgetTables(AreaReport report) {
        List<Table> tables = new ArrayList<>();
        for (int t = 0; t < report.budgets().size(); t++) {
            BudgetTable table = report.budgets().get(t);
            List<String> headers = new ArrayList<>(List.of("Bedragen x € 1.000"));
            table.columns.forEach(c -> headers.add(c.label()));
            List<TableRow> rows = new ArrayList<>();
            for (BudgetTable.Row row : table.rows) {
                List<String> cells = new ArrayList<>();
                List<String> notes = new ArrayList<>();
                for (Column column : table.columns) {
                    BudgetTable.Cell cell = table.cell(row, column);
                    cells.add(cell == null ? "" : CouncilNotation.number(cell.value(), 0) + (cell.note() == null ? "" : " *"));
                    if (cell != null && cell.note() != null) {
                        notes.add(column.label() + ": " + cell.note());
                    }
                }
                rows.add(new TableRow(row.label(), row.depth(), row.isTotal(), cells, notes.isEmpty() ? null : "* " + String.join("; ", notes)));
            }
            tables.add(new Table(report.budgetTitle(t), headers, rows, false));
        }
        return tables;
    }

    private static List<Table> varianceTables(AreaReport report) {
        Map<String, List<Variance>> byGroupAndYear = new LinkedHashMap<>();
        report.area().variances().forEach(v -> byGroupAndYear.computeIfAbsent(v.group() + ", " + v.year(), k -> new ArrayList<>()).add(v));
        List<Table> tables = new ArrayList<>();
        byGroupAndYear.forEach((caption, lines) -> {
            List<TableRow> rows = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO;
            for (Variance v : lines) {
                rows.add(new TableRow(v.line(), 0, false, List.of(v.kind(), amount(v.budget()), amount(v.realisatie()), amount(v.variance()),
                        sideOf(v.variance())), null));
                total = total.add(v.variance());
            }
            rows.add(new TableRow("Totaal", 0, true, List.of("", "", "", amount(total), sideOf(total)), null));
            tables.add(new Table(caption, List.of("Regel", "Soort", CouncilNotation.version(lines.get(0).budgetVersion()), "Realisatie", "Afwijking", ""), rows, false));
        });
        return tables;
    }

    private static String amount(BigDecimal value) {
        return CouncilNotation.number(value, 0);
    }

    static String sideOf(BigDecimal variance) {
        return variance.signum() < 0 ? "nadeel" : variance.signum() > 0 ? "voordeel" : "";
    }

    private static Table definitionTable(AreaReport report) {
        List<TableRow> rows = report.area().indicators().stream().map(s -> new TableRow(s.info().name(), 0, false,
                List.of(s.info().code(), nonNull(s.info().definition()), nonNull(s.info().countingRule()), nonNull(s.info().sourceDocument())), null)).toList();
        return new Table("Indicatoren: definitie en telregel", List.of("Indicator", "Code", "Definitie", "Telregel", "Bron"), rows, true);
    }

    private static Table sourceTable(PublicFigures figures) {
        List<TableRow> rows = new ArrayList<>();
        for (Delivery d : figures.deliveries()) {
            rows.add(new TableRow(d.source(), 0, false, List.of(d.file(), String.valueOf(d.runId()), d.loadedAt(),
                    CouncilNotation.number(BigDecimal.valueOf(d.rowsLoaded()), 0)), null));
        }
        return new Table("Bronbestanden en laadrun", List.of("Bron", "Bestand", "Laadrun", "Geladen op", "Rijen geladen"), rows, true);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** The charts as plain maps and lists (the page reads them as JSON): id, title, categories, series, text alternative. */
    private static List<Map<String, Object>> charts(AreaReport report) {
        List<Map<String, Object>> charts = new ArrayList<>();
        List<String> years = report.chartYears().stream().map(String::valueOf).toList();
        for (IndicatorSeries s : report.area().indicators()) {
            List<Map<String, Object>> series = new ArrayList<>();
            series.add(series("Realisatie", s.realisatie(report.chartYears()), false));
            String alt = s.info().name() + ", realisatie per jaar: " + s.values().entrySet().stream()
                    .map(e -> e.getKey() + " " + CouncilNotation.figure(s.info(), e.getValue())).collect(Collectors.joining("; ")) + ".";
            if (!s.targetValues().isEmpty()) {
                series.add(series("Streefwaarde", s.streefwaarde(report.chartYears()), true));
                alt += " Streefwaarde: " + s.targets().entrySet().stream().filter(e -> s.targetValues().containsKey(e.getKey()))
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("; ")) + ".";
            }
            charts.add(chart("chart-" + charts.size(), s.info().name() + " (" + AreaWorkbook.unit(s.info().unit()) + ")", years, series, alt));
        }
        for (int t = 0; t < report.budgets().size(); t++) {
            BudgetTable table = report.budgets().get(t);
            List<String> categories = table.columns.stream().map(Column::label).toList();
            List<Map<String, Object>> series = new ArrayList<>();
            List<String> described = new ArrayList<>();
            for (String kind : List.of("baten", "lasten", "saldo")) {
                Double[] values = AreaWorkbook.budgetSeries(table, kind);
                List<String> points = new ArrayList<>();
                for (int c = 0; c < values.length; c++) {
                    if (values[c] != null) {
                        points.add(categories.get(c) + " " + amount(BigDecimal.valueOf(values[c])));
                    }
                }
                String name = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
                series.add(series(name, values, false));
                described.add(name + ": " + String.join("; ", points));
            }
            charts.add(chart("chart-" + charts.size(), report.budgetTitle(t) + " (x € 1.000)", categories, series,
                    report.budgetTitle(t) + ", x € 1.000, per jaar. " + String.join(". ", described) + "."));
        }
        return charts;
    }

    private static Map<String, Object> series(String name, Double[] values, boolean dashed) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("values", java.util.Arrays.asList(values));
        series.put("dashed", dashed);
        return series;
    }

    private static Map<String, Object> chart(String id, String title, List<String> categories, List<Map<String, Object>> series, String alt) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("id", id);
        chart.put("title", title);
        chart.put("categories", categories);
        chart.put("series", series);
        chart.put("alt", alt);
        return chart;
    }
}
