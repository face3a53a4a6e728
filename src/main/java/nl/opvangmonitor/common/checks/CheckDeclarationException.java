package nl.opvangmonitor.common.checks;

import nl.opvangmonitor.common.privacy.SafeMessage;

/** A check declaration that cannot be understood: a misspelt key is an error, never silently skipped. */
public class CheckDeclarationException extends RuntimeException implements SafeMessage.Safe {
    public CheckDeclarationException(String message) {
        super(message);
    }
}
