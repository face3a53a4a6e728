package nl.opvangmonitor.common.checks;

/** A check declaration that cannot be understood: a misspelt key is an error, never silently skipped. */
public class CheckDeclarationException extends RuntimeException {
    public CheckDeclarationException(String message) {
        super(message);
    }
}
