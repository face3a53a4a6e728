package nl.opvangmonitor.common.load;

/** Why one value of one row was refused. {@code value} is already masked for identifier columns. */
public record Rejection(String column, String value, String reason) {
}
