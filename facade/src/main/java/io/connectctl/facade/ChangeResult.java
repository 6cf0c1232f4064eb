package io.connectctl.facade;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of an awaited {@link PendingChange}.
 *
 * @param connector the connector
 * @param operationId the vendor operation id, empty if none
 * @param status the status reached, empty when the connector is gone (deleted) or the vendor did
 *     not return one
 * @param polls how many requests the wait sent
 */
public record ChangeResult(
    String connector, String operationId, Optional<ConnectorStatus> status, int polls) {
  /** Validates. */
  public ChangeResult {
    Objects.requireNonNull(connector, "connector");
    operationId = Objects.requireNonNullElse(operationId, "");
    status = Objects.requireNonNullElse(status, Optional.empty());
  }
}
