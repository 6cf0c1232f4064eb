package io.connectctl.gateways;

import io.connectctl.gateways.ConnectWorker.Answer;
import io.connectctl.gateways.GatewayServer.Request;

/**
 * The one environment and Kafka cluster a Confluent gateway serves. Every route's path starts with
 * {@code /environments/ENV/clusters/CLUSTER} (path parameters 0 and 1); a connector route names the
 * connector in parameter 2.
 */
final class ConfluentCluster {
  private final ConnectWorker worker;
  private final ConfluentGateway.Settings settings;

  ConfluentCluster(ConnectWorker worker, ConfluentGateway.Settings settings) {
    this.worker = worker;
    this.settings = settings;
  }

  ConnectWorker worker() {
    return worker;
  }

  ConfluentGateway.Settings settings() {
    return settings;
  }

  /** Fails with a 404 unless the request's path names the served environment and cluster. */
  void require(Request r) {
    if (!settings.environmentId().equals(r.param(0)) || !settings.clusterId().equals(r.param(1))) {
      throw ConfluentErrors.fail(
          404, "Kafka cluster " + r.param(1) + " not found in environment " + r.param(0));
    }
  }

  /**
   * Calls the worker for the connector the path names ({@code suffix} after its path), relaying a
   * refusal in Confluent's error shape.
   */
  Answer call(Request r, String method, String suffix, Object body) {
    require(r);
    return ConfluentErrors.relay(
        worker.call(method, ConnectWorker.connectorPath(r.param(2), suffix), body));
  }
}
