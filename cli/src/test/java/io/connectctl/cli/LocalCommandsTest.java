package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.local.LocalCluster;
import io.connectctl.local.junit.LocalClusterExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** {@code local up}, {@code local status} and {@code local down} with a real cluster. */
class LocalCommandsTest {
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+");
  private static Path home;
  private static Path dir;

  @BeforeAll
  static void freshDirectories() throws IOException {
    home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "local-home");
    dir = Path.of("target", "local-cli-cluster").toAbsolutePath();
    cluster().stop();
    LocalClusterExtension.deleteRecursively(dir);
  }

  /** Whatever a failed assertion left running is stopped. */
  @AfterAll
  static void stopEverything() {
    cluster().stop();
  }

  private static LocalCluster cluster() {
    return LocalCluster.builder(dir).kafkaLib(LocalClusterExtension.kafkaLib()).build();
  }

  private static CliRun cli(Map<String, String> env, String... args) {
    return CliRun.run(env, home, new VendorClientFactory(), args);
  }

  private static CliRun cli(String... args) {
    return cli(Map.of(), args);
  }

  @Test
  void upStatusDownWithARealCluster() throws Exception {
    Path config = home.resolve(".config/connectctl/config.yaml");
    Files.createDirectories(config.getParent());
    Files.writeString(
        config,
        "# mine\ncurrent-context: rp\ncontexts:\n  rp:\n    vendor: redpanda\n"
            + "    url: https://api-1.example.com\n");

    CliRun up = cli("local", "up", "--dir", dir.toString());
    assertEquals(0, up.exitCode(), up::toString);
    Matcher url = URL.matcher(up.out());
    assertTrue(url.find(), up::toString);
    assertTrue(
        up.out().startsWith("Kafka Connect 4.1.1 is running at " + url.group()), up::toString);
    assertTrue(up.err().contains("Starting the Connect worker"), up::toString);
    assertEquals(200, httpGet(url.group() + "/connectors"));
    String written = Files.readString(config);
    assertTrue(written.startsWith("# mine\ncurrent-context: rp\n"), written);
    Map<String, Object> root = new Yaml().load(written);
    assertEquals(
        Map.of("vendor", "kafka-connect", "url", url.group()),
        ((Map<?, ?>) root.get("contexts")).get("local"));
    assertEquals(
        Map.of("vendor", "redpanda", "url", "https://api-1.example.com"),
        ((Map<?, ?>) root.get("contexts")).get("rp"));

    CliRun again = cli("local", "up", "--dir", dir.toString(), "-o", "json");
    assertEquals(0, again.exitCode(), again::toString);
    assertEquals(false, again.jsonObject().get("started"));
    assertEquals(url.group(), again.jsonObject().get("url"));
    CliRun againText = cli("local", "up", "--dir", dir.toString());
    assertTrue(
        againText.out().startsWith("The local cluster is already running at " + url.group()),
        againText::toString);

    CliRun status = cli("local", "status", "--dir", dir.toString(), "-o", "json");
    assertEquals(0, status.exitCode(), status::toString);
    assertEquals(true, status.jsonObject().get("running"));
    assertEquals(url.group(), status.jsonObject().get("url"));
    CliRun withoutDir = cli("local", "status", "-o", "json");
    assertEquals(true, withoutDir.jsonObject().get("running"), "the sandbox up last started");
    assertEquals(dir.toString(), withoutDir.jsonObject().get("dir"), withoutDir::toString);
    long broker = ((Number) status.jsonObject().get("brokerPid")).longValue();
    long worker = ((Number) status.jsonObject().get("workerPid")).longValue();
    assertTrue(alive(broker) && alive(worker));
    CliRun statusTable = cli("local", "status", "--dir", dir.toString());
    assertTrue(
        statusTable
            .out()
            .lines()
            .skip(1)
            .findFirst()
            .orElse("")
            .matches(
                "running\\s+"
                    + Pattern.quote(url.group())
                    + "\\s+127\\.0\\.0\\.1:\\d+\\s+"
                    + broker
                    + "\\s+"
                    + worker
                    + "\\s+"
                    + Pattern.quote(dir.toString())),
        statusTable::toString);

    CliRun down = cli("local", "down", "--dir", dir.toString());
    assertEquals(0, down.exitCode(), down::toString);
    assertTrue(
        down.out().startsWith("Stopped the local cluster (data kept in " + dir + ")"),
        down::toString);
    assertFalse(alive(broker) || alive(worker), "no JVM left behind");
    assertTrue(Files.exists(dir.resolve("kafka/meta.properties")), "data kept");
    assertEquals(written, Files.readString(config), "down leaves the config file alone");

    CliRun stopped = cli("local", "status", "--dir", dir.toString(), "-o", "json");
    assertEquals(0, stopped.exitCode(), stopped::toString);
    assertEquals(false, stopped.jsonObject().get("running"));
    CliRun downAgain = cli("local", "down", "--dir", dir.toString());
    assertEquals(0, downAgain.exitCode(), downAgain::toString);
    assertTrue(downAgain.out().startsWith("The local cluster is not running"), downAgain::toString);
  }

  @Test
  void defaultDirectoryFollowsXdgDataHome() {
    Path data = home.resolve("xdg-data");
    Map<String, String> env = new HashMap<>();
    env.put("XDG_DATA_HOME", data.toString());
    CliRun status = cli(env, "local", "status", "-o", "json");
    assertEquals(0, status.exitCode(), status::toString);
    assertEquals(data.resolve("connectctl/local").toString(), status.jsonObject().get("dir"));
    CliRun fallback = cli("local", "status", "-o", "json");
    assertEquals(
        home.resolve(".local/share/connectctl/local").toString(), fallback.jsonObject().get("dir"));
  }

  @Test
  void helpForEveryCommand() {
    for (String command : new String[] {"up", "status", "down"}) {
      CliRun help = cli("local", command, "--help");
      assertEquals(0, help.exitCode(), help::toString);
      assertTrue(help.out().contains("--dir=DIR"), help::toString);
    }
    CliRun help = cli("local", "--help");
    assertEquals(0, help.exitCode(), help::toString);
    assertTrue(
        help.out().contains("up") && help.out().contains("status") && help.out().contains("down"),
        help::toString);
    CliRun missing = cli("local");
    assertEquals(2, missing.exitCode(), missing::toString);
  }

  @Test
  void upRefusesAConfigWhoseLocalContextIsSomeoneElses() throws IOException {
    Path config = home.resolve("other-config.yaml");
    Files.writeString(config, "contexts:\n  local:\n    vendor: redpanda\n    url: https://x\n");
    CliRun up =
        cli(
            "local",
            "up",
            "--dir",
            dir.resolveSibling("never-started").toString(),
            "--config",
            config.toString());
    assertEquals(2, up.exitCode(), up::toString);
    assertTrue(up.err().contains("already has a context 'local'"), up::toString);
    assertFalse(
        Files.exists(dir.resolveSibling("never-started").resolve("run.properties")),
        "nothing started");
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static int httpGet(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
