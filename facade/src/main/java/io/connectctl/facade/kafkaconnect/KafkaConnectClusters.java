package io.connectctl.facade.kafkaconnect;

import io.connectctl.client.kafkaconnect.model.ServerInfo;
import io.connectctl.facade.ConnectCluster;
import io.connectctl.facade.ConnectClusters;
import io.connectctl.facade.PluginInfo;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ErrorContext;
import io.connectctl.facade.errors.NotFoundException;
import java.util.List;
import java.util.function.Supplier;

/**
 * A self-managed Connect cluster as {@link ConnectClusters}: the one cluster the worker URLs lead
 * to, named by the id of the Kafka cluster that holds its state ({@code GET /}), with the worker's
 * version and connector plugins.
 */
final class KafkaConnectClusters implements ConnectClusters {
  private final Supplier<ServerInfo> info;
  private final Supplier<List<PluginInfo>> plugins;
  private final String address;

  KafkaConnectClusters(
      Supplier<ServerInfo> info, Supplier<List<PluginInfo>> plugins, String address) {
    this.info = info;
    this.plugins = plugins;
    this.address = address;
  }

  @Override
  public List<ConnectCluster> list() {
    return List.of(cluster(info.get()));
  }

  @Override
  public ConnectCluster get(String name) {
    ServerInfo server = info.get();
    String own = name(server);
    if (!own.equals(name)) {
      throw new NotFoundException(
          "No Connect cluster '"
              + name
              + "' at "
              + address
              + ": the workers there form '"
              + own
              + "' (named by its Kafka cluster id)",
          ErrorContext.of(Vendor.KAFKA_CONNECT),
          null);
    }
    return cluster(server);
  }

  private ConnectCluster cluster(ServerInfo server) {
    return new ConnectCluster(
        name(server),
        address,
        server.version(),
        server.commit(),
        server.kafkaClusterId(),
        plugins.get());
  }

  private static String name(ServerInfo server) {
    String id = server.kafkaClusterId();
    return id == null || id.isBlank() ? "connect" : id;
  }

  @Override
  public String toString() {
    return "KafkaConnectClusters[" + address + "]";
  }
}
