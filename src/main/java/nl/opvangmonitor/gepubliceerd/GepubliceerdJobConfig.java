package nl.opvangmonitor.gepubliceerd;

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
 * Gepubliceerd (published figures): reads {@code <input>/gepubliceerd/} (indicator, gemeente, jaar,
 * waarde, bron; optional soort, pagina, publicatiedatum, toelichting) into core.fct_published;
 * mart.published_comparison compares every figure with what the warehouse computes.
 */
@Configuration
public class GepubliceerdJobConfig {

    public static final SourceColumns COLUMNS = SourceColumns.of(
            List.of("indicator", "gemeente", "jaar", "waarde", "bron"),
            List.of("soort", "pagina", "publicatiedatum", "toelichting"));

    @Bean
    @Order(95)
    public SourceDefinition<PublishedFigure> gepubliceerdSource(DataSource warehouseDataSource, AreaLookup areas, IndicatorCatalog catalog) {
        PublishedFigureProcessor processor = new PublishedFigureProcessor(areas, catalog);
        return new SourceDefinition<>("gepubliceerd", "gepubliceerd", COLUMNS, Set.of(), processor::process,
                new PublishedFigureWriter(warehouseDataSource));
    }
}
