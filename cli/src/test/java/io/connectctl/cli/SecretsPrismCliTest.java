package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secret and Connect cluster commands, and apply with declared secrets, against Prism serving the
 * Redpanda spec.
 */
class SecretsPrismCliTest extends PrismCliTest {
  @RegisterExtension static final PrismExtension PRISM = PrismExtension.forSpec(Specs.REDPANDA);

  private static final String CANARY = "canary-cli-secret-7d3e91";

  SecretsPrismCliTest() {
    super(PRISM, PrismContext.REDPANDA);
  }

  /** Runs with {@code stdin} as standard input. */
  private CliRun withStdin(String stdin, String... args) {
    InputStream previous = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return cli(args);
    } finally {
      System.setIn(previous);
    }
  }

  @Test
  void getSecretsTableAndJson() {
    CliRun run = cli("get", "secrets");
    assertExit(0, run);
    assertEquals(List.of("NAME", "LABELS", "SCOPES"), header(run));
    assertTrue(
        run.out()
            .lines()
            .anyMatch(l -> l.matches("payments-mm2-source\\s+-\\s+SCOPE_REDPANDA_CONNECT")),
        run::toString);
    CliRun json = cli("get", "secrets", "-o", "json");
    assertExit(0, json);
    Map<String, Object> first = json.jsonArray().get(0);
    assertEquals("payments-mm2-source", first.get("name"));
    assertEquals("mock", first.get("context"));
    assertEquals("redpanda", first.get("vendor"));
    assertEquals(Map.of(), first.get("labels"));
    assertEquals(List.of("SCOPE_REDPANDA_CONNECT"), first.get("scopes"));
    CliRun yaml = cli("get", "secrets", "-o", "yaml");
    assertExit(0, yaml);
    assertTrue(yaml.out().contains("name: payments-mm2-source"), yaml::toString);
  }

  @Test
  void getSecretsWithFilters() {
    CliRun run =
        cli(
            "get",
            "secrets",
            "--name-contains",
            "payments",
            "--label",
            "owner=data-platform",
            "--scope",
            "redpanda_connect",
            "--scope",
            "SCOPE_REDPANDA_CLUSTER",
            "-o",
            "json",
            "--verbose");
    assertExit(0, run);
    assertEquals("payments-mm2-source", run.jsonArray().get(0).get("name"));
    String request = run.err().lines().filter(l -> l.startsWith("> GET")).findFirst().orElse("");
    assertTrue(request.contains("filter.name_contains=payments"), run::toString);
    assertTrue(request.contains("filter.labels%5Bowner%5D=data-platform"), run::toString);
    assertTrue(
        request.contains(
            "filter.scopes=SCOPE_REDPANDA_CONNECT&filter.scopes=SCOPE_REDPANDA_CLUSTER"),
        run::toString);
  }

  @Test
  void filtersAreCheckedBeforeSending() {
    CliRun badLabel = cli("get", "secrets", "--label", "novalue");
    assertExit(2, badLabel);
    assertOneErrorLine(badLabel, "--label", "KEY=VALUE");
    CliRun badName = cli("get", "secrets", "--name-contains", "has space");
    assertExit(2, badName);
    assertOneErrorLine(badName, "name filter");
  }

  @Test
  void describeSecret() {
    CliRun run = cli("describe", "secret", "orders-pg-source");
    assertExit(0, run);
    assertTrue(run.out().contains("Name:           orders-pg-source"), run::toString);
    assertTrue(run.out().contains("  owner = data-platform"), run::toString);
    CliRun json = cli("describe", "secret", "orders-pg-source", "-o", "json");
    assertExit(0, json);
    assertEquals(
        Map.of("owner", "data-platform", "connector", "orders-pg-source"),
        json.jsonObject().get("labels"));
    assertFalse(json.jsonObject().containsKey("values"));
  }

  @Test
  void describeMissingSecretExitsFour() {
    prefer("GET", "/secrets/ghost$", "code=404");
    CliRun run = cli("describe", "secret", "ghost");
    assertExit(4, run);
    assertOneErrorLine(run, "secret 'ghost'");
  }

  @Test
  void createFromEnvNeverShowsTheValue() {
    env.put("PG_PASSWORD", CANARY);
    CliRun run =
        cli(
            "create",
            "secret",
            "orders-pg-source",
            "--from-env",
            "database.password=PG_PASSWORD",
            "--label",
            "owner=data-platform",
            "-o",
            "json",
            "--verbose");
    assertExit(0, run);
    Map<String, Object> result = run.jsonArray().get(0);
    assertEquals("orders-pg-source", result.get("name"));
    assertEquals("create", result.get("action"));
    assertEquals("secret", result.get("kind"));
    assertEquals(true, result.get("ok"));
    assertTrue(run.err().contains("> POST"), "--verbose logs the request: " + run);
    assertNoSecret(run, CANARY);
    CliRun table =
        cli("create", "secret", "orders-pg-source", "--from-env", "database.password=PG_PASSWORD");
    assertExit(0, table);
    assertEquals("secret/orders-pg-source created (keys: database.password)", table.out().strip());
    assertNoSecret(table, CANARY);
  }

  @Test
  void createFromFileAndStdin() throws IOException {
    Path file = file("pg-password.txt", CANARY + "\n");
    CliRun fromFile =
        cli("create", "secret", "orders-pg-source", "--from-file", "database.password=" + file);
    assertExit(0, fromFile);
    assertNoSecret(fromFile, CANARY);
    CliRun mapping =
        withStdin(
            "database.password: " + CANARY + "\ndatabase.user: debezium\n",
            "create",
            "secret",
            "orders-pg-source",
            "-v");
    assertExit(0, mapping);
    assertEquals(
        "secret/orders-pg-source created (keys: database.password, database.user)",
        mapping.out().strip());
    assertNoSecret(mapping, CANARY);
    CliRun dash =
        withStdin(
            CANARY + "\n",
            "create",
            "secret",
            "orders-pg-source",
            "--from-file",
            "database.password=-");
    assertExit(0, dash);
    assertNoSecret(dash, CANARY);
  }

  @Test
  void badValueSourcesExitTwoWithoutTheValue() throws IOException {
    CliRun missingVar =
        cli("create", "secret", "orders-pg-source", "--from-env", "database.password=NOT_SET_VAR");
    assertExit(2, missingVar);
    assertOneErrorLine(missingVar, "NOT_SET_VAR", "is not set");
    CliRun missingFile =
        cli("create", "secret", "s1", "--from-file", "k=" + home.resolve("nope.txt"));
    assertExit(2, missingFile);
    assertOneErrorLine(missingFile, "nope.txt", "does not exist");
    CliRun malformed = cli("create", "secret", "s1", "--from-env", CANARY);
    assertExit(2, malformed);
    assertNoSecret(malformed, CANARY);
    for (String verb : List.of("create", "update")) {
      CliRun asArgument = cli(verb, "secret", "s1", CANARY, "--from-env", "k=RP_TEST_TOKEN");
      assertExit(2, asArgument);
      assertOneErrorLine(asArgument, "values are never taken as arguments");
      assertNoSecret(asArgument, CANARY);
    }
    CliRun notMapping = withStdin("just " + CANARY, "create", "secret", "s1");
    assertExit(2, notMapping);
    assertNoSecret(notMapping, CANARY);
    CliRun empty = withStdin("", "create", "secret", "s1");
    assertExit(2, empty);
    assertOneErrorLine(empty, "--from-env", "--from-file");
    CliRun badKey = withStdin("", "create", "secret", "s1", "--from-env", "bad:key=RP_TEST_TOKEN");
    assertExit(2, badKey);
    CliRun badName = cli("create", "secret", "has space", "--from-env", "k=RP_TEST_TOKEN");
    assertExit(2, badName);
    assertOneErrorLine(badName, "Secret name 'has space'");
  }

  @Test
  void updateAndDelete() {
    env.put("PG_PASSWORD", CANARY);
    CliRun update =
        cli(
            "update",
            "secret",
            "orders-pg-source",
            "--from-env",
            "database.password=PG_PASSWORD",
            "-o",
            "json");
    assertExit(0, update);
    assertEquals("update", update.jsonArray().get(0).get("action"));
    assertNoSecret(update, CANARY);
    CliRun delete = cli("delete", "secret", "orders-pg-source");
    assertExit(0, delete);
    assertEquals("secret/orders-pg-source deleted", delete.out().strip());
    CliRun json = cli("delete", "secret", "orders-pg-source", "-o", "json");
    assertExit(0, json);
    assertEquals(true, json.jsonArray().get(0).get("ok"));
    assertEquals("delete", json.jsonArray().get(0).get("action"));
  }

  @Test
  void deleteReportsEveryName() {
    prefer("DELETE", "/secrets/ghost$", "code=404");
    CliRun run = cli("delete", "secret", "orders-pg-source", "ghost", "-o", "json");
    assertExit(4, run);
    List<Map<String, Object>> results = run.jsonArray();
    assertEquals(true, results.get(0).get("ok"));
    assertEquals(false, results.get(1).get("ok"));
    assertTrue(run.err().contains("delete secret 'ghost'"), run::toString);
  }

  @Test
  void clusters() {
    CliRun run = cli("get", "clusters");
    assertExit(0, run);
    assertEquals(List.of("NAME", "VERSION", "PLUGINS", "ADDRESS"), header(run));
    assertTrue(
        run.out().lines().anyMatch(l -> l.matches("redpanda\\s+3\\.8\\.0\\s+3\\s+http://.*")),
        run::toString);
    CliRun json = cli("get", "clusters", "-o", "json");
    assertEquals("3.8.0", json.jsonArray().get(0).get("version"));
    CliRun describe = cli("describe", "cluster", "redpanda");
    assertExit(0, describe);
    assertTrue(describe.out().contains("Version:        3.8.0"), describe::toString);
    assertTrue(
        describe.out().contains("io.debezium.connector.postgresql.PostgresConnector"),
        describe::toString);
    CliRun describeJson = cli("describe", "cluster", "redpanda", "-o", "json");
    Map<String, Object> cluster = describeJson.jsonObject();
    assertEquals("771b9576b00ecf5b", cluster.get("commit"));
    assertEquals(3, ((List<?>) cluster.get("plugins")).size());
  }

  @Test
  void applyWithSecretsDryRunAndApply() throws IOException {
    env.put("PG_PASSWORD", CANARY);
    Path manifest =
        file(
            "pg.yaml",
            """
        name: orders-pg-source
        secrets:
          orders-pg-source:
            labels: {owner: data-platform}
            data:
              database.password: {env: PG_PASSWORD}
        config:
          connector.class: io.debezium.connector.postgresql.PostgresConnector
          database.password: ${secretsManager:orders-pg-source:database.password}
        """);
    prefer("GET", "/secrets/orders-pg-source$", "code=404");
    prefer("GET", "/connectors/orders-pg-source$", "code=404");
    CliRun dry = cli("apply", "-f", manifest.toString(), "--dry-run");
    assertExit(0, dry);
    List<String> lines = dry.out().lines().toList();
    assertEquals("secret/orders-pg-source created (dry run)", lines.get(0));
    assertTrue(
        lines.get(1).startsWith("connector/orders-pg-source created (dry run)"), dry::toString);
    assertNoSecret(dry, CANARY);
    CliRun apply = cli("apply", "-f", manifest.toString(), "-o", "json", "--verbose");
    assertExit(0, apply);
    Map<String, Object> secret = apply.jsonArray().get(0);
    assertEquals("secret", secret.get("kind"));
    assertEquals("create", secret.get("action"));
    assertEquals(List.of("database.password"), secret.get("keys"));
    assertEquals("create", apply.jsonArray().get(1).get("action"));
    assertNoSecret(apply, CANARY);
    int post = apply.err().indexOf("/v1/kafka-connect/clusters/redpanda/secrets\n");
    int connector = apply.err().indexOf("/v1/kafka-connect/clusters/redpanda/connectors\n");
    assertTrue(
        post >= 0 && connector > post, "the secret is written before the connector:\n" + apply);
  }

  @Test
  void applyRefusesMissingVariableBeforeSending() throws IOException {
    Path manifest =
        file(
            "pg.yaml",
            """
        name: orders-pg-source
        secrets:
          orders-pg-source:
            data:
              database.password: {env: PG_PASSWORD_MISSING}
        config:
          connector.class: io.debezium.connector.postgresql.PostgresConnector
        """);
    CliRun run = cli("apply", "-f", manifest.toString(), "--verbose");
    assertExit(2, run);
    assertTrue(run.err().contains("PG_PASSWORD_MISSING is not set"), run::toString);
    assertFalse(run.err().contains("> GET"), "nothing may be sent:\n" + run);
  }

  @Test
  void helpForEveryNewCommand() {
    for (String[] args :
        List.of(
            new String[] {"get", "secrets", "--help"},
            new String[] {"get", "clusters", "--help"},
            new String[] {"describe", "secret", "--help"},
            new String[] {"describe", "cluster", "--help"},
            new String[] {"create", "secret", "--help"},
            new String[] {"update", "secret", "--help"},
            new String[] {"delete", "secret", "--help"})) {
      CliRun run = cli(args);
      assertExit(0, run);
      assertTrue(run.out().contains("Usage: connectctl " + args[0] + " " + args[1]), run::toString);
    }
    assertTrue(cli("create", "secret", "--help").out().contains("--from-env"));
    assertTrue(cli("apply", "--help").out().contains("--force"));
  }
}
