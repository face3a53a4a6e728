package nl.opvangmonitor.indicators;

import org.jooq.DSLContext;

/**
 * Tables a feature derives from its facts after every load (e.g. a type-2 dimension rebuilt from
 * the delivered rows). The indicator step refreshes them, in the same transaction, before it
 * computes the indicators.
 */
public interface DerivedTables {

    void refresh(DSLContext dsl);
}
