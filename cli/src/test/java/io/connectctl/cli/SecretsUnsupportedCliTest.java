package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent and Yandex have no connector secrets or Connect clusters in connectctl: every such
 * command, and an apply file that declares secrets, fails with "VENDOR does not support …", exit 1,
 * before any request (and before credentials are even looked for).
 */
class SecretsUnsupportedCliTest {
  private static final String CANARY = "canary-unsupported-3f9a";

  @TempDir Path home;

  private MockWebServer server;
  private final Map<String, String> env = new HashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    for (int i = 0; i < 50; i++) {
      server.enqueue(new MockResponse().setResponseCode(500));
    }
    server.start();
    String url = server.url("/").toString();
    Path config = home.resolve("config.yaml");
    Files.writeString(
        config,
        "current-context: cf\ncontexts:\n"
            + "  cf:\n    vendor: confluent\n    url: "
            + url
            + "\n    environment: env-a1b2c3\n    cluster: lkc-x9y8z7\n"
            + "  yc:\n    vendor: yandex\n    url: "
            + url
            + "\n    operation-url: "
            + url
            + "\n    cluster: c9qbkmoiimsl6e7dc3j2\n");
    env.put("CONNECTCTL_CONFIG", config.toString());
    env.put("PG_PASSWORD", CANARY);
  }

  @AfterEach
  void stop() throws IOException {
    server.shutdown();
  }

  @Test
  void everySecretAndClusterCommandIsRefusedBeforeSending() throws IOException {
    Path manifest =
        Files.writeString(
            home.resolve("app.yaml"),
            """
        name: orders-pg-source
        secrets:
          orders-pg-source:
            data:
              database.password: {env: PG_PASSWORD}
        config:
          connector.class: io.debezium.connector.postgresql.PostgresConnector
        """);
    List<List<String>> commands =
        List.of(
            List.of("get", "secrets"),
            List.of("get", "secrets", "-o", "json"),
            List.of("describe", "secret", "orders-pg-source"),
            List.of(
                "create",
                "secret",
                "orders-pg-source",
                "--from-env",
                "database.password=PG_PASSWORD"),
            List.of(
                "update",
                "secret",
                "orders-pg-source",
                "--from-env",
                "database.password=PG_PASSWORD"),
            List.of("delete", "secret", "orders-pg-source"),
            List.of("apply", "-f", manifest.toString()),
            List.of("apply", "-f", manifest.toString(), "--dry-run"));
    for (String context : List.of("cf", "yc")) {
      String vendor = context.equals("cf") ? "confluent" : "yandex";
      for (List<String> command : commands) {
        CliRun run = run(context, command);
        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(1, run.errLines().size(), run::toString);
        assertTrue(
            run.err().startsWith("error: " + vendor + " does not support secrets"), run::toString);
        assertFalse(run.out().contains(CANARY) || run.err().contains(CANARY), run::toString);
      }
      for (List<String> command :
          List.of(List.of("get", "clusters"), List.of("describe", "cluster", "redpanda"))) {
        CliRun run = run(context, command);
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(
            run.err().startsWith("error: " + vendor + " does not support clusters"), run::toString);
      }
    }
    assertEquals(0, server.getRequestCount(), "no request may be sent");
  }

  private CliRun run(String context, List<String> command) {
    String[] args = new String[command.size() + 2];
    for (int i = 0; i < command.size(); i++) {
      args[i] = command.get(i);
    }
    args[command.size()] = "--context";
    args[command.size() + 1] = context;
    return CliRun.run(env, home, new VendorClientFactory(), args);
  }
}
