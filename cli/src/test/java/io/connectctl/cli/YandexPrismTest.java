package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every command against the Yandex spec served by Prism (the operations API on the same server).
 */
class YandexPrismTest extends PrismCliTest {
  @RegisterExtension static final PrismExtension PRISM = PrismExtension.forSpec(Specs.YANDEX);

  YandexPrismTest() {
    super(PRISM, PrismContext.YANDEX);
  }

  @Test
  void getConnectorsTableAndJson() {
    CliRun run = cli("get", "connectors");
    assertExit(0, run);
    assertEquals(List.of("NAME", "TYPE", "STATE", "VENDOR-STATE", "TASKS"), header(run));
    assertTrue(
        run.out().lines().anyMatch(l -> l.matches("orders-to-s3\\s+sink\\s+PAUSED\\s+PAUSED\\s+-")),
        run::toString);
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("replicate-orders ")), run::toString);
    CliRun json = cli("get", "connectors", "-o", "json");
    assertExit(0, json);
    assertEquals(
        List.of("events-to-iceberg", "orders-to-s3", "replicate-orders"),
        json.jsonArray().stream().map(m -> m.get("name")).toList());
    json.jsonArray().forEach(m -> assertStatusKeys(m, "mock", "yandex"));
    assertEquals(List.of(), json.jsonArray().get(0).get("tasks"));
  }

  @Test
  void describeStatusAndConfig() {
    CliRun describe = cli("describe", "replicate-orders");
    assertExit(0, describe);
    assertTrue(describe.out().contains("Vendor details: health=ALIVE"), describe::toString);
    assertTrue(describe.out().contains("Tasks: none reported"), describe::toString);
    CliRun status = cli("status", "replicate-orders", "-o", "json");
    assertExit(0, status);
    assertStatusKeys(status.jsonObject(), "mock", "yandex");
    assertEquals("RUNNING", status.jsonObject().get("state"));
    assertEquals(Map.of("health", "ALIVE"), status.jsonObject().get("vendorDetails"));
    CliRun config = cli("config", "get", "replicate-orders", "-o", "json");
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) config.jsonObject().get("config");
    assertEquals("orders.*", values.get("connectorConfigMirrormaker.topics"));
    assertEquals("3", values.get("tasksMax"));
  }

  @Test
  void applyDiffTreatsWriteOnlySecretsAsUnknown() throws IOException {
    Path manifest =
        file(
            "mm.yaml",
            """
        name: replicate-orders
        config:
          tasksMax: "4"
          properties:
            sync.topics.config.enabled: "true"
            refresh.topics.interval.seconds: "60"
          connectorConfigMirrormaker:
            replicationFactor: "3"
            topics: orders.*
            sourceCluster:
              alias: source
              externalCluster:
                bootstrapServers: rc1a-3u8kq0pd1m5jv2h7.mdb.yandexcloud.net:9091,rc1b-9f2nc4tl6w0xs8e1.mdb.yandexcloud.net:9091
                saslUsername: mirror-reader
                saslPassword: mirror-password-value
                saslMechanism: SCRAM-SHA-512
                securityProtocol: SASL_SSL
            targetCluster:
              alias: target
              thisCluster: {}
        """);
    CliRun dry = cli("apply", "-f", manifest.toString(), "--dry-run");
    assertExit(0, dry);
    assertEquals(
        List.of("connector/replicate-orders configured (dry run)", "  ~ tasksMax: 3 -> 4"),
        dry.out().lines().toList());
    CliRun apply = cli("apply", "-f", manifest.toString(), "-o", "json");
    assertExit(0, apply);
    assertEquals(true, apply.jsonArray().get(0).get("ok"));
    assertNoSecret(apply, "mirror-password-value");
  }

  @Test
  void mutationsReportTheOperation() {
    for (String verb : List.of("pause", "resume", "delete")) {
      CliRun run = cli(verb, "replicate-orders", "-o", "json");
      assertExit(0, run);
      Map<String, Object> result = run.jsonArray().get(0);
      assertEquals(true, result.get("ok"));
      assertTrue(!((String) result.get("operationId")).isEmpty(), run::toString);
    }
    CliRun table = cli("pause", "replicate-orders");
    assertTrue(
        table.out().matches("connector/replicate-orders paused \\[operation \\S+\\]\\s*"),
        table::toString);
  }

  @Test
  void aWaitThatTimesOutNamesTheOperation() {
    CliRun run = cli("pause", "replicate-orders", "--wait", "--timeout", "1s");
    assertExit(5, run);
    List<String> errors = run.errLines().stream().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), run::toString);
    assertTrue(
        errors.get(0).contains("replicate-orders") && errors.get(0).contains("operation"),
        run::toString);
  }

  @Test
  void waitForAState() {
    prefer("GET", "/connectors/replicate-orders$", "example=paused");
    CliRun run = cli("wait", "replicate-orders", "--for", "PAUSED", "--timeout", "30s");
    assertExit(0, run);
    assertEquals("connector/replicate-orders is PAUSED", run.out().strip());
  }

  @Test
  void unsupportedOperations() {
    for (String[] args :
        List.of(
            new String[] {"restart", "replicate-orders"},
            new String[] {"stop", "replicate-orders"},
            new String[] {"tasks", "replicate-orders"},
            new String[] {"topics", "replicate-orders"},
            new String[] {"offsets", "replicate-orders"},
            new String[] {"plugins"})) {
      CliRun run = cli(args);
      assertExit(1, run);
      assertOneErrorLine(run, "yandex does not support " + args[0]);
    }
  }

  @Test
  void notFoundAndBadName() {
    prefer("GET", "/connectors/ghost$", "code=404");
    CliRun run = cli("status", "ghost");
    assertExit(4, run);
    assertOneErrorLine(run, "connector 'ghost'", "context 'mock'");
    CliRun badName = cli("status", "no/slashes");
    assertExit(2, badName);
    assertOneErrorLine(badName, "no/slashes");
  }

  @Test
  void missingCredentialsAndUnknownContext() {
    env.remove("YC_TEST_IAM");
    CliRun missing = cli("get", "connectors");
    assertExit(3, missing);
    assertOneErrorLine(missing, "YC_TEST_IAM");
    CliRun unknown = cli("get", "connectors", "--context", "prod");
    assertExit(2, unknown);
  }
}
