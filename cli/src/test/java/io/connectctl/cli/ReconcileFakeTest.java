package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.commands.RootCommand;
import io.connectctl.cli.reconcile.ReconcileRun;
import io.connectctl.cli.reconcile.Reconciler;
import io.connectctl.facade.Capability;
import io.connectctl.facade.ConnectorState;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.ConnectorType;
import io.connectctl.facade.TaskStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code reconcile} over in-memory fakes: a cycle applies what {@code apply} would, sends nothing
 * when all is as declared, caps its own writes, heals with backoff, and keeps its memory flat.
 */
class ReconcileFakeTest extends FakeCliTest {
  Path dir;

  @BeforeEach
  void files() throws Exception {
    dir = Files.createDirectories(home.resolve("connectors"));
    Files.writeString(
        dir.resolve("orders.yaml"),
        """
        name: orders-sink
        context: rp
        config:
          connector.class: io.example.Sink
          topics: orders
          database.password: hunter22
        """);
    // every connector healthy unless a test says otherwise
    fakes.values().forEach(f -> f.statuses.replaceAll((name, s) -> healthy(name)));
  }

  static ConnectorStatus healthy(String name) {
    return new ConnectorStatus(
        name,
        ConnectorType.SINK,
        ConnectorState.RUNNING,
        "RUNNING",
        Map.of(),
        "w1",
        "",
        List.of(new TaskStatus(0, ConnectorState.RUNNING, "RUNNING", "w1", "")));
  }

  static ConnectorStatus taskFailed(String name) {
    return new ConnectorStatus(
        name,
        ConnectorType.SINK,
        ConnectorState.RUNNING,
        "RUNNING",
        Map.of(),
        "w1",
        "",
        List.of(new TaskStatus(0, ConnectorState.FAILED, "FAILED", "w1", "boom")));
  }

  CliRun reconcile(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "reconcile";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--state-dir";
    all[args.length + 2] = home.resolve("state").toString();
    return cli(all);
  }

  /**
   * The parsed {@code reconcile} command line, set up without running: cycles are called directly.
   */
  ReconcileRun prepared(PrintStream out, String... args) {
    CliEnvironment environment =
        new CliEnvironment(
            env, home, home, out, out, (target, creds, settings) -> fakes.get(target.context()));
    CommandLine line = RootCommand.commandLine(environment, args);
    CommandLine.ParseResult parsed = line.parseArgs(args);
    return ((ReconcileRun.Preparer) parsed.subcommand().commandSpec().userObject()).prepare();
  }

  @Test
  void onceAppliesTheFilesAndSendsNothingWhenAllIsAsDeclared() {
    CliRun run = reconcile("-f", dir.toString(), "--once");
    assertExit(0, run);
    assertEquals(List.of(), fakes.get("rp").mutations, run::toString);
    assertNoSecrets(run);
  }

  @Test
  void driftIsUndoneAndReportOnlyChangesNothing() throws Exception {
    Files.writeString(
        dir.resolve("orders.yaml"),
        Files.readString(dir.resolve("orders.yaml")).replace("topics: orders", "topics: orders2"));

    CliRun report = reconcile("-f", dir.toString(), "--once", "--report-only");
    assertExit(0, report);
    assertEquals(List.of(), fakes.get("rp").mutations, report::toString);
    assertTrue(
        report.out().contains("drift connector/orders-sink [rp] to update (keys: topics)"),
        report::toString);

    CliRun run = reconcile("-f", dir.toString(), "--once", "--log-format", "json");
    assertExit(0, run);
    assertEquals(1, fakes.get("rp").mutations.size(), run::toString);
    assertTrue(fakes.get("rp").mutations.get(0).startsWith("update orders-sink"), run::toString);
    assertTrue(run.out().contains("\"action\": \"configured\""), run::toString);
    assertNoSecrets(run);
  }

  @Test
  void aConnectorThatKeepsDivergingIsNotRewrittenEveryCycle() throws Exception {
    // Something behind reconcile's back puts the old config back after every cycle.
    Files.writeString(
        dir.resolve("orders.yaml"),
        Files.readString(dir.resolve("orders.yaml")).replace("topics: orders", "topics: other"));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ReconcileRun run =
        prepared(
            new PrintStream(log, true, StandardCharsets.UTF_8),
            "reconcile",
            "-f",
            dir.toString(),
            "--interval",
            "1h");
    var original = fakes.get("rp").connectors.get("orders-sink");
    for (int i = 0; i < 5; i++) {
      run.reconciler().cycle();
      fakes.get("rp").connectors.put("orders-sink", original);
    }
    assertEquals(1, fakes.get("rp").mutations.size(), fakes.get("rp").mutations::toString);
    String text = log.toString(StandardCharsets.UTF_8);
    assertEquals(
        4, text.lines().filter(l -> l.contains("write-held connector/orders-sink")).count(), text);
  }

  @Test
  void healRestartsFailedTasksWithBackoffAndReportsWhatCannotBeHealed() {
    fakes.get("rp").statuses.put("payments", taskFailed("payments"));
    fakes.get("yc").statuses.put("yc-mirror", taskFailed("yc-mirror"));
    fakes.get("yc").capabilities.remove(Capability.RESTART_TASK);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ReconcileRun run =
        prepared(
            new PrintStream(log, true, StandardCharsets.UTF_8),
            "reconcile",
            "--heal",
            "--contexts",
            "rp,yc",
            "--heal-backoff",
            "1h",
            "--heal-backoff-max",
            "2h");
    for (int i = 0; i < 3; i++) {
      Reconciler.Cycle cycle = run.reconciler().cycle();
      assertEquals(List.of(), cycle.failedContexts());
    }
    assertEquals(List.of("restart+tasks+failed payments"), fakes.get("rp").mutations);
    assertEquals(List.of(), fakes.get("yc").mutations);
    String text = log.toString(StandardCharsets.UTF_8);
    assertEquals(
        1, text.lines().filter(l -> l.contains("restarted connector/payments")).count(), text);
    assertEquals(
        1,
        text.lines().filter(l -> l.contains("cannot-heal connector/yc-mirror [yc]")).count(),
        text);
  }

  @Test
  void healGivesUpAfterTheMaximumAndSaysSoUntilHealthy() {
    fakes.get("rp").statuses.put("payments", taskFailed("payments"));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ReconcileRun run =
        prepared(
            new PrintStream(log, true, StandardCharsets.UTF_8),
            "reconcile",
            "--heal",
            "--contexts",
            "rp",
            "--heal-backoff",
            "1ms",
            "--heal-backoff-max",
            "1ms",
            "--heal-max-restarts",
            "2");
    for (int i = 0; i < 6; i++) {
      run.reconciler().cycle();
      sleepPast1ms();
    }
    assertEquals(2, fakes.get("rp").mutations.size(), fakes.get("rp").mutations::toString);
    String text = log.toString(StandardCharsets.UTF_8);
    assertEquals(
        1, text.lines().filter(l -> l.contains("gave-up connector/payments")).count(), text);
    Map<String, Object> status =
        run.reconciler().status().stream()
            .filter(e -> e.get("connector").equals("payments"))
            .findFirst()
            .orElseThrow();
    assertEquals(true, status.get("givenUp"), status::toString);

    fakes.get("rp").statuses.put("payments", healthy("payments"));
    run.reconciler().cycle();
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("healthy-again connector/payments"));
  }

  /** The backoff here is 1 ms; the clock must move past it between cycles. */
  private static void sleepPast1ms() {
    long until = System.nanoTime() + 2_000_000;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }

  @Test
  void unchangedFilesAndHealthyConnectorsSendNoWriteAndMemoryStaysFlat() {
    ReconcileRun run =
        prepared(
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            "reconcile",
            "-f",
            dir.toString(),
            "--heal",
            "--contexts",
            "rp,cf",
            "--interval",
            "1ms");
    for (int i = 0; i < 10; i++) {
      run.reconciler().cycle();
    }
    long after10 = retainedHeap();
    for (int i = 10; i < 1000; i++) {
      Reconciler.Cycle cycle = run.reconciler().cycle();
      assertEquals(0, cycle.writes() + cycle.restarts(), "cycle " + i);
    }
    long after1000 = retainedHeap();
    assertEquals(List.of(), fakes.get("rp").mutations);
    assertEquals(List.of(), fakes.get("cf").mutations);
    assertTrue(
        after1000 <= after10 * 1.10,
        "retained heap after 1,000 cycles " + after1000 + " B, after 10 " + after10 + " B");
  }

  static long retainedHeap() {
    Runtime rt = Runtime.getRuntime();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      best = Math.min(best, rt.totalMemory() - rt.freeMemory());
    }
    return best;
  }

  @Test
  void aSecondInstanceOnTheSameContextStopsWithExit7AndStopEndsTheFirstWithExit0()
      throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    ReconcileRun first =
        prepared(
            new PrintStream(log, true, StandardCharsets.UTF_8),
            "reconcile",
            "--heal",
            "--contexts",
            "rp,cf",
            "--interval",
            "1h",
            "--state-dir",
            home.resolve("state").toString());
    java.util.concurrent.atomic.AtomicInteger code =
        new java.util.concurrent.atomic.AtomicInteger(-1);
    Thread thread = new Thread(() -> code.set(first.run(false)));
    thread.start();
    io.connectctl.testfixtures.Eventually.within(java.time.Duration.ofSeconds(30))
        .until("first cycle", () -> log.toString(StandardCharsets.UTF_8).contains("started"));

    CliRun second = reconcile("--heal", "--contexts", "cf", "--once");
    assertExit(7, second);
    assertOneErrorLine(second, "another reconcile already works on context 'cf'");

    first.stop();
    thread.join(30_000);
    assertEquals(0, code.get(), () -> log.toString(StandardCharsets.UTF_8));
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("stopped"));
    assertExit(0, reconcile("--heal", "--contexts", "cf", "--once"));
  }

  @Test
  void helpDocumentsEveryFlag() {
    CliRun help = cli("reconcile", "--help");
    assertExit(0, help);
    for (String flag :
        List.of(
            "--filename",
            "--recursive",
            "--prune",
            "--selector",
            "--contexts",
            "--all-contexts",
            "--context-selector",
            "--parallel",
            "--once",
            "--interval",
            "--report-only",
            "--heal",
            "--heal-backoff",
            "--heal-backoff-max",
            "--heal-max-restarts",
            "--metrics-address",
            "--log-format",
            "--state-dir")) {
      assertTrue(help.out().contains(flag), () -> flag + " missing from:\n" + help.out());
    }
  }

  @Test
  void badOptionsAreRefusedWithOneLine() {
    assertOneErrorLine(reconcile("--once"), "-f", "--heal");
    assertOneErrorLine(reconcile("--heal", "--log-format", "xml"), "--log-format");
    assertOneErrorLine(reconcile("--heal", "--metrics-address", "nope"), "--metrics-address");
    assertOneErrorLine(reconcile("--heal", "--prune", "--selector", "x"), "--prune", "-f");
    assertOneErrorLine(reconcile("--heal", "--contexts", "nope"), "nope");
  }
}
