package nl.opvangmonitor;

/**
 * The jar's entry point, compiled for Java 17 so that an older Java (a cron job calling
 * {@code /usr/bin/java}) gets one line saying what is needed instead of a stack trace about class
 * file versions. Everything else is Java 21 bytecode and starts only after this check.
 */
public final class Launcher {

    static final int REQUIRED = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        int found = Runtime.version().feature();
        if (found < REQUIRED) {
            System.err.println("opvangmonitor needs Java " + REQUIRED + " or newer; this is Java " + found + " ("
                    + System.getProperty("java.home") + "). Run it with a JDK " + REQUIRED + "+ (set JAVA_HOME) or use ./opvangmonitor.");
            System.exit(1);
        }
        try {
            Class.forName("nl.opvangmonitor.Application").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
