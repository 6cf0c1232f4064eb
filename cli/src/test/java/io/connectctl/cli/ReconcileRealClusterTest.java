package io.connectctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.connectctl.cli.client.VendorClientFactory;
import io.connectctl.local.RunningCluster;
import io.connectctl.local.junit.LocalClusterExtension;
import io.connectctl.testfixtures.Eventually;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reconcile} against the real local cluster (Kafka 4.1.1 broker and Connect worker) and a
 * real Prometheus scraping it: a FileStreamSink whose output directory is missing really fails and
 * is restarted with backoff until the directory exists; a config changed behind its back through
 * the worker's REST API is put back within one interval; {@code --prune --selector} deletes what
 * the files do not declare; Prometheus's own query API sees the metrics.
 */
@ExtendWith(LocalClusterExtension.class)
class ReconcileRealClusterTest {
  private static final String SINK = "org.apache.kafka.connect.file.FileStreamSinkConnector";
  private static final Duration INTERVAL = Duration.ofSeconds(2);

  @TempDir static Path dir;

  private static String url;
  private static final OkHttpClient http = new OkHttpClient();

  @BeforeAll
  static void cluster(RunningCluster cluster) {
    url = cluster.connectUrl();
  }

  @AfterAll
  static void closeHttp() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  static CliRun cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--vendor", "kafka-connect", "--url", url));
    return CliRun.run(Map.of(), dir, new VendorClientFactory(), all.toArray(String[]::new));
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String get(String address) {
    try (Response r = http.newCall(new Request.Builder().url(address).build()).execute()) {
      return r.code() + " " + (r.body() == null ? "" : r.body().string());
    } catch (Exception e) {
      return "unreachable " + e;
    }
  }

  static void putConfig(String name, String json) throws Exception {
    Request put =
        new Request.Builder()
            .url(url + "/connectors/" + name + "/config")
            .put(RequestBody.create(json, MediaType.get("application/json")))
            .build();
    try (Response r = http.newCall(put).execute()) {
      assertTrue(r.isSuccessful(), () -> "PUT config: " + r.code());
    }
  }

  /** A running {@code reconcile} whose output can be read while it runs. */
  static final class Running implements AutoCloseable {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final AtomicInteger code = new AtomicInteger(-1);
    final Thread thread;

    Running(String... args) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(List.of("--vendor", "kafka-connect", "--url", url));
      PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
      CliEnvironment environment =
          new CliEnvironment(Map.of(), dir, dir, stream, stream, new VendorClientFactory());
      thread =
          new Thread(
              () -> code.set(new ConnectCtl(environment).run(all.toArray(String[]::new))),
              "reconcile-under-test");
      thread.start();
    }

    String text() {
      return out.toString(StandardCharsets.UTF_8);
    }

    long count(String part) {
      return text().lines().filter(l -> l.contains(part)).count();
    }

    @Override
    public void close() throws Exception {
      thread.interrupt();
      thread.join(TimeUnit.SECONDS.toMillis(60));
    }
  }

  static Path manifest(String file, String name, Path out, String topic) throws Exception {
    return Files.writeString(
        dir.resolve(file),
        "name: "
            + name
            + "\nconfig:\n  connector.class: "
            + SINK
            + "\n  file: "
            + out
            + "\n  topics: "
            + topic
            + "\n  tasks.max: \"1\"\n");
  }

  @Test
  void healsAFailedSinkWithBackoffRestoresDriftPrunesAndPrometheusSeesIt() throws Exception {
    String prometheus = findPrometheus();
    Path files = Files.createDirectories(dir.resolve("declared"));
    Path missing = dir.resolve("not-yet");
    manifest("declared/sink.yaml", "rc-sink", missing.resolve("out.txt"), "rc-lines");
    Path extra = manifest("extra.yaml", "rc-extra", dir.resolve("extra.txt"), "rc-lines");
    CliRun applied = cli("apply", "-f", extra.toString(), "--wait");
    assertEquals(0, applied.exitCode(), applied::toString);

    int metricsPort = freePort();
    try (Running run =
            new Running(
                "reconcile",
                "-f",
                files.toString(),
                "--heal",
                "--heal-backoff",
                "1s",
                "--heal-backoff-max",
                "4s",
                "--heal-max-restarts",
                "100",
                "--interval",
                "2s",
                "--prune",
                "--selector",
                "^rc-",
                "--metrics-address",
                "127.0.0.1:" + metricsPort,
                "--state-dir",
                dir.resolve("state").toString());
        PrometheusProcess prom = new PrometheusProcess(prometheus, metricsPort)) {
      Eventually.within(Duration.ofSeconds(60))
          .until(
              "created and pruned",
              () ->
                  run.count("created connector/rc-sink") == 1
                      && run.count("deleted connector/rc-extra") == 1);

      // 1. the sink fails for real (its directory is missing) and is restarted with backoff
      long failedAt = 0;
      Eventually.within(Duration.ofSeconds(60))
          .until(
              "task FAILED on the worker",
              () -> get(url + "/connectors/rc-sink/status").contains("\"FAILED\""));
      failedAt = System.nanoTime();
      long restartsBefore = run.count("restarted connector/rc-sink");
      Eventually.within(Duration.ofSeconds(60))
          .until("restarted", () -> run.count("restarted connector/rc-sink") > restartsBefore);
      long toRestartMs = (System.nanoTime() - failedAt) / 1_000_000;
      Eventually.within(Duration.ofSeconds(60))
          .until("restarted three times", () -> run.count("restarted connector/rc-sink") >= 3);
      List<String> restarts =
          run.text().lines().filter(l -> l.contains("restarted connector/rc-sink")).toList();
      assertTrue(
          restarts.get(0).contains("attempt 1/100, next no sooner than 1s"), restarts::toString);
      assertTrue(
          restarts.get(1).contains("attempt 2/100, next no sooner than 2s"), restarts::toString);
      assertTrue(
          java.time.Instant.parse(restarts.get(2).split(" ")[0])
                  .minusMillis(
                      java.time.Instant.parse(restarts.get(1).split(" ")[0]).toEpochMilli())
                  .toEpochMilli()
              >= 1900,
          "the third restart waited for the backoff: " + restarts);

      // 2. it heals once the directory exists
      Files.createDirectories(missing);
      Eventually.within(Duration.ofSeconds(90))
          .until(
              "running after the directory appeared",
              () -> {
                String status = get(url + "/connectors/rc-sink/status");
                return status.startsWith("200")
                    && !status.contains("FAILED")
                    && status.contains("\"RUNNING\"");
              });

      // 3. a config changed behind its back is put back within one interval
      long configuredBefore = run.count("configured connector/rc-sink");
      putConfig(
          "rc-sink",
          "{\"connector.class\":\""
              + SINK
              + "\",\"file\":\""
              + missing.resolve("out.txt")
              + "\",\"topics\":\"rc-drifted\",\"tasks.max\":\"1\"}");
      long driftAt = System.nanoTime();
      Eventually.within(INTERVAL.multipliedBy(2).plusSeconds(5))
          .until(
              "drift repaired",
              () ->
                  run.count("configured connector/rc-sink") > configuredBefore
                      && get(url + "/connectors/rc-sink/config").contains("\"rc-lines\""));
      long toRepairMs = (System.nanoTime() - driftAt) / 1_000_000;
      assertTrue(
          toRepairMs <= INTERVAL.toMillis() + 3000,
          "repaired after " + toRepairMs + " ms, interval " + INTERVAL.toMillis() + " ms");

      // 4. the endpoints and a real Prometheus scraping them
      assertTrue(get("http://127.0.0.1:" + metricsPort + "/healthz").startsWith("200"));
      Eventually.within(Duration.ofSeconds(30))
          .until(
              "ready", () -> get("http://127.0.0.1:" + metricsPort + "/readyz").startsWith("200"));
      String status = get("http://127.0.0.1:" + metricsPort + "/status");
      assertTrue(status.contains("\"connector\": \"rc-sink\""), status);
      assertFalse(status.contains("rc-extra"), status);
      Eventually.within(Duration.ofSeconds(60))
          .until(
              "Prometheus has the restarts",
              () -> prom.value("connectctl_reconcile_restarts_total{connector=\"rc-sink\"}") >= 3);
      Eventually.within(Duration.ofSeconds(60))
          .until(
              "Prometheus sees it RUNNING",
              () ->
                  prom.value(
                          "connectctl_reconcile_connector_state{connector=\"rc-sink\",state=\"RUNNING\"}")
                      == 1);
      assertTrue(prom.value("sum(connectctl_api_requests_total)") > 0);
      assertTrue(prom.value("sum(connectctl_reconcile_drift_corrected_total)") >= 2);
      assertTrue(prom.value("sum(connectctl_reconcile_cycle_duration_seconds_count)") > 0);
      System.out.println(
          "reconcile timings: task FAILED -> restart "
              + toRestartMs
              + " ms; drifted config -> repaired "
              + toRepairMs
              + " ms (interval "
              + INTERVAL.toMillis()
              + " ms)");

      run.close();
      assertEquals(0, run.code.get(), run::text);
      assertTrue(run.text().contains("stopped"), run::text);
    } finally {
      cli("delete", "rc-sink", "--yes");
    }
  }

  static String findPrometheus() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(d, "prometheus");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    fail(
        "prometheus is not installed: this test scrapes reconcile with a real Prometheus "
            + "(apt-get install -y prometheus; .ci/run installs it)");
    return null;
  }

  /** A real Prometheus scraping reconcile every second, queried through its HTTP API. */
  static final class PrometheusProcess implements AutoCloseable {
    final Process process;
    final int port;

    PrometheusProcess(String binary, int target) throws Exception {
      port = freePort();
      Path home = Files.createTempDirectory(dir, "prometheus");
      Path config =
          Files.writeString(
              home.resolve("prometheus.yml"),
              "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: connectctl\n"
                  + "    scrape_interval: 1s\n    static_configs:\n      - targets: ['127.0.0.1:"
                  + target
                  + "']\n");
      process =
          new ProcessBuilder(
                  binary,
                  "--config.file=" + config,
                  "--web.listen-address=127.0.0.1:" + port,
                  "--storage.tsdb.path=" + home.resolve("data"))
              .redirectErrorStream(true)
              .redirectOutput(home.resolve("prometheus.log").toFile())
              .start();
      Eventually.within(Duration.ofSeconds(60))
          .until(
              "Prometheus ready",
              () -> get("http://127.0.0.1:" + port + "/-/ready").startsWith("200"));
    }

    /** The first value of an instant query, or -1 when it has none yet. */
    double value(String query) {
      String body =
          get(
              "http://127.0.0.1:"
                  + port
                  + "/api/v1/query?query="
                  + URLEncoder.encode(query, StandardCharsets.UTF_8));
      var m = java.util.regex.Pattern.compile("\"value\":\\[[0-9.]+,\"([^\"]+)\"\\]").matcher(body);
      return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
