package nl.opvangmonitor.ingest;

import static nl.opvangmonitor.db.audit.Tables.LOAD_FILE;
import static nl.opvangmonitor.db.audit.Tables.ROW_REPLACEMENT;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Under a file in the run summary: how many rows of which older delivery its rows replaced (same natural key). */
@Component
@Order(1)
class RowReplacementNotes implements LoadSummaryNotes {

    private final DSLContext dsl;

    RowReplacementNotes(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<String> fileNotes(long fileId) {
        return dsl.select(ROW_REPLACEMENT.ROWS_REPLACED, LOAD_FILE.FILE_PATH, LOAD_FILE.FILE_ID, ROW_REPLACEMENT.KEY_COLUMN)
                .from(ROW_REPLACEMENT).join(LOAD_FILE).on(LOAD_FILE.FILE_ID.eq(ROW_REPLACEMENT.REPLACED_FILE_ID))
                .where(ROW_REPLACEMENT.FILE_ID.eq(fileId)).orderBy(LOAD_FILE.FILE_ID)
                .fetch(r -> "replaced " + r.value1() + " row(s) of " + r.value2() + " (file " + r.value3() + "): the same "
                        + r.value4() + ", this newer delivery counts");
    }
}
