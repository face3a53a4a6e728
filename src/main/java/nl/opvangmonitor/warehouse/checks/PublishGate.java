package nl.opvangmonitor.warehouse.checks;

import java.util.Optional;

/** A check a feature adds to the publish gate when it is switched on; empty when it is off. */
public interface PublishGate {

    Optional<CheckRunner.Outcome> check();
}
