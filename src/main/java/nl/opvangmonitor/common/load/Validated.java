package nl.opvangmonitor.common.load;

import java.util.List;
import nl.opvangmonitor.common.io.SourceRow;

/** A row after validation: either a fact ({@code value} set) or the reasons it was rejected. */
public record Validated<T>(long fileId, int rowNumber, T value, List<Rejection> rejections) {

    public static <T> Validated<T> of(SourceRow row, T value) {
        return new Validated<>(row.fileId(), row.rowNumber(), value, List.of());
    }

    public static <T> Validated<T> rejected(SourceRow row, List<Rejection> rejections) {
        return new Validated<>(row.fileId(), row.rowNumber(), null, List.copyOf(rejections));
    }

    public boolean isRejected() {
        return value == null;
    }
}
