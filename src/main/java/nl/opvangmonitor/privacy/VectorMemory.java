package nl.opvangmonitor.privacy;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code opvang_pseudonym} on the memory of DuckDB's vectors instead of the driver's accessors per row. The driver
 * reads each text through a call into native code that copies it into a new array, then a {@code String}; and it
 * takes each 128-bit result as a {@link java.math.BigInteger}. Over a million identifiers that is about a third of the
 * function's time on both cores (0.17 s against 0.11 s, BENCHMARKS.md).
 * <p>
 * The memory is what DuckDB's C API gives for a vector ({@code duckdb_vector_get_data}, {@code
 * duckdb_vector_get_validity}), laid out as {@code duckdb.h} defines it: a text is a 16-byte {@code duckdb_string_t}
 * whose first 4 bytes hold its length, and whose next 12 hold the text itself when it is no longer (an identifier
 * almost always is; a longer one is read through the accessor); a {@code UHUGEINT} is its low 64 bits, then its high 64,
 * in the machine's byte order; validity is one bit per row, 64 rows to a word. The driver keeps these buffers in
 * private fields, found here once by name. A driver without them switches this off (logged once) and the accessors
 * serve, with the same results, only slower; {@code PseudonymFunctionTest} fails on such a driver so the loss is seen.
 */
final class VectorMemory {

    private static final Logger log = LoggerFactory.getLogger(VectorMemory.class);

    /** Bytes of one entry of a text or a 128-bit vector. */
    private static final int ENTRY = 16;
    /** The longest text DuckDB keeps inside its entry, after the 4 bytes of its length. */
    private static final int INLINE = 12;

    private static final Field TEXTS = field(DuckDBReadableVector.class, "data");
    private static final Field RESULTS = field(DuckDBWritableVector.class, "data");
    private static final Field VALIDITY = field(DuckDBWritableVector.class, "validity");

    private VectorMemory() {
    }

    /** Whether this driver's vectors can be read and written in their memory. */
    static boolean available() {
        return TEXTS != null && RESULTS != null && VALIDITY != null;
    }

    /**
     * Writes the pseudonym of every identifier of {@code input} into {@code output} (NULL for NULL or blank), as
     * {@link Pseudonymizer#halves(String)} gives them; false, having written nothing, when the vectors' memory is not
     * at hand.
     */
    static boolean pseudonymise(DuckDBReadableVector input, DuckDBWritableVector output, Pseudonymizer pseudonymizer) {
        ByteBuffer texts = buffer(TEXTS, input);
        ByteBuffer results = buffer(RESULTS, output);
        ByteBuffer validity = buffer(VALIDITY, output);
        if (texts == null || results == null || validity == null) {
            return false;
        }
        int rows = (int) input.rowCount();
        byte[] text = new byte[INLINE];
        long validWord = 0;
        for (int row = 0; row < rows; row++) {
            Pseudonymizer.Halves pseudonym = null;
            if (!input.isNull(row)) {
                int length = texts.getInt(row * ENTRY);
                if (length <= INLINE) {
                    texts.get(row * ENTRY + Integer.BYTES, text, 0, length);
                    pseudonym = pseudonymizer.halves(text, length);
                } else {
                    String identifier = input.getString(row);
                    pseudonym = identifier.isBlank() ? null : pseudonymizer.halves(identifier);
                }
            }
            if (pseudonym != null) {
                results.putLong(row * ENTRY, pseudonym.low());
                results.putLong(row * ENTRY + Long.BYTES, pseudonym.high());
                validWord |= 1L << (row & 63);
            }
            if ((row & 63) == 63 || row == rows - 1) {
                validity.putLong((row >>> 6) * Long.BYTES, validWord);
                validWord = 0;
            }
        }
        return true;
    }

    /** The buffer in a vector's field, in the machine's byte order; null when the field is missing or empty. */
    private static ByteBuffer buffer(Field field, Object vector) {
        if (field == null) {
            return null;
        }
        try {
            ByteBuffer buffer = (ByteBuffer) field.get(vector);
            return buffer == null ? null : buffer.duplicate().order(ByteOrder.nativeOrder());
        } catch (IllegalAccessException | ClassCastException e) {
            return null;
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            if (!ByteBuffer.class.equals(field.getType())) {
                throw new NoSuchFieldException(name + " is a " + field.getType().getName());
            }
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.info("the pseudonym function reads the driver's vectors through their accessors ({} of {}: {})", name,
                    type.getSimpleName(), e.getMessage());
            return null;
        }
    }
}
