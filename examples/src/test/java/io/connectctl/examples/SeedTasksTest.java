package io.connectctl.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.kafkaconnect.KafkaConnectConnectorClient;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.yandex.YandexConnectorClient;
import io.connectctl.prism.PrismMock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed tasks against local mocks: Prism serving the SDK's own specs (from the published {@code specs} jar). A
 * mock cannot change state, so an interceptor tells Prism (header {@code Prefer}) which documented example to answer
 * with, following what a real server would do: the status reads PAUSED once the pause was sent, and so on.
 */
class SeedTasksTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final PollingPolicy FAST = new PollingPolicy(Duration.ofMillis(20), 2.0, Duration.ofMillis(200));

  @TempDir
  Path dir;

  private final List<AutoCloseable> open = new ArrayList<>();
  private final List<String> sent = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void redpandaCreatesAConnectorAndPausesIt() throws IOException {
    AtomicReference<String> status = new AtomicReference<>("running");
    String url = prism("redpanda/redpanda-connect.yaml");
    ConnectorClient redpanda = track(RedpandaConnectorClient.builder()
        .baseUrl(url)
        .credentials(StaticCredentials.bearer("example-token"))
        .okHttpClient(prefer(request -> {
          String path = request.url().encodedPath();
          if (request.method().equals("PUT") && path.endsWith("/pause")) {
            status.set("paused");
          }
          return path.endsWith("/status") ? "example=" + status.get() : null;
        }))
        .pollingPolicy(FAST)
        .build());

    ChangeResult paused = SeedTasks.createAndPause(redpanda, new ConnectorDefinition("orders-s3-sink", Map.of(
        "connector.class", "com.redpanda.kafka.connect.s3.S3SinkConnector", "topics", "orders")), TIMEOUT);

    assertEquals("orders-s3-sink", paused.connector());
    assertEquals(ConnectorState.PAUSED, paused.status().orElseThrow().state());
    assertTrue(sent.contains("POST /v1/kafka-connect/clusters/redpanda/connectors"), sent.toString());
    assertTrue(sent.contains("PUT /v1/kafka-connect/clusters/redpanda/connectors/orders-s3-sink/pause"), sent.toString());
  }

  @Test
  void confluentResumesAConnectorAndRestartsIt() throws IOException {
    AtomicReference<String> status = new AtomicReference<>("paused");
    String url = prism("confluent/confluent-connect.yaml");
    ConnectorClient confluent = track(ConfluentConnectorClient.builder()
        .baseUrl(url)
        .environment("env-a1b2c3")
        .kafkaCluster("lkc-x9y8z7")
        .credentials(StaticCredentials.basic("EXAMPLEKEY", "example-secret"))
        .okHttpClient(prefer(request -> {
          String path = request.url().encodedPath();
          if (path.endsWith("/resume") || path.endsWith("/restart")) {
            status.set("running");
          }
          return path.endsWith("/status") ? "example=" + status.get() : null;
        }))
        .pollingPolicy(FAST)
        .build());

    ChangeResult restarted = SeedTasks.resumeAndRestart(confluent, "orders-s3-sink", TIMEOUT);

    assertEquals(ConnectorState.RUNNING, restarted.status().orElseThrow().state());
    String prefix = "/connect/v1/environments/env-a1b2c3/clusters/lkc-x9y8z7/connectors/orders-s3-sink";
    assertTrue(sent.contains("PUT " + prefix + "/resume"), sent.toString());
    assertTrue(sent.contains("POST " + prefix + "/restart"), sent.toString());
  }

  @Test
  void yandexPausesAConnectorAndWaitsForItsOperation() throws IOException {
    String url = prism("yandex/yandex-kafka-connectors.yaml");
    ConnectorClient yandex = track(YandexConnectorClient.builder()
        .baseUrl(url)
        .operationsUrl(url)
        .clusterId("c9qbkmoiimsl6e7dc3j2")
        .credentials(StaticCredentials.bearer("t1.example-iam-token"))
        .okHttpClient(prefer(request -> {
          String path = request.url().encodedPath();
          if (path.contains("/connectors/pause/")) {
            return "example=in-progress";
          }
          return path.startsWith("/operations/") ? "example=done" : null;
        }))
        .pollingPolicy(FAST)
        .build());

    ChangeResult paused = SeedTasks.pauseAndAwaitOperation(yandex, "replicate-orders", TIMEOUT);

    assertFalse(paused.operationId().isEmpty(), "the pause is an Operation");
    assertTrue(sent.stream().anyMatch(s -> s.equals("GET /operations/" + paused.operationId())), sent.toString());
    assertTrue(sent.contains("POST /managed-kafka/v1/clusters/c9qbkmoiimsl6e7dc3j2/connectors/pause/replicate-orders"),
        sent.toString());
  }

  @Test
  void kafkaConnectCreatesAConnectorAndRestartsItsFailedTasks() throws IOException {
    String url = prism("kafka-connect/kafka-connect.yaml");
    ConnectorClient connect = track(KafkaConnectConnectorClient.builder()
        .url(url)
        .credentials(StaticCredentials.none())
        .okHttpClient(prefer(request -> request.url().encodedPath().endsWith("/status") ? "example=running" : null))
        .pollingPolicy(FAST)
        .build());

    ChangeResult restarted = SeedTasks.createAndRestartFailedTasks(
        connect, SeedTasks.heartbeats("heartbeats", "localhost:9092"), TIMEOUT);

    assertEquals(ConnectorState.RUNNING, restarted.status().orElseThrow().state());
    assertTrue(sent.contains("POST /connectors"), sent.toString());
    assertTrue(sent.contains("POST /connectors/heartbeats/restart"), sent.toString());
  }

  @Test
  void theHeartbeatConnectorNamesTheClusterItWritesTo() {
    // A real worker fails a MirrorMaker 2 connector without bootstrap servers (its admin client needs them).
    Map<String, String> config = SeedTasks.heartbeats("heartbeats", "broker-0:9092").config();

    assertEquals("broker-0:9092", config.get("source.cluster.bootstrap.servers"));
    assertEquals("broker-0:9092", config.get("target.cluster.bootstrap.servers"));
  }

  /** Starts Prism for one of the SDK's specs, read from the {@code io.connectctl:specs} jar. */
  private String prism(String spec) throws IOException {
    Path file = dir.resolve(spec.substring(spec.indexOf('/') + 1));
    try (InputStream in = SeedTasksTest.class.getResourceAsStream("/specs/" + spec)) {
      if (in == null) {
        throw new IllegalStateException("specs/" + spec + " is not on the classpath (io.connectctl:specs)");
      }
      Files.copy(in, file);
    }
    PrismMock mock = PrismMock.startAndAwait(Path.of(System.getProperty("connectctl.prism", "prism")), file,
        OptionalLong.empty(), System.getenv());
    open.add(mock);
    return mock.baseUrl();
  }

  private <T extends ConnectorClient> T track(T client) {
    open.add(client::close);
    return client;
  }

  /** An OkHttpClient that adds {@code Prefer} as {@code rule} decides and records what was sent. */
  private OkHttpClient prefer(java.util.function.Function<Request, String> rule) {
    return new OkHttpClient.Builder().addInterceptor(chain -> {
      Request request = chain.request();
      sent.add(request.method() + " " + request.url().encodedPath());
      String prefer = rule.apply(request);
      return chain.proceed(prefer == null ? request : request.newBuilder().header("Prefer", prefer).build());
    }).build();
  }
}
