package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.facade.Redaction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every command through the real entry point, over fake clients: output shapes, masking and exit codes. */
class CommandsTest extends FakeCliTest {

  @Test
  void getConnectorsPrintsATableOfTheCurrentContext() {
    CliRun run = cli("get", "connectors");
    assertExit(0, run);
    List<String> lines = run.out().lines().toList();
    assertEquals(List.of("NAME", "TYPE", "STATE", "VENDOR-STATE", "TASKS"), List.of(lines.get(0).split("\\s+")));
    assertTrue(lines.get(1).matches("orders-sink\\s+sink\\s+RUNNING\\s+RUNNING\\s+1/2"), run::toString);
    assertEquals(4, lines.size());
    assertEquals("", run.err());
  }

  @Test
  void getConnectorsJsonHasTheDocumentedKeys() {
    CliRun run = cli("get", "connectors", "-o", "json");
    assertExit(0, run);
    List<Map<String, Object>> list = run.jsonArray();
    assertEquals(3, list.size());
    Map<String, Object> first = list.get(0);
    assertEquals("orders-sink", first.get("name"));
    assertEquals("rp", first.get("context"));
    assertEquals("redpanda", first.get("vendor"));
    assertEquals("RUNNING", first.get("state"));
    assertEquals("RUNNING", first.get("vendorState"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> tasks = (List<Map<String, Object>>) first.get("tasks");
    assertEquals(2, tasks.size());
    assertEquals(0.0, tasks.get(0).get("id"));
    assertEquals("RUNNING", tasks.get(0).get("state"));
    assertEquals("worker-1:8083", tasks.get(0).get("workerId"));
    assertEquals("FAILED", tasks.get(1).get("state"));
  }

  @Test
  void globalFlagsAreAcceptedBeforeOrAfterTheCommand() {
    CliRun before = cli("-o", "json", "--context", "cf", "get", "connectors");
    CliRun middle = cli("get", "--context", "cf", "connectors", "-o", "json");
    CliRun after = cli("get", "connectors", "-o", "json", "--context", "cf");
    assertExit(0, before);
    assertEquals(before.out(), middle.out());
    assertEquals(before.out(), after.out());
    assertEquals("cf-sink", before.jsonArray().get(0).get("name"));
  }

  @Test
  void yamlOutputHasTheSameStructure() {
    CliRun run = cli("status", "orders-sink", "-o", "yaml");
    assertExit(0, run);
    Object parsed = new org.yaml.snakeyaml.Yaml().load(run.out());
    assertTrue(parsed instanceof Map, run::toString);
    assertEquals("orders-sink", ((Map<?, ?>) parsed).get("name"));
    assertEquals("RUNNING", ((Map<?, ?>) parsed).get("state"));
  }

  @Test
  void allContextsListsEveryContextInOneTable() {
    CliRun run = cli("get", "connectors", "--all-contexts");
    assertExit(0, run);
    List<String> lines = run.out().lines().toList();
    assertEquals(List.of("CONTEXT", "VENDOR", "NAME", "STATE", "TASKS"), List.of(lines.get(0).split("\\s+")));
    assertTrue(lines.stream().anyMatch(l -> l.matches("cf\\s+confluent\\s+cf-sink\\s+RUNNING\\s+1/2")), run::toString);
    assertTrue(lines.stream().anyMatch(l -> l.matches("yc\\s+yandex\\s+yc-mirror\\s+RUNNING\\s+1/2")), run::toString);
    assertEquals(6, lines.size());
  }

  @Test
  void allContextsReportsAFailingContextAndListsTheOthers() {
    env.remove("CF_SECRET");
    CliRun run = cli("get", "connectors", "--all-contexts", "-o", "json");
    assertExit(3, run);
    assertEquals(4, run.jsonArray().size());
    assertOneErrorLine(run, "context 'cf'", "CF_SECRET", "not set");
  }

  @Test
  void describeShowsConfigWithSecretsMasked() {
    CliRun run = cli("describe", "orders-sink");
    assertExit(0, run);
    assertTrue(run.out().contains("Name:           orders-sink"), run::toString);
    assertTrue(run.out().contains("database.password = " + Redaction.REDACTED), run::toString);
    assertTrue(run.out().contains("topics = orders"), run::toString);
    assertNoSecrets(run);
    CliRun json = cli("describe", "orders-sink", "-o", "json");
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) json.jsonObject().get("config");
    assertEquals(Redaction.REDACTED, config.get("database.password"));
    assertEquals("RUNNING", json.jsonObject().get("state"));
  }

  @Test
  void showSecretsUnmasks() {
    CliRun run = cli("config", "get", "orders-sink", "--show-secrets", "-o", "json");
    assertExit(0, run);
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) run.jsonObject().get("config");
    assertEquals("hunter22", config.get("database.password"));
  }

  @Test
  void configGetMasksByDefault() {
    CliRun run = cli("config", "get", "orders-sink");
    assertExit(0, run);
    assertTrue(run.out().lines().anyMatch(l -> l.matches("database\\.password\\s+" + Redaction.REDACTED)), run::toString);
    assertNoSecrets(run);
  }

  @Test
  void statusTableShowsConnectorAndTasks() {
    CliRun run = cli("status", "orders-sink");
    assertExit(0, run);
    List<String> lines = run.out().lines().toList();
    assertEquals("", lines.get(2), run::toString);
    assertEquals(List.of("CONNECTOR", "TASK", "STATE", "VENDOR-STATE", "WORKER", "TRACE"),
        List.of(lines.get(3).split("\\s+")));
    assertTrue(run.out().lines().anyMatch(l -> l.matches("orders-sink\\s+1\\s+FAILED\\s+FAILED\\s+worker-2:8083\\s+java.lang.Boom …")),
        run::toString);
  }

  @Test
  void selectorPicksConnectorsByRegex() {
    CliRun run = cli("status", "--selector", "^orders-", "-o", "json");
    assertExit(0, run);
    assertEquals(List.of("orders-sink", "orders-source"), run.jsonArray().stream().map(m -> m.get("name")).toList());
  }

  @Test
  void pauseManyNamesReportsEachAndFailsIfAnyFailed() {
    CliRun run = cli("pause", "orders-sink", "ghost", "payments");
    assertExit(4, run);
    assertEquals(List.of("connector/orders-sink paused", "connector/payments paused"), run.out().lines().toList());
    assertOneErrorLine(run, "pause connector 'ghost'", "context 'rp'", "redpanda", "ghost does not exist");
    assertEquals(List.of("pause orders-sink", "pause payments"), fakes.get("rp").mutations.stream().sorted().toList());
  }

  @Test
  void mutationJsonReportsEveryName() {
    CliRun run = cli("resume", "orders-source", "ghost", "-o", "json");
    assertExit(4, run);
    List<Map<String, Object>> results = run.jsonArray();
    assertEquals(true, results.get(0).get("ok"));
    assertEquals("resume", results.get(0).get("action"));
    assertEquals(false, results.get(1).get("ok"));
    @SuppressWarnings("unchecked")
    Map<String, Object> error = (Map<String, Object>) results.get(1).get("error");
    assertEquals(4.0, error.get("exitCode"));
    assertEquals("NOT_FOUND", error.get("kind"));
  }

  @Test
  void waitFlagShowsProgressOnStderrAndTheStateReached() {
    CliRun run = cli("pause", "orders-sink", "--wait", "--timeout", "30s");
    assertExit(0, run);
    assertEquals("connector/orders-sink paused (now PAUSED)", run.out().strip());
    assertTrue(run.err().contains("waiting up to 30s for connector 'orders-sink' to be PAUSED"), run::toString);
    assertTrue(run.err().contains("orders-sink: state PAUSED"), run::toString);
  }

  @Test
  void aWaitThatTimesOutExitsFive() {
    fakes.get("rp").waitsTimeOut = true;
    CliRun run = cli("wait", "orders-sink", "--for", "PAUSED", "--timeout", "2s");
    assertExit(5, run);
    assertTrue(run.errLines().get(run.errLines().size() - 1).contains("Timed out after 2s"), run::toString);
    CliRun mutation = cli("resume", "orders-sink", "--wait", "--timeout", "1s");
    assertExit(5, mutation);
  }

  @Test
  void waitReportsTheStateReached() {
    CliRun run = cli("wait", "orders-sink", "--for", "paused", "-o", "json");
    assertExit(0, run);
    assertEquals("PAUSED", run.jsonObject().get("state"));
  }

  @Test
  void waitRejectsAnUnknownState() {
    CliRun run = cli("wait", "orders-sink", "--for", "SLEEPING");
    assertExit(2, run);
    // --for is parsed as a state by picocli, so the usage hint follows the one error line, as for any bad flag.
    List<String> lines = run.errLines();
    assertEquals(2, lines.size(), run::toString);
    assertTrue(lines.get(0).startsWith("error: ") && lines.get(0).contains("--for") && lines.get(0).contains("SLEEPING")
        && lines.get(0).contains("RUNNING"), run::toString);
    assertEquals("Run 'connectctl wait --help' for usage.", lines.get(1));
    assertTrue(fakes.get("rp").mutations.isEmpty(), "nothing changed");
  }

  @Test
  void badTimeoutIsBadUsage() {
    CliRun run = cli("pause", "orders-sink", "--wait", "--timeout", "soon");
    assertExit(2, run);
    assertOneErrorLine(run, "--timeout", "soon");
    assertTrue(fakes.get("rp").mutations.isEmpty());
  }

  @Test
  void restartPassesTheTaskOptions() {
    CliRun run = cli("restart", "payments", "--include-tasks", "--only-failed");
    assertExit(0, run);
    assertEquals(List.of("restart+tasks+failed payments"), fakes.get("rp").mutations);
  }

  @Test
  void anOperationTheVendorLacksFailsWithOneLine() {
    CliRun run = cli("stop", "yc-mirror", "--context", "yc");
    assertExit(1, run);
    assertOneErrorLine(run, "yandex does not support stop", "context 'yc'");
    CliRun restart = cli("restart", "cf-sink", "--include-tasks", "--context", "cf");
    assertExit(1, restart);
    assertOneErrorLine(restart, "confluent does not support restart-task-options");
    CliRun topics = cli("topics", "yc-mirror", "--context", "yc");
    assertOneErrorLine(topics, "yandex does not support topics");
    assertTrue(fakes.get("yc").mutations.isEmpty());
  }

  @Test
  void notFoundExitsFourNamingConnectorContextAndVendorMessage() {
    CliRun run = cli("describe", "ghost");
    assertExit(4, run);
    assertOneErrorLine(run, "connector 'ghost'", "context 'rp'", "connector ghost does not exist");
    assertEquals("", run.out());
  }

  @Test
  void deleteRemovesEveryName() {
    CliRun run = cli("delete", "orders-sink", "payments", "-o", "json");
    assertExit(0, run);
    assertEquals(2, run.jsonArray().size());
    assertEquals(List.of("delete orders-sink", "delete payments"), fakes.get("rp").mutations.stream().sorted().toList());
  }

  @Test
  void tasksTopicsOffsetsPlugins() {
    CliRun tasks = cli("tasks", "cf-sink", "--context", "cf", "-o", "json");
    assertExit(0, tasks);
    assertTrue(tasks.out().contains("\"task.class\": \"x.Task\""), tasks::toString);
    assertNoSecrets(tasks);
    CliRun topics = cli("topics", "orders-sink", "-o", "json");
    assertEquals(List.of("orders", "payments"), topics.jsonObject().get("topics"));
    CliRun offsets = cli("offsets", "cf-sink", "--context", "cf");
    assertExit(0, offsets);
    assertTrue(offsets.out().lines().anyMatch(l -> l.contains("{ \"kafka_partition\": 0 }") && l.contains("42")),
        offsets::toString);
    CliRun plugins = cli("plugins", "--context", "cf", "-o", "json");
    assertEquals("io.example.SinkConnector", plugins.jsonArray().get(0).get("class"));
    assertEquals("sink", plugins.jsonArray().get(0).get("type"));
  }

  @Test
  void verboseShowsAStackTraceOtherwiseNone() {
    CliRun quiet = cli("describe", "ghost");
    assertFalse(quiet.err().contains("\tat "));
    CliRun verbose = cli("describe", "ghost", "--verbose");
    assertExit(4, verbose);
    assertTrue(verbose.err().contains("\tat "), verbose::toString);
  }

  @Test
  void usageErrorsExitTwo() {
    assertExit(2, cli("frobnicate"));
    assertExit(2, cli("get", "connectors", "-o", "xml"));
    assertExit(2, cli("pause"));
    assertExit(2, cli("get"));
    CliRun noSelector = cli("status", "--selector", "(");
    assertExit(2, noSelector);
    assertOneErrorLine(noSelector, "--selector");
  }

  @Test
  void versionPrintsTheVersion() {
    CliRun run = cli("--version");
    assertExit(0, run);
    assertTrue(run.out().startsWith("connectctl "), run::toString);
  }

  @Test
  void clientsAreClosedAfterTheRun() {
    cli("get", "connectors");
    assertTrue(fakes.get("rp").closed);
  }
}
