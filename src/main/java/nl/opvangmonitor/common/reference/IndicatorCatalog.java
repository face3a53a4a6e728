package nl.opvangmonitor.common.reference;

import static nl.opvangmonitor.db.core.Tables.DIM_INDICATOR;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The indicator catalog (core.dim_indicator) as the loaders need it: does a code exist, and is higher better. */
@Component
public class IndicatorCatalog {

    private final DSLContext dsl;
    private volatile Map<String, Boolean> higherIsBetter;

    public IndicatorCatalog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Empty when the code is not in the catalog; otherwise whether higher values are better. */
    public Optional<Boolean> higherIsBetter(String code) {
        if (higherIsBetter == null) {
            higherIsBetter = dsl.select(DIM_INDICATOR.INDICATOR_CODE, DIM_INDICATOR.DIRECTION).from(DIM_INDICATOR)
                    .fetchMap(r -> r.value1(), r -> "higher_is_better".equals(r.value2()));
        }
        return Optional.ofNullable(higherIsBetter.get(code == null ? "" : code.strip().toLowerCase(Locale.ROOT)));
    }
}
