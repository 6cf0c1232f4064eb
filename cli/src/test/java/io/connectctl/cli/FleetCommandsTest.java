package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.client.ConnectorClientFactory;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: commands over several contexts (self-managed workers on loopback) run the contexts
 * concurrently, print them in the config file's order whatever order they answer in, report a
 * failing or silent context on its own line while printing the others, and send every request once.
 */
class FleetCommandsTest {
  @TempDir Path home;

  private final Map<String, String> env = new HashMap<>();
  private final Map<String, FleetWorker> workers = new LinkedHashMap<>();

  @AfterEach
  void stop() {
    workers.values().forEach(FleetWorker::close);
  }

  /** Writes one kafka-connect context per worker (in the order added) plus {@code extra}. */
  private void config(Map<String, String> urls) throws IOException {
    StringBuilder yaml = new StringBuilder("contexts:\n");
    urls.forEach(
        (name, url) ->
            yaml.append("  ")
                .append(name)
                .append(":\n    vendor: kafka-connect\n    url: ")
                .append(url)
                .append('\n'));
    Path file = home.resolve("config.yaml");
    Files.writeString(file, yaml);
    env.put("CONNECTCTL_CONFIG", file.toString());
  }

  private FleetWorker worker(String context, String... connectors) throws IOException {
    FleetWorker worker = new FleetWorker(connectors);
    workers.put(context, worker);
    return worker;
  }

  /** {@code target}, opening {@code seen} once {@code text} has been written to it. */
  private static java.io.PrintStream watching(
      java.io.PrintStream target, String text, CountDownLatch seen) {
    StringBuilder written = new StringBuilder();
    return new java.io.PrintStream(
        new java.io.OutputStream() {
          @Override
          public synchronized void write(int b) {
            target.write(b);
            written.append((char) b);
            if (written.indexOf(text) >= 0) {
              target.flush();
              seen.countDown();
            }
          }
        },
        true,
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A worker whose connectors' configs also carry {@code topics: t-NAME}, for the read tests. */
  private FleetWorker readWorker(String context, String... connectors) throws IOException {
    return worker(context, connectors).withTopicsInConfigs();
  }

  private void configFromWorkers() throws IOException {
    Map<String, String> urls = new LinkedHashMap<>();
    workers.forEach((name, worker) -> urls.put(name, worker.url()));
    config(urls);
  }

  private CliRun cli(String... args) {
    return CliRun.run(env, home, new VendorClientFactory(), args);
  }

  private static List<String> contextsOf(CliRun run) {
    return run.jsonArray().stream().map(row -> row.get("context") + "/" + row.get("name")).toList();
  }

  @Test
  void clientsOfDifferentContextsAreBuiltAtTheSameTime() throws IOException {
    worker("a", "alpha");
    worker("b", "beta");
    configFromWorkers();
    // each context's client is only built once the other context's is being built too: a run
    // that builds clients one after another fails both contexts here
    CountDownLatch building = new CountDownLatch(2);
    VendorClientFactory real = new VendorClientFactory();
    ConnectorClientFactory meeting =
        (target, credentials, settings) -> {
          building.countDown();
          try {
            if (!building.await(10, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the other context's client was not being built");
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
          return real.create(target, credentials, settings);
        };

    CliRun run = CliRun.run(env, home, meeting, "get", "connectors", "-A", "-o", "json");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(List.of("a/alpha", "b/beta"), contextsOf(run));
  }

  @Test
  void contextsArePrintedInFileOrderWhateverOrderTheyAnswerIn() throws IOException {
    // c answers first, then b, then a: each waits until the one after it has answered
    FleetWorker a = worker("a", "zeta", "alpha");
    FleetWorker b = worker("b", "beta");
    FleetWorker c = worker("c", "gamma");
    b.answeringAfter(c.answered());
    a.answeringAfter(b.answered());
    configFromWorkers();

    CliRun run = cli("get", "connectors", "--all-contexts", "-o", "json");

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(List.of("a/alpha", "a/zeta", "b/beta", "c/gamma"), contextsOf(run));
    for (FleetWorker worker : workers.values()) {
      assertEquals(List.of("GET /connectors"), worker.requests(), "one listing per context");
    }
    CliRun table = cli("get", "connectors", "-A");
    List<String> lines = table.out().lines().toList();
    assertEquals(5, lines.size(), table::toString);
    assertTrue(
        lines.get(1).matches("a\\s+kafka-connect\\s+alpha\\s+RUNNING\\s+1/1"), table::toString);
    assertTrue(lines.get(4).startsWith("c "), table::toString);
  }

  @Test
  void failingContextsAreReportedAloneAndTheOthersPrinted() throws IOException {
    worker("ok", "one");
    worker("auth", "x").failingWith(401);
    worker("gone", "x").failingWith(404);
    FleetWorker dead = worker("dead", "x").silent();
    Map<String, String> urls = new LinkedHashMap<>();
    workers.forEach((name, worker) -> urls.put(name, worker.url()));
    urls.put("refused", "http://127.0.0.1:" + freePort());
    config(urls);

    CliRun run = cli("get", "connectors", "-A", "--request-timeout", "1s", "-o", "json");

    assertEquals(1, run.exitCode(), "different failures combine to 1: " + run);
    assertEquals(List.of("ok/one"), contextsOf(run));
    List<String> errors = run.errLines();
    assertEquals(4, errors.size(), run::toString);
    assertTrue(errors.get(0).contains("context 'auth'"), run::toString);
    assertTrue(errors.get(1).contains("context 'gone'"), run::toString);
    assertTrue(errors.get(2).contains("context 'dead'"), run::toString);
    assertTrue(errors.get(3).contains("context 'refused'"), run::toString);
    assertFalse(run.err().contains("\tat "), run::toString);
    assertEquals(List.of("GET /connectors"), dead.requests(), "the silent context was asked once");
    assertEquals(List.of("GET /connectors"), workers.get("ok").requests());
  }

  @Test
  void missingCredentialsABadUrlAndABadKeyFailTheirContextOnly() throws IOException {
    worker("first", "a");
    worker("last", "z");
    Path file = home.resolve("config.yaml");
    Files.writeString(
        file,
        "contexts:\n"
            + "  first:\n    vendor: kafka-connect\n    url: "
            + workers.get("first").url()
            + "\n  no-creds:\n    vendor: confluent\n    environment: env-1\n    cluster: lkc-1\n"
            + "    url: http://127.0.0.1:"
            + freePort()
            + "\n    credentials: {env: {api-key: FLEET_CF_KEY, api-secret: FLEET_CF_SECRET}}\n"
            + "  bad-url:\n    vendor: kafka-connect\n    url: 'http//no scheme'\n"
            + "  bad-key:\n    vendor: kafka-connect\n    url: http://127.0.0.1:9\n"
            + "    request-timeout: soon\n"
            + "  last:\n    vendor: kafka-connect\n    url: "
            + workers.get("last").url()
            + "\n");
    env.put("CONNECTCTL_CONFIG", file.toString());

    CliRun run = cli("get", "connectors", "-A", "-o", "json");

    assertEquals(List.of("first/a", "last/z"), contextsOf(run), run::toString);
    assertNotEquals(0, run.exitCode(), run::toString);
    List<String> errors =
        run.errLines().stream().filter(line -> line.startsWith("error:")).toList();
    assertEquals(3, errors.size(), run::toString);
    assertTrue(errors.get(0).contains("'no-creds'"), run::toString);
    assertTrue(
        errors
            .get(0)
            .contains(
                "credentials variables FLEET_CF_KEY (credentials.env.api-key) and FLEET_CF_SECRET"
                    + " (credentials.env.api-secret) are not set"),
        "names both missing variables: " + run);
    assertTrue(errors.get(1).contains("'bad-url'"), run::toString);
    // a context the file holds but that cannot be read is part of --all-contexts, and fails alone
    assertTrue(
        errors.get(2).contains("'bad-key'") && errors.get(2).contains("request-timeout"),
        run::toString);
    assertFalse(run.err().contains("\tat "), run::toString);
  }

  @Test
  void aSilentContextEndsWithItsTimeoutAndIsNamed() throws IOException {
    worker("one", "a");
    worker("two", "b");
    worker("dead", "x").silent();
    configFromWorkers();
    // the context key, on the last (silent) context only
    Files.writeString(
        home.resolve("config.yaml"),
        "    request-timeout: 1s\n",
        java.nio.file.StandardOpenOption.APPEND);

    CliRun run = cli("get", "connectors", "-A", "-o", "json");

    assertEquals(1, run.exitCode(), "a request given up is an API failure: " + run);
    assertEquals(List.of("one/a", "two/b"), contextsOf(run));
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.errLines().get(0).contains("list connectors in context 'dead'"), run::toString);
  }

  @Test
  void contextsAndContextSelectorChooseContexts() throws IOException {
    worker("eu-1", "e1");
    worker("us-1", "u1");
    worker("eu-2", "e2");
    configFromWorkers();

    assertEquals(
        List.of("eu-1/e1", "eu-2/e2"),
        contextsOf(cli("get", "connectors", "--context-selector", "^eu-", "-o", "json")));
    assertEquals(
        List.of("eu-1/e1", "us-1/u1"),
        contextsOf(cli("get", "connectors", "--contexts", "us-1,eu-1", "-o", "json")));
    assertEquals(List.of("GET /connectors", "GET /connectors"), workers.get("eu-1").requests());
    assertEquals(List.of("GET /connectors"), workers.get("eu-2").requests());
  }

  @Test
  void anUnknownContextIsAUsageErrorBeforeAnyRequest() throws IOException {
    worker("a", "x");
    configFromWorkers();

    CliRun run = cli("pause", "--selector", ".", "--contexts", "a,nope");

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.err().contains("Unknown context 'nope'"), run::toString);
    assertEquals(List.of(), workers.get("a").requests());
    CliRun timeout = cli("get", "connectors", "-A", "--request-timeout", "bogus");
    assertEquals(2, timeout.exitCode(), timeout::toString);
    assertEquals(
        List.of(
            "error: Invalid value for option '--request-timeout': 'bogus' is not a duration (use"
                + " e.g. 30s, 5m, 1h or 1m30s)"),
        timeout.errLines().subList(0, 1),
        timeout::toString);
    CliRun selector = cli("get", "connectors", "--context-selector", "^zz");
    assertEquals(2, selector.exitCode(), selector::toString);
    assertTrue(selector.err().contains("matches no context"), selector::toString);
    assertEquals(List.of(), workers.get("a").requests());
  }

  @Test
  void aCrossContextStopListsContextNamePairsFirstAndChangesEachOnce() throws IOException {
    FleetWorker a = worker("a", "sink-1", "other");
    FleetWorker b = worker("b", "sink-2");
    configFromWorkers();

    CliRun dry = cli("stop", "--selector", "^sink", "-A", "--dry-run");
    assertEquals(0, dry.exitCode(), dry::toString);
    assertEquals(
        List.of(
            "connector/sink-1 in context 'a' would be stopped (dry run)",
            "connector/sink-2 in context 'b' would be stopped (dry run)"),
        dry.out().lines().toList());
    CliRun refused = cli("stop", "--selector", "^sink", "-A");
    assertEquals(2, refused.exitCode(), refused::toString);
    assertTrue(
        refused.err().contains("2 connectors in 2 contexts (a/sink-1, b/sink-2)"),
        refused::toString);
    assertEquals(List.of(), a.writes());
    assertEquals(List.of(), b.writes());

    CliRun stop = cli("stop", "--selector", "^sink", "-A", "--yes", "-o", "json");
    assertEquals(0, stop.exitCode(), stop::toString);
    assertEquals(List.of("a/sink-1", "b/sink-2"), contextsOf(stop));
    assertEquals(List.of("PUT /connectors/sink-1/stop"), a.writes());
    assertEquals(List.of("PUT /connectors/sink-2/stop"), b.writes());
    assertEquals("RUNNING", a.state("other"));
  }

  @Test
  void aCrossContextPauseGoesOnPastAFailingContext() throws IOException {
    FleetWorker a = worker("a", "s1", "s2");
    worker("broken", "s3").failingWith(401);
    FleetWorker c = worker("c", "s4");
    configFromWorkers();

    CliRun run = cli("pause", "--selector", "^s", "--contexts", "c,broken,a");

    assertEquals(3, run.exitCode(), run::toString);
    assertEquals(
        List.of("connector/s1 paused", "connector/s2 paused", "connector/s4 paused"),
        run.out().lines().toList());
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.errLines().get(0).contains("context 'broken'"), run::toString);
    assertEquals(
        List.of("PUT /connectors/s1/pause", "PUT /connectors/s2/pause"), sorted(a.writes()));
    assertEquals(List.of("PUT /connectors/s4/pause"), c.writes());
  }

  @Test
  void onATerminalProgressNamesTheContextsStillWaitedFor() throws IOException {
    worker("a", "x");
    FleetWorker b = worker("b", "y");
    // b answers only once the run has reported a done, so the lines' order is fixed
    CountDownLatch aReported = new CountDownLatch(1);
    b.answeringAfter(aReported);
    configFromWorkers();

    CliRun run =
        CliRun.capture(
            env,
            home,
            new VendorClientFactory(),
            "",
            e ->
                new ConnectCtl(
                        new CliEnvironment(
                            e.env(),
                            e.home(),
                            e.installDir(),
                            e.out(),
                            watching(e.err(), "(a ok)", aReported),
                            e.clients(),
                            e.in(),
                            true))
                    .run(new String[] {"get", "connectors", "-A"}));

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(
        List.of(
            "contexts: 0/2 done; waiting for a, b",
            "contexts: 1/2 done (a ok); waiting for b",
            "contexts: 2/2 done (b ok)"),
        run.errLines());
    CliRun json = cli("get", "connectors", "-A", "-o", "json");
    assertEquals(List.of(), json.errLines(), "no progress without a terminal");
  }

  @Test
  void progressFollowsWhetherStderrIsATerminalNotStdinAndStdout() throws IOException {
    worker("a", "x");
    worker("b", "y");
    configFromWorkers();

    for (boolean errTerminal : new boolean[] {true, false}) {
      CliRun run =
          CliRun.capture(
              env,
              home,
              new VendorClientFactory(),
              "",
              e ->
                  new ConnectCtl(
                          new CliEnvironment(
                              e.env(),
                              e.home(),
                              e.installDir(),
                              e.out(),
                              e.err(),
                              e.clients(),
                              e.in(),
                              !errTerminal, // stdin and stdout: the other way round
                              errTerminal))
                      .run(new String[] {"get", "connectors", "-A"}));
      assertEquals(0, run.exitCode(), run::toString);
      assertEquals(
          errTerminal,
          run.errLines().stream().anyMatch(line -> line.startsWith("contexts: 0/2 done")),
          "stderr a terminal: " + errTerminal + "; " + run.errLines());
    }
    // the test's own stderr is a pipe to Maven, not a terminal
    assertFalse(CliEnvironment.errIsTerminal());
  }

  // ---- diff and apply across contexts

  private Path files(String name, String yaml) throws IOException {
    Path file = home.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  private static String doc(String name, String context, String extra) {
    return "---\nname: "
        + name
        + "\n"
        + (context.isEmpty() ? "" : "context: " + context + "\n")
        + "config:\n  connector.class: X\n"
        + extra;
  }

  @Test
  void applyOverContextsNamedByTheFilesIsInConfigOrderWhateverOrderTheyAnswer() throws IOException {
    // the files name b first, and b answers before a
    FleetWorker a = worker("a", "one");
    FleetWorker b = worker("b");
    a.answeringAfter(b.answered());
    configFromWorkers();
    Path file =
        files(
            "fleet.yaml",
            doc("two", "b", "") + doc("one", "a", "  topics: t\n") + doc("fresh", "a", ""));

    CliRun dry = cli("apply", "-f", file.toString(), "--dry-run");
    assertEquals(0, dry.exitCode(), dry::toString);
    assertEquals(List.of(), a.writes(), "a dry run writes nothing");
    assertEquals(List.of(), b.writes(), "a dry run writes nothing");

    CliRun apply = cli("apply", "-f", file.toString());
    assertEquals(0, apply.exitCode(), apply::toString);
    List<String> expected =
        List.of(
            "connector/one configured [a]",
            "  + topics = t",
            "connector/fresh created [a]",
            "  + connector.class = X",
            "connector/two created [b]",
            "  + connector.class = X");
    assertEquals(expected, apply.out().lines().toList());
    assertEquals(
        expected.stream().map(l -> l.replace(" [", " (dry run) [")).toList(),
        dry.out().lines().toList(),
        "the dry run shows what apply did");
    assertEquals(List.of("POST /connectors", "PUT /connectors/one/config"), sorted(a.writes()));
    assertEquals(List.of("POST /connectors"), b.writes());
    assertEquals(
        2,
        a.requests().stream().filter(r -> r.startsWith("GET /connectors/")).count() / 2,
        "each connector read once per run (dry run and apply): " + a.requests());
  }

  @Test
  void diffOverTwoContextsExitsOneWhenOneDiffersAndZeroWhenNone() throws IOException {
    FleetWorker a = worker("a", "one");
    FleetWorker b = worker("b", "two");
    configFromWorkers();
    Path same = files("same.yaml", doc("one", "a", "") + doc("two", "b", ""));
    Path differs = files("differs.yaml", doc("one", "a", "") + doc("two", "b", "  topics: t\n"));

    CliRun none = cli("diff", "-f", same.toString());
    assertEquals(0, none.exitCode(), none::toString);
    CliRun one = cli("diff", "-f", differs.toString(), "-o", "json");
    assertEquals(1, one.exitCode(), one::toString);
    assertEquals(List.of("a/one", "b/two"), contextsOf(one));
    assertEquals(
        List.of("unchanged", "update"),
        one.jsonArray().stream().map(r -> r.get("action")).toList());
    assertEquals(List.of(), a.writes());
    assertEquals(List.of(), b.writes());
  }

  @Test
  void applyToEveryContextGoesOnPastAFailingContext() throws IOException {
    FleetWorker a = worker("a");
    FleetWorker broken = worker("broken").failingWith(401);
    FleetWorker c = worker("c");
    configFromWorkers();
    Path file = files("everywhere.yaml", doc("x1", "", "") + doc("x2", "", ""));

    CliRun run = cli("apply", "-f", file.toString(), "-A", "-o", "json");

    assertEquals(3, run.exitCode(), run::toString);
    assertEquals(List.of("a/x1", "a/x2", "c/x1", "c/x2"), contextsOf(run));
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.errLines().get(0).contains("context 'broken'"), run::toString);
    assertEquals(List.of("POST /connectors", "POST /connectors"), a.writes());
    assertEquals(List.of("POST /connectors", "POST /connectors"), c.writes());
    assertEquals(List.of(), broken.writes());
  }

  @Test
  void pruneConsidersContextsNamedByTheFlagsWhenNoFileNamesThem() throws IOException {
    FleetWorker a = worker("a", "app-1");
    FleetWorker b = worker("b", "app-old", "other");
    configFromWorkers();
    Path file = files("a-only.yaml", doc("app-1", "a", ""));

    CliRun dry =
        cli(
            "apply",
            "-f",
            file.toString(),
            "--prune",
            "--selector",
            "^app-",
            "--contexts",
            "a,b",
            "--dry-run");
    assertEquals(0, dry.exitCode(), dry::toString);
    assertEquals(
        List.of(
            "connector/app-1 unchanged (dry run) [a]", "connector/app-old deleted (dry run) [b]"),
        dry.out().lines().toList());
    assertEquals(List.of(), b.writes());

    CliRun diff =
        cli("diff", "-f", file.toString(), "--prune", "--selector", "^app-", "--context", "b");
    assertEquals(1, diff.exitCode(), diff::toString);
    assertEquals(List.of("- connector/app-old (delete)"), diff.out().lines().toList());

    CliRun apply =
        cli("apply", "-f", file.toString(), "--prune", "--selector", "^app-", "--contexts", "a,b");
    assertEquals(0, apply.exitCode(), apply::toString);
    assertEquals(
        List.of("connector/app-1 unchanged [a]", "connector/app-old deleted [b]"),
        apply.out().lines().toList());
    assertEquals(List.of("DELETE /connectors/app-old"), b.writes());
    assertEquals(List.of(), a.writes());
    assertEquals("RUNNING", b.state("other"));
  }

  @Test
  void aPruneWhoseDeleteFindsTheConnectorGoneCountsAsDone() throws IOException {
    FleetWorker a = worker("a", "app-1", "app-gone").goneBeforeDelete("app-gone");
    configFromWorkers();
    Path file = files("a.yaml", doc("app-1", "a", ""));

    CliRun apply =
        cli("apply", "-f", file.toString(), "--prune", "--selector", "^app-", "--context", "a");

    assertEquals(0, apply.exitCode(), apply::toString);
    assertEquals(
        List.of("connector/app-1 unchanged", "connector/app-gone deleted (already gone)"),
        apply.out().lines().toList());
    assertTrue(
        apply.errLines().contains("0 created, 0 updated, 1 unchanged, 1 deleted, 0 failed"),
        apply::toString);
    assertEquals(List.of("DELETE /connectors/app-gone"), a.writes(), "sent once");
    CliRun json =
        cli(
            "apply",
            "-f",
            file.toString(),
            "--prune",
            "--selector",
            "^app-",
            "--context",
            "a",
            "-o",
            "json");
    assertEquals(0, json.exitCode(), json::toString);
    Map<String, Object> gone = json.jsonArray().get(1);
    assertEquals("app-gone", gone.get("name"));
    assertEquals("delete", gone.get("action"));
    assertEquals(true, gone.get("ok"));
    assertEquals("already gone", gone.get("note"));
  }

  @Test
  void statusAndDescribeSpanContextsInFileOrderAndReadEachConnectorOnce() throws IOException {
    // c answers first, then b, then a
    FleetWorker a = readWorker("a", "zeta", "alpha");
    FleetWorker b = readWorker("b", "beta");
    FleetWorker c = readWorker("c", "gamma");
    b.answeringAfter(c.answered());
    a.answeringAfter(b.answered());
    configFromWorkers();

    CliRun status = cli("status", "--selector", ".", "--all-contexts", "-o", "json");

    assertEquals(0, status.exitCode(), status::toString);
    assertEquals(List.of("a/alpha", "a/zeta", "b/beta", "c/gamma"), contextsOf(status));
    assertEquals(
        List.of("GET /connectors", "GET /connectors/alpha/status", "GET /connectors/zeta/status"),
        a.requests());
    assertEquals(List.of("GET /connectors", "GET /connectors/gamma/status"), c.requests());

    CliRun table = cli("status", "-l", ".", "--contexts", "c,a");
    assertEquals(0, table.exitCode(), table::toString);
    List<String> lines = table.out().lines().toList();
    assertTrue(lines.get(0).matches("CONTEXT\\s+NAME\\s+STATE.*"), table::toString);
    assertTrue(lines.get(1).matches("a\\s+alpha\\s+RUNNING.*"), table::toString);
    assertTrue(lines.get(3).matches("c\\s+gamma\\s+RUNNING.*"), table::toString);

    // a name is described where it exists; the JSON is an array even for one name
    CliRun describe = cli("describe", "gamma", "beta", "--context-selector", "[bc]", "-o", "json");
    assertEquals(0, describe.exitCode(), describe::toString);
    assertEquals(List.of("b/beta", "c/gamma"), contextsOf(describe));
    assertEquals(
        Map.of("connector.class", "X", "topics", "t-beta"),
        describe.jsonArray().get(0).get("config"));
    assertEquals(
        List.of("GET /connectors", "GET /connectors/beta", "GET /connectors/beta/status"),
        b.requests().subList(2, 5),
        "after status's two requests, describe lists once and reads beta once");
    CliRun one = cli("describe", "gamma", "-A", "-o", "json");
    assertEquals(List.of("c/gamma"), contextsOf(one));
    CliRun text = cli("describe", "alpha", "beta", "-A");
    assertEquals(0, text.exitCode(), text::toString);
    List<String> contexts = text.out().lines().filter(line -> line.startsWith("Context:")).toList();
    assertEquals(2, contexts.size(), text::toString);
    assertTrue(contexts.get(0).endsWith(" a") && contexts.get(1).endsWith(" b"), text::toString);
  }

  @Test
  void statusAcrossContextsReportsAFailingContextAndAMissingNameWhileOthersPrint()
      throws IOException {
    FleetWorker ok = readWorker("ok", "one", "two");
    readWorker("auth", "one").failingWith(401);
    FleetWorker other = readWorker("other", "one");
    configFromWorkers();

    CliRun run = cli("status", "one", "-A", "-o", "json");

    assertEquals(3, run.exitCode(), "an auth failure is exit 3: " + run);
    assertEquals(List.of("ok/one", "other/one"), contextsOf(run));
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.errLines().get(0).contains("context 'auth'"), run::toString);
    assertFalse(run.err().contains("\tat "), run::toString);
    assertEquals(List.of("GET /connectors", "GET /connectors/one/status"), ok.requests());
    assertEquals(List.of("GET /connectors", "GET /connectors/one/status"), other.requests());

    CliRun missing = cli("describe", "nowhere", "--contexts", "ok,other", "-o", "json");
    assertEquals(4, missing.exitCode(), missing::toString);
    assertEquals(List.of(), missing.jsonArray());
    assertEquals(
        List.of("error: connector 'nowhere' not found in any context"), missing.errLines());
  }

  @Test
  void exportAcrossContextsNamesFilesByContextAndNeverOverwritesWithoutForce() throws IOException {
    FleetWorker a = readWorker("a", "shared", "only-a");
    FleetWorker b = readWorker("b", "shared");
    a.answeringAfter(b.answered());
    configFromWorkers();

    CliRun stdout = cli("export", "--all-contexts", "-o", "json");
    assertEquals(0, stdout.exitCode(), stdout::toString);
    assertEquals(List.of("a/only-a", "a/shared", "b/shared"), contextsOf(stdout));

    Path dir = home.resolve("exported");
    CliRun run = cli("export", "-A", "--dir", dir.toString());
    assertEquals(0, run.exitCode(), run::toString);
    assertEquals(
        List.of(
            "connector/only-a exported to " + dir.resolve("a/only-a.yaml"),
            "connector/shared exported to " + dir.resolve("a/shared.yaml"),
            "connector/shared exported to " + dir.resolve("b/shared.yaml")),
        run.out().lines().toList());
    assertTrue(Files.readString(dir.resolve("a/shared.yaml")).contains("context: a"));
    assertTrue(Files.readString(dir.resolve("b/shared.yaml")).contains("context: b"));
    assertTrue(Files.readString(dir.resolve("b/shared.yaml")).contains("topics: t-shared"));
    assertTrue(Files.exists(dir.resolve("a/only-a.yaml")));
    assertEquals(
        List.of("GET /connectors", "GET /connectors/only-a", "GET /connectors/shared"),
        a.requests().subList(3, 6),
        "each connector read once (after the stdout export's three requests)");
    assertEquals(6, a.requests().size(), a.requests()::toString);

    // one file edited, one removed: a second export refuses before writing anything
    Files.writeString(dir.resolve("b/shared.yaml"), "edited\n");
    Files.delete(dir.resolve("a/only-a.yaml"));
    CliRun again = cli("export", "--contexts", "b,a", "--dir", dir.toString());
    assertEquals(2, again.exitCode(), again::toString);
    assertTrue(again.err().contains(dir.resolve("a/shared.yaml").toString()), again::toString);
    assertTrue(again.err().contains(dir.resolve("b/shared.yaml").toString()), again::toString);
    assertTrue(again.err().contains("--force"), again::toString);
    assertEquals("edited\n", Files.readString(dir.resolve("b/shared.yaml")));
    assertFalse(Files.exists(dir.resolve("a/only-a.yaml")), "nothing half-written");

    CliRun forced = cli("export", "-A", "--dir", dir.toString(), "--force");
    assertEquals(0, forced.exitCode(), forced::toString);
    assertTrue(Files.readString(dir.resolve("b/shared.yaml")).contains("context: b"));
    assertTrue(Files.exists(dir.resolve("a/only-a.yaml")));

    // one context: NAME.yaml in DIR itself, and the same refusal
    Path single = home.resolve("single");
    assertEquals(0, cli("export", "--context", "b", "--dir", single.toString()).exitCode());
    assertTrue(Files.readString(single.resolve("shared.yaml")).contains("context: b"));
    CliRun clash = cli("export", "--context", "a", "--dir", single.toString());
    assertEquals(2, clash.exitCode(), clash::toString);
    assertTrue(clash.err().contains(single.resolve("shared.yaml").toString()), clash::toString);
    assertTrue(Files.readString(single.resolve("shared.yaml")).contains("context: b"));
    assertFalse(Files.exists(single.resolve("only-a.yaml")), "nothing half-written");
  }

  @Test
  void exportAcrossContextsWritesTheOthersWhenOneContextFails() throws IOException {
    readWorker("a", "one");
    readWorker("broken", "two").failingWith(401);
    configFromWorkers();
    Path dir = home.resolve("out");

    CliRun run = cli("export", "--context-selector", ".", "--dir", dir.toString());

    assertEquals(3, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertTrue(run.errLines().get(0).contains("context 'broken'"), run::toString);
    assertTrue(Files.exists(dir.resolve("a/one.yaml")), run::toString);
    assertFalse(Files.exists(dir.resolve("broken")), run::toString);
  }

  private static List<String> sorted(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    copy.sort(null);
    return copy;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
