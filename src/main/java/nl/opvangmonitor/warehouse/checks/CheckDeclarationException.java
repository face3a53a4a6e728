package nl.opvangmonitor.warehouse.checks;

import nl.opvangmonitor.privacy.SafeMessage;

/** A check declaration that cannot be understood: a misspelt key is an error, never silently skipped. */
public class CheckDeclarationException extends RuntimeException implements SafeMessage.Safe {
    public CheckDeclarationException(String message) {
        super(message);
    }
}
