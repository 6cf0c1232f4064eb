package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.ScriptedWorker.Api;
import io.connectctl.cli.client.VendorClientFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Yandex cluster with one connector of a type the spec does not know (a JDBC sink) still lists
 * every connector, and the unknown one reads with its name, state and type {@code unknown}.
 */
class YandexUnknownConnectorTypeCliTest {
  @TempDir Path home;

  private final OkHttpClient http = new OkHttpClient();
  private ScriptedWorker worker;

  @BeforeEach
  void start() {
    worker = new ScriptedWorker(Api.YANDEX);
    worker.addYandex(
        Map.of(
            "name", "orders-to-postgres",
            "tasksMax", "1",
            "clusterId", ScriptedWorker.CLUSTER,
            "status", "RUNNING",
            "health", "ALIVE",
            "connectorConfigJdbcSink",
                Map.of(
                    "topics", "orders",
                    "connectionUrl", "jdbc:postgresql://db:5432/shop",
                    "connectionPassword", "hunter2")));
    worker.addYandex(
        Map.of(
            "name", "orders-to-s3",
            "tasksMax", "2",
            "clusterId", ScriptedWorker.CLUSTER,
            "status", "PAUSED",
            "health", "ALIVE",
            "connectorConfigS3Sink",
                Map.of(
                    "topics",
                    "orders",
                    "s3Connection",
                    Map.of(
                        "bucketName",
                        "orders-archive",
                        "externalS3",
                        Map.of("endpoint", "storage.yandexcloud.net", "region", "ru-central1")))));
  }

  @AfterEach
  void stop() {
    worker.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(worker.flags());
    Map<String, String> env = new HashMap<>(worker.env());
    env.put("CONNECTCTL_CONFIG", home.resolve("absent-config.yaml").toString());
    return CliRun.run(env, home, new VendorClientFactory(http), all.toArray(String[]::new));
  }

  @Test
  void getConnectorsListsEveryConnector() {
    CliRun table = cli("get", "connectors");

    assertEquals(0, table.exitCode(), table::toString);
    assertTrue(
        table.out().lines().anyMatch(l -> l.matches("orders-to-postgres\\s+unknown\\s+RUNNING.*")),
        table::toString);
    assertTrue(
        table.out().lines().anyMatch(l -> l.matches("orders-to-s3\\s+sink\\s+PAUSED.*")),
        table::toString);

    CliRun json = cli("get", "connectors", "-o", "json");
    assertEquals(0, json.exitCode(), json::toString);
    Map<String, Object> jdbc =
        json.jsonArray().stream()
            .filter(c -> "orders-to-postgres".equals(c.get("name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError(json.out()));
    assertEquals("unknown", jdbc.get("type"), json::toString);
    assertEquals("RUNNING", jdbc.get("state"), json::toString);
    assertEquals(2, json.jsonArray().size(), json::toString);
    assertFalse(json.out().contains("hunter2"), json::toString);
  }

  @Test
  void statusAndDescribeOfTheUnknownConnector() {
    CliRun status = cli("status", "orders-to-postgres", "-o", "json");

    assertEquals(0, status.exitCode(), status::toString);
    assertEquals("unknown", status.jsonObject().get("type"), status::toString);
    assertEquals("RUNNING", status.jsonObject().get("state"), status::toString);
    @SuppressWarnings("unchecked")
    Map<String, Object> details = (Map<String, Object>) status.jsonObject().get("vendorDetails");
    assertEquals(
        "jdbc:postgresql://db:5432/shop", details.get("connectorConfigJdbcSink.connectionUrl"));

    CliRun describe = cli("describe", "orders-to-postgres");
    assertEquals(0, describe.exitCode(), describe::toString);
    assertTrue(describe.out().contains("connectorConfigJdbcSink.topics"), describe::toString);
    assertFalse(describe.out().contains("hunter2"), describe::toString);
  }
}
