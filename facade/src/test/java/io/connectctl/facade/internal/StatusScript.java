package io.connectctl.facade.internal;

import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.TaskStatus;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Statuses answered in a fixed order, one per poll; the last answer repeats for ever. An answer can
 * also be "not found" (the status call throws {@link NotFoundException}).
 */
final class StatusScript implements Supplier<ConnectorStatus> {
  static final String NAME = "orders-s3-sink";

  private final List<Object> answers;
  private int calls;

  private StatusScript(List<Object> answers) {
    if (answers.isEmpty()) {
      throw new IllegalArgumentException("a script needs at least one answer");
    }
    this.answers = new ArrayList<>(answers);
  }

  /**
   * Answers {@code answers} in order: {@link ConnectorStatus} or {@link ConnectorState} values, or
   * {@link #GONE}.
   */
  static StatusScript of(Object... answers) {
    return new StatusScript(List.of(answers));
  }

  /** The answer "the connector does not exist". */
  static final Object GONE = new Object();

  /**
   * A status in {@code state}, with the state's name as the vendor state; RUNNING, PAUSED and
   * FAILED connectors have one task in the same state (as a worker shows them once settled), others
   * none.
   */
  static ConnectorStatus status(ConnectorState state) {
    List<TaskStatus> tasks =
        switch (state) {
          case RUNNING, PAUSED, FAILED ->
              List.of(new TaskStatus(0, state, state.name(), "worker-1", ""));
          default -> List.of();
        };
    return new ConnectorStatus(
        NAME, ConnectorType.SINK, state, state.name(), Map.of(), "worker-1", "", tasks);
  }

  /** A status with tasks. */
  static ConnectorStatus status(ConnectorState state, String trace, TaskStatus... tasks) {
    return new ConnectorStatus(
        NAME, ConnectorType.SINK, state, state.name(), Map.of(), "worker-1", trace, List.of(tasks));
  }

  @Override
  public synchronized ConnectorStatus get() {
    Object answer = answers.get(Math.min(calls, answers.size() - 1));
    calls++;
    if (answer == GONE) {
      throw new NotFoundException(
          "Connector '" + NAME + "' not found",
          ErrorContext.response(Vendor.REDPANDA, 404).withVendorError("NOT_FOUND", "not found"),
          null);
    }
    return answer instanceof ConnectorState state ? status(state) : (ConnectorStatus) answer;
  }

  /** How many times the status was asked for. */
  synchronized int calls() {
    return calls;
  }
}
