package io.connectctl.facade;

import java.util.Objects;

/**
 * The status of one task.
 *
 * @param id the task number
 * @param state the normalized state
 * @param vendorState the state exactly as the vendor sent it
 * @param workerId the worker running it, empty if unknown
 * @param trace the error trace or message, empty if none
 */
public record TaskStatus(
    int id, ConnectorState state, String vendorState, String workerId, String trace) {
  /** Replaces absent strings with empty ones. */
  public TaskStatus {
    Objects.requireNonNull(state, "state");
    vendorState = Objects.requireNonNullElse(vendorState, "");
    workerId = Objects.requireNonNullElse(workerId, "");
    trace = Objects.requireNonNullElse(trace, "");
  }
}
