package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.ScriptedWorker.Api;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: every mutating command takes {@code --dry-run} and then sends no write (the scripted
 * worker records every request); a selector-driven {@code delete} or {@code stop} asks on a
 * terminal (a pseudo-terminal made with util-linux {@code script}) and without one needs {@code
 * --yes}.
 */
class DryRunAndConfirmTest {
  @TempDir Path home;

  private ScriptedWorker worker;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() {
    worker = new ScriptedWorker(Api.REDPANDA);
    for (String name : List.of("orders-1", "orders-2", "billing")) {
      worker.add(name, Map.of("connector.class", "com.example.Sink", "tasks.max", "1"));
    }
  }

  @AfterEach
  void stop() {
    worker.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>(worker.env());
    env.put("CONNECTCTL_CONFIG", home.resolve("absent-config.yaml").toString());
    env.put("SECRET_VALUE", "pg-password-1");
    return env;
  }

  private CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(worker.flags());
    return CliRun.run(env(), home, new VendorClientFactory(http), all.toArray(String[]::new));
  }

  @Test
  void everyMutatingCommandListsWhatItWouldTouchAndSendsNoWrite() throws IOException {
    Path config = Files.writeString(home.resolve("config.yaml"), "tasks.max: \"2\"\n");
    List<List<String>> commands =
        List.of(
            List.of("pause", "-l", "^orders"),
            List.of("resume", "orders-1"),
            List.of("stop", "-l", "^orders"),
            List.of("restart", "orders-1", "--include-tasks"),
            List.of("delete", "-l", "^orders"),
            List.of("config", "set", "orders-1", "-f", config.toString()),
            List.of("topics", "reset", "orders-1"),
            List.of("create", "secret", "pg", "--from-env", "password=SECRET_VALUE"),
            List.of("update", "secret", "pg", "--from-env", "password=SECRET_VALUE"),
            List.of("delete", "secret", "pg"));
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.add("--dry-run");
      CliRun run = cli(args.toArray(String[]::new));
      assertEquals(0, run.exitCode(), command + ": " + run);
      assertTrue(run.out().contains("(dry run)"), command + ": " + run);
      assertFalse(run.out().contains("pg-password-1"), "no secret value");
    }
    assertEquals(List.of(), worker.writes(), "no write was sent");

    CliRun deletes = cli("delete", "-l", "^orders", "--dry-run");
    assertEquals(
        "connector/orders-1 would be deleted (dry run)\n"
            + "connector/orders-2 would be deleted (dry run)\n",
        deletes.out());
    CliRun json = cli("delete", "-l", "^orders", "--dry-run", "-o", "json");
    List<Map<String, Object>> entries = json.jsonArray();
    assertEquals(
        List.of("orders-1", "orders-2"), entries.stream().map(e -> e.get("name")).toList());
    assertTrue(
        entries.stream().allMatch(e -> Boolean.TRUE.equals(e.get("dryRun"))), json::toString);
    assertEquals(List.of(), worker.writes(), "still no write");
  }

  @Test
  void aSelectorDeleteOrStopWithoutATerminalNeedsYes() {
    for (String verb : List.of("delete", "stop")) {
      CliRun refused = cli(verb, "-l", "^orders");
      assertEquals(2, refused.exitCode(), refused::toString);
      assertTrue(refused.err().contains("--yes"), refused::toString);
      assertTrue(
          refused.err().contains("2 connectors")
              && refused.err().contains("orders-1")
              && refused.err().contains("orders-2"),
          refused::toString);
      assertEquals(List.of(), worker.writes(), verb + " sent nothing");
    }
    CliRun confirmed = cli("delete", "-l", "^orders", "--yes");
    assertEquals(0, confirmed.exitCode(), confirmed::toString);
    assertEquals(2, worker.writes().size(), worker.writes().toString());
    assertTrue(worker.writes().stream().allMatch(r -> r.method().equals("DELETE")));
    // names given one by one are deleted as before, without asking
    CliRun named = cli("delete", "billing");
    assertEquals(0, named.exitCode(), named::toString);
    assertEquals(3, worker.writes().size());
  }

  @Test
  void onATerminalTheSelectorDeleteShowsCountAndNamesAndAsks() throws Exception {
    Terminal declined = onTerminal("n\n", "delete", "-l", "^orders");
    assertEquals(1, declined.exitCode(), declined.output());
    assertTrue(declined.output().contains("2 connectors"), declined.output());
    assertTrue(
        declined.output().contains("orders-1") && declined.output().contains("orders-2"),
        declined.output());
    assertTrue(declined.output().contains("[y/N]"), declined.output());
    assertTrue(declined.output().contains("nothing was changed"), declined.output());
    assertEquals(List.of(), worker.writes(), "declined: nothing sent");

    Terminal accepted = onTerminal("y\n", "delete", "-l", "^orders");
    assertEquals(0, accepted.exitCode(), accepted.output());
    assertTrue(accepted.output().contains("connector/orders-1 deleted"), accepted.output());
    assertEquals(2, worker.writes().size(), worker.writes().toString());
  }

  private record Terminal(int exitCode, String output) {}

  /**
   * Runs connectctl in a new JVM whose standard input and output are a pseudo-terminal ({@code
   * script -qec}), typing {@code input}.
   */
  private Terminal onTerminal(String input, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ConnectCtl.class.getName());
    command.addAll(List.of(args));
    command.addAll(worker.flags());
    StringBuilder line = new StringBuilder();
    for (String part : command) {
      line.append('\'').append(part.replace("'", "'\\''")).append("' ");
    }
    ProcessBuilder builder =
        new ProcessBuilder("script", "-qec", line.toString().trim(), "/dev/null")
            .redirectErrorStream(true);
    builder.environment().putAll(env());
    Path output = home.resolve("terminal-" + System.nanoTime() + ".txt");
    builder.redirectOutput(output.toFile());
    Process process = builder.start();
    try {
      try (OutputStream typed = process.getOutputStream()) {
        waitForPrompt(output, process);
        typed.write(input.getBytes(StandardCharsets.UTF_8));
        typed.flush();
      }
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "connectctl ended");
      return new Terminal(
          process.exitValue(), Files.readString(output, StandardCharsets.UTF_8).replace("\r", ""));
    } finally {
      process.destroyForcibly();
    }
  }

  /** Waits until the question is on the terminal (the answer is typed after it). */
  private static void waitForPrompt(Path output, Process process) throws IOException {
    io.connectctl.testfixtures.Eventually.within(java.time.Duration.ofSeconds(60))
        .until(
            "the confirmation question is shown",
            () -> Files.readString(output, StandardCharsets.UTF_8),
            text -> text.contains("[y/N]") || !process.isAlive());
  }
}
