package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.CliRun;
import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.testfixtures.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI, through its real entry point and vendor clients, against the three gateways over the
 * real worker (each reached through its validating proxy), with contexts named as {@code local up
 * --clouds} will write them.
 */
class GatewayCliTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();
  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir static Path home;
  static Sandbox sandbox;
  static WorkerView worker;
  static Map<String, String> env;
  static Path input;

  @BeforeAll
  static void contexts() throws IOException {
    sandbox = SANDBOX.sandbox();
    worker = new WorkerView(sandbox.worker);
    input = home.resolve("cli-input.txt");
    Files.write(input, List.of("first", "second"));
    Path config = home.resolve("config.yaml");
    Files.writeString(
        config,
        "current-context: local-redpanda\ncontexts:\n"
            + "  local-redpanda:\n    vendor: redpanda\n    url: "
            + sandbox.redpandaProxy.url()
            + "\n"
            + "    credentials: {env: {token: GW_RP_TOKEN}}\n"
            + "  local-confluent:\n    vendor: confluent\n    url: "
            + sandbox.confluentProxy.url()
            + "\n"
            + "    environment: "
            + sandbox.confluent.environmentId()
            + "\n    cluster: "
            + sandbox.confluent.clusterId()
            + "\n    credentials: {env: {api-key: GW_CC_KEY, api-secret: GW_CC_SECRET}}\n"
            + "  local-yandex:\n    vendor: yandex\n    url: "
            + sandbox.yandexProxy.url()
            + "\n"
            + "    operation-url: "
            + sandbox.yandexProxy.url()
            + "\n    cluster: "
            + sandbox.yandex.clusterId()
            + "\n"
            + "    credentials: {env: {iam-token: GW_YC_IAM}}\n");
    env =
        new HashMap<>(
            Map.of(
                "CONNECTCTL_CONFIG",
                config.toString(),
                "GW_RP_TOKEN",
                "local-token",
                "GW_CC_KEY",
                "LOCALCLIKEY",
                "GW_CC_SECRET",
                "local-cli-secret",
                "GW_YC_IAM",
                "local-iam"));
    env.put("PATH", System.getenv().getOrDefault("PATH", ""));
  }

  static CliRun cli(String... args) {
    return CliRun.run(env, home, new VendorClientFactory(), args);
  }

  static CliRun ok(String... args) {
    CliRun run = cli(args);
    assertEquals(0, run.exitCode(), run::toString);
    return run;
  }

  static Path file(String name, String text) throws IOException {
    return Files.writeString(home.resolve(name), text);
  }

  /** The {@code state} the CLI reports for {@code name} in {@code status NAME -o json}. */
  static String cliState(String context, String name) {
    Object json = Json.parse(ok("--context", context, "status", name, "-o", "json").out());
    Map<String, Object> status =
        json instanceof List<?> list ? Json.obj(list.get(0)) : Json.obj(json);
    assertEquals(name, status.get("name"), status::toString);
    return Json.str(status.get("state"));
  }

  static String source(String name, String topic) {
    return "name: "
        + name
        + "\nconfig:\n  connector.class: org.apache.kafka.connect.file.FileStreamSourceConnector\n"
        + "  tasks.max: '1'\n  file: "
        + input
        + "\n  topic: "
        + topic
        + "\n";
  }

  @Test
  void redpanda() throws IOException {
    String c = "local-redpanda";
    ok(
        "--context",
        c,
        "apply",
        "-f",
        file("rp-cli.yaml", source("rp-cli", "rp-cli-lines")).toString(),
        "--wait");
    assertEquals("RUNNING", worker.state("rp-cli"));
    ok("--context", c, "pause", "rp-cli", "--wait");
    assertEquals("PAUSED", cliState(c, "rp-cli"));
    assertEquals("PAUSED", worker.state("rp-cli"));
    ok("--context", c, "resume", "rp-cli", "--wait");
    assertEquals("RUNNING", worker.state("rp-cli"));
    ok("--context", c, "restart", "rp-cli", "--include-tasks", "--wait");
    assertEquals("RUNNING", cliState(c, "rp-cli"));
    ok("--context", c, "stop", "rp-cli", "--wait");
    assertEquals("STOPPED", worker.state("rp-cli"));
    ok("--context", c, "resume", "rp-cli", "--wait");
    CliRun list = ok("--context", c, "get", "connectors", "-o", "json");
    assertTrue(list.out().contains("\"rp-cli\""), list::toString);
    assertTrue(
        ok("--context", c, "config", "get", "rp-cli", "-o", "yaml").out().contains("rp-cli-lines"));
    assertTrue(ok("--context", c, "plugins").out().contains("FileStreamSinkConnector"));
    awaitOutput(() -> cli("--context", c, "topics", "rp-cli"), "rp-cli-lines");

    // A sink that really fails: the wait ends with the worker's trace, and a non-zero exit.
    String broken =
        "name: rp-cli-broken\nconfig:\n  connector.class: org.apache.kafka.connect.file.FileStreamSinkConnector\n"
            + "  tasks.max: '1'\n  topics: rp-cli-lines\n  file: "
            + input.resolve("not-a-dir/out.txt")
            + "\n";
    CliRun failed =
        cli("--context", c, "apply", "-f", file("rp-broken.yaml", broken).toString(), "--wait");
    assertNotEquals(0, failed.exitCode(), failed::toString);
    assertTrue(failed.err().contains("FAILED"), failed::toString);
    assertEquals("FAILED", cliState(c, "rp-cli-broken"));

    ok("--context", c, "delete", "rp-cli", "rp-cli-broken", "--wait");
    assertFalse(worker.exists("rp-cli"));
    assertFalse(worker.exists("rp-cli-broken"));
  }

  @Test
  void confluent() throws IOException {
    String c = "local-confluent";
    String yaml =
        source("cf-cli", "cf-cli-lines") + "  connection.password: cf-cli-password-value\n";
    ok("--context", c, "apply", "-f", file("cf-cli.yaml", yaml).toString(), "--wait");
    assertEquals("RUNNING", worker.state("cf-cli"));
    ok("--context", c, "pause", "cf-cli", "--wait");
    assertEquals("PAUSED", worker.state("cf-cli"));
    ok("--context", c, "resume", "cf-cli", "--wait");
    assertEquals("RUNNING", cliState(c, "cf-cli"));
    ok("--context", c, "restart", "cf-cli", "--wait");
    assertEquals("RUNNING", worker.state("cf-cli"));
    CliRun describe = ok("--context", c, "describe", "cf-cli");
    assertFalse(describe.out().contains("cf-cli-password-value"), describe::toString);
    assertTrue(ok("--context", c, "tasks", "cf-cli").out().contains("cli-input.txt"));
    awaitOutput(() -> cli("--context", c, "offsets", "cf-cli"), "position");
    assertTrue(ok("--context", c, "plugins").out().contains("MirrorSourceConnector"));
    ok("--context", c, "delete", "cf-cli", "--wait");
    assertFalse(worker.exists("cf-cli"));
  }

  @Test
  void yandex() throws IOException {
    String c = "local-yandex";
    String yaml =
        "name: ya-cli\nconfig:\n  tasksMax: '1'\n  connectorConfigMirrormaker.topics: ya-cli.*\n"
            + "  connectorConfigMirrormaker.replicationFactor: '1'\n"
            + "  connectorConfigMirrormaker.sourceCluster.alias: ya-cli-src\n"
            + "  connectorConfigMirrormaker.sourceCluster.thisCluster: '{}'\n"
            + "  connectorConfigMirrormaker.targetCluster.alias: ya-cli-dst\n"
            + "  connectorConfigMirrormaker.targetCluster.thisCluster: '{}'\n";
    ok("--context", c, "apply", "-f", file("ya-cli.yaml", yaml).toString(), "--wait");
    assertEquals("RUNNING", worker.state("ya-cli"));
    ok("--context", c, "pause", "ya-cli", "--wait");
    assertEquals("PAUSED", worker.state("ya-cli"));
    assertEquals("PAUSED", cliState(c, "ya-cli"));
    ok("--context", c, "resume", "ya-cli", "--wait");
    assertEquals("RUNNING", cliState(c, "ya-cli"));
    CliRun config = ok("--context", c, "config", "get", "ya-cli", "-o", "yaml");
    assertTrue(config.out().contains("ya-cli-src"), config::toString);
    // A MirrorMaker whose source cannot be resolved fails on the worker: the operation carries the
    // error.
    String broken =
        yaml.replace("ya-cli\n", "ya-cli-broken\n")
            .replace(
                "  connectorConfigMirrormaker.sourceCluster.thisCluster: '{}'\n",
                "  connectorConfigMirrormaker.sourceCluster.externalCluster.bootstrapServers: broker.invalid:9092\n");
    CliRun failed =
        cli("--context", c, "apply", "-f", file("ya-broken.yaml", broken).toString(), "--wait");
    assertEquals(1, failed.exitCode(), failed::toString);
    assertTrue(failed.err().contains("ya-cli-broken"), failed::toString);
    assertFalse(worker.exists("ya-cli-broken"));
    CliRun unsupported = cli("--context", c, "restart", "ya-cli");
    assertEquals(1, unsupported.exitCode(), unsupported::toString);
    ok("--context", c, "delete", "ya-cli", "--wait");
    assertFalse(worker.exists("ya-cli"));
  }

  private static void awaitOutput(java.util.function.Supplier<CliRun> command, String expected) {
    CliRun last =
        Eventually.within(WAIT)
            .every(Duration.ofMillis(300))
            .until(
                "output with " + expected,
                command::get,
                run -> run.exitCode() == 0 && run.out().contains(expected));
    assertEquals(0, last.exitCode(), last::toString);
    assertTrue(last.out().contains(expected), last::toString);
  }
}
