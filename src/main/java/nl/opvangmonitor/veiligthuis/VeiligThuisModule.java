package nl.opvangmonitor.veiligthuis;

import static nl.opvangmonitor.db.core.Tables.FCT_MELDING;
import static nl.opvangmonitor.db.core.Tables.V_INDICATOR_VEILIGTHUIS;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.opvangmonitor.ingest.read.SourceColumns;
import nl.opvangmonitor.ingest.SourceModule;
import nl.opvangmonitor.ingest.StagedSource;
import nl.opvangmonitor.indicators.IndicatorView;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Veilig Thuis meldingen: reads the exports in {@code <input>/veiligthuis/} (CSV or XLSX, one row
 * per melding), fills core.fct_melding and feeds the indicators of core.v_indicator_veiligthuis
 * (hg_duur_kort, hg_stabiel_veilig, vt_meldingen, huisverboden, huisverbod_kinderen, vt_intensief_cm).
 * A melding expires with its meldingsdatum.
 */
public class VeiligThuisModule implements SourceModule {

    private static final SourceColumns COLUMNS = SourceColumns.of(
            List.of("melding_id", "client_id", "meldingsdatum", "gemeente", "vorm_geweld", "duur_geweld_maanden",
                    "in_onderzoek", "veilig_na_12_maanden", "huisverbod", "aantal_kinderen_huisverbod",
                    "intensief_casemanagement"),
            List.of());

    @Override
    public String name() {
        return "veiligthuis";
    }

    @Override
    public List<StagedSource> sources() {
        return List.of(new StagedSource("veiligthuis", "veiligthuis", COLUMNS, Set.of("client_id"), FCT_MELDING, MeldingRules::facts,
                "melding_id"));
    }

    @Override
    public Map<Table<?>, Condition> expired(LocalDate cutoff) {
        return Map.of(FCT_MELDING, FCT_MELDING.MELDING_DATE.lt(cutoff));
    }

    @Override
    public Map<Table<?>, List<Field<LocalDate>>> countedDates() {
        return Map.of(FCT_MELDING, List.of(FCT_MELDING.MELDING_DATE, FCT_MELDING.MELDING_DATE));
    }

    @Override
    public List<IndicatorView> indicatorViews() {
        return List.of(new IndicatorView(V_INDICATOR_VEILIGTHUIS, V_INDICATOR_VEILIGTHUIS.INDICATOR_CODE,
                V_INDICATOR_VEILIGTHUIS.MUNICIPALITY_CODE, V_INDICATOR_VEILIGTHUIS.YEAR,
                V_INDICATOR_VEILIGTHUIS.NUMERATOR, V_INDICATOR_VEILIGTHUIS.DENOMINATOR));
    }
}
