package io.connectctl.facade;

import java.util.Objects;

/**
 * A connector plugin available on the cluster.
 *
 * @param className the plugin class (or the vendor's plugin name)
 * @param type source or sink
 * @param version the version, empty if not reported
 */
public record PluginInfo(String className, ConnectorType type, String version) {
  /** Replaces absent values. */
  public PluginInfo {
    Objects.requireNonNull(className, "className");
    type = Objects.requireNonNullElse(type, ConnectorType.UNKNOWN);
    version = Objects.requireNonNullElse(version, "");
  }
}
