package nl.opvangmonitor.gepubliceerd;

import static nl.opvangmonitor.db.mart.Tables.PUBLISHED_COMPARISON;
import static org.jooq.impl.DSL.count;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.opvangmonitor.warehouse.checks.CheckRunner;
import nl.opvangmonitor.warehouse.checks.PublishGate;
import nl.opvangmonitor.db.mart.tables.records.PublishedComparisonRecord;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The published figures in the run summary ({@code Published figures: 223 compared: 211 equal, 1 different,
 * 11 not computed}, each difference and figure not computed named with its reason), and, with
 * {@code opvangmonitor.published.gate=true}, a check that keeps the warehouse unpublished while a
 * published figure differs from what it computes.
 */
@Component
class PublishedComparison implements PublishGate {

    static final int LISTED = 15;

    private final DSLContext dsl;
    private final boolean gate;

    PublishedComparison(DSLContext dsl, @Value("${opvangmonitor.published.gate:false}") boolean gate) {
        this.dsl = dsl;
        this.gate = gate;
    }

    /** The run summary's lines on the published figures (for {@link GepubliceerdModule}). */
    static List<String> runNotes(DSLContext dsl) {
        Map<String, Integer> outcomes = dsl.select(PUBLISHED_COMPARISON.OUTCOME, count()).from(PUBLISHED_COMPARISON)
                .groupBy(PUBLISHED_COMPARISON.OUTCOME).fetchMap(PUBLISHED_COMPARISON.OUTCOME, count());
        int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return List.of();
        }
        int rounded = outcomes.getOrDefault("equal after rounding", 0);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("Published figures: %d compared: %d equal (%d of them after rounding), %d different, %d not computed (mart.published_comparison).",
                total, outcomes.getOrDefault("equal", 0) + rounded, rounded, outcomes.getOrDefault("different", 0),
                outcomes.getOrDefault("not computed", 0)));
        for (String outcome : List.of("different", "not computed")) {
            var rows = dsl.selectFrom(PUBLISHED_COMPARISON).where(PUBLISHED_COMPARISON.OUTCOME.eq(outcome))
                    .orderBy(PUBLISHED_COMPARISON.FILE_PATH, PUBLISHED_COMPARISON.ROW_NUMBER).limit(LISTED + 1).fetch();
            rows.stream().limit(LISTED).forEach(r -> lines.add("    " + describe(r)));
            int more = outcomes.getOrDefault(outcome, 0) - LISTED;
            if (more > 0) {
                lines.add("    ... " + more + " more " + outcome + " in mart.published_comparison");
            }
        }
        return lines;
    }

    /** "different: hg_duur_kort, Barendrecht 2019, published 64% (Begroting 2021, 12): computed 65.0000 at the published precision; <toelichting>". */
    static String describe(PublishedComparisonRecord r) {
        String area = r.getMunicipalityName() != null ? r.getMunicipalityName() : r.getRegionCode();
        String page = r.getPage() == null ? "" : ", " + r.getPage();
        return r.getOutcome() + ": " + r.getIndicator() + ", " + area + " " + r.getYear() + ", published " + r.getPublishedText()
                + " (" + r.getSourceDocument() + page + "): " + r.getReason()
                + (r.getToelichting() == null ? "" : "; " + r.getToelichting());
    }

    @Override
    public Optional<CheckRunner.Outcome> check() {
        if (!gate) {
            return Optional.empty();
        }
        var different = dsl.selectFrom(PUBLISHED_COMPARISON).where(PUBLISHED_COMPARISON.OUTCOME.eq("different"))
                .orderBy(PUBLISHED_COMPARISON.FILE_PATH, PUBLISHED_COMPARISON.ROW_NUMBER).fetch();
        return Optional.of(new CheckRunner.Outcome("mart.published_comparison", "published_figures_reproduced", different.isEmpty(),
                different.size(), different.isEmpty() ? null
                        : different.size() + " published figure" + (different.size() == 1 ? "" : "s") + " differ, first "
                          + describe(different.getFirst())));
    }
}
