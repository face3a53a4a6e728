package nl.opvangmonitor.opvang;

import static nl.opvangmonitor.db.core.Tables.FCT_AFWIJZING;
import static nl.opvangmonitor.db.core.Tables.FCT_NACHT;
import static nl.opvangmonitor.db.core.Tables.FCT_VERBLIJF;
import static nl.opvangmonitor.db.core.Tables.V_INDICATOR_OPVANG;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.opvangmonitor.ingest.read.SourceColumns;
import nl.opvangmonitor.ingest.ScanScope;
import nl.opvangmonitor.ingest.SourceModule;
import nl.opvangmonitor.ingest.StagedSource;
import nl.opvangmonitor.indicators.IndicatorView;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * The shelter chain: reads {@code <input>/opvang/verblijven/} (stays), {@code opvang/nachten/}
 * (night-shelter nights) and {@code opvang/afwijzingen/} (refusals) into core.fct_verblijf,
 * core.fct_nacht and core.fct_afwijzing; rebuilds core.dim_facility (type-2) after every load and
 * feeds the indicators of core.v_indicator_opvang (for an incremental run's years the table macro
 * core.indicator_opvang, which joins only the stays and nights of those years). A stay expires with its end date (a stay still
 * running never does), a night and a refusal with their date.
 */
public class OpvangModule implements SourceModule {

    private static final SourceColumns VERBLIJVEN = SourceColumns.of(
            List.of("verblijf_id", "client_id", "geboortejaar", "geslacht", "voorziening", "voorzieningstype",
                    "gemeente_herkomst", "startdatum", "einddatum"),
            List.of("huishouden", "aanbieder", "uitstroom_bestemming", "co_pas"));
    private static final SourceColumns NACHTEN = SourceColumns.of(List.of("client_id", "datum", "voorziening"), List.of());
    private static final SourceColumns AFWIJZINGEN = SourceColumns.of(List.of("datum", "voorziening", "reden"), List.of("gemeente"));

    @Override
    public String name() {
        return "opvang";
    }

    @Override
    public List<StagedSource> sources() {
        return List.of(
                new StagedSource("opvangVerblijven", "opvang/verblijven", VERBLIJVEN, Set.of("client_id"), FCT_VERBLIJF, OpvangRules::verblijf,
                        "verblijf_id"),
                new StagedSource("opvangNachten", "opvang/nachten", NACHTEN, Set.of("client_id"), FCT_NACHT, OpvangRules::nacht),
                new StagedSource("opvangAfwijzingen", "opvang/afwijzingen", AFWIJZINGEN, Set.of(), FCT_AFWIJZING, OpvangRules::afwijzing));
    }

    @Override
    public Map<Table<?>, List<Field<LocalDate>>> countedDates() {
        // a stay counts in every year it overlaps; an ongoing one up to today
        return Map.of(
                FCT_VERBLIJF, List.of(FCT_VERBLIJF.START_DATE, DSL.coalesce(FCT_VERBLIJF.END_DATE, DSL.currentLocalDate())),
                FCT_NACHT, List.of(FCT_NACHT.NIGHT_DATE, FCT_NACHT.NIGHT_DATE),
                FCT_AFWIJZING, List.of(FCT_AFWIJZING.REFUSAL_DATE, FCT_AFWIJZING.REFUSAL_DATE));
    }

    @Override
    public Map<Table<?>, Condition> expired(LocalDate cutoff) {
        Map<Table<?>, Condition> expired = new LinkedHashMap<>();
        expired.put(FCT_VERBLIJF, FCT_VERBLIJF.END_DATE.lt(cutoff));
        expired.put(FCT_NACHT, FCT_NACHT.NIGHT_DATE.lt(cutoff));
        expired.put(FCT_AFWIJZING, FCT_AFWIJZING.REFUSAL_DATE.lt(cutoff));
        return expired;
    }

    @Override
    public void derive(DSLContext dsl, ScanScope.Scope scope) {
        FacilityHistory.refresh(dsl, scope);
    }

    @Override
    public List<IndicatorView> indicatorViews() {
        return List.of(new IndicatorView(V_INDICATOR_OPVANG, DSL.name("core", "indicator_opvang"), V_INDICATOR_OPVANG.INDICATOR_CODE,
                V_INDICATOR_OPVANG.MUNICIPALITY_CODE, V_INDICATOR_OPVANG.YEAR, V_INDICATOR_OPVANG.NUMERATOR, V_INDICATOR_OPVANG.DENOMINATOR));
    }
}
