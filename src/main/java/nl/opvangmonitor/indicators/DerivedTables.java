package nl.opvangmonitor.indicators;

import nl.opvangmonitor.common.load.ScanScope;
import org.jooq.DSLContext;

/**
 * Tables a feature derives from its facts after every load (e.g. a type-2 dimension rebuilt from
 * the delivered rows). The indicator step refreshes them, in the same transaction, before it
 * computes the indicators. In an incremental run a refresh that changes what facts of earlier runs
 * count as records their years ({@link ScanScope#recordYears}), so that those years are recomputed.
 */
public interface DerivedTables {

    void refresh(DSLContext dsl);

    /** Refreshes for a run of the given scope; by default as in a full run. */
    default void refresh(DSLContext dsl, ScanScope.Scope scope) {
        refresh(dsl);
    }
}
