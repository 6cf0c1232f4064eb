package io.connectctl.facade;

import java.util.Map;
import java.util.Objects;

/**
 * What to create: a name and a flat config (see {@link Connector} for Yandex's flattened keys).
 *
 * @param name the connector name
 * @param config the config
 */
public record ConnectorDefinition(String name, Map<String, String> config) {
  /** Validates and copies. */
  public ConnectorDefinition {
    Objects.requireNonNull(name, "name");
    config = Immutable.map(config);
  }

  @Override
  public String toString() {
    return "ConnectorDefinition[name=" + name + ", config=" + Redaction.redactConfig(config) + "]";
  }
}
