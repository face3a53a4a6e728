package nl.opvangmonitor.streefwaarden;

import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import nl.opvangmonitor.common.io.SourceColumns;
import nl.opvangmonitor.common.load.SourceDefinition;
import nl.opvangmonitor.common.reference.AreaLookup;
import nl.opvangmonitor.common.reference.IndicatorCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Streefwaarden (targets): reads {@code <input>/streefwaarden/} (indicator, gemeente, jaar,
 * streefwaarde, bron, publicatiedatum) into core.fct_target; mart.indicator_yearly compares
 * every value with the most recently published target for its indicator, area and year.
 */
@Configuration
public class StreefwaardenJobConfig {

    public static final SourceColumns COLUMNS = SourceColumns.of(
            List.of("indicator", "gemeente", "jaar", "streefwaarde"),
            List.of("bron", "publicatiedatum"));

    @Bean
    @Order(90)
    public SourceDefinition<Target> streefwaardenSource(DataSource warehouseDataSource, AreaLookup areas, IndicatorCatalog catalog) {
        TargetProcessor processor = new TargetProcessor(areas, catalog);
        return new SourceDefinition<>("streefwaarden", "streefwaarden", COLUMNS, Set.of(),
                processor::process, new TargetWriter(warehouseDataSource));
    }
}
