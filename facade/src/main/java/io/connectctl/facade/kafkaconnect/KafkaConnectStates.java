package io.connectctl.facade.kafkaconnect;

import io.connectctl.facade.ConnectorState;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How Kafka Connect's states become one {@link ConnectorState}. Kafka Connect reports the connector
 * instance's state and each task's; the normalized connector state takes the tasks into account:
 *
 * <table>
 *   <caption>connector state</caption>
 *   <tr><th>instance state, tasks</th><th>normalized</th></tr>
 *   <tr><td>RUNNING, no task FAILED</td><td>RUNNING</td></tr>
 *   <tr><td>RUNNING, every task FAILED</td><td>FAILED</td></tr>
 *   <tr><td>RUNNING, some tasks FAILED</td><td>DEGRADED</td></tr>
 *   <tr><td>PAUSED, STOPPED, FAILED, RESTARTING, UNASSIGNED</td><td>the same</td></tr>
 *   <tr><td>anything else</td><td>UNKNOWN</td></tr>
 * </table>
 *
 * Each task's state is its own, mapped the same way (RUNNING, PAUSED, FAILED, RESTARTING,
 * UNASSIGNED; else UNKNOWN).
 */
public final class KafkaConnectStates {
  private KafkaConnectStates() {}

  /**
   * The normalized state of a connector.
   *
   * @param connectorState the instance's state as sent, may be null
   * @param taskStates the tasks' states as sent
   */
  public static ConnectorState connector(@Nullable String connectorState, List<String> taskStates) {
    ConnectorState instance = plain(connectorState);
    if (instance != ConnectorState.RUNNING || taskStates.isEmpty()) {
      return instance;
    }
    int failed = 0;
    for (String task : taskStates) {
      if (plain(task) == ConnectorState.FAILED) {
        failed++;
      }
    }
    if (failed == 0) {
      return ConnectorState.RUNNING;
    }
    return failed == taskStates.size() ? ConnectorState.FAILED : ConnectorState.DEGRADED;
  }

  /** A connector instance's or a task's own state, normalized. */
  public static ConnectorState plain(@Nullable String state) {
    String value = state == null ? "" : state.trim().toUpperCase(Locale.ROOT);
    return switch (value) {
      case "RUNNING" -> ConnectorState.RUNNING;
      case "PAUSED" -> ConnectorState.PAUSED;
      case "STOPPED" -> ConnectorState.STOPPED;
      case "FAILED" -> ConnectorState.FAILED;
      case "RESTARTING" -> ConnectorState.RESTARTING;
      case "UNASSIGNED" -> ConnectorState.UNASSIGNED;
      default -> ConnectorState.UNKNOWN;
    };
  }
}
