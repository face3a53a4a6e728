package nl.opvangmonitor;

import java.util.List;
import nl.opvangmonitor.common.io.SourceColumns;
import nl.opvangmonitor.financien.FinanceColumns;
import nl.opvangmonitor.gepubliceerd.GepubliceerdJobConfig;
import nl.opvangmonitor.opvang.OpvangJobConfig;
import nl.opvangmonitor.streefwaarden.StreefwaardenJobConfig;
import nl.opvangmonitor.veiligthuis.VeiligthuisJobConfig;

/**
 * Every source by name, folder and canonical columns, known without starting Spring: the command line
 * checks the input folder and option names against it, and {@code status} and the nothing-new check of
 * {@code load} read it. The LoadSource beans of the feature packages carry the same three (SourcesIT).
 */
public final class Sources {

    public record Source(String name, String folder, SourceColumns columns) {
    }

    public static final List<Source> ALL = List.of(
            new Source("veiligthuis", "veiligthuis", VeiligthuisJobConfig.COLUMNS),
            new Source("opvangVerblijven", "opvang/verblijven", OpvangJobConfig.VERBLIJVEN),
            new Source("opvangNachten", "opvang/nachten", OpvangJobConfig.NACHTEN),
            new Source("opvangAfwijzingen", "opvang/afwijzingen", OpvangJobConfig.AFWIJZINGEN),
            new Source("financien", "financien", FinanceColumns.LONG),
            new Source("streefwaarden", "streefwaarden", StreefwaardenJobConfig.COLUMNS),
            new Source("gepubliceerd", "gepubliceerd", GepubliceerdJobConfig.COLUMNS));

    private Sources() {
    }

    public static List<String> folders() {
        return ALL.stream().map(Source::folder).toList();
    }
}
