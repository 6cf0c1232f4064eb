package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: a typo in one context of a shared config file ({@code urll:}) breaks only that context.
 * Others work, with a warning on stderr naming the broken one; using it is the error it always was;
 * {@code contexts} lists it as an error.
 */
class OneBrokenContextTest {
  @TempDir Path home;

  private Path config() throws IOException {
    return Files.writeString(
        home.resolve("config.yaml"),
        "current-context: good\n"
            + "contexts:\n"
            + "  good:\n"
            + "    vendor: kafka-connect\n"
            + "    url: http://127.0.0.1:8083\n"
            + "  typo:\n"
            + "    vendor: kafka-connect\n"
            + "    urll: http://127.0.0.1:8084\n");
  }

  private CliRun cli(FakeConnectorClient fake, String... args) throws IOException {
    return CliRun.run(
        Map.of("CONNECTCTL_CONFIG", config().toString()),
        home,
        (target, credentials, settings) -> fake,
        args);
  }

  @Test
  void anotherContextsTypoIsAWarningAndTheCommandWorks() throws IOException {
    FakeConnectorClient fake = FakeConnectorClient.of(io.connectctl.facade.Vendor.KAFKA_CONNECT);
    CliRun run = cli(fake, "get", "connectors");
    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(
        run.err().contains("warning: context 'typo'") && run.err().contains("urll"), run::toString);
    assertFalse(run.err().contains("error"), run::toString);
  }

  @Test
  void usingTheBrokenContextIsAnErrorNamingTheKey() throws IOException {
    CliRun run =
        cli(
            FakeConnectorClient.of(io.connectctl.facade.Vendor.KAFKA_CONNECT),
            "get",
            "connectors",
            "--context",
            "typo");
    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("context 'typo'") && run.err().contains("urll"), run::toString);
    assertFalse(run.err().contains("warning"), "one message, not a warning too: " + run);
  }

  @Test
  void contextsListsTheGoodOneAndReportsTheBrokenOne() throws IOException {
    CliRun table =
        cli(FakeConnectorClient.of(io.connectctl.facade.Vendor.KAFKA_CONNECT), "contexts");
    assertEquals(2, table.exitCode(), table::toString);
    assertTrue(table.out().contains("good"), table::toString);
    assertTrue(table.out().contains("typo") && table.out().contains("(invalid)"), table::toString);
    assertTrue(
        table.err().contains("error: ") && table.err().contains("unknown key 'urll'"),
        table::toString);

    CliRun json =
        cli(
            FakeConnectorClient.of(io.connectctl.facade.Vendor.KAFKA_CONNECT),
            "contexts",
            "-o",
            "json");
    List<Map<String, Object>> entries = json.jsonArray();
    assertEquals(List.of("good", "typo"), entries.stream().map(e -> e.get("name")).toList());
    assertFalse(entries.get(0).containsKey("error"));
    assertTrue(String.valueOf(entries.get(1).get("error")).contains("urll"), json::toString);
  }
}
