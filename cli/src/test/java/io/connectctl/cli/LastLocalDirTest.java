package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.connectctl.cli.local.LastLocalDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, item 8: {@code local status} and {@code local down} without {@code --dir} use the
 * sandbox {@code local up} last started (here remembered the way {@code local up} remembers it;
 * {@code LocalCommandsTest} starts a real one), until {@code local down} stops it.
 */
class LastLocalDirTest {
  @TempDir Path home;

  private CliRun cli(String... args) {
    return CliRun.run(
        Map.of("CONNECTCTL_CONFIG", home.resolve("config.yaml").toString()),
        home,
        (target, credentials, settings) -> {
          throw new AssertionError("no client for local");
        },
        args);
  }

  private Object dirOf(CliRun run) {
    assertEquals(0, run.exitCode(), run::toString);
    return run.jsonObject().get("dir");
  }

  @Test
  void statusAndDownFollowTheSandboxLastStarted() throws IOException {
    String standard = home.resolve(".local/share/connectctl/local").toString();
    assertEquals(standard, dirOf(cli("local", "status", "-o", "json")));

    Path elsewhere = Files.createDirectories(home.resolve("sandboxes/one"));
    LastLocalDir.remember(Map.of(), home, elsewhere);
    assertEquals(
        home.resolve(".local/state/connectctl/local-dir"), LastLocalDir.file(Map.of(), home));
    assertEquals(elsewhere.toString(), dirOf(cli("local", "status", "-o", "json")));
    assertEquals(elsewhere.toString(), dirOf(cli("local", "down", "-o", "json")));

    assertFalse(Files.exists(LastLocalDir.file(Map.of(), home)), "down forgets it");
    assertEquals(standard, dirOf(cli("local", "status", "-o", "json")));
  }

  @Test
  void anExplicitDirWinsAndAVanishedOneIsIgnored() throws IOException {
    Path remembered = Files.createDirectories(home.resolve("sandboxes/two"));
    LastLocalDir.remember(Map.of(), home, remembered);
    Path other = home.resolve("other");
    assertEquals(
        other.toString(), dirOf(cli("local", "status", "--dir", other.toString(), "-o", "json")));
    Files.delete(remembered);
    assertEquals(
        home.resolve(".local/share/connectctl/local").toString(),
        dirOf(cli("local", "status", "-o", "json")));
  }
}
