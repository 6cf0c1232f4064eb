package io.connectctl.gateways;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every gateway test shares, started once per test JVM: the real Kafka broker and Connect worker, the three
 * gateways over the worker, and a validating Prism proxy in front of each. Closed at the end of the run (JUnit
 * closes root-store resources), and by shutdown hooks should the JVM be killed.
 *
 * <p>{@code -Dconnectctl.test.connect.url=URL -Dconnectctl.test.kafka.bootstrap=HOST:PORT} reuse a running worker
 * and broker instead (for quick iterations while developing).
 */
final class Sandbox implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  private static Sandbox instance;

  final LocalKafka kafka;
  final String bootstrap;
  final ConnectWorker worker;
  final RedpandaGateway redpanda;
  final ConfluentGateway confluent;
  final YandexGateway yandex;
  final PrismProxy redpandaProxy;
  final PrismProxy confluentProxy;
  final PrismProxy yandexProxy;

  private Sandbox() {
    String external = System.getProperty("connectctl.test.connect.url", "");
    if (external.isEmpty()) {
      kafka = LocalKafka.start(Path.of("target", "local-kafka").toAbsolutePath());
      bootstrap = kafka.bootstrapServers();
      worker = new ConnectWorker(kafka.connectUrl());
    } else {
      kafka = null;
      bootstrap = System.getProperty("connectctl.test.kafka.bootstrap");
      worker = new ConnectWorker(external);
    }
    redpanda = RedpandaGateway.start(worker);
    confluent = ConfluentGateway.start(worker, ConfluentGateway.Settings.defaults());
    yandex = YandexGateway.start(worker, bootstrap);
    Path specs = Path.of(System.getProperty("connectctl.specs", "../specs"));
    redpandaProxy = PrismProxy.start(specs.resolve("redpanda/redpanda-connect.yaml"), redpanda.url());
    confluentProxy = PrismProxy.start(specs.resolve("confluent/confluent-connect.yaml"), confluent.url());
    yandexProxy = PrismProxy.start(specs.resolve("yandex/yandex-kafka-connectors.yaml"), yandex.url());
  }

  /** The shared sandbox, started on first use. */
  static synchronized Sandbox get(ExtensionContext context) {
    if (instance == null) {
      Sandbox s = new Sandbox();
      context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Sandbox.class, s);
      instance = s;
    }
    return instance;
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable c : new AutoCloseable[] {redpandaProxy, confluentProxy, yandexProxy, redpanda, confluent,
        yandex, kafka}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // keep closing the rest
      }
    }
    instance = null;
  }
}
