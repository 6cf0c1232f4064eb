package io.connectctl.gateways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.CliRun;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Yandex MirrorMaker connector from a file, through the Yandex gateway on the real worker:
 * created with the typed keys the CLI uses, and {@code config get NAME -o yaml} output applied back
 * is {@code unchanged} (also after an update made from a file). The S3 and Iceberg sinks are
 * refused by the gateway; their files are checked against the spec in the CLI module's {@code
 * YandexFilesPrismTest}.
 */
class YandexFilesGatewayTest {
  @RegisterExtension static final SandboxExtension SANDBOX = new SandboxExtension();
  private static final String C = "local-yandex";

  @TempDir static Path home;
  static WorkerView worker;
  static Map<String, String> env;

  @BeforeAll
  static void context() throws IOException {
    Sandbox sandbox = SANDBOX.sandbox();
    worker = new WorkerView(sandbox.worker);
    Path config =
        Files.writeString(
            home.resolve("config.yaml"),
            "current-context: local-yandex\ncontexts:\n"
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
        Map.of(
            "CONNECTCTL_CONFIG",
            config.toString(),
            "GW_YC_IAM",
            "local-iam",
            "PATH",
            System.getenv().getOrDefault("PATH", ""));
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

  static String mirrorMaker(String name, String tasks) {
    return "# written as the README shows it, with the local broker at both ends\n"
        + "name: "
        + name
        + "\nvendor: yandex\nconfig:\n"
        + "  tasksMax: \""
        + tasks
        + "\"\n"
        + "  connectorConfigMirrormaker.topics: "
        + name
        + "\\..*\n"
        + "  connectorConfigMirrormaker.replicationFactor: \"1\"\n"
        + "  connectorConfigMirrormaker.sourceCluster.alias: "
        + name
        + "-src\n"
        + "  connectorConfigMirrormaker.sourceCluster.thisCluster: \"{}\"\n"
        + "  connectorConfigMirrormaker.targetCluster.alias: "
        + name
        + "-dst\n"
        + "  connectorConfigMirrormaker.targetCluster.thisCluster: \"{}\"\n"
        + "  properties.sync.topics.config.enabled: \"false\"\n"
        + "  properties.refresh.topics.interval.seconds: \"60\"\n";
  }

  @Test
  void mirrorMakerFromAFileAndConfigGetAppliesBackUnchanged() throws IOException {
    String name = "ya-file";
    CliRun created =
        ok(
            "--context",
            C,
            "apply",
            "-f",
            file("ya-file.yaml", mirrorMaker(name, "1")).toString(),
            "--wait",
            "-o",
            "json");
    assertEquals(
        "create",
        Json.obj(((List<?>) Json.parse(created.out())).get(0)).get("action"),
        created::toString);
    assertEquals("RUNNING", worker.state(name));
    assertEquals(
        "org.apache.kafka.connect.mirror.MirrorSourceConnector",
        worker.config(name).get("connector.class"));
    assertEquals(name + "-src", worker.config(name).get("source.cluster.alias"));

    CliRun yaml = ok("--context", C, "config", "get", name, "-o", "yaml");
    assertTrue(
        yaml.out().contains("connectorConfigMirrormaker.sourceCluster.alias"), yaml::toString);
    assertTrue(yaml.out().contains("properties.sync.topics.config.enabled"), yaml::toString);
    CliRun back =
        ok(
            "--context",
            C,
            "apply",
            "-f",
            file("ya-file-back.yaml", yaml.out()).toString(),
            "-o",
            "json");
    Map<String, Object> result = Json.obj(((List<?>) Json.parse(back.out())).get(0));
    assertEquals("unchanged", result.get("action"), back::toString);
    assertEquals(List.of(), result.get("changes"), back::toString);

    // an update from a file, then the new config read back applies unchanged as well
    CliRun updated =
        ok(
            "--context",
            C,
            "apply",
            "-f",
            file("ya-file-2.yaml", mirrorMaker(name, "2")).toString(),
            "--wait",
            "-o",
            "json");
    assertEquals(
        "update",
        Json.obj(((List<?>) Json.parse(updated.out())).get(0)).get("action"),
        updated::toString);
    assertEquals("2", worker.config(name).get("tasks.max"));
    CliRun yaml2 = ok("--context", C, "config", "get", name, "-o", "yaml");
    CliRun back2 =
        ok("--context", C, "apply", "-f", file("ya-file-back2.yaml", yaml2.out()).toString());
    assertTrue(back2.out().contains("unchanged"), back2::toString);
    assertFalse(back2.out().contains("updated"), back2::toString);

    ok("--context", C, "delete", name, "--wait");
    assertFalse(worker.exists(name));
  }

  @Test
  void anS3SinkFileIsRefusedWithTheVendorsError() throws IOException {
    String s3 =
        "name: ya-file-s3\nconfig:\n  tasksMax: \"1\"\n  connectorConfigS3Sink.topics: orders\n"
            + "  connectorConfigS3Sink.fileCompressionType: gzip\n"
            + "  connectorConfigS3Sink.s3Connection.bucketName: b\n"
            + "  connectorConfigS3Sink.s3Connection.externalS3.endpoint: storage.yandexcloud.net\n";
    CliRun run =
        cli(
            "--context",
            C,
            "apply",
            "-f",
            Files.writeString(home.resolve("ya-s3.yaml"), s3).toString());
    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("ya-file-s3"), run::toString);
    assertFalse(worker.exists("ya-file-s3"));
  }
}
