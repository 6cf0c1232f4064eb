package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code tasks}: task configs, secrets masked. */
class TasksCommandTest extends FakeCliTest {
  @Test
  void tasksPrintsTaskConfigsWithoutSecrets() {
    CliRun tasks = cli("tasks", "cf-sink", "--context", "cf", "-o", "json");
    assertExit(0, tasks);
    assertTrue(tasks.out().contains("\"task.class\": \"x.Task\""), tasks::toString);
    assertNoSecrets(tasks);
  }
}
