package io.connectctl.bench;

import io.connectctl.facade.Bulk;
import io.connectctl.facade.BulkResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PendingChange;
import io.connectctl.facade.RetryPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * (2) Pausing 1,000 Confluent connectors through {@link Bulk#apply} against a server that adds 20
 * ms to every answer, at concurrency 1, 8 and 32, against the ideal N × latency / concurrency; then
 * (3) the same run against a server allowing R requests per second that answers 429 with {@code
 * Retry-After: 1} beyond it.
 */
public final class BulkBench {
  private static final int N = 1000;
  private static final Duration LATENCY = Duration.ofMillis(20);
  private static final int RATE = 200;
  private static final int RATE_CONCURRENCY = 32;

  private BulkBench() {}

  /** Runs (2) and (3). */
  public static void main(String[] args) {
    List<String> names =
        IntStream.range(0, N).mapToObj(i -> String.format("connector-%06d", i)).toList();
    try (ServerProcess server =
        ServerProcess.start("bulk", Long.toString(LATENCY.toMillis()), "0")) {
      try (ConnectorClient warmup = client(server, null, RetryPolicy.defaults())) {
        Bulk.apply(names.subList(0, 200), 8, warmup::pause);
      }
      for (int concurrency : new int[] {1, 8, 32}) {
        bulk(server, names, concurrency, false);
        if (concurrency > 5) {
          bulk(server, names, concurrency, true);
        }
      }
    }
    rateLimited(names);
  }

  private static void bulk(
      ServerProcess server, List<String> names, int concurrency, boolean largerPool) {
    OkHttpClient http =
        largerPool
            ? new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
                .build()
            : null;
    double ideal = N * LATENCY.toMillis() / 1000.0 / concurrency;
    try (ConnectorClient client = client(server, http, RetryPolicy.defaults())) {
      long start = System.nanoTime();
      BulkResult<PendingChange> result = Bulk.apply(names, concurrency, client::pause);
      double seconds = (System.nanoTime() - start) / 1e9;
      double ratio = seconds / ideal;
      int failed = result.failures().size();
      Rows.add(
          "2 bulk",
          "pause "
              + N
              + ", concurrency "
              + concurrency
              + (largerPool
                  ? ", caller's OkHttpClient with ConnectionPool(" + concurrency + ")"
                  : ", default OkHttp pool (5 idle)"),
          Rows.fmt(seconds, 2)
              + " s vs ideal "
              + Rows.fmt(ideal, 2)
              + " s = "
              + Rows.fmt(ratio, 2)
              + " × ideal; "
              + failed
              + " failed"
              + firstError(result),
          "≤ 1.2 × ideal",
          failed == 0 ? Rows.verdict(ratio, 1.2) : "MISSED (" + failed + " failed)");
    } finally {
      if (http != null) {
        http.connectionPool().evictAll();
        http.dispatcher().executorService().shutdown();
      }
    }
  }

  private static void rateLimited(List<String> names) {
    // Enough attempts and budget that throttling alone never fails a connector.
    RetryPolicy patient =
        new RetryPolicy(
            20, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5), 0.2);
    double ideal = (double) N / RATE;
    try (ServerProcess server =
            ServerProcess.start("bulk", Long.toString(LATENCY.toMillis()), Integer.toString(RATE));
        ConnectorClient client = client(server, null, patient)) {
      long start = System.nanoTime();
      BulkResult<PendingChange> result = Bulk.apply(names, RATE_CONCURRENCY, client::pause);
      double seconds = (System.nanoTime() - start) / 1e9;
      int failed = result.failures().size();
      Map<String, Long> stats = server.stats();
      double ratio = seconds / ideal;
      Rows.add(
          "3 rate limit",
          "pause "
              + N
              + " at concurrency "
              + RATE_CONCURRENCY
              + ", server allows "
              + RATE
              + " req/s (1 s windows), 20 ms latency, 429 + Retry-After: 1 beyond; RetryPolicy 20 attempts",
          Rows.fmt(seconds, 2)
              + " s vs N/R "
              + Rows.fmt(ideal, 2)
              + " s = "
              + Rows.fmt(ratio, 2)
              + " × N/R; "
              + failed
              + " failed; "
              + stats.getOrDefault("rejected", 0L)
              + " answers were 429"
              + firstError(result),
          "0 failed, ≤ 1.3 × N/R",
          failed > 0 ? "MISSED (" + failed + " failed)" : Rows.verdict(ratio, 1.3));
    }
  }

  private static String firstError(BulkResult<?> result) {
    return result.failures().isEmpty()
        ? ""
        : "; first error: "
            + result.failures().get(0).error().map(Throwable::getMessage).orElse("?");
  }

  private static ConnectorClient client(
      ServerProcess server, OkHttpClient http, RetryPolicy retry) {
    ConfluentConnectorClient.Builder builder =
        ConfluentConnectorClient.builder()
            .baseUrl(server.baseUrl())
            .environment("env-bench")
            .kafkaCluster("lkc-bench")
            .credentials(StaticCredentials.basic("BENCHKEY", "bench-secret"))
            .retryPolicy(retry);
    if (http != null) {
      builder.okHttpClient(http);
    }
    return builder.build();
  }
}
