package nl.opvangmonitor.streefwaarden;

import static nl.opvangmonitor.db.core.Tables.FCT_TARGET;

import java.util.Locale;
import nl.opvangmonitor.common.load.RowValidator;
import nl.opvangmonitor.common.load.Validated;
import nl.opvangmonitor.common.parse.TargetNotation;
import nl.opvangmonitor.common.reference.AreaLookup;
import nl.opvangmonitor.common.reference.IndicatorCatalog;

/** Validates one streefwaarde row: a known indicator, a known municipality or region, a year and a target in council notation. */
class TargetProcessor {

    private final AreaLookup areas;
    private final IndicatorCatalog catalog;

    TargetProcessor(AreaLookup areas, IndicatorCatalog catalog) {
        this.areas = areas;
        this.catalog = catalog;
    }

    Validated<Target> process(RowValidator v) {
        String indicator = v.requiredText("indicator");
        Boolean higherIsBetter = null;
        if (indicator != null) {
            higherIsBetter = catalog.higherIsBetter(indicator).orElse(null);
            if (higherIsBetter == null) {
                v.reject("indicator", indicator, "unknown indicator: not in the indicator catalog (core.dim_indicator)");
            }
        }
        String area = v.lookup("gemeente", areas::areaCode, "gemeente or region");
        Integer year = v.wholeNumber("jaar", true);
        if (year != null && (year < 2000 || year > 2040)) {
            v.reject("jaar", v.text("jaar"), "year outside the supported range 2000-2040");
        }
        String text = v.requiredText("streefwaarde");
        TargetNotation.Target target = null;
        if (text != null) {
            try {
                target = TargetNotation.parse(text, higherIsBetter == null || higherIsBetter);
                v.fits("streefwaarde", text, target.value(), FCT_TARGET.TARGET_VALUE);
                v.fits("streefwaarde", text, target.upper(), FCT_TARGET.TARGET_VALUE_UPPER);
            } catch (IllegalArgumentException e) {
                v.reject("streefwaarde", text, e.getMessage());
            }
        }
        var publication = v.date("publicatiedatum", false);
        String source = v.text("bron");
        TargetNotation.Target parsed = target;
        return v.result(() -> new Target(indicator.strip().toLowerCase(Locale.ROOT), area, year, text,
                parsed.operator(), parsed.value(), parsed.upper(), source, publication));
    }
}
