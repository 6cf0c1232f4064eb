package io.connectctl.examples;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.time.Duration;
import java.util.Map;

/**
 * The three seed tasks through the SDK's one interface, {@link ConnectorClient}: the same code would run against any
 * vendor that supports the operation.
 *
 * <p>Run against real clouds (credentials from the SDK's default environment variables: {@code REDPANDA_TOKEN} or
 * {@code REDPANDA_CLIENT_ID}/{@code REDPANDA_CLIENT_SECRET}; {@code CONFLUENT_CLOUD_API_KEY}/
 * {@code CONFLUENT_CLOUD_API_SECRET}; {@code YC_IAM_TOKEN}, {@code YC_TOKEN} or {@code YC_SERVICE_ACCOUNT_KEY_FILE}):
 * <pre>
 * java … io.connectctl.examples.SeedTasks redpanda https://api-….fmc.prd.cloud.redpanda.com orders-s3-sink
 * java … io.connectctl.examples.SeedTasks confluent env-a1b2c3/lkc-x9y8z7 orders-s3-sink
 * java … io.connectctl.examples.SeedTasks yandex c9qbkmoiimsl6e7dc3j2 replicate-orders
 * </pre>
 */
public final class SeedTasks {
  private SeedTasks() {}

  /** Redpanda: create a connector, then pause it and wait until it is paused. */
  public static ChangeResult createAndPause(ConnectorClient redpanda, ConnectorDefinition definition, Duration timeout) {
    redpanda.create(definition).await(timeout);
    return redpanda.pause(definition.name()).await(timeout);
  }

  /** Confluent: resume a connector, then restart it; each waits until the connector runs. */
  public static ChangeResult resumeAndRestart(ConnectorClient confluent, String name, Duration timeout) {
    confluent.resume(name).await(timeout);
    return confluent.restart(name, RestartOptions.CONNECTOR_ONLY).await(timeout);
  }

  /** Yandex: pause a connector and wait for the Operation that carries out the pause. */
  public static ChangeResult pauseAndAwaitOperation(ConnectorClient yandex, String name, Duration timeout) {
    PendingChange pause = yandex.pause(name);
    System.out.println("yandex operation " + pause.operationId() + " pauses " + name);
    return pause.await(timeout, progress -> System.out.println("  " + progress));
  }

  /** See the class comment. */
  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: SeedTasks redpanda|confluent|yandex TARGET CONNECTOR");
      System.exit(2);
    }
    Duration timeout = Duration.ofMinutes(5);
    switch (args[0]) {
      case "redpanda" -> {
        try (ConnectorClient client = RedpandaConnectorClient.builder().baseUrl(args[1]).build()) {
          System.out.println(createAndPause(client, new ConnectorDefinition(args[2], Map.of(
              "connector.class", "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector",
              "source.cluster.alias", "source", "target.cluster.alias", "target")), timeout));
        }
      }
      case "confluent" -> {
        String[] target = args[1].split("/", 2);
        try (ConnectorClient client = ConfluentConnectorClient.builder()
            .environment(target[0]).kafkaCluster(target[1]).build()) {
          System.out.println(resumeAndRestart(client, args[2], timeout));
        }
      }
      case "yandex" -> {
        try (ConnectorClient client = YandexConnectorClient.builder().clusterId(args[1]).build()) {
          System.out.println(pauseAndAwaitOperation(client, args[2], timeout));
        }
      }
      default -> {
        System.err.println("unknown vendor '" + args[0] + "': redpanda, confluent or yandex");
        System.exit(2);
      }
    }
  }
}
