package nl.opvangmonitor.streefwaarden;

import static nl.opvangmonitor.db.core.Tables.FCT_TARGET;

import java.util.List;
import nl.opvangmonitor.common.load.SourceModule;
import nl.opvangmonitor.common.load.StagedSource;
import org.jooq.Table;

/**
 * Streefwaarden as a source module: the folder {@code streefwaarden/} (loaded row by row by the
 * {@code streefwaardenSource} of {@link StreefwaardenJobConfig} until it is staged set-based) and
 * core.fct_target. No microdata.
 */
public class StreefwaardenModule implements SourceModule {

    @Override
    public String name() {
        return "streefwaarden";
    }

    @Override
    public List<StagedSource> sources() {
        return List.of();
    }

    @Override
    public List<Folder> folders() {
        return List.of(new Folder("streefwaarden", "streefwaarden", StreefwaardenJobConfig.COLUMNS));
    }

    @Override
    public List<Table<?>> factTables() {
        return List.of(FCT_TARGET);
    }
}
