package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Redaction;
import io.connectctl.testkit.PrismExtension;
import io.connectctl.testkit.Specs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every command against the Confluent spec served by Prism. */
class ConfluentPrismTest extends PrismCliTest {
  @RegisterExtension static final PrismExtension PRISM = PrismExtension.forSpec(Specs.CONFLUENT);

  ConfluentPrismTest() {
    super(PRISM, PrismContext.CONFLUENT);
  }

  @Test
  void getConnectorsTableAndJson() {
    CliRun run = cli("get", "connectors");
    assertExit(0, run);
    assertEquals(List.of("NAME", "TYPE", "STATE", "VENDOR-STATE", "TASKS"), header(run));
    assertTrue(
        run.out()
            .lines()
            .anyMatch(l -> l.matches("orders-s3-sink\\s+sink\\s+RUNNING\\s+RUNNING\\s+2/2")),
        run::toString);
    assertTrue(
        run.out()
            .lines()
            .anyMatch(l -> l.matches("customers-pg-source\\s+source\\s+PAUSED\\s+PAUSED\\s+0/1")),
        run::toString);
    CliRun json = cli("get", "connectors", "-o", "json");
    assertExit(0, json);
    assertEquals(2, json.jsonArray().size());
    json.jsonArray().forEach(m -> assertStatusKeys(m, "mock", "confluent"));
  }

  @Test
  void describeAndStatus() {
    CliRun describe = cli("describe", "orders-s3-sink");
    assertExit(0, describe);
    assertTrue(describe.out().contains("Vendor:         confluent"), describe::toString);
    assertTrue(
        describe.out().contains("kafka.api.secret = " + Redaction.REDACTED), describe::toString);
    CliRun status = cli("status", "orders-s3-sink", "-o", "json");
    assertExit(0, status);
    assertStatusKeys(status.jsonObject(), "mock", "confluent");
    assertEquals("RUNNING", status.jsonObject().get("state"));
    CliRun yaml = cli("status", "orders-s3-sink", "-o", "yaml");
    assertExit(0, yaml);
    assertTrue(yaml.out().contains("vendor: confluent"), yaml::toString);
  }

  @Test
  void configGetMasksAndConfigSetReplaces() throws IOException {
    CliRun get = cli("config", "get", "orders-s3-sink", "-o", "json");
    assertExit(0, get);
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) get.jsonObject().get("config");
    assertEquals("S3_SINK", config.get("connector.class"));
    assertEquals(Redaction.REDACTED, config.get("kafka.api.secret"));
    Path file =
        file(
            "c.json",
            "{\"connector.class\": \"S3_SINK\", \"name\": \"orders-s3-sink\", \"kafka.api.key\": \"K\","
                + " \"kafka.api.secret\": \"file-secret-value\", \"topics\": \"orders\"}");
    CliRun set = cli("config", "set", "orders-s3-sink", "-f", file.toString(), "-o", "json");
    assertExit(0, set);
    assertEquals(true, set.jsonArray().get(0).get("ok"));
    assertNoSecret(set, "file-secret-value");
  }

  @Test
  void applyIgnoresMaskedServerValues() throws IOException {
    Path manifest =
        file(
            "sink.yaml",
            """
        name: orders-s3-sink
        config:
          connector.class: S3_SINK
          name: orders-s3-sink
          cloud.environment: prod
          cloud.provider: aws
          kafka.endpoint: SASL_SSL://pkc-p11xm.us-east-1.aws.confluent.cloud:9092
          kafka.region: us-east-1
          kafka.auth.mode: KAFKA_API_KEY
          kafka.api.key: REALKEY
          kafka.api.secret: real-kafka-secret
          aws.access.key.id: REALACCESSKEY
          aws.secret.access.key: real-aws-secret
          s3.bucket.name: acme-orders-archive
          topics: orders
          input.data.format: AVRO
          output.data.format: PARQUET
          time.interval: HOURLY
          flush.size: "1000"
          tasks.max: "3"
        """);
    CliRun dry = cli("apply", "-f", manifest.toString(), "--dry-run");
    assertExit(0, dry);
    assertEquals(
        List.of("connector/orders-s3-sink configured (dry run)", "  ~ tasks.max: 2 -> 3"),
        dry.out().lines().toList());
    CliRun apply = cli("apply", "-f", manifest.toString());
    assertExit(0, apply);
    assertNoSecret(apply, "real-kafka-secret");
    assertNoSecret(apply, "real-aws-secret");
  }

  @Test
  void mutations() {
    for (String verb : List.of("pause", "resume", "restart", "delete")) {
      CliRun run = cli(verb, "orders-s3-sink");
      assertExit(0, run);
      assertTrue(run.out().startsWith("connector/orders-s3-sink "), run::toString);
    }
  }

  @Test
  void resumeAndWaitThenAWaitThatTimesOut() {
    CliRun resume = cli("resume", "orders-s3-sink", "--wait", "--timeout", "30s", "-o", "json");
    assertExit(0, resume);
    assertEquals("RUNNING", resume.jsonArray().get(0).get("state"));
    CliRun timeout = cli("pause", "orders-s3-sink", "--wait", "--timeout", "1s");
    assertExit(0, timeout);
    prefer("GET", "/status$", "example=running");
    CliRun stuck = cli("wait", "orders-s3-sink", "--for", "PAUSED", "--timeout", "1s");
    assertExit(5, stuck);
    assertTrue(stuck.err().contains("Timed out after 1s"), stuck::toString);
  }

  @Test
  void tasksOffsetsPlugins() {
    CliRun tasks = cli("tasks", "orders-s3-sink");
    assertExit(0, tasks);
    assertEquals(List.of("CONNECTOR", "TASK", "KEY", "VALUE"), header(tasks));
    assertTrue(tasks.out().contains("io.confluent.connect.s3.S3SinkTask"), tasks::toString);
    CliRun tasksJson = cli("tasks", "orders-s3-sink", "-o", "json");
    assertEquals(2, ((List<?>) tasksJson.jsonObject().get("tasks")).size());
    CliRun offsets = cli("offsets", "orders-s3-sink", "-o", "json");
    assertExit(0, offsets);
    assertFalse(((List<?>) offsets.jsonObject().get("offsets")).isEmpty(), offsets::toString);
    CliRun offsetsTable = cli("offsets", "orders-s3-sink");
    assertEquals(List.of("CONNECTOR", "PARTITION", "OFFSET", "OBSERVED-AT"), header(offsetsTable));
    CliRun plugins = cli("plugins", "-o", "json");
    assertExit(0, plugins);
    assertEquals("S3_SINK", plugins.jsonArray().get(0).get("class"));
  }

  @Test
  void unsupportedOperations() {
    CliRun stop = cli("stop", "orders-s3-sink", "customers-pg-source");
    assertExit(1, stop);
    assertOneErrorLine(stop, "confluent does not support stop");
    CliRun topics = cli("topics", "orders-s3-sink");
    assertExit(1, topics);
    assertOneErrorLine(topics, "confluent does not support topics");
    CliRun restartTasks = cli("restart", "orders-s3-sink", "--include-tasks");
    assertExit(1, restartTasks);
    assertOneErrorLine(
        restartTasks,
        "confluent does not support restarting a connector's tasks with it, or only the failed ones");
  }

  @Test
  void notFoundAndForbidden() {
    prefer("GET", "/connectors/ghost$", "code=404");
    CliRun run = cli("describe", "ghost");
    assertExit(4, run);
    assertOneErrorLine(run, "connector 'ghost'", "context 'mock'");
    prefer("GET", "/connector-plugins", "code=403");
    CliRun plugins = cli("plugins");
    assertExit(3, plugins);
    assertNoSecret(plugins, "cc-secret-value");
  }

  @Test
  void missingCredentialsAndAdHocFlags() {
    env.remove("CC_SECRET");
    CliRun missing = cli("get", "connectors");
    assertExit(3, missing);
    assertOneErrorLine(missing, "CC_SECRET");
    env.put("CONFLUENT_CLOUD_API_KEY", "ADHOC");
    env.put("CONFLUENT_CLOUD_API_SECRET", "adhoc-secret");
    CliRun adHoc =
        cli(
            "get",
            "connectors",
            "--vendor",
            "confluent",
            "--url",
            baseUrl(),
            "--environment",
            "env-1",
            "--cluster",
            "lkc-1",
            "-o",
            "json");
    assertExit(0, adHoc);
    assertEquals(2, adHoc.jsonArray().size());
  }
}
