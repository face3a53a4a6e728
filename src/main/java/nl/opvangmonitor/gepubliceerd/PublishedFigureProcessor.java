package nl.opvangmonitor.gepubliceerd;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.opvangmonitor.common.load.RowValidator;
import nl.opvangmonitor.common.load.Validated;
import nl.opvangmonitor.common.parse.TargetNotation;
import nl.opvangmonitor.common.reference.AreaLookup;
import nl.opvangmonitor.common.reference.IndicatorCatalog;

/**
 * Validates one published figure. {@code indicator} is an indicator code, or a budget line written
 * {@code <taakveld or programme> | <version> | <line label>}; {@code soort} says whether the figure is
 * a value (default), the denominator of a percentage (noemer), a streefwaarde or a change against the
 * previous year. An indicator code that is
 * not in the catalog is kept: the comparison reports it as not computed, with the reason.
 */
class PublishedFigureProcessor {

    static final Map<String, String> KINDS = Map.of("waarde", "value", "noemer", "denominator", "streefwaarde", "target", "verandering", "change");
    static final List<String> BUDGET_VERSIONS = List.of("realisatie", "begroting", "bijgestelde_begroting", "raming", "afwijking");

    private final AreaLookup areas;
    private final IndicatorCatalog catalog;

    PublishedFigureProcessor(AreaLookup areas, IndicatorCatalog catalog) {
        this.areas = areas;
        this.catalog = catalog;
    }

    Validated<PublishedFigure> process(RowValidator v) {
        String indicator = v.requiredText("indicator");
        String soort = v.text("soort") == null ? "waarde" : v.text("soort").strip().toLowerCase(Locale.ROOT);
        String kind = KINDS.get(soort);
        if (kind == null) {
            v.reject("soort", v.text("soort"), "unknown soort: expected waarde, noemer, streefwaarde or verandering");
        }
        String code = null;
        String[] budget = null;
        if (indicator != null && indicator.contains("|")) {
            budget = indicator.split("\\|", -1);
            for (int i = 0; i < budget.length; i++) {
                budget[i] = budget[i].strip();
            }
            if (budget.length != 3 || budget[0].isEmpty() || budget[2].isEmpty()) {
                v.reject("indicator", indicator, "a budget line is written <taakveld or programme> | <version> | <line label>");
            } else {
                budget[1] = budget[1].toLowerCase(Locale.ROOT).replace(' ', '_');
                if (!BUDGET_VERSIONS.contains(budget[1])) {
                    v.reject("indicator", indicator, "unknown budget version " + budget[1] + ": expected one of " + String.join(", ", BUDGET_VERSIONS));
                }
            }
            if (kind != null && !"value".equals(kind)) {
                v.reject("soort", soort, "a budget line is compared as a value (soort waarde)");
            }
            kind = "budget";
        } else if (indicator != null) {
            code = indicator.strip().toLowerCase(Locale.ROOT);
        }
        String area = v.lookup("gemeente", areas::areaCode, "gemeente or region");
        Integer year = v.wholeNumber("jaar", true);
        if (year != null && (year < 2000 || year > 2040)) {
            v.reject("jaar", v.text("jaar"), "year outside the supported range 2000-2040");
        }
        String text = v.requiredText("waarde");
        PublishedNotation number = null;
        TargetNotation.Target target = null;
        if (text != null && kind != null) {
            try {
                if ("target".equals(kind)) {
                    target = TargetNotation.parse(text, code == null || catalog.higherIsBetter(code).orElse(true));
                } else {
                    number = PublishedNotation.parse(text);
                }
            } catch (IllegalArgumentException e) {
                v.reject("waarde", text, e.getMessage());
            }
        }
        String source = v.requiredText("bron");
        var publication = v.date("publicatiedatum", false);
        String figureKind = kind;
        String[] line = budget;
        String figureCode = code;
        PublishedNotation parsed = number;
        TargetNotation.Target parsedTarget = target;
        return v.result(() -> new PublishedFigure(figureKind, indicator.strip(), figureCode,
                line == null ? null : line[0], line == null ? null : line[1], line == null ? null : line[2],
                area, year, text.strip(),
                parsed != null ? parsed.value() : parsedTarget.value(),
                parsed != null ? parsed.decimals() : null,
                parsed != null ? parsed.percent() : text.contains("%"),
                parsedTarget == null ? null : parsedTarget.operator(),
                parsedTarget == null ? null : parsedTarget.value(),
                parsedTarget == null ? null : parsedTarget.upper(),
                source.strip(), v.text("pagina"), publication, v.text("toelichting")));
    }
}
