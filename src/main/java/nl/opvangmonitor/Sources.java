package nl.opvangmonitor;

import java.util.List;
import nl.opvangmonitor.ingest.SourceModule;
import nl.opvangmonitor.ingest.SourceModules;

/**
 * Every source by name, folder and canonical columns, known without starting Spring: the command line
 * checks the input folder and option names against it, and {@code status} and the nothing-new check of
 * {@code load} read it. It is the folders of the source modules ({@link SourceModules}), in load order.
 */
public final class Sources {

    public static final List<SourceModule.Folder> ALL = SourceModules.folders();

    private Sources() {
    }

    public static List<String> folders() {
        return ALL.stream().map(SourceModule.Folder::folder).toList();
    }
}
