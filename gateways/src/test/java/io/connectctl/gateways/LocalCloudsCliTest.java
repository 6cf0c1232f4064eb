package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.CliRun;
import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.local.LocalCluster;
import io.connectctl.local.junit.LocalClusterExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code connectctl local up --clouds}, {@code local status} and {@code local down} as a user runs
 * them: a real cluster of its own, the gateways in a child JVM started from {@code
 * target/gateways-lib} (as {@code ./connectctl} does), the three cloud contexts written and used,
 * and nothing left running afterwards.
 */
class LocalCloudsCliTest {
  private static Path home;
  private static Path dir;
  private static Path config;

  /** stdout as a JSON object, numbers as the gateways' {@link Json} reads them. */
  private static Map<String, Object> json(CliRun run) {
    return Json.obj(Json.parse(run.out()));
  }

  @BeforeAll
  static void freshDirectories() throws IOException {
    Files.createDirectories(Path.of("target"));
    home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "clouds-home");
    dir = Path.of("target", "local-clouds-cluster").toAbsolutePath();
    config = home.resolve("config.yaml");
    stopEverything();
    LocalClusterExtension.deleteRecursively(dir);
  }

  /**
   * Whatever a failed assertion left running is stopped: the gateways by their recorded pid, then
   * the cluster.
   */
  @AfterAll
  static void stopEverything() {
    gatewaysPid()
        .flatMap(ProcessHandle::of)
        .ifPresent(
            p -> {
              p.destroyForcibly();
              p.onExit().join();
            });
    LocalCluster.builder(dir).kafkaLib(LocalClusterExtension.kafkaLib()).build().stop();
  }

  private static Optional<Long> gatewaysPid() {
    try {
      Path state = dir.resolve("gateways.json");
      return Files.exists(state)
          ? Optional.of(
              ((Number) Json.obj(Json.parse(Files.readString(state))).get("pid")).longValue())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static CliRun cli(Path configFile, String... args) {
    Map<String, String> env =
        Map.of(
            "CONNECTCTL_CONFIG",
            configFile.toString(),
            "PATH",
            System.getenv().getOrDefault("PATH", ""));
    return CliRun.run(env, home, new VendorClientFactory(), args);
  }

  static CliRun ok(Path configFile, String... args) {
    CliRun run = cli(configFile, args);
    assertEquals(0, run.exitCode(), run::toString);
    return run;
  }

  @Test
  @SuppressWarnings("unchecked")
  void upWithCloudsWritesWorkingContextsAndDownStopsEverything() throws Exception {
    CliRun up = ok(config, "local", "up", "--clouds", "--dir", dir.toString(), "-o", "json");
    Map<String, Object> view = json(up);
    assertEquals(true, view.get("started"), up::toString);
    assertEquals("local", view.get("context"));
    assertEquals(
        List.of("local-redpanda", "local-confluent", "local-yandex"), view.get("cloudContexts"));
    assertTrue(((Number) view.get("readySeconds")).doubleValue() > 0, up::toString);
    Map<String, Object> clouds = Json.obj(view.get("clouds"));
    long pid = ((Number) clouds.get("pid")).longValue();
    assertTrue(
        ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the gateways' JVM runs");
    assertTrue(
        ProcessHandle.of(pid)
            .flatMap(p -> p.info().commandLine())
            .orElse("")
            .contains("gateways-lib"),
        "run from the gateways' lib directory, not the CLI's classpath");
    assertEquals(true, clouds.get("started"));

    Map<String, Object> root = new Yaml().load(Files.readString(config));
    Map<String, Object> contexts = (Map<String, Object>) root.get("contexts");
    assertEquals("local", root.get("current-context"));
    assertEquals("redpanda", ((Map<String, Object>) contexts.get("local-redpanda")).get("vendor"));
    assertEquals(
        Json.obj(clouds.get("redpanda")).get("url"),
        ((Map<String, Object>) contexts.get("local-redpanda")).get("url"));
    assertEquals(
        "confluent", ((Map<String, Object>) contexts.get("local-confluent")).get("vendor"));
    assertEquals(
        "env-local", ((Map<String, Object>) contexts.get("local-confluent")).get("environment"));
    assertEquals("yandex", ((Map<String, Object>) contexts.get("local-yandex")).get("vendor"));
    assertEquals(
        Json.obj(clouds.get("yandex")).get("cluster"),
        ((Map<String, Object>) contexts.get("local-yandex")).get("cluster"));

    // The cloud contexts as written, in a file of their own: the 'local' context's vendor
    // (kafka-connect) is read
    // only by CLIs that have that vendor.
    Map<String, Object> cloudOnly = new LinkedHashMap<>();
    cloudOnly.put("current-context", "local-redpanda");
    Map<String, Object> cloudContexts = new LinkedHashMap<>(contexts);
    cloudContexts.remove("local");
    cloudOnly.put("contexts", cloudContexts);
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Path cloudConfig =
        Files.writeString(home.resolve("clouds.yaml"), new Yaml(options).dump(cloudOnly));
    Path input = Files.write(home.resolve("lines.txt"), List.of("one", "two"));
    Path manifest =
        Files.writeString(
            home.resolve("clouds-source.yaml"),
            "name: clouds-source\nconfig:\n"
                + "  connector.class: org.apache.kafka.connect.file.FileStreamSourceConnector\n  tasks.max: '1'\n"
                + "  file: "
                + input
                + "\n  topic: clouds-lines\n");
    ok(
        cloudConfig,
        "--context",
        "local-redpanda",
        "apply",
        "-f",
        manifest.toString(),
        "--wait",
        "--timeout",
        "60s");
    ok(
        cloudConfig,
        "--context",
        "local-confluent",
        "pause",
        "clouds-source",
        "--wait",
        "--timeout",
        "60s");
    CliRun status =
        ok(cloudConfig, "--context", "local-redpanda", "status", "clouds-source", "-o", "json");
    assertTrue(status.out().contains("\"PAUSED\""), status::toString);
    ok(
        cloudConfig,
        "--context",
        "local-confluent",
        "resume",
        "clouds-source",
        "--wait",
        "--timeout",
        "60s");
    // reconcile through a gateway: drift from the file is reported, then undone
    Path drifted =
        Files.writeString(
            Files.createDirectories(home.resolve("reconciled")).resolve("clouds-source.yaml"),
            Files.readString(manifest).replace("clouds-lines", "clouds-lines-2"));
    CliRun report =
        ok(
            cloudConfig,
            "reconcile",
            "-f",
            drifted.getParent().toString(),
            "--contexts",
            "local-confluent",
            "--once",
            "--report-only");
    assertTrue(
        report
            .out()
            .contains("drift connector/clouds-source [local-confluent] to update (keys: topic)"),
        report::toString);
    CliRun fixed =
        ok(
            cloudConfig,
            "reconcile",
            "-f",
            drifted.getParent().toString(),
            "--contexts",
            "local-confluent",
            "--once");
    assertTrue(
        fixed.out().contains("configured connector/clouds-source [local-confluent] (keys: topic)"),
        fixed::toString);
    CliRun config2 =
        ok(cloudConfig, "--context", "local-redpanda", "describe", "clouds-source", "-o", "json");
    assertTrue(config2.out().contains("clouds-lines-2"), config2::toString);
    CliRun yandex = ok(cloudConfig, "--context", "local-yandex", "get", "connectors", "-o", "json");
    assertEquals("[]", yandex.out().strip(), "Yandex lists only connectors made through it");
    ok(
        cloudConfig,
        "--context",
        "local-redpanda",
        "delete",
        "clouds-source",
        "--wait",
        "--timeout",
        "60s");

    CliRun statusJson = ok(config, "local", "status", "--dir", dir.toString(), "-o", "json");
    assertEquals(
        pid,
        ((Number) Json.obj(json(statusJson).get("clouds")).get("pid")).longValue(),
        statusJson::toString);
    CliRun statusTable = ok(config, "local", "status", "--dir", dir.toString());
    assertTrue(
        statusTable
            .out()
            .lines()
            .anyMatch(
                l ->
                    l.startsWith("local-yandex")
                        && l.contains("yandex")
                        && l.endsWith(Long.toString(pid))),
        statusTable::toString);

    CliRun again = ok(config, "local", "up", "--clouds", "--dir", dir.toString(), "-o", "json");
    assertEquals(false, Json.obj(json(again).get("clouds")).get("started"), again::toString);
    assertEquals(pid, ((Number) Json.obj(json(again).get("clouds")).get("pid")).longValue());

    long workerPid = ((Number) view.get("workerPid")).longValue();
    long brokerPid = ((Number) view.get("brokerPid")).longValue();
    CliRun down = ok(config, "local", "down", "--dir", dir.toString(), "-o", "json");
    assertEquals(true, json(down).get("stopped"));
    for (long p : new long[] {pid, workerPid, brokerPid}) {
      Optional<ProcessHandle> process = ProcessHandle.of(p);
      process.ifPresent(h -> h.onExit().orTimeout(10, TimeUnit.SECONDS).join());
      assertFalse(
          ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false),
          "process " + p + " left running");
    }
    assertFalse(
        Files.exists(dir.resolve("gateways.json")), "the gateways' state file was left behind");
    CliRun stopped = ok(config, "local", "status", "--dir", dir.toString(), "-o", "json");
    assertEquals(false, json(stopped).get("running"));
    assertFalse(json(stopped).containsKey("clouds"), stopped::toString);
  }

  @Test
  void upWithCloudsRefusesAConfigWhoseCloudContextIsSomeoneElses() throws IOException {
    Path other =
        Files.writeString(
            home.resolve("other.yaml"),
            "contexts:\n  local-confluent:\n    vendor: redpanda\n    url: https://x\n");
    CliRun run =
        cli(
            other,
            "local",
            "up",
            "--clouds",
            "--dir",
            dir.resolveSibling("clouds-never-started").toString());
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(
        run.err().contains("already has a context 'local-confluent' of vendor redpanda"),
        run::toString);
    assertFalse(Files.exists(dir.resolveSibling("clouds-never-started").resolve("run.properties")));
  }
}
