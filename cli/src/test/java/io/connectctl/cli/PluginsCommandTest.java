package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@code plugins}: class and type of each plugin. */
class PluginsCommandTest extends FakeCliTest {
  @Test
  void pluginsListsClassAndType() {
    CliRun plugins = cli("plugins", "--context", "cf", "-o", "json");
    assertEquals("io.example.SinkConnector", plugins.jsonArray().get(0).get("class"));
    assertEquals("sink", plugins.jsonArray().get(0).get("type"));
  }
}
