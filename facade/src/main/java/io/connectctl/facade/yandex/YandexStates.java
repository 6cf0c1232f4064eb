package io.connectctl.facade.yandex;

import io.connectctl.client.yandex.model.Connector;
import io.connectctl.client.yandex.model.ConnectorHealth;
import io.connectctl.client.yandex.model.IcebergSinkConnector;
import io.connectctl.client.yandex.model.MirrormakerConnector;
import io.connectctl.client.yandex.model.S3SinkConnector;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.Redaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *
 * <p>A connector of a type the spec does not know (one Yandex added later, read as {@link
 * Connector.Unknown}) keeps its name and state; its type is {@link ConnectorType#UNKNOWN}, and
 * {@link ConnectorStatus#vendorDetails()} also holds, flattened like a config ({@code
 * connectorConfigJdbcSink.url} …) and with secret-looking values masked, the properties that could
 * not be mapped.
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
    Map<String, String> details = new LinkedHashMap<>();
    if (health != null) {
      details.put("health", health);
    }
    if (connector instanceof Connector.Unknown unknown) {
      unmapped(unknown)
          .forEach((key, value) -> details.put(key, Redaction.redactValue(key, value)));
    }
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

  /** Source for MirrorMaker, sink for the S3 and Iceberg sinks, unknown for an unknown type. */
  static ConnectorType type(Connector connector) {
    if (connector instanceof Connector.Unknown) {
      return ConnectorType.UNKNOWN;
    }
    return connector instanceof MirrormakerConnector ? ConnectorType.SOURCE : ConnectorType.SINK;
  }

  /**
   * The properties of a connector of an unknown type other than those every connector has, flat
   * ({@code connectorConfigJdbcSink.url} …) and unmasked.
   */
  static Map<String, String> unmapped(Connector.Unknown connector) {
    Map<String, Object> rest = new LinkedHashMap<>();
    if (connector.json() instanceof Map<?, ?> object) {
      object.forEach(
          (k, v) -> {
            if (!COMMON.contains(String.valueOf(k))) {
              rest.put(String.valueOf(k), v);
            }
          });
    }
    return YandexConfigMapping.flattenJson(rest);
  }

  /** The unknown type's typed config field ({@code connectorConfigJdbcSink}), or empty if none. */
  static String unknownKind(Connector.Unknown connector) {
    if (connector.json() instanceof Map<?, ?> object) {
      for (Object key : object.keySet()) {
        if (String.valueOf(key).startsWith("connectorConfig")) {
          return String.valueOf(key);
        }
      }
    }
    return "";
  }

  /** Properties every Yandex connector has, whatever its type. */
  private static final Set<String> COMMON =
      Set.of("name", "tasksMax", "properties", "health", "status", "clusterId");

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
      if (connector instanceof IcebergSinkConnector c) {
        return new Fields(c.name(), c.status(), c.health());
      }
      Map<?, ?> object =
          ((Connector.Unknown) connector).json() instanceof Map<?, ?> m ? m : Map.of();
      Object status = object.get("status");
      Object health = object.get("health");
      return new Fields(
          object.get("name") == null ? "" : String.valueOf(object.get("name")),
          status == null
              ? null
              : io.connectctl.client.yandex.model.ConnectorStatus.of(String.valueOf(status)),
          health == null ? null : ConnectorHealth.of(String.valueOf(health)));
    }
  }
}
