package nl.opvangmonitor.common.io;

import java.io.Closeable;
import java.io.IOException;

/** Streams the physical rows of one file, one at a time. */
public interface RawRowSource extends Closeable {

    /** The next row, or null at the end of the file. */
    RawRow next() throws IOException;
}
