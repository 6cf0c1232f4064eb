package io.connectctl.facade;

import java.util.Objects;

/**
 * One entry of {@link ConnectorClient#listConnectors()}: a connector and its status, as the list
 * call returned them.
 *
 * @param connector the definition
 * @param status the status
 */
public record ConnectorListing(Connector connector, ConnectorStatus status) {
  /** Both are required. */
  public ConnectorListing {
    Objects.requireNonNull(connector, "connector");
    Objects.requireNonNull(status, "status");
  }

  /** The connector name. */
  public String name() {
    return connector.name();
  }
}
