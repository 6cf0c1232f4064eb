package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the contexts file is looked for: {@code --config}, else {@code $CONNECTCTL_CONFIG}, else
 * {@code $XDG_CONFIG_HOME/connectctl/config.yaml}, else {@code
 * $HOME/.config/connectctl/config.yaml}.
 */
class ConfigLocationTest extends FakeCliTest {
  @TempDir Path other;

  private Path write(Path dir, String current) throws IOException {
    Path file = dir.resolve("connectctl/config.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, CONFIG.replace("current-context: rp", "current-context: " + current));
    return file;
  }

  @Test
  void xdgConfigHomeIsUsedWhenConnectctlConfigIsUnset() throws IOException {
    env.remove("CONNECTCTL_CONFIG");
    write(home.resolve(".config"), "rp");
    write(other, "cf");
    env.put("XDG_CONFIG_HOME", other.toString());
    CliRun run = cli("get", "connectors", "-o", "json");
    assertExit(0, run);
    assertEquals("cf", run.jsonArray().get(0).get("context"));
  }

  @Test
  void connectctlConfigWinsOverXdgConfigHome() throws IOException {
    write(other, "cf");
    env.put("XDG_CONFIG_HOME", other.toString());
    CliRun run = cli("get", "connectors", "-o", "json");
    assertExit(0, run);
    assertEquals(
        "rp", run.jsonArray().get(0).get("context"), "CONNECTCTL_CONFIG names the file with rp");
  }

  @Test
  void relativeXdgConfigHomeIsIgnoredAsTheSpecSays() throws IOException {
    env.remove("CONNECTCTL_CONFIG");
    write(home.resolve(".config"), "yc");
    env.put("XDG_CONFIG_HOME", "relative/dir");
    CliRun run = cli("get", "connectors", "-o", "json");
    assertExit(0, run);
    assertEquals("yc", run.jsonArray().get(0).get("context"));
  }

  @Test
  void theRealProcessFollowsHomeNotJavasUserHome() throws Exception {
    Path file = write(other.resolve(".config"), "cf");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ConnectCtl.class.getName(),
                "contexts")
            .redirectErrorStream(true);
    builder.environment().remove("CONNECTCTL_CONFIG");
    builder.environment().remove("XDG_CONFIG_HOME");
    builder.environment().put("HOME", other.toString());
    Process process = builder.start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, process.exitValue(), output);
      List<String> lines = output.lines().toList();
      assertTrue(lines.stream().anyMatch(l -> l.matches("\\*\\s+cf\\s+confluent.*")), output);
      assertTrue(Files.exists(file));
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void homeComesFromTheEnvironmentWhenSet() {
    assertEquals(
        Path.of("/some/dir"), CliEnvironment.home(java.util.Map.of("HOME", "/some/dir"), "/root"));
    assertEquals(Path.of("/root"), CliEnvironment.home(java.util.Map.of(), "/root"));
  }
}
