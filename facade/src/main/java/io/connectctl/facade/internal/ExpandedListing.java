package io.connectctl.facade.internal;

import io.connectctl.facade.Connector;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import java.util.List;
import java.util.Map;

/**
 * Internal: one entry of an {@code expand=status&expand=info} listing (Confluent, self-managed
 * Kafka Connect), where the server may leave either part out.
 */
public final class ExpandedListing {
  private ExpandedListing() {}

  /**
   * The listing of connector {@code name}: an absent status reads as UNKNOWN, an absent definition
   * as one with the status's type and no config.
   *
   * @param entry the server's entry, kept as the connector's raw value
   * @param status the converted status, or null when the server sent none
   * @param info the converted definition, or null when the server sent none
   */
  public static ConnectorListing of(
      String name, Object entry, ConnectorStatus status, Connector info) {
    ConnectorStatus shown =
        status != null
            ? status
            : new ConnectorStatus(
                name,
                ConnectorType.UNKNOWN,
                ConnectorState.UNKNOWN,
                "",
                Map.of(),
                "",
                "",
                List.of());
    Connector connector = info != null ? info : new Connector(name, shown.type(), Map.of(), entry);
    return new ConnectorListing(connector, shown);
  }
}
