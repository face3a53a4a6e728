package nl.opvangmonitor.privacy;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import org.slf4j.helpers.MessageFormatter;

/**
 * Every log line passes through {@link SafeMessage} (wired in {@code logback-spring.xml}): our own
 * log statements keep their text and numbers and have their text arguments scrubbed; lines of other
 * libraries are scrubbed whole, quoted parts masked; an exception is logged with its kind, its safe
 * message and its stack, never with a library's message, which may quote cell content.
 */
public final class SafeLogConverters {

    private static final String OWN_LOGGERS = "nl.opvangmonitor.";

    private SafeLogConverters() {
    }

    /** {@code %safeMsg}: the message of a log line, made safe. */
    public static final class SafeMessageConverter extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            Object[] arguments = event.getArgumentArray();
            if (!event.getLoggerName().startsWith(OWN_LOGGERS)) {
                return SafeMessage.scrubLibraryText(event.getFormattedMessage());
            }
            if (arguments == null || arguments.length == 0) {
                return SafeMessage.scrub(event.getFormattedMessage());
            }
            Object[] safe = new Object[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                Object a = arguments[i];
                safe[i] = a instanceof Throwable t ? SafeMessage.of(t) : a instanceof CharSequence || a instanceof java.nio.file.Path
                        ? SafeMessage.scrub(a.toString()) : a;
            }
            return MessageFormatter.arrayFormat(event.getMessage(), safe).getMessage();
        }
    }

    /** {@code %safeEx}: an exception with its causes and stack, each with its safe message. */
    public static final class SafeThrowableConverter extends ThrowableHandlingConverter {
        @Override
        public String convert(ILoggingEvent event) {
            StringBuilder out = new StringBuilder();
            String prefix = "";
            for (IThrowableProxy p = event.getThrowableProxy(); p != null; p = p.getCause()) {
                String message = p instanceof ThrowableProxy tp ? SafeMessage.describe(tp.getThrowable()) : "";
                out.append(prefix).append(p.getClassName()).append(message.isEmpty() ? "" : ": " + message).append(System.lineSeparator());
                for (StackTraceElementProxy frame : p.getStackTraceElementProxyArray()) {
                    out.append('\t').append(frame.getSTEAsString()).append(System.lineSeparator());
                }
                prefix = "Caused by: ";
            }
            return out.toString();
        }
    }
}
