package nl.opvangmonitor.ingest;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.jooq.Table;

/**
 * The registry of source modules: every {@link SourceModule} listed in
 * {@code META-INF/services/nl.opvangmonitor.ingest.SourceModule}, in the order listed there
 * (the load order), found without Spring. A module that is written but not listed is caught by
 * SourceModulesTest; a module that keeps client identifiers without a retention condition is refused here.
 */
public final class SourceModules {

    private static final class Holder {
        static final List<SourceModule> ALL = checked(ServiceLoader.load(SourceModule.class, SourceModules.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).toList());
    }

    private SourceModules() {
    }

    public static List<SourceModule> all() {
        return Holder.ALL;
    }

    /** Every folder of every module, in load order. */
    public static List<SourceModule.Folder> folders() {
        return all().stream().flatMap(m -> m.folders().stream()).toList();
    }

    /** The sub folders of the input folder the modules read, in load order (e.g. veiligthuis, opvang/verblijven). */
    public static List<String> folderPaths() {
        return folders().stream().map(SourceModule.Folder::folder).toList();
    }

    /**
     * The modules, once checked: names and folders unique, and every fact table that receives client
     * identifiers covered by the module's retention condition, so no microdata escapes retention.
     */
    static List<SourceModule> checked(List<SourceModule> modules) {
        Set<String> names = new HashSet<>();
        Set<String> sources = new HashSet<>();
        Set<String> folders = new HashSet<>();
        for (SourceModule module : modules) {
            if (!names.add(module.name())) {
                throw new IllegalStateException("two source modules are named " + module.name());
            }
            for (SourceModule.Folder folder : module.folders()) {
                if (!sources.add(folder.name()) || !folders.add(folder.folder())) {
                    throw new IllegalStateException("source module " + module.name() + ": source " + folder.name()
                            + " or folder " + folder.folder() + " is declared twice");
                }
            }
            Map<Table<?>, ?> expired = module.expired(LocalDate.EPOCH);
            for (StagedSource source : module.sources()) {
                if (!source.identifierColumns().isEmpty() && !expired.containsKey(source.factTable())) {
                    throw new IllegalStateException("source module " + module.name() + " keeps client identifiers ("
                            + String.join(", ", source.identifierColumns()) + ") in " + source.factTable().getName()
                            + " but declares no retention condition for it (SourceModule.expired)");
                }
            }
        }
        return List.copyOf(modules);
    }
}
