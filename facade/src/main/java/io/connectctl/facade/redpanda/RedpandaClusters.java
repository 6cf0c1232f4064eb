package io.connectctl.facade.redpanda;

import io.connectctl.client.redpanda.api.ConnectClustersApi;
import io.connectctl.client.redpanda.model.ConnectClusterResponse;
import io.connectctl.client.redpanda.model.ListConnectClustersResponse;
import io.connectctl.facade.ConnectCluster;
import io.connectctl.facade.ConnectClusters;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.InvalidRequestException;
import io.connectctl.facade.internal.Calls;
import io.connectctl.facade.internal.ErrorMapper;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Redpanda's Connect clusters ({@code /v1/kafka-connect/clusters}); plugins are the connector
 * plugins only.
 */
final class RedpandaClusters implements ConnectClusters {
  private static final Vendor VENDOR = Vendor.REDPANDA;
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,128}");

  private final ConnectClustersApi api;

  RedpandaClusters(ConnectClustersApi api) {
    this.api = api;
  }

  @Override
  public List<ConnectCluster> list() {
    String what = "list Connect clusters";
    ListConnectClustersResponse response = Calls.execute(VENDOR, api.listConnectClusters(), what);
    if (response == null) {
      throw ErrorMapper.fromMalformedBody(
          VENDOR, new IllegalStateException("the response had no body"), what);
    }
    return response.clusters().stream().map(RedpandaClusters::cluster).toList();
  }

  @Override
  public ConnectCluster get(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw InvalidRequestException.beforeSending(
          VENDOR,
          "'" + name + "' is not a Connect cluster name: use 1 to 128 letters, digits, '-' or '_'",
          "name");
    }
    String what = "read Connect cluster '" + name + "'";
    ConnectClusterResponse response = Calls.execute(VENDOR, api.getConnectCluster(name), what);
    if (response == null) {
      throw ErrorMapper.fromMalformedBody(
          VENDOR, new IllegalStateException("the response had no body"), what);
    }
    return cluster(response.cluster());
  }

  @Override
  public String toString() {
    return "RedpandaClusters";
  }

  static ConnectCluster cluster(io.connectctl.client.redpanda.model.ConnectCluster cluster) {
    return new ConnectCluster(
        cluster.name(),
        cluster.address(),
        cluster.info().version(),
        cluster.info().commit(),
        cluster.info().kafkaClusterId(),
        cluster.plugins().stream().map(RedpandaModels::plugin).flatMap(Optional::stream).toList());
  }
}
