package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connectctl.cli.ScriptedWorker.Api;
import io.connectctl.cli.client.VendorClientFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 8: what running the CLI against a real Kafka Connect worker showed, reproduced on {@link
 * ScriptedWorker} (real vendor clients, real HTTP, the worker's real timings), one test or more per
 * item.
 */
class RealWorkerBehaviourTest {
  /** A Kafka Connect trace: a first line and the stack, about 2 KB. */
  static final String TRACE =
      "org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to "
          + "unrecoverable exception.\n"
          + "\tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages("
          + "WorkerSinkTask.java:636)\n".repeat(25)
          + "Caused by: java.lang.NumberFormatException: For input string: \"x\"";

  static final String SINK = "com.redpanda.kafka.connect.s3.S3SinkConnector";

  @TempDir Path home;

  private final List<ScriptedWorker> workers = new ArrayList<>();
  private final OkHttpClient http = new OkHttpClient();

  @AfterEach
  void stopWorkers() {
    workers.forEach(ScriptedWorker::close);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private ScriptedWorker worker(Api api) {
    ScriptedWorker worker = new ScriptedWorker(api);
    workers.add(worker);
    return worker;
  }

  private CliRun cli(ScriptedWorker worker, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(worker.flags());
    Map<String, String> env = new HashMap<>(worker.env());
    env.put("CONNECTCTL_CONFIG", home.resolve("absent-config.yaml").toString());
    return CliRun.run(env, home, new VendorClientFactory(http), all.toArray(String[]::new));
  }

  private static Map<String, String> sinkConfig(String... extra) {
    Map<String, String> config =
        new TreeMap<>(
            Map.of(
                "connector.class",
                SINK,
                "tasks.max",
                "1",
                "topics",
                "orders",
                "aws.secret.access.key",
                "s3cr3t-value"));
    for (int i = 0; i < extra.length; i += 2) {
      config.put(extra[i], extra[i + 1]);
    }
    return config;
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(home.resolve(name), text);
  }

  // ---- 1. waits that never end early

  @Test
  void restartOfAConnectorWhoseTaskFailsAgainEndsWithTheTraceWithinSeconds() {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.add("s3-sink", sinkConfig());
    worker.failing("s3-sink", TRACE);

    long start = System.nanoTime();
    CliRun run =
        cli(
            worker,
            "restart",
            "s3-sink",
            "--include-tasks",
            "--only-failed",
            "--wait",
            "--timeout",
            "30s");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(seconds < 10, "ended after " + seconds + " s, not at the timeout");
    assertTrue(
        run.err().contains("Exiting WorkerSinkTask due to unrecoverable exception"), run::toString);
    assertTrue(
        run.errLines().stream().filter(l -> l.contains("restart not picked up yet")).count() <= 4,
        run::toString);
  }

  @Test
  void resumeOfAConnectorWhoseTaskFailsAgainEndsWithTheTraceWithinSeconds() {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.add("s3-sink", sinkConfig());
    assertEquals(0, cli(worker, "pause", "s3-sink").exitCode());
    worker.failing("s3-sink", TRACE);

    long start = System.nanoTime();
    CliRun run = cli(worker, "resume", "s3-sink", "--wait", "--timeout", "20s");
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(seconds < 10, "ended after " + seconds + " s");
    assertTrue(run.err().contains("Exiting WorkerSinkTask"), run::toString);
  }

  // ---- 2. waits that end too early

  @Test
  void pauseWaitEndsOnlyOnceTheTasksArePausedToo() {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.add("s3-sink", sinkConfig());

    CliRun run = cli(worker, "pause", "s3-sink", "--wait", "--timeout", "30s");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("connector/s3-sink paused (now PAUSED)"), run::toString);
    assertEquals(
        List.of("PAUSED"),
        worker.tasksNow("s3-sink").stream().map(ScriptedWorker.Task::state).toList(),
        "the wait ended while a task still ran");
    assertTrue(run.err().contains("task 0 RUNNING"), "the lagging task is shown: " + run);
  }

  @ParameterizedTest
  @EnumSource(
      value = Api.class,
      names = {"REDPANDA", "CONFLUENT"})
  void applyOfAChangedConfigWaitsUntilTheWorkerHasReconfigured(Api api) throws IOException {
    ScriptedWorker worker = worker(api);
    worker.add("s3-sink", sinkConfig());
    Path f =
        file(
            "sink.yaml",
            "name: s3-sink\nconfig:\n  connector.class: "
                + SINK
                + "\n  tasks.max: '2'\n"
                + "  topics: orders\n  aws.secret.access.key: s3cr3t-value\n");

    CliRun run = cli(worker, "apply", "-f", f.toString(), "--wait", "--timeout", "30s");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("connector/s3-sink configured (now RUNNING)"), run::toString);
    List<ScriptedWorker.Task> tasks = worker.tasksNow("s3-sink");
    assertEquals(2, tasks.size(), "the wait ended before the worker reconfigured: " + run);
    assertTrue(
        tasks.stream().allMatch(t -> t.state().equals("RUNNING") && t.worker().equals("worker-2")),
        tasks::toString);
  }

  // ---- 3. transient states

  @Test
  void aConnectorJustCreatedIsShownAsStartingNotDegraded() throws IOException {
    ScriptedWorker worker = worker(Api.REDPANDA);
    Path f =
        file(
            "sink.yaml",
            "name: fresh\nconfig:\n  connector.class: " + SINK + "\n  topics: orders\n");

    CliRun run = cli(worker, "apply", "-f", f.toString(), "--wait", "--timeout", "30s");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.err().contains("fresh: starting (RUNNING, no tasks yet)"), run::toString);
    assertFalse(run.err().contains("DEGRADED"), run::toString);
    assertTrue(run.out().contains("connector/fresh created (now RUNNING)"), run::toString);
  }

  // ---- 4. apply converges: a second apply of the same files sends no write

  @ParameterizedTest
  @EnumSource(
      value = Api.class,
      names = {"REDPANDA", "CONFLUENT"})
  void applyingTheSameFilesAgainSendsNoWrite(Api api) throws IOException {
    ScriptedWorker worker = worker(api);
    Path dir = Files.createDirectories(home.resolve("connectors"));
    Files.writeString(
        dir.resolve("a.yaml"),
        "name: s3-sink\nconfig:\n  connector.class: "
            + SINK
            + "\n"
            + "  topics: orders\n  aws.secret.access.key: s3cr3t-value\n");
    Files.writeString(
        dir.resolve("b.yaml"),
        "name: regex-sink\nconfig:\n  connector.class: "
            + SINK
            + "\n"
            + "  topics.regex: 'orders\\..*'\n");

    CliRun first = cli(worker, "apply", "-f", dir.toString());
    assertEquals(0, first.exitCode(), first::toString);
    assertEquals(2, worker.writes().size(), "two creates: " + worker.writes());
    worker.clearRequests();

    CliRun again = cli(worker, "apply", "-f", dir.toString(), "-o", "json");

    assertEquals(0, again.exitCode(), again::toString);
    assertEquals(List.of(), worker.writes(), "no write on unchanged files");
    assertEquals(
        List.of("unchanged", "unchanged"),
        again.jsonArray().stream().map(m -> m.get("action")).toList());
    CliRun text = cli(worker, "apply", "-f", dir.toString());
    assertTrue(text.out().contains("connector/s3-sink unchanged"), text::toString);
    assertFalse(text.out().contains("topics.regex"), text::toString);
    assertEquals(List.of(), worker.writes());
  }

  /** Yandex returns the typed config with the properties it adds and without write-only secrets. */
  @Test
  void applyingAnUnchangedFileSendsNoWriteOnYandex() throws IOException {
    ScriptedWorker worker = worker(Api.YANDEX);
    worker.addYandex(
        Map.of(
            "name",
            "orders-to-s3",
            "tasksMax",
            "2",
            "clusterId",
            ScriptedWorker.CLUSTER,
            "status",
            "RUNNING",
            "health",
            "ALIVE",
            "properties",
            Map.of(
                "key.converter",
                "org.apache.kafka.connect.storage.StringConverter",
                "errors.tolerance",
                "none",
                "offset.flush.interval.ms",
                "10000"),
            "connectorConfigS3Sink",
            Map.of(
                "topics",
                "orders",
                "fileCompressionType",
                "gzip",
                "s3Connection",
                Map.of(
                    "bucketName",
                    "orders-archive",
                    "externalS3",
                    Map.of(
                        "accessKeyId",
                        "YCAJEk3b9Xq7TpWm2Rz5dLf0a",
                        "endpoint",
                        "storage.yandexcloud.net",
                        "region",
                        "ru-central1")))));
    Path f =
        file(
            "s3.yaml",
            """
        name: orders-to-s3
        config:
          tasksMax: "2"
          properties:
            key.converter: org.apache.kafka.connect.storage.StringConverter
          connectorConfigS3Sink:
            topics: orders
            fileCompressionType: gzip
            s3Connection:
              bucketName: orders-archive
              externalS3:
                accessKeyId: YCAJEk3b9Xq7TpWm2Rz5dLf0a
                secretAccessKey: yc-s3-secret-value
                endpoint: storage.yandexcloud.net
                region: ru-central1
        """);

    CliRun run = cli(worker, "apply", "-f", f.toString());

    assertEquals(0, run.exitCode(), run::toString);
    assertEquals("connector/orders-to-s3 unchanged", run.out().strip(), run::toString);
    assertFalse(worker.requests().isEmpty(), "the connector was read");
    assertEquals(List.of(), worker.writes());
  }

  @Test
  void aKeyListedUnderDropIsRemovedOnPurpose() throws IOException {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.add("s3-sink", sinkConfig("transforms", "mask"));
    Path f =
        file(
            "sink.yaml",
            "name: s3-sink\nconfig:\n  connector.class: "
                + SINK
                + "\n  tasks.max: '1'\n"
                + "  topics: orders\n  aws.secret.access.key: s3cr3t-value\ndrop: [transforms, not.there]\n");

    CliRun run = cli(worker, "apply", "-f", f.toString(), "--wait", "--timeout", "30s");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("connector/s3-sink configured"), run::toString);
    assertTrue(run.out().contains("- transforms = mask"), run::toString);
    assertEquals(1, worker.writes().size(), worker.writes()::toString);
    assertFalse(worker.storedConfig("s3-sink").containsKey("transforms"));
    worker.clearRequests();
    CliRun again = cli(worker, "apply", "-f", f.toString());
    assertTrue(again.out().contains("connector/s3-sink unchanged"), again::toString);
    assertEquals(List.of(), worker.writes());
  }

  // ---- 5. apply --wait that creates a connector which then fails

  @Test
  void applyWaitSaysTheConnectorWasCreatedThenFailed() throws IOException {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.tasksFailOnCreate(TRACE);
    Path f =
        file(
            "sink.yaml",
            "name: doomed\nconfig:\n  connector.class: " + SINK + "\n  topics: orders\n");

    CliRun run = cli(worker, "apply", "-f", f.toString(), "--wait", "--timeout", "30s");

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.out().contains("connector/doomed created, then failed"), run::toString);
    List<String> errors = run.errLines().stream().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), run::toString);
    assertTrue(
        errors
            .get(0)
            .contains(
                "connector 'doomed' in context '(flags)' (redpanda) was created, then failed"),
        run::toString);
    assertTrue(errors.get(0).contains("Exiting WorkerSinkTask"), run::toString);
    assertFalse(errors.get(0).contains("create connector"), run::toString);
    CliRun json = cli(worker, "apply", "-f", f.toString(), "-o", "json");
    assertEquals(
        "unchanged", json.jsonArray().get(0).get("action"), "the connector exists: " + json);
  }

  // ---- 6. listings never repeat

  @Test
  void aDeletionAtAPageEdgeDuringAListingRepeatsNoName() {
    ScriptedWorker worker = worker(Api.REDPANDA);
    for (int i = 1; i <= 20; i++) {
      worker.add(String.format("c%02d", i), sinkConfig());
    }
    // After the first page (c01..c05) c05 is deleted: the next page token names it, so Redpanda
    // starts over.
    worker.afterPage(
        page -> {
          if (page == 1) {
            worker.delete("c05");
          }
        });

    CliRun run = cli(worker, "get", "connectors", "-o", "json");

    assertEquals(0, run.exitCode(), run::toString);
    List<Object> names = run.jsonArray().stream().map(m -> m.get("name")).toList();
    assertEquals(names.stream().distinct().toList(), names, "a name listed twice");
    assertEquals(20, names.size(), "19 left plus c05, listed before it was deleted: " + names);
  }

  @Test
  void aSelectorActsOnEveryNameOnceEvenWhenTheListingStartsOver() {
    ScriptedWorker worker = worker(Api.REDPANDA);
    for (int i = 1; i <= 12; i++) {
      worker.add(String.format("c%02d", i), sinkConfig());
    }
    worker.afterPage(
        page -> {
          if (page == 1) {
            worker.delete("c05");
          }
        });

    CliRun run = cli(worker, "pause", "--selector", "^c", "-o", "json");

    List<String> paused = worker.writes().stream().map(ScriptedWorker.Request::path).toList();
    assertEquals(paused.stream().distinct().toList(), paused, "paused twice: " + paused);
    assertEquals(12, run.jsonArray().size(), run::toString);
  }

  // ---- 7. errors printed once

  @Test
  void aMultiLineVendorErrorIsPrintedOnce() throws IOException {
    ScriptedWorker worker = worker(Api.REDPANDA);
    String vendor =
        "failed to create connector: Connector configuration is invalid and contains the following 1 "
            + "error(s):\nInvalid value x for configuration tasks.max: Not a number of type INT\nYou can also find "
            + "the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`";
    worker.refuseCreate(400, vendor);
    Path f =
        file("sink.yaml", "name: bad\nconfig:\n  connector.class: " + SINK + "\n  tasks.max: x\n");

    CliRun run = cli(worker, "apply", "-f", f.toString());

    assertEquals(1, run.exitCode(), run::toString);
    List<String> errors = run.errLines().stream().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), run::toString);
    // issue 20 item 8: the listed errors follow the error line, one per line, each once
    assertEquals(1, count(run.err(), "Not a number of type INT"), run::toString);
    assertEquals(1, count(errors.get(0), "Connector configuration is invalid"), run::toString);
    assertTrue(
        run.errLines()
            .contains("  Invalid value x for configuration tasks.max: Not a number of type INT"),
        run::toString);
  }

  @Test
  void aFailedWaitShowsTheTracesFirstLineOnlyAndVerboseShowsItWhole() {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.add("s3-sink", sinkConfig());
    worker.failing("s3-sink", TRACE);

    CliRun run = cli(worker, "wait", "s3-sink", "--for", "running", "--timeout", "30s");

    assertEquals(1, run.exitCode(), run::toString);
    List<String> errors = run.errLines().stream().filter(l -> l.startsWith("error: ")).toList();
    assertEquals(1, errors.size(), run::toString);
    assertTrue(
        errors.get(0).length() < 600,
        "error line of " + errors.get(0).length() + " chars: " + errors.get(0));
    assertFalse(errors.get(0).contains("WorkerSinkTask.java:636"), errors.get(0));
    assertTrue(
        errors.get(0).contains("Exiting WorkerSinkTask due to unrecoverable exception"),
        errors.get(0));

    CliRun verbose =
        cli(worker, "wait", "s3-sink", "--for", "running", "--timeout", "30s", "--verbose");
    assertTrue(
        verbose.err().contains("Caused by: java.lang.NumberFormatException"), verbose::toString);
  }

  @Test
  void describeKeepsItsLayoutWithAMultiLineTrace() {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.add("s3-sink", sinkConfig());
    worker.failing("s3-sink", TRACE);

    CliRun run = cli(worker, "describe", "s3-sink");

    assertEquals(0, run.exitCode(), run::toString);
    List<String> lines = run.out().lines().toList();
    int header =
        lines.indexOf(
            lines.stream().filter(l -> l.trim().startsWith("ID")).findFirst().orElseThrow());
    String row = lines.get(header + 1);
    assertTrue(row.trim().startsWith("0") && row.contains("FAILED") && row.endsWith("…"), row);
    assertTrue(lines.get(header + 2).contains("Trace of task 0:"), run::toString);
    assertTrue(
        run.out().contains("    Caused by: java.lang.NumberFormatException"),
        "the whole trace: " + run);
    assertTrue(lines.stream().anyMatch(l -> l.equals("Config:")), run::toString);
  }

  // ---- 9. topics reset

  @Test
  void topicsResetClearsTheTopicsOnRedpanda() {
    ScriptedWorker worker = worker(Api.REDPANDA);
    worker.add("s3-sink", sinkConfig());

    CliRun run = cli(worker, "topics", "reset", "s3-sink");

    assertEquals(0, run.exitCode(), run::toString);
    assertTrue(run.out().contains("connector/s3-sink topics reset"), run::toString);
    assertEquals(
        List.of("PUT"), worker.writes().stream().map(ScriptedWorker.Request::method).toList());
    assertTrue(
        worker.writes().get(0).path().endsWith("/connectors/s3-sink/topics/reset"),
        worker.writes()::toString);
    assertEquals(List.of(), worker.topics("s3-sink"));
    CliRun topics = cli(worker, "topics", "s3-sink", "-o", "json");
    assertEquals(List.of(), topics.jsonObject().get("topics"));
  }

  @Test
  void topicsResetOnAVendorWithoutItSendsNothing() {
    ScriptedWorker worker = worker(Api.CONFLUENT);
    worker.add("s3-sink", sinkConfig());

    CliRun run = cli(worker, "topics", "reset", "s3-sink");

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(
        run.err().contains("does not support resetting a connector's topics"), run::toString);
    assertEquals(List.of(), worker.requests(), "nothing sent");
  }

  private static long count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
