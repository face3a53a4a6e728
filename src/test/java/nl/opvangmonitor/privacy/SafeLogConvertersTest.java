package nl.opvangmonitor.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class SafeLogConvertersTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void message_whenOurLogLineHasTextArguments_thenTheyAreScrubbedAndNumbersKept() {
        var event = new LoggingEvent("fqcn", context.getLogger("nl.opvangmonitor.ingest.X"), Level.WARN,
                "{}: file {} not loaded: {} ({} rows/s)", null, new Object[] {"veiligthuis", 3L, "client 111222333, BC-031124", 1234567L});

        assertThat(new SafeLogConverters.SafeMessageConverter().convert(event))
                .isEqualTo("veiligthuis: file 3 not loaded: client <masked>, <masked> (1234567 rows/s)");
    }

    @Test
    void message_whenALibraryLogsWhatItRead_thenQuotedPartsAndIdentifiersAreMasked() {
        var event = new LoggingEvent("fqcn", context.getLogger("org.apache.poi.util.XMLHelper"), Level.ERROR,
                ":1:216:The entity \"Zwaantje\" was referenced near 111.222.333", null, null);

        assertThat(new SafeLogConverters.SafeMessageConverter().convert(event))
                .isEqualTo(":1:216:The entity <masked> was referenced near <masked>");
    }

    @Test
    void exception_whenLogged_thenKindsAndStackWithoutLibraryText() {
        var cause = new IllegalStateException("shared strings: 111222333, Zwaantje Mulder");
        var event = new LoggingEvent("fqcn", context.getLogger("org.springframework.batch.core.step.AbstractStep"), Level.ERROR,
                "Encountered an error executing step", new RuntimeException("wrapped Zwaantje", cause), null);
        var converter = new SafeLogConverters.SafeThrowableConverter();
        converter.start();

        String logged = converter.convert(event);

        assertThat(logged).startsWith("java.lang.RuntimeException" + System.lineSeparator() + "\tat ")
                .contains("Caused by: java.lang.IllegalStateException: shared strings" + System.lineSeparator())
                .contains("SafeLogConvertersTest")
                .doesNotContain("111222333").doesNotContain("Zwaantje");
    }
}
