package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.output.Views;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON contract scripts rely on: absent values are null, entries say their kind. */
class ScriptingOutputTest extends FakeCliTest {

  @Test
  void absentValuesAreNullNotEmptyStrings() {
    CliRun run = cli("status", "orders-sink", "-o", "json");
    assertExit(0, run);
    Map<String, Object> status = run.jsonObject();
    assertTrue(status.containsKey("trace"), run::toString);
    assertNull(status.get("trace"), run::toString);
    assertEquals("worker-1:8083", status.get("workerId"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tasks = (List<Map<String, Object>>) status.get("tasks");
    assertTrue(tasks.get(0).containsKey("trace"));
    assertNull(tasks.get(0).get("trace"), run::toString);
    assertTrue(String.valueOf(tasks.get(1).get("trace")).startsWith("java.lang.Boom"));
    assertTrue(run.out().contains("\"trace\": null"), run::toString);

    CliRun yaml = cli("status", "orders-sink", "-o", "yaml");
    assertTrue(yaml.out().contains("trace: null"), yaml::toString);
  }

  @Test
  void applyAndDiffEntriesSayTheirKind() throws IOException {
    Path f = home.resolve("c.yaml");
    Files.writeString(
        f,
        """
        - name: orders-sink
          config: {connector.class: io.example.Sink, topics: orders,refunds}
        - name: fresh
          config: {connector.class: io.example.Sink}
        """);
    for (String[] args :
        List.of(
            new String[] {"diff", "-f", f.toString(), "-o", "json"},
            new String[] {"apply", "--dry-run", "-f", f.toString(), "-o", "json"})) {
      CliRun run = cli(args);
      List<Map<String, Object>> entries = run.jsonArray();
      assertEquals(2, entries.size(), run::toString);
      entries.forEach(e -> assertEquals("connector", e.get("kind"), run::toString));
    }
  }

  @Test
  void localOutputKeysAreCamelCase() {
    Object camel =
        Views.camelCase(
            Map.of(
                "broker_pid",
                1,
                "clouds",
                Map.of("start_seconds", 0.5, "redpanda", Map.of("url", "x")),
                "cloud_contexts",
                List.of(Map.of("config_file", "f"))));
    assertEquals(
        Map.of(
            "brokerPid",
            1,
            "clouds",
            Map.of("startSeconds", 0.5, "redpanda", Map.of("url", "x")),
            "cloudContexts",
            List.of(Map.of("configFile", "f"))),
        camel);
  }
}
