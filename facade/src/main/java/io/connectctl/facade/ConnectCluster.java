package io.connectctl.facade;

import java.util.List;
import java.util.Objects;

/**
 * A Kafka Connect cluster (the workers connectors run on) as the vendor describes it.
 *
 * @param name the cluster's name
 * @param address where its REST endpoint lives, empty if not reported
 * @param version the Kafka Connect version, empty if not reported
 * @param commit the Kafka Connect commit, empty if not reported
 * @param kafkaClusterId the Kafka cluster it keeps its state in, empty if not reported
 * @param plugins the connector plugins installed on its workers
 */
public record ConnectCluster(
    String name,
    String address,
    String version,
    String commit,
    String kafkaClusterId,
    List<PluginInfo> plugins) {
  /** Replaces absent values and copies. */
  public ConnectCluster {
    Objects.requireNonNull(name, "name");
    address = Objects.requireNonNullElse(address, "");
    version = Objects.requireNonNullElse(version, "");
    commit = Objects.requireNonNullElse(commit, "");
    kafkaClusterId = Objects.requireNonNullElse(kafkaClusterId, "");
    plugins = Immutable.list(plugins);
  }
}
