package nl.opvangmonitor.report;

import java.util.List;
import java.util.TreeSet;
import nl.opvangmonitor.report.PublicFigures.Area;
import nl.opvangmonitor.report.PublicFigures.IndicatorSeries;

/**
 * What one area's report shows, worked out once for the workbook and the page:
 * <ul>
 *   <li>the report year: the one asked for, else the latest year the area has values for;</li>
 *   <li>the Effectindicatoren years (Rotterdam, Begroting 2021): the report year, the years before it
 *       with values and the years after it with targets;</li>
 *   <li>the Prestatie-indicatoren year (Groningen, Jaarverslag 2019: Beoogd / Behaald): the latest year
 *       up to the report year for which targets are set (a jaarverslag reports against its targets),
 *       else the report year;</li>
 *   <li>a council table per taakveld or programme;</li>
 *   <li>the years of the indicator charts: every year with a value or a numeric target.</li>
 * </ul>
 */
record AreaReport(Area area, int reportYear, List<Integer> effectYears, int prestatieYear,
                  List<IndicatorSeries> prestatie, List<BudgetTable> budgets, List<Integer> chartYears) {

    static AreaReport of(Area area, Integer year) {
        TreeSet<Integer> valueYears = new TreeSet<>();
        TreeSet<Integer> targetYears = new TreeSet<>();
        for (IndicatorSeries s : area.indicators()) {
            s.values().forEach((y, f) -> {
                if (f.value() != null || f.suppressed()) {
                    valueYears.add(y);
                }
            });
            targetYears.addAll(s.targets().keySet());
        }
        int reportYear = year != null ? year : valueYears.isEmpty() ? budgetYear(area) : valueYears.last();
        TreeSet<Integer> effectYears = new TreeSet<>(valueYears.headSet(reportYear, true));
        effectYears.add(reportYear);
        effectYears.addAll(targetYears.tailSet(reportYear, false));
        Integer lastTargetYear = targetYears.floor(reportYear);
        int prestatieYear = lastTargetYear != null ? lastTargetYear : reportYear;
        List<IndicatorSeries> prestatie = area.indicators().stream()
                .filter(s -> s.values().containsKey(prestatieYear) || s.targets().containsKey(prestatieYear)).toList();
        List<BudgetTable> budgets = area.budgets().stream().map(g -> BudgetTable.of(g.amounts())).toList();
        TreeSet<Integer> chartYears = new TreeSet<>();
        area.indicators().forEach(s -> {
            chartYears.addAll(s.values().keySet());
            chartYears.addAll(s.targetValues().keySet());
        });
        return new AreaReport(area, reportYear, List.copyOf(effectYears), prestatieYear, prestatie, budgets, List.copyOf(chartYears));
    }

    private static int budgetYear(Area area) {
        return area.budgets().stream().flatMap(g -> g.amounts().stream())
                .filter(a -> a.version().equals("realisatie")).mapToInt(PublicFigures.BudgetAmount::year).max()
                .orElse(java.time.Year.now().getValue());
    }

    String budgetTitle(int i) {
        return area.budgets().get(i).title();
    }
}
