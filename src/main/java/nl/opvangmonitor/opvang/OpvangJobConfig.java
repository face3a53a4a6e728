package nl.opvangmonitor.opvang;

import static nl.opvangmonitor.db.core.Tables.FCT_AFWIJZING;
import static nl.opvangmonitor.db.core.Tables.FCT_NACHT;
import static nl.opvangmonitor.db.core.Tables.FCT_VERBLIJF;
import static nl.opvangmonitor.db.core.Tables.V_INDICATOR_OPVANG;

import java.util.List;
import java.util.Set;
import nl.opvangmonitor.common.io.SourceColumns;
import nl.opvangmonitor.common.load.StagedSource;
import nl.opvangmonitor.indicators.IndicatorView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The shelter chain: reads {@code <input>/opvang/verblijven/} (stays), {@code opvang/nachten/}
 * (night-shelter nights) and {@code opvang/afwijzingen/} (refusals) into core.fct_verblijf,
 * core.fct_nacht and core.fct_afwijzing; rebuilds core.dim_facility (type-2) after every load and
 * feeds the indicators of core.v_indicator_opvang.
 */
@Configuration
public class OpvangJobConfig {

    public static final SourceColumns VERBLIJVEN = SourceColumns.of(
            List.of("verblijf_id", "client_id", "geboortejaar", "geslacht", "voorziening", "voorzieningstype",
                    "gemeente_herkomst", "startdatum", "einddatum"),
            List.of("huishouden", "aanbieder", "uitstroom_bestemming", "co_pas"));
    public static final SourceColumns NACHTEN = SourceColumns.of(List.of("client_id", "datum", "voorziening"), List.of());
    public static final SourceColumns AFWIJZINGEN = SourceColumns.of(List.of("datum", "voorziening", "reden"), List.of("gemeente"));

    @Bean
    @Order(20)
    public StagedSource opvangVerblijvenSource() {
        return new StagedSource("opvangVerblijven", "opvang/verblijven", VERBLIJVEN, Set.of("client_id"), FCT_VERBLIJF, OpvangRules::verblijf,
                "verblijf_id");
    }

    @Bean
    @Order(21)
    public StagedSource opvangNachtenSource() {
        return new StagedSource("opvangNachten", "opvang/nachten", NACHTEN, Set.of("client_id"), FCT_NACHT, OpvangRules::nacht);
    }

    @Bean
    @Order(22)
    public StagedSource opvangAfwijzingenSource() {
        return new StagedSource("opvangAfwijzingen", "opvang/afwijzingen", AFWIJZINGEN, Set.of(), FCT_AFWIJZING, OpvangRules::afwijzing);
    }

    @Bean
    public IndicatorView opvangIndicators() {
        return new IndicatorView(V_INDICATOR_OPVANG, V_INDICATOR_OPVANG.INDICATOR_CODE, V_INDICATOR_OPVANG.MUNICIPALITY_CODE,
                V_INDICATOR_OPVANG.YEAR, V_INDICATOR_OPVANG.NUMERATOR, V_INDICATOR_OPVANG.DENOMINATOR);
    }
}
