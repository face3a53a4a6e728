package nl.opvangmonitor.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.opvangmonitor.ingest.read.SourceColumns;
import nl.opvangmonitor.indicators.IndicatorView;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Everything the platform needs from one source, declared in one place: its folders and how each is
 * staged, checked and written ({@link StagedSource}), the tables it fills, which of its rows expire,
 * what it derives after a load, its indicator views and its lines in the run summary. The load job,
 * supersede, retention, the BSN guard, the indicator step, the summary and the command line iterate
 * over the modules ({@link SourceModules}) and name no source.
 *
 * <p>A module is a plain class with a public no-arg constructor, listed in
 * {@code META-INF/services/nl.opvangmonitor.ingest.SourceModule}: the command line reads the
 * folders without starting Spring. It holds no state; what it needs of the warehouse it is given.
 */
public interface SourceModule {

    /** What the command line knows of a folder without Spring: the source's name, its folder and columns. */
    record Folder(String name, String folder, SourceColumns columns) {
    }

    /** Short name of the module (e.g. veiligthuis, opvang). */
    String name();

    /** The folders this module loads set-based, in load order (opvang has three). */
    List<StagedSource> sources();

    /** The folders of this module, for the command line; by default those of {@link #sources()}. */
    default List<Folder> folders() {
        return sources().stream().map(s -> new Folder(s.name(), s.folder(), s.columns())).toList();
    }

    /**
     * Every table this module's loads fill (each with a file_id column): a failed file's rows and an
     * earlier delivery of the same path are deleted from all of them, the BSN guard scans them. By
     * default the fact tables of its sources; a module whose files fill more tables adds them.
     */
    default List<Table<?>> factTables() {
        return sources().stream().<Table<?>>map(StagedSource::factTable).distinct().toList();
    }

    /**
     * The rows of each table holding microdata that are past retention on {@code cutoff} (dated before
     * it). Required for every fact table of a source with identifier columns ({@link SourceModules}
     * refuses a module that leaves one out); empty for sources without microdata.
     */
    default Map<Table<?>, Condition> expired(LocalDate cutoff) {
        return Map.of();
    }

    /**
     * Tables derived from the facts after every load, before the indicators (same transaction). In an
     * incremental run ({@code scope}) a derivation that changes what facts of earlier runs count records
     * their years ({@link ScanScope#recordYears}), so that those years are recomputed.
     */
    default void derive(DSLContext dsl, ScanScope.Scope scope) {
    }

    /**
     * Per fact table its indicators count: the first and last date a row counts in (a melding on its date,
     * a stay in every year it overlaps). An incremental run recomputes the years of the rows it added or
     * replaced ({@link ScanScope}); a table left out here never makes a year be recomputed.
     */
    default Map<Table<?>, List<Field<LocalDate>>> countedDates() {
        return Map.of();
    }

    /** Views computing this module's indicators per municipality and year. */
    default List<IndicatorView> indicatorViews() {
        return List.of();
    }

    /** Lines for the run summary under one file; empty when the file is not this module's. */
    default List<String> fileNotes(DSLContext dsl, long fileId) {
        return List.of();
    }

    /** Lines for the run summary after the file table. */
    default List<String> runNotes(DSLContext dsl, long runId) {
        return List.of();
    }
}
