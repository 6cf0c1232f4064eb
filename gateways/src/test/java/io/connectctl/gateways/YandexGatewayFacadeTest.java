package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorDefinition;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.errors.ConflictException;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.ConnectorFailedException;
import io.connectctl.facade.errors.NotFoundException;
import io.connectctl.facade.yandex.YandexConnectorClient;
import io.connectctl.testfixtures.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Yandex facade client against the Yandex gateway: a MirrorMaker connector runs as a real
 * MirrorSourceConnector replicating {@code ya-orders.*} into {@code ya-src.ya-orders.*} on the
 * local broker; every change is followed through its Operation, through the validating proxy.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YandexGatewayFacadeTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();
  static final Duration WAIT = Duration.ofSeconds(90);
  static final String TOPIC = "ya-orders.main";
  static final String REPLICA = "ya-src." + TOPIC;
  static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  static ConnectorClient client;
  static WorkerView worker;
  static Sandbox sandbox;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void client() {
    sandbox = SANDBOX.sandbox();
    client =
        YandexConnectorClient.builder()
            .baseUrl(sandbox.yandexProxy.url())
            .operationsUrl(sandbox.yandexProxy.url())
            .clusterId(sandbox.yandex.clusterId())
            .credentials(StaticCredentials.bearer("local-iam-token"))
            .pollingPolicy(new PollingPolicy(Duration.ofMillis(100), 1.5, Duration.ofMillis(500)))
            .build();
    worker = new WorkerView(sandbox.worker);
  }

  @AfterAll
  static void close() {
    for (String name : List.of("ya-mirror", "ya-broken")) {
      worker.call("DELETE", ConnectWorker.connectorPath(name, ""), null);
    }
    client.close();
  }

  static Map<String, String> mirror() {
    return Map.of(
        "tasksMax",
        "1",
        "connectorConfigMirrormaker.topics",
        "ya-orders.*",
        "connectorConfigMirrormaker.replicationFactor",
        "1",
        "connectorConfigMirrormaker.sourceCluster.alias",
        "ya-src",
        "connectorConfigMirrormaker.sourceCluster.thisCluster",
        "{}",
        "connectorConfigMirrormaker.targetCluster.alias",
        "ya-dst",
        "connectorConfigMirrormaker.targetCluster.thisCluster",
        "{}");
  }

  @Test
  @Order(1)
  void seedCreateThenPauseThroughOperations() {
    produce(RUN + "-order-1", RUN + "-order-2", RUN + "-order-3");
    ChangeResult created =
        client.create(new ConnectorDefinition("ya-mirror", mirror())).await(WAIT);
    assertFalse(created.operationId().isEmpty());
    assertEquals("RUNNING", worker.state("ya-mirror"));
    assertEquals(
        "org.apache.kafka.connect.mirror.MirrorSourceConnector",
        worker.config("ya-mirror").get("connector.class"));
    assertEquals(ConnectorState.RUNNING, client.status("ya-mirror").state());

    ChangeResult paused = client.pause("ya-mirror").await(WAIT);
    assertFalse(paused.operationId().isEmpty());
    assertEquals("PAUSED", worker.state("ya-mirror"));
    ConnectorStatus status = client.status("ya-mirror");
    assertEquals(ConnectorState.PAUSED, status.state());
    assertEquals("PAUSED", status.vendorState());
  }

  @Test
  @Order(2)
  void resumeAndRecordsAreReallyReplicated() {
    client.resume("ya-mirror").await(WAIT);
    assertEquals("RUNNING", worker.state("ya-mirror"));
    List<String> replicated = consume(REPLICA, 3);
    assertEquals(List.of(RUN + "-order-1", RUN + "-order-2", RUN + "-order-3"), replicated);
  }

  @Test
  @Order(3)
  void getListAndUpdateWithAMask() {
    Map<String, String> config = client.getConnector("ya-mirror").config();
    assertEquals("ya-orders.*", config.get("connectorConfigMirrormaker.topics"));
    assertEquals("ya-src", config.get("connectorConfigMirrormaker.sourceCluster.alias"));
    List<String> names = new ArrayList<>();
    for (ConnectorListing listing : client.listConnectors()) {
      names.add(listing.connector().name());
    }
    assertTrue(names.contains("ya-mirror"), names::toString);

    Map<String, String> desired = new HashMap<>(config);
    desired.put("tasksMax", "2");
    desired.put("properties.refresh.topics.interval.seconds", "7");
    ChangeResult updated = client.updateConfig("ya-mirror", desired).await(WAIT);
    assertFalse(updated.operationId().isEmpty());
    Map<String, String> onWorker = worker.config("ya-mirror");
    assertEquals("2", onWorker.get("tasks.max"));
    assertEquals("7", onWorker.get("refresh.topics.interval.seconds"));
    assertEquals("ya-orders.*", onWorker.get("topics"), "fields outside the mask keep their value");
    Map<String, String> read = client.getConnector("ya-mirror").config();
    assertEquals("2", read.get("tasksMax"));
    assertEquals("7", read.get("properties.refresh.topics.interval.seconds"));
  }

  @Test
  @Order(4)
  void idempotencyKeyReturnsTheSameOperationAndOperationsAreListed() throws Exception {
    String path =
        "/managed-kafka/v1/clusters/" + sandbox.yandex.clusterId() + "/connectors/pause/ya-mirror";
    String key = UUID.randomUUID().toString();
    Map<String, Object> first = Json.obj(Json.parse(post(path, key)));
    Map<String, Object> second = Json.obj(Json.parse(post(path, key)));
    assertEquals(first.get("id"), second.get("id"));
    Map<String, Object> other = Json.obj(Json.parse(post(path, UUID.randomUUID().toString())));
    assertFalse(first.get("id").equals(other.get("id")));

    String op = get("/operations/" + first.get("id"));
    assertTrue(op.contains("PauseConnectorMetadata"), op);
    String listed =
        get("/managed-kafka/v1/clusters/" + sandbox.yandex.clusterId() + "/operations?pageSize=2");
    Map<String, Object> page = Json.obj(Json.parse(listed));
    assertEquals(2, Json.list(page.get("operations")).size(), listed);
    assertTrue(page.containsKey("nextPageToken"), listed);
    // The facade follows an operation started elsewhere by its id, until the worker has paused the
    // connector.
    ChangeResult followed = client.resumeWait("ya-mirror", (String) first.get("id")).await(WAIT);
    assertEquals(first.get("id"), followed.operationId());
    assertEquals("PAUSED", worker.state("ya-mirror"));
    client.resume("ya-mirror").await(WAIT);
  }

  @Test
  @Order(5)
  void s3SinksAreRefusedInTheVendorsShape() {
    Map<String, String> s3 =
        Map.of(
            "connectorConfigS3Sink.topics",
            "ya-orders.main",
            "connectorConfigS3Sink.fileCompressionType",
            "gzip",
            "connectorConfigS3Sink.s3Connection.bucketName",
            "local-bucket",
            "connectorConfigS3Sink.s3Connection.externalS3.endpoint",
            "storage.yandexcloud.net",
            "connectorConfigS3Sink.s3Connection.externalS3.accessKeyId",
            "key-id",
            "connectorConfigS3Sink.s3Connection.externalS3.secretAccessKey",
            "s3-secret-value");
    ConnectCloudException e =
        assertThrows(
            ConnectCloudException.class, () -> client.create(new ConnectorDefinition("ya-s3", s3)));
    assertTrue(e.getMessage().contains("S3 sink"), e::getMessage);
    assertFalse(e.getMessage().contains("s3-secret-value"));
    assertFalse(worker.exists("ya-s3"));
  }

  @Test
  @Order(6)
  void anOperationThatFailsCarriesTheWorkersError() {
    Map<String, String> broken = new HashMap<>(mirror());
    broken.remove("connectorConfigMirrormaker.sourceCluster.thisCluster");
    broken.put(
        "connectorConfigMirrormaker.sourceCluster.externalCluster.bootstrapServers",
        "broker.invalid:9092");
    ConnectorFailedException e =
        assertThrows(
            ConnectorFailedException.class,
            () -> client.create(new ConnectorDefinition("ya-broken", broken)).await(WAIT));
    assertFalse(e.operationId().isEmpty());
    assertTrue(e.getMessage().contains("ya-broken"), e::getMessage);
    // The failed creation was rolled back, on the worker too.
    assertFalse(worker.exists("ya-broken"));
  }

  @Test
  @Order(7)
  void unknownConnectorIsNotFoundAndATakenNameConflicts() {
    assertThrows(NotFoundException.class, () -> client.status("ya-no-such-connector"));
    assertThrows(NotFoundException.class, () -> client.pause("ya-no-such-connector"));
    assertThrows(
        ConflictException.class,
        () -> client.create(new ConnectorDefinition("ya-mirror", mirror())));
  }

  @Test
  @Order(8)
  void deleteFinishesWhenTheWorkerHasDroppedIt() {
    ChangeResult deleted = client.delete("ya-mirror").await(WAIT);
    assertFalse(deleted.operationId().isEmpty());
    assertFalse(worker.exists("ya-mirror"));
  }

  private static String post(String path, String key) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.yandexProxy.url() + path))
            .header("Authorization", "Bearer local-iam-token")
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static String get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(sandbox.yandexProxy.url() + path))
            .header("Authorization", "Bearer local-iam-token")
            .GET()
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static void produce(String... values) {
    Properties p = new Properties();
    p.put("bootstrap.servers", sandbox.bootstrap);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
      for (String v : values) {
        producer.send(new ProducerRecord<>(TOPIC, v));
      }
      producer.flush();
    }
  }

  private static List<String> consume(String topic, int count) {
    Properties p = new Properties();
    p.put("bootstrap.servers", sandbox.bootstrap);
    p.put("group.id", "ya-test-" + UUID.randomUUID());
    p.put("auto.offset.reset", "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      long deadline = System.nanoTime() + WAIT.toNanos();
      Eventually.within(WAIT)
          .every(Duration.ofMillis(500))
          .until(
              "topic " + topic + " exists",
              () -> consumer.listTopics(Duration.ofSeconds(5)).containsKey(topic));
      consumer.subscribe(List.of(topic));
      while (values.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.value() != null && r.value().startsWith(RUN)) {
            values.add(r.value());
          }
        }
      }
    }
    return values;
  }
}
