package io.connectctl.examples;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.RestartOptions;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.time.Duration;
import java.util.Map;

/**
 * The seed tasks through the SDK's one interface, {@link ConnectorClient}: the same code would run against any
 * vendor that supports the operation.
 *
 * <p>Run against real clouds (credentials from the SDK's default environment variables: {@code REDPANDA_TOKEN} or
 * {@code REDPANDA_CLIENT_ID}/{@code REDPANDA_CLIENT_SECRET}; {@code CONFLUENT_CLOUD_API_KEY}/
 * {@code CONFLUENT_CLOUD_API_SECRET}; {@code YC_IAM_TOKEN}, {@code YC_TOKEN} or {@code YC_SERVICE_ACCOUNT_KEY_FILE};
 * self-managed Kafka Connect: none, {@code KAFKA_CONNECT_TOKEN}, or {@code KAFKA_CONNECT_USERNAME}/{@code KAFKA_CONNECT_PASSWORD}):
 * <pre>
 * java … io.connectctl.examples.SeedTasks redpanda https://api-….fmc.prd.cloud.redpanda.com heartbeats seed-0:9092
 * java … io.connectctl.examples.SeedTasks confluent env-a1b2c3/lkc-x9y8z7 orders-s3-sink
 * java … io.connectctl.examples.SeedTasks yandex c9qbkmoiimsl6e7dc3j2 replicate-orders
 * java … io.connectctl.examples.SeedTasks kafka-connect http://localhost:8083 heartbeats localhost:9092
 * </pre>
 *
 * <p>The connectors Redpanda and Kafka Connect create are MirrorMaker 2 heartbeat connectors, which every Kafka Connect
 * worker has (they ship with Kafka): they write a heartbeat record to the Kafka cluster at {@code BOOTSTRAP} every
 * second. A real worker starts them only with the cluster's bootstrap servers: without them, the connector fails as
 * it creates its admin client.
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

  /**
   * Self-managed Kafka Connect: create a connector, then restart it with its failed tasks only; each waits until the
   * connector runs.
   */
  public static ChangeResult createAndRestartFailedTasks(
      ConnectorClient connect, ConnectorDefinition definition, Duration timeout) {
    connect.create(definition).await(timeout);
    return connect.restart(definition.name(), new RestartOptions(true, true)).await(timeout);
  }

  /**
   * A MirrorMaker 2 heartbeat connector named {@code name} writing to the Kafka cluster at {@code bootstrap}: a
   * connector any worker can run (the plugin ships with Kafka) and that needs nothing else.
   */
  public static ConnectorDefinition heartbeats(String name, String bootstrap) {
    return new ConnectorDefinition(name, Map.of(
        "connector.class", "org.apache.kafka.connect.mirror.MirrorHeartbeatConnector",
        "source.cluster.alias", "source",
        "target.cluster.alias", "target",
        // Without these the connector fails on a real worker: it builds its admin client from them.
        "source.cluster.bootstrap.servers", bootstrap,
        "target.cluster.bootstrap.servers", bootstrap,
        "heartbeats.topic.replication.factor", "-1", // the brokers' default (a one-broker test cluster has 1)
        "tasks.max", "1"));
  }

  /** Yandex: pause a connector and wait for the Operation that carries out the pause. */
  public static ChangeResult pauseAndAwaitOperation(ConnectorClient yandex, String name, Duration timeout) {
    PendingChange pause = yandex.pause(name);
    System.out.println("yandex operation " + pause.operationId() + " pauses " + name);
    return pause.await(timeout, progress -> System.out.println("  " + progress));
  }

  /** See the class comment. */
  public static void main(String[] args) {
    boolean needsBootstrap = args.length > 0 && (args[0].equals("redpanda") || args[0].equals("kafka-connect"));
    if (args.length != (needsBootstrap ? 4 : 3)) {
      System.err.println("usage: SeedTasks redpanda|kafka-connect URL CONNECTOR BOOTSTRAP"
          + " | SeedTasks confluent|yandex TARGET CONNECTOR");
      System.exit(2);
    }
    Duration timeout = Duration.ofMinutes(5);
    switch (args[0]) {
      case "redpanda" -> {
        try (ConnectorClient client = RedpandaConnectorClient.builder().baseUrl(args[1]).build()) {
          System.out.println(createAndPause(client, heartbeats(args[2], args[3]), timeout));
        }
      }
      case "kafka-connect" -> {
        try (ConnectorClient client = KafkaConnectConnectorClient.builder().url(args[1]).build()) {
          System.out.println(createAndRestartFailedTasks(client, heartbeats(args[2], args[3]), timeout));
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
        System.err.println("unknown vendor '" + args[0] + "': redpanda, confluent, yandex or kafka-connect");
        System.exit(2);
      }
    }
  }
}
