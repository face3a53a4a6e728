package nl.opvangmonitor.opvang;

import static nl.opvangmonitor.db.core.Tables.V_INDICATOR_OPVANG;

import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import nl.opvangmonitor.common.io.SourceColumns;
import nl.opvangmonitor.common.load.SourceDefinition;
import nl.opvangmonitor.common.privacy.Pseudonymizer;
import nl.opvangmonitor.common.reference.AreaLookup;
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

    static final SourceColumns VERBLIJVEN = SourceColumns.of(
            List.of("verblijf_id", "client_id", "geboortejaar", "geslacht", "voorziening", "voorzieningstype",
                    "gemeente_herkomst", "startdatum", "einddatum"),
            List.of("huishouden", "aanbieder", "uitstroom_bestemming", "co_pas"));
    static final SourceColumns NACHTEN = SourceColumns.of(List.of("client_id", "datum", "voorziening"), List.of());
    static final SourceColumns AFWIJZINGEN = SourceColumns.of(List.of("datum", "voorziening", "reden"), List.of("gemeente"));

    @Bean
    @Order(20)
    public SourceDefinition<Verblijf> opvangVerblijvenSource(DataSource warehouseDataSource, AreaLookup areas, Pseudonymizer pseudonymizer) {
        OpvangRowProcessor processor = new OpvangRowProcessor(areas, pseudonymizer);
        return new SourceDefinition<>("opvangVerblijven", "opvang/verblijven", VERBLIJVEN, Set.of("client_id"),
                processor::verblijf, new OpvangWriters.VerblijfWriter(warehouseDataSource));
    }

    @Bean
    @Order(21)
    public SourceDefinition<Nacht> opvangNachtenSource(DataSource warehouseDataSource, AreaLookup areas, Pseudonymizer pseudonymizer) {
        OpvangRowProcessor processor = new OpvangRowProcessor(areas, pseudonymizer);
        return new SourceDefinition<>("opvangNachten", "opvang/nachten", NACHTEN, Set.of("client_id"),
                processor::nacht, new OpvangWriters.NachtWriter(warehouseDataSource));
    }

    @Bean
    @Order(22)
    public SourceDefinition<Afwijzing> opvangAfwijzingenSource(DataSource warehouseDataSource, AreaLookup areas, Pseudonymizer pseudonymizer) {
        OpvangRowProcessor processor = new OpvangRowProcessor(areas, pseudonymizer);
        return new SourceDefinition<>("opvangAfwijzingen", "opvang/afwijzingen", AFWIJZINGEN, Set.of(),
                processor::afwijzing, new OpvangWriters.AfwijzingWriter(warehouseDataSource));
    }

    @Bean
    public IndicatorView opvangIndicators() {
        return new IndicatorView(V_INDICATOR_OPVANG, V_INDICATOR_OPVANG.INDICATOR_CODE, V_INDICATOR_OPVANG.MUNICIPALITY_CODE,
                V_INDICATOR_OPVANG.YEAR, V_INDICATOR_OPVANG.NUMERATOR, V_INDICATOR_OPVANG.DENOMINATOR);
    }
}
