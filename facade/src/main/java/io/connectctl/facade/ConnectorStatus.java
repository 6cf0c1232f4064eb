package io.connectctl.facade;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A connector's status in one vendor-neutral shape.
 *
 * @param name the connector name
 * @param type source or sink
 * @param state the normalized state (see the README's mapping table)
 * @param vendorState the vendor's primary state value, exactly as sent (e.g. {@code RUNNING},
 *     {@code PAUSED})
 * @param vendorDetails further raw state fields the vendor sent (e.g. Redpanda's {@code
 *     holistic_state}, Yandex's {@code health}), by their wire names
 * @param workerId the worker running the connector, empty if unknown
 * @param trace the connector's error trace, empty if none
 * @param tasks the tasks (Yandex reports none)
 */
public record ConnectorStatus(
    String name,
    ConnectorType type,
    ConnectorState state,
    String vendorState,
    Map<String, String> vendorDetails,
    String workerId,
    String trace,
    List<TaskStatus> tasks) {

  /** Validates and copies. */
  public ConnectorStatus {
    Objects.requireNonNull(name, "name");
    type = Objects.requireNonNullElse(type, ConnectorType.UNKNOWN);
    Objects.requireNonNull(state, "state");
    vendorState = Objects.requireNonNullElse(vendorState, "");
    vendorDetails = Immutable.map(vendorDetails);
    workerId = Objects.requireNonNullElse(workerId, "");
    trace = Objects.requireNonNullElse(trace, "");
    tasks = Immutable.list(tasks);
  }

  /** The first non-empty trace: the connector's, else the first failed task's; empty if none. */
  public String firstTrace() {
    if (!trace.isEmpty()) {
      return trace;
    }
    return tasks.stream().map(TaskStatus::trace).filter(t -> !t.isEmpty()).findFirst().orElse("");
  }

  /** How many tasks are in {@code state}. */
  public long tasksIn(ConnectorState state) {
    return tasks.stream().filter(t -> t.state() == state).count();
  }
}
