package io.connectctl.gateways;

import io.connectctl.local.LocalCluster;
import io.connectctl.local.RunningCluster;
import io.connectctl.local.junit.LocalClusterExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What every gateway test shares, started once per test JVM: the real Kafka broker and Connect
 * worker, the three gateways over the worker, and a validating Prism proxy in front of each. Closed
 * at the end of the run (JUnit closes root-store resources), and by shutdown hooks should the JVM
 * be killed.
 *
 * <p>The broker and worker come from the {@code local-cluster} module's launcher. {@code
 * -Dconnectctl.test.connect.url=URL -Dconnectctl.test.kafka.bootstrap=HOST:PORT} reuse a running
 * worker and broker instead (for quick iterations while developing).
 */
final class Sandbox implements ExtensionContext.Store.CloseableResource, AutoCloseable {
  private static Sandbox instance;

  final RunningCluster cluster;
  final String bootstrap;
  final ConnectWorker worker;
  final RedpandaGateway redpanda;
  final ConfluentGateway confluent;
  final YandexGateway yandex;
  final PrismProxy redpandaProxy;
  final PrismProxy confluentProxy;
  final PrismProxy yandexProxy;

  private final java.util.List<AutoCloseable> started = new java.util.ArrayList<>();

  private Sandbox() {
    try {
      String external = System.getProperty("connectctl.test.connect.url", "");
      if (external.isEmpty()) {
        // The local-cluster module's launcher, set up as its JUnit extension does it: a fresh data
        // directory,
        // Kafka's jars from the build, children tied to this JVM.
        Path dir = Path.of("target", "local-cluster-tests").toAbsolutePath();
        LocalCluster launcher =
            LocalCluster.builder(dir)
                .kafkaLib(LocalClusterExtension.kafkaLib())
                .tiedToCaller(true)
                .build();
        launcher.stop();
        LocalClusterExtension.deleteRecursively(dir);
        track(launcher::stop);
        cluster = launcher.start();
        bootstrap = cluster.bootstrapServers();
        worker = new ConnectWorker(cluster.connectUrl());
      } else {
        cluster = null;
        bootstrap = System.getProperty("connectctl.test.kafka.bootstrap");
        worker = new ConnectWorker(external);
      }
      redpanda = track(RedpandaGateway.start(worker));
      confluent =
          track(
              ConfluentGateway.start(
                  worker, ConfluentGateway.Settings.defaults().withBootstrapServers(bootstrap)));
      yandex = track(YandexGateway.start(worker, bootstrap));
      Path specs = Path.of(System.getProperty("connectctl.specs", "../specs"));
      redpandaProxy =
          track(PrismProxy.start(specs.resolve("redpanda/redpanda-connect.yaml"), redpanda.url()));
      confluentProxy =
          track(
              PrismProxy.start(specs.resolve("confluent/confluent-connect.yaml"), confluent.url()));
      yandexProxy =
          track(
              PrismProxy.start(specs.resolve("yandex/yandex-kafka-connectors.yaml"), yandex.url()));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private <T extends AutoCloseable> T track(T resource) {
    started.add(0, resource);
    return resource;
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
    // Proxies first, then gateways, then the worker and broker: the reverse of the start order.
    for (AutoCloseable c : started) {
      try {
        c.close();
      } catch (Exception ignored) {
        // keep closing the rest
      }
    }
    started.clear();
    instance = null;
  }
}
