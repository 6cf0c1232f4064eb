package io.connectctl.facade.redpanda;

import io.connectctl.facade.ConnectorState;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How Redpanda's connector states become one {@link ConnectorState}.
 *
 * <p>Redpanda reports two things: the Kafka Connect state of the connector instance ({@code
 * connector.state}) and {@code holistic_state}, Redpanda's verdict over the connector and all of
 * its tasks. The holistic state decides; the Kafka Connect state is used only when the holistic
 * state says nothing ({@code UNKNOWN} or absent). The raw values are kept: {@link
 * io.connectctl.facade.ConnectorStatus#vendorState()} is the Kafka Connect state exactly as sent
 * and {@code vendorDetails["holistic_state"]} the holistic state exactly as sent.
 *
 * <table>
 *   <caption>{@code holistic_state} (prefix {@code CONNECTOR_HOLISTIC_STATE_} left out)</caption>
 *   <tr><th>holistic_state</th><th>normalized</th></tr>
 *   <tr><td>HEALTHY</td><td>RUNNING</td></tr>
 *   <tr><td>DEGRADED</td><td>DEGRADED</td></tr>
 *   <tr><td>UNHEALTHY</td><td>FAILED when the connector instance is FAILED, or it has tasks and all of them are
 *       FAILED; DEGRADED otherwise</td></tr>
 *   <tr><td>PAUSED</td><td>PAUSED</td></tr>
 *   <tr><td>STOPPED</td><td>STOPPED</td></tr>
 *   <tr><td>RESTARTING</td><td>RESTARTING</td></tr>
 *   <tr><td>UNASSIGNED</td><td>UNASSIGNED</td></tr>
 *   <tr><td>DESTROYED</td><td>DELETED</td></tr>
 *   <tr><td>UNKNOWN, empty or absent</td><td>the Kafka Connect state, mapped as below</td></tr>
 *   <tr><td>any other value</td><td>UNKNOWN</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Kafka Connect state of the connector instance and of each task</caption>
 *   <tr><th>state</th><th>normalized</th></tr>
 *   <tr><td>RUNNING</td><td>RUNNING</td></tr>
 *   <tr><td>PAUSED</td><td>PAUSED</td></tr>
 *   <tr><td>STOPPED</td><td>STOPPED</td></tr>
 *   <tr><td>FAILED</td><td>FAILED</td></tr>
 *   <tr><td>RESTARTING</td><td>RESTARTING</td></tr>
 *   <tr><td>UNASSIGNED</td><td>UNASSIGNED</td></tr>
 *   <tr><td>any other value, empty or absent</td><td>UNKNOWN</td></tr>
 * </table>
 *
 * <p>Tasks have no holistic state: each task's state is its Kafka Connect state mapped by the
 * second table.
 */
public final class RedpandaStates {
  /** The prefix every {@code holistic_state} value carries on the wire. */
  public static final String HOLISTIC_PREFIX = "CONNECTOR_HOLISTIC_STATE_";

  private RedpandaStates() {}

  /**
   * The normalized state of a connector.
   *
   * @param holisticState {@code holistic_state} as sent (with or without the prefix), may be null
   * @param connectorState the Kafka Connect state of the connector instance as sent, may be null
   * @param taskStates the Kafka Connect states of its tasks as sent
   */
  public static ConnectorState connector(
      @Nullable String holisticState, @Nullable String connectorState, List<String> taskStates) {
    String holistic = holisticState == null ? "" : holisticState.trim().toUpperCase(Locale.ROOT);
    if (holistic.startsWith(HOLISTIC_PREFIX)) {
      holistic = holistic.substring(HOLISTIC_PREFIX.length());
    }
    ConnectorState instance = kafkaConnect(connectorState);
    return switch (holistic) {
      case "HEALTHY" -> ConnectorState.RUNNING;
      case "DEGRADED" -> ConnectorState.DEGRADED;
      case "UNHEALTHY" ->
          instance == ConnectorState.FAILED || allFailed(taskStates)
              ? ConnectorState.FAILED
              : ConnectorState.DEGRADED;
      case "PAUSED" -> ConnectorState.PAUSED;
      case "STOPPED" -> ConnectorState.STOPPED;
      case "RESTARTING" -> ConnectorState.RESTARTING;
      case "UNASSIGNED" -> ConnectorState.UNASSIGNED;
      case "DESTROYED" -> ConnectorState.DELETED;
      case "UNKNOWN", "" -> instance;
      default -> ConnectorState.UNKNOWN;
    };
  }

  /**
   * The normalized form of one Kafka Connect state (a connector instance's or a task's).
   *
   * @param state the state as sent, may be null
   */
  public static ConnectorState kafkaConnect(@Nullable String state) {
    if (state == null) {
      return ConnectorState.UNKNOWN;
    }
    return switch (state.trim().toUpperCase(Locale.ROOT)) {
      case "RUNNING" -> ConnectorState.RUNNING;
      case "PAUSED" -> ConnectorState.PAUSED;
      case "STOPPED" -> ConnectorState.STOPPED;
      case "FAILED" -> ConnectorState.FAILED;
      case "RESTARTING" -> ConnectorState.RESTARTING;
      case "UNASSIGNED" -> ConnectorState.UNASSIGNED;
      default -> ConnectorState.UNKNOWN;
    };
  }

  private static boolean allFailed(List<String> taskStates) {
    return !taskStates.isEmpty()
        && taskStates.stream().allMatch(s -> kafkaConnect(s) == ConnectorState.FAILED);
  }
}
