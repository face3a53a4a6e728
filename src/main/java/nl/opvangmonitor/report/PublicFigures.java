package nl.opvangmonitor.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything a report shows, read once from the public database (plain read-only JDBC, set-based
 * queries, grouped per area in memory). Depends on these public tables and columns:
 * <ul>
 *   <li>{@code mart.indicator_yearly}: indicator_code, municipality_code, municipality_name, region_code, year, value, suppressed;</li>
 *   <li>{@code mart.indicator_target}: indicator_code, municipality_code, region_code, year, target_text, target_value;</li>
 *   <li>{@code mart.indicator_catalog}: indicator_code, indicator_name, definition, counting_rule, unit, source_document;</li>
 *   <li>{@code mart.region}: region_code, region_name; {@code mart.municipality}: municipality_code, municipality_name;</li>
 *   <li>{@code mart.budget_line}: municipality_code, programme, task_field_code, task_field_name, category_path, kind, version,
 *       year, amount, saldo_effect, source, file_path, row_number;</li>
 *   <li>{@code mart.budget_reported_total}: the same keys plus line_role, reported_amount, sum_of_parts, reconciliation;</li>
 *   <li>{@code mart.budget_variance}: municipality_code, programme, task_field_code, task_field_name, category_path, kind, year,
 *       budget_version, budget, realisatie, variance, source;</li>
 *   <li>{@code mart.source_delivery}: source, file_path, run_id, loaded_at, rows_loaded;</li>
 *   <li>{@code mart.publication}: suppression_min_count, suppression_round_to (the suppression rule as published).</li>
 * </ul>
 */
record PublicFigures(List<Area> areas, Map<String, IndicatorInfo> catalog, List<Delivery> deliveries, String suppressionRule) {

    record Area(String code, String name, List<IndicatorSeries> indicators, List<BudgetGroup> budgets, List<Variance> variances) {
        boolean isEmpty() {
            return indicators.isEmpty() && budgets.isEmpty() && variances.isEmpty();
        }
    }

    record IndicatorInfo(String code, String name, String unit, String definition, String countingRule, String sourceDocument) {
    }

    /** A value of one year: null when absent; {@code suppressed} when the public database withholds it. */
    record Figure(BigDecimal value, boolean suppressed) {
    }

    /** An indicator of one area: its values per year, its targets as the council wrote them, and their number (not for {@code **}). */
    record IndicatorSeries(IndicatorInfo info, SortedMap<Integer, Figure> values, SortedMap<Integer, String> targets,
                           SortedMap<Integer, BigDecimal> targetValues) {

        /** The values of these years for a chart, null where there is none (or it is suppressed). */
        Double[] realisatie(List<Integer> years) {
            return years.stream().map(y -> values.get(y) == null || values.get(y).value() == null ? null
                    : values.get(y).value().doubleValue()).toArray(Double[]::new);
        }

        /** The numeric targets of these years for a chart (the lower bound of a range). */
        Double[] streefwaarde(List<Integer> years) {
            return years.stream().map(y -> targetValues.get(y) == null ? null : targetValues.get(y).doubleValue()).toArray(Double[]::new);
        }
    }

    /** One council table: a taakveld or programme of one municipality, from one source (council or cbs_iv3). */
    record BudgetGroup(String title, List<BudgetAmount> amounts) {
    }

    /** A detail line ({@code lineRole} null) or a reported total / saldo line of a council table. */
    record BudgetAmount(String path, String kind, String lineRole, String version, int year, BigDecimal amount,
                        BigDecimal saldoEffect, String reconciliation, BigDecimal sumOfParts, String file, int row) {
    }

    record Variance(String group, String line, String kind, int year, String budgetVersion, BigDecimal budget,
                    BigDecimal realisatie, BigDecimal variance) {
    }

    record Delivery(String source, String file, long runId, String loadedAt, long rowsLoaded) {
    }

    /** Reads the public database; {@code areaCodes} empty means every area with data. */
    static PublicFigures read(Connection c, List<String> areaCodes) throws SQLException {
        Map<String, IndicatorInfo> catalog = new LinkedHashMap<>();
        query(c, "SELECT indicator_code, indicator_name, unit, definition, counting_rule, source_document FROM mart.indicator_catalog ORDER BY rowid",
                r -> catalog.put(r.getString(1), new IndicatorInfo(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6))));
        Map<String, String> names = new TreeMap<>();
        query(c, "SELECT municipality_code, municipality_name FROM mart.municipality UNION ALL SELECT region_code, region_name FROM mart.region",
                r -> names.put(r.getString(1), r.getString(2)));

        Map<String, Map<String, IndicatorSeries>> series = new TreeMap<>();
        query(c, """
                SELECT coalesce(municipality_code, region_code), indicator_code, year, value, suppressed
                FROM mart.indicator_yearly ORDER BY 1, 2, 3""", r -> {
            IndicatorInfo info = catalog.get(r.getString(2));
            if (info != null) {
                seriesOf(series, r.getString(1), info).values().put(r.getInt(3), new Figure(r.getBigDecimal(4), r.getBoolean(5)));
            }
        });
        query(c, "SELECT coalesce(municipality_code, region_code) AS area_code, indicator_code, year, target_text, target_value"
                + " FROM mart.indicator_target ORDER BY 1, 2, 3", r -> {
            IndicatorInfo info = catalog.get(r.getString(2));
            if (info != null && series.containsKey(r.getString(1))) {
                IndicatorSeries s = seriesOf(series, r.getString(1), info);
                s.targets().put(r.getInt(3), r.getString(4));
                if (r.getBigDecimal(5) != null) {
                    s.targetValues().put(r.getInt(3), r.getBigDecimal(5));
                }
            }
        });

        Map<String, Map<String, BudgetGroup>> budgets = new TreeMap<>();
        String group = """
                municipality_code,
                CASE WHEN task_field_code IS NOT NULL THEN 'Taakveld ' || task_field_code || ' ' || coalesce(task_field_name, '')
                     ELSE 'Programma ' || programme END
                || CASE WHEN programme IS NOT NULL AND task_field_code IS NOT NULL THEN ' (programma ' || programme || ')' ELSE '' END
                || CASE WHEN source = 'cbs_iv3' THEN ' (CBS Iv3)' ELSE '' END AS title""";
        query(c, "SELECT " + group + """
                , category_path, kind, CAST(NULL AS VARCHAR), version, year, amount, saldo_effect,
                  CAST(NULL AS VARCHAR), CAST(NULL AS DECIMAL(18,3)), file_path, row_number
                FROM mart.budget_line
                UNION ALL
                SELECT
                """ + group + """
                , category_path, kind, line_role, version, year, reported_amount, NULL, reconciliation, sum_of_parts, file_path, row_number
                FROM mart.budget_reported_total WHERE source = 'council'
                ORDER BY 1, 2""", r -> budgets.computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>())
                .computeIfAbsent(r.getString(2), t -> new BudgetGroup(t, new ArrayList<>())).amounts()
                .add(new BudgetAmount(r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getInt(7), r.getBigDecimal(8),
                        r.getBigDecimal(9), r.getString(10), r.getBigDecimal(11), r.getString(12), r.getInt(13))));

        Map<String, List<Variance>> variances = new TreeMap<>();
        query(c, "SELECT " + group + """
                , category_path, kind, year, budget_version, budget, realisatie, variance
                FROM mart.budget_variance ORDER BY 1, 2, year, category_path, kind""",
                r -> variances.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(new Variance(r.getString(2), r.getString(3),
                        r.getString(4), r.getInt(5), r.getString(6), r.getBigDecimal(7), r.getBigDecimal(8), r.getBigDecimal(9))));

        List<Delivery> deliveries = new ArrayList<>();
        query(c, "SELECT source, file_path, run_id, strftime(loaded_at, '%d-%m-%Y %H:%M'), rows_loaded FROM mart.source_delivery ORDER BY source, file_path",
                r -> deliveries.add(new Delivery(r.getString(1), r.getString(2), r.getLong(3), r.getString(4), r.getLong(5))));
        String[] rule = {""};
        // the settings the public database was built with (mart.publication), in the council's words
        query(c, "SELECT suppression_min_count, suppression_round_to FROM mart.publication",
                r -> rule[0] = "minder dan " + r.getInt(1) + " personen of gevallen, of terug te rekenen uit een totaal"
                        + (r.getInt(2) > 1 ? "; aantallen afgerond op " + r.getInt(2) : ""));

        java.util.SortedSet<String> codes = new java.util.TreeSet<>(series.keySet());
        codes.addAll(budgets.keySet());
        if (!areaCodes.isEmpty()) {
            codes.retainAll(areaCodes);
        }
        List<String> catalogOrder = List.copyOf(catalog.keySet());
        List<Area> areas = new ArrayList<>();
        for (String code : codes) {
            List<IndicatorSeries> indicators = new ArrayList<>(series.getOrDefault(code, Map.of()).values());
            indicators.sort(java.util.Comparator.comparingInt(s -> catalogOrder.indexOf(s.info().code())));
            areas.add(new Area(code, names.getOrDefault(code, code), List.copyOf(indicators),
                    List.copyOf(budgets.getOrDefault(code, Map.of()).values()),
                    variances.getOrDefault(code, List.of())));
        }
        return new PublicFigures(areas, catalog, deliveries, rule[0]);
    }

    private static IndicatorSeries seriesOf(Map<String, Map<String, IndicatorSeries>> series, String area, IndicatorInfo info) {
        return series.computeIfAbsent(area, a -> new LinkedHashMap<>())
                .computeIfAbsent(info.code(), code -> new IndicatorSeries(info, new TreeMap<>(), new TreeMap<>(), new TreeMap<>()));
    }

    private interface RowHandler {
        void row(ResultSet r) throws SQLException;
    }

    private static void query(Connection c, String sql, RowHandler handler) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                handler.row(r);
            }
        }
    }
}
