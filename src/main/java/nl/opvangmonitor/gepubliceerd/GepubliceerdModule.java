package nl.opvangmonitor.gepubliceerd;

import static nl.opvangmonitor.db.core.Tables.FCT_PUBLISHED;

import java.util.List;
import nl.opvangmonitor.common.load.SourceModule;
import nl.opvangmonitor.common.load.StagedSource;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Gepubliceerd as a source module: the folder {@code gepubliceerd/} (loaded row by row by the
 * {@code gepubliceerdSource} of {@link GepubliceerdJobConfig} until it is staged set-based),
 * core.fct_published and the comparison with the computed figures in the run summary. No microdata.
 */
public class GepubliceerdModule implements SourceModule {

    @Override
    public String name() {
        return "gepubliceerd";
    }

    @Override
    public List<StagedSource> sources() {
        return List.of();
    }

    @Override
    public List<Folder> folders() {
        return List.of(new Folder("gepubliceerd", "gepubliceerd", GepubliceerdJobConfig.COLUMNS));
    }

    @Override
    public List<Table<?>> factTables() {
        return List.of(FCT_PUBLISHED);
    }

    @Override
    public List<String> runNotes(DSLContext dsl, long runId) {
        return PublishedComparison.runNotes(dsl);
    }
}
