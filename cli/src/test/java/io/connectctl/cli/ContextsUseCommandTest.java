package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** {@code contexts use}: rewrites or adds only the {@code current-context} line. */
class ContextsUseCommandTest extends FakeCliTest {
  @Test
  void contextsUseRewritesOnlyTheCurrentContextLine() throws IOException {
    CliRun run = cli("contexts", "use", "cf");
    assertExit(0, run);
    assertEquals(
        CONFIG.replace("current-context: rp", "current-context: cf"), Files.readString(configFile));
    CliRun get = cli("get", "connectors", "-o", "json");
    assertEquals("cf", get.jsonArray().get(0).get("context"));
  }

  @Test
  void contextsUseAddsTheLineWhenMissing() throws IOException {
    Files.writeString(configFile, CONFIG.replace("current-context: rp\n", ""));
    assertExit(0, cli("contexts", "use", "yc"));
    assertTrue(Files.readString(configFile).startsWith("current-context: yc\n"));
  }
}
