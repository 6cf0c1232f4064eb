package io.connectctl.nobom;

import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;

/** Compiles against the facade resolved without the BOM: the class path the enforcer checked is usable. */
public final class Main {
  private Main() {}

  /** Builds a client for the worker given as the first argument. */
  public static ConnectorClient client(String url) {
    return KafkaConnectConnectorClient.builder().baseUrl(url).build();
  }
}
