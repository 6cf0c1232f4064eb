package io.connectctl.facade.yandex;

import io.connectctl.client.yandex.model.Connector;
import io.connectctl.client.yandex.model.ConnectorHealth;
import io.connectctl.client.yandex.model.IcebergSinkConnector;
import io.connectctl.client.yandex.model.MirrormakerConnector;
import io.connectctl.client.yandex.model.S3SinkConnector;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import java.util.List;
import java.util.Map;

/**
 * Yandex connector states in the normalized model. Yandex reports a lifecycle {@code status} and a
 * {@code health}, and no tasks. The normalized state comes from both:
 *
 * <table>
 *   <caption>Yandex status and health to {@link ConnectorState}</caption>
 *   <tr><th>{@code status}</th><th>{@code health}</th><th>normalized</th></tr>
 *   <tr><td>RUNNING</td><td>ALIVE</td><td>RUNNING</td></tr>
 *   <tr><td>RUNNING</td><td>DEAD</td><td>DEGRADED (says it runs, but the service sees it dead)</td></tr>
 *   <tr><td>RUNNING</td><td>HEALTH_UNKNOWN, absent or a value connectctl does not know</td><td>RUNNING</td></tr>
 *   <tr><td>PAUSED</td><td>any</td><td>PAUSED</td></tr>
 *   <tr><td>ERROR</td><td>any</td><td>FAILED</td></tr>
 *   <tr><td>STATUS_UNKNOWN or absent</td><td>any</td><td>UNKNOWN</td></tr>
 *   <tr><td>a value connectctl does not know</td><td>any</td><td>UNKNOWN</td></tr>
 * </table>
 *
 * <p>The raw values are kept: {@link ConnectorStatus#vendorState()} is {@code status} as sent
 * (empty when the server left it out, which it does for the default STATUS_UNKNOWN), and {@link
 * ConnectorStatus#vendorDetails()} holds {@code health} under the key {@code "health"} when the
 * server sent it. Yandex has no worker ids, traces or task list, so those are empty. MirrorMaker
 * connectors are sources (they read from another cluster); S3 and Iceberg sinks are sinks.
 */
public final class YandexStates {
  private YandexStates() {}

  /** The normalized state for a Yandex {@code status} and {@code health} (either may be null). */
  public static ConnectorState normalize(String status, String health) {
    if (status == null) {
      return ConnectorState.UNKNOWN;
    }
    return switch (status) {
      case "RUNNING" ->
          ConnectorHealth.DEAD.value().equals(health)
              ? ConnectorState.DEGRADED
              : ConnectorState.RUNNING;
      case "PAUSED" -> ConnectorState.PAUSED;
      case "ERROR" -> ConnectorState.FAILED;
      default -> ConnectorState.UNKNOWN;
    };
  }

  /** The normalized status of a connector read from Yandex. */
  static ConnectorStatus status(Connector connector) {
    Fields fields = Fields.of(connector);
    String status = fields.status() == null ? null : fields.status().value();
    String health = fields.health() == null ? null : fields.health().value();
    Map<String, String> details = health == null ? Map.of() : Map.of("health", health);
    return new ConnectorStatus(
        fields.name(),
        type(connector),
        normalize(status, health),
        status,
        details,
        "",
        "",
        List.of());
  }

  /** Source for MirrorMaker, sink for the S3 and Iceberg sinks. */
  static ConnectorType type(Connector connector) {
    return connector instanceof MirrormakerConnector ? ConnectorType.SOURCE : ConnectorType.SINK;
  }

  /** The connector's name. */
  static String name(Connector connector) {
    return Fields.of(connector).name();
  }

  /** The fields every connector variant has that status needs. */
  private record Fields(
      String name,
      io.connectctl.client.yandex.model.ConnectorStatus status,
      ConnectorHealth health) {
    static Fields of(Connector connector) {
      if (connector instanceof MirrormakerConnector c) {
        return new Fields(c.name(), c.status(), c.health());
      }
      if (connector instanceof S3SinkConnector c) {
        return new Fields(c.name(), c.status(), c.health());
      }
      IcebergSinkConnector c = (IcebergSinkConnector) connector;
      return new Fields(c.name(), c.status(), c.health());
    }
  }
}
