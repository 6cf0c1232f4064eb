package io.connectctl.facade.confluent;

import io.connectctl.facade.ConnectorState;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How Confluent Cloud's states map to {@link ConnectorState}. The raw value is always kept beside
 * the normalized one ({@code vendorState}), so nothing is lost when Confluent sends something new.
 *
 * <p>Connector states (an open set; the published list lacks {@code RESTARTING}, which the servers
 * send):
 *
 * <table>
 *   <caption>Confluent connector state → normalized state</caption>
 *   <tr><th>Confluent</th><th>normalized</th></tr>
 *   <tr><td>{@code NONE}</td><td>{@link ConnectorState#UNKNOWN}</td></tr>
 *   <tr><td>{@code PROVISIONING}</td><td>{@link ConnectorState#PROVISIONING}</td></tr>
 *   <tr><td>{@code RUNNING}</td><td>{@link ConnectorState#RUNNING}</td></tr>
 *   <tr><td>{@code DEGRADED}</td><td>{@link ConnectorState#DEGRADED}</td></tr>
 *   <tr><td>{@code FAILED}</td><td>{@link ConnectorState#FAILED}</td></tr>
 *   <tr><td>{@code PAUSED}</td><td>{@link ConnectorState#PAUSED}</td></tr>
 *   <tr><td>{@code DELETED}</td><td>{@link ConnectorState#DELETED}</td></tr>
 *   <tr><td>{@code RESTARTING}</td><td>{@link ConnectorState#RESTARTING}</td></tr>
 *   <tr><td>anything else, or absent</td><td>{@link ConnectorState#UNKNOWN}</td></tr>
 * </table>
 *
 * <p>Task states (free text):
 *
 * <table>
 *   <caption>Confluent task state → normalized state</caption>
 *   <tr><th>Confluent</th><th>normalized</th></tr>
 *   <tr><td>{@code RUNNING}</td><td>{@link ConnectorState#RUNNING}</td></tr>
 *   <tr><td>{@code PAUSED}</td><td>{@link ConnectorState#PAUSED}</td></tr>
 *   <tr><td>{@code FAILED}</td><td>{@link ConnectorState#FAILED}</td></tr>
 *   <tr><td>{@code UNASSIGNED}</td><td>{@link ConnectorState#UNASSIGNED}</td></tr>
 *   <tr><td>{@code RESTARTING}</td><td>{@link ConnectorState#RESTARTING}</td></tr>
 *   <tr><td>{@code STOPPED}</td><td>{@link ConnectorState#STOPPED}</td></tr>
 *   <tr><td>{@code SYSTEM_ERROR}, {@code USER_ACTIONABLE_ERROR}</td><td>{@link ConnectorState#FAILED}</td></tr>
 *   <tr><td>anything else, or absent</td><td>{@link ConnectorState#UNKNOWN}</td></tr>
 * </table>
 *
 * <p>A task's trace is Confluent's {@code msg}; the connector's trace is its {@code trace}. Values
 * are matched without regard to case or surrounding blanks.
 */
public final class ConfluentStates {
  private ConfluentStates() {}

  /** The normalized state of a Confluent connector state value. */
  public static ConnectorState connector(@Nullable String value) {
    return switch (normalize(value)) {
      case "PROVISIONING" -> ConnectorState.PROVISIONING;
      case "RUNNING" -> ConnectorState.RUNNING;
      case "DEGRADED" -> ConnectorState.DEGRADED;
      case "FAILED" -> ConnectorState.FAILED;
      case "PAUSED" -> ConnectorState.PAUSED;
      case "DELETED" -> ConnectorState.DELETED;
      case "RESTARTING" -> ConnectorState.RESTARTING;
      default -> ConnectorState.UNKNOWN; // NONE, new values, absent
    };
  }

  /** The normalized state of a Confluent task state value. */
  public static ConnectorState task(@Nullable String value) {
    return switch (normalize(value)) {
      case "RUNNING" -> ConnectorState.RUNNING;
      case "PAUSED" -> ConnectorState.PAUSED;
      case "FAILED", "SYSTEM_ERROR", "USER_ACTIONABLE_ERROR" -> ConnectorState.FAILED;
      case "UNASSIGNED" -> ConnectorState.UNASSIGNED;
      case "RESTARTING" -> ConnectorState.RESTARTING;
      case "STOPPED" -> ConnectorState.STOPPED;
      default -> ConnectorState.UNKNOWN;
    };
  }

  private static String normalize(String value) {
    return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
  }
}
