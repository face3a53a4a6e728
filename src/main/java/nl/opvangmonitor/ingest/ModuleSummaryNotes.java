package nl.opvangmonitor.ingest;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The source modules' lines in the run summary (after the platform's own), in module order. */
@Component
@Order(2)
class ModuleSummaryNotes implements LoadSummaryNotes {

    private final DSLContext dsl;

    ModuleSummaryNotes(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<String> fileNotes(long fileId) {
        return SourceModules.all().stream().flatMap(m -> m.fileNotes(dsl, fileId).stream()).toList();
    }

    @Override
    public List<String> runNotes(long runId) {
        return SourceModules.all().stream().flatMap(m -> m.runNotes(dsl, runId).stream()).toList();
    }
}
