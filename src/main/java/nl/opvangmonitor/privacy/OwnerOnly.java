package nl.opvangmonitor.privacy;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the load writes (the warehouse and its build, DuckDB's write-ahead logs, the job
 * repository, failed builds, log files) is readable by its owner only: the process's umask is set to
 * 077 at start-up, before any file is opened, so files created by DuckDB, H2 and logback are
 * {@code rw-------} too. Java has no umask call; it is made through the foreign function API
 * (JDK 22+, reached reflectively because the code is compiled for 21). Where that is not available
 * (JDK 21, not POSIX) the files this project names itself are still restricted one by one
 * ({@code WarehouseFiles.ownerOnly}).
 */
public final class OwnerOnly {

    private static final Logger log = LoggerFactory.getLogger(OwnerOnly.class);
    static final int OWNER_ONLY = 0077;

    private OwnerOnly() {
    }

    /** Sets the umask to 077; returns the previous umask, or -1 when it could not be set. */
    public static synchronized int restrictUmask() {
        try {
            Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
            Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
            Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
            Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
            Object lookup = linkerClass.getMethod("defaultLookup").invoke(linker);
            Optional<?> umask = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup").getMethod("find", String.class).invoke(lookup, "umask");
            if (umask.isEmpty()) {
                return -1;
            }
            Object javaInt = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_INT").get(null);
            Object[] argument = (Object[]) Array.newInstance(layoutClass, 1);
            argument[0] = javaInt;
            Object descriptor = descriptorClass.getMethod("of", layoutClass, argument.getClass()).invoke(null, javaInt, argument);
            MethodHandle call = (MethodHandle) linkerClass.getMethod("downcallHandle", segmentClass, descriptorClass, optionClass.arrayType())
                    .invoke(linker, umask.get(), descriptor, Array.newInstance(optionClass, 0));
            return (int) call.invokeWithArguments(OWNER_ONLY);
        } catch (Throwable e) {
            log.debug("umask not set ({}); files are restricted one by one", SafeMessage.of(e));
            return -1;
        }
    }
}
