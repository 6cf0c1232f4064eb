package io.connectctl.bench;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * (5) Pauses connectors whose pause takes 0.3, 1, 5, 30 and 120 s (scripted server, real time, real
 * HTTP) and awaits each: how many reads the wait sent and how late it noticed. Every case runs at
 * the same time, each on its own connector: Redpanda (status polled) and Yandex (operation polled)
 * with the clients' default policy ({@link PollingPolicy#proportional()}), Redpanda with {@link
 * PollingPolicy#prompt()} (the default before) and {@link PollingPolicy#frugal()}, and with a fixed
 * 1-second poll (the yardstick).
 *
 * <p>Targets of the default policy: a change noticed within the longer of 0.25 s and 10 % of the
 * time it took, never more than 2 s late; for changes of 30 s and more, at most 60 % of the fixed
 * poll's reads.
 */
public final class WaitBench {
  private static final double READS_LIMIT = 0.6;
  private static final long READS_JUDGED_FROM_MILLIS = 30_000;

  private WaitBench() {}

  private record Variant(
      String prefix, String vendor, PollingPolicy policy, String label, boolean judged) {}

  private record Outcome(int polls, double seconds) {}

  /** How late the default policy may notice a change of {@code millis}, in seconds. */
  static double lateLimit(long millis) {
    return Math.min(2.0, Math.max(0.25, millis / 10_000.0));
  }

  /** Runs (5). */
  public static void main(String[] args) throws Exception {
    List<Long> changes =
        Arrays.stream(
                System.getProperty("bench.wait.millis", "300,1000,5000,30000,120000").split(","))
            .map(String::trim)
            .map(Long::parseLong)
            .toList();
    List<Variant> variants =
        List.of(
            new Variant(
                "rp",
                "redpanda",
                null,
                "redpanda, clients' default policy (PollingPolicy.proportional(): a read at once,"
                    + " then every 0.25 s, after 2.5 s every tenth of the time since the request,"
                    + " at most every 2 s)",
                true),
            new Variant(
                "ya",
                "yandex",
                null,
                "yandex Operation, clients' default policy (PollingPolicy.proportional())",
                true),
            new Variant(
                "rpp",
                "redpanda",
                PollingPolicy.prompt(),
                "redpanda, PollingPolicy.prompt() (a read at once, 1 s later, then every 2 s; the"
                    + " default before)",
                false),
            new Variant(
                "rpf",
                "redpanda",
                PollingPolicy.frugal(),
                "redpanda, PollingPolicy.frugal() (first read 1 s after the request, then every 2 s)",
                false),
            new Variant(
                "fixed",
                "redpanda",
                PollingPolicy.builder()
                    .initialDelay(Duration.ofSeconds(1))
                    .multiplier(1.0)
                    .maxDelay(Duration.ofSeconds(1))
                    .elapsedShare(0)
                    .build(),
                "redpanda, fixed 1-second poll (yardstick)",
                false));
    try (ServerProcess server = ServerProcess.start("wait")) {
      ExecutorService pool = Executors.newCachedThreadPool();
      List<Future<Outcome>> futures = new ArrayList<>();
      List<ConnectorClient> clients = new ArrayList<>();
      for (Variant variant : variants) {
        ConnectorClient client = client(variant, server.baseUrl());
        clients.add(client);
        for (long change : changes) {
          String connector = variant.prefix() + "-after-" + change + "ms";
          futures.add(
              pool.submit(
                  () -> {
                    long start = System.nanoTime();
                    ChangeResult result =
                        client.pause(connector).await(Duration.ofMillis(change + 120_000));
                    return new Outcome(result.polls(), (System.nanoTime() - start) / 1e9);
                  }));
        }
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
      pool.shutdown();
      clients.forEach(ConnectorClient::close);
      Map<String, Long> stats = server.stats();
      int i = 0;
      long[][] reads = new long[variants.size()][changes.size()];
      for (int v = 0; v < variants.size(); v++) {
        for (int c = 0; c < changes.size(); c++) {
          reads[v][c] =
              stats.getOrDefault(
                  "reads." + variants.get(v).prefix() + "-after-" + changes.get(c) + "ms", 0L);
        }
      }
      for (int v = 0; v < variants.size(); v++) {
        Variant variant = variants.get(v);
        for (int c = 0; c < changes.size(); c++) {
          Outcome outcome = outcomes.get(i++);
          long change = changes.get(c);
          long fixedReads = reads[variants.size() - 1][c];
          double late = outcome.seconds() - change / 1000.0;
          double share = (double) reads[v][c] / fixedReads;
          boolean judged = variant.judged();
          double lateLimit = lateLimit(change);
          boolean readsJudged = change >= READS_JUDGED_FROM_MILLIS;
          boolean tooLate = late > lateLimit;
          boolean tooMany = readsJudged && share > READS_LIMIT;
          String verdict =
              !judged
                  ? "info"
                  : !tooLate && !tooMany
                      ? "met"
                      : "MISSED ("
                          + (tooLate ? "late " + Rows.fmt(late, 2) + " s" : "")
                          + (tooLate && tooMany ? ", " : "")
                          + (tooMany
                              ? Rows.fmt(share * 100, 0) + " % of the fixed poll's reads"
                              : "")
                          + ")";
          Rows.add(
              "5 waiting",
              "pause taking " + Rows.fmt(change / 1000.0, 1) + " s: " + variant.label(),
              reads[v][c]
                  + " reads (ChangeResult.polls = "
                  + outcome.polls()
                  + "), "
                  + Rows.fmt(share * 100, 0)
                  + " % of the fixed 1-second poll's "
                  + fixedReads
                  + "; noticed "
                  + Rows.fmt(late, 2)
                  + " s after the change",
              judged
                  ? "≤ "
                      + Rows.fmt(lateLimit, 2)
                      + " s late"
                      + (readsJudged ? ", ≤ 60 % of the fixed poll's reads" : "")
                  : "–",
              verdict);
        }
      }
    }
  }

  private static ConnectorClient client(Variant variant, String baseUrl) {
    if (variant.vendor().equals("yandex")) {
      YandexConnectorClient.Builder builder =
          YandexConnectorClient.builder()
              .baseUrl(baseUrl)
              .operationsUrl(baseUrl)
              .clusterId("c9qbkmoiimsl6e7dc3j2")
              .credentials(StaticCredentials.bearer("bench-token"));
      return variant.policy() == null
          ? builder.build()
          : builder.pollingPolicy(variant.policy()).build();
    }
    RedpandaConnectorClient.Builder builder =
        RedpandaConnectorClient.builder()
            .baseUrl(baseUrl)
            .credentials(StaticCredentials.bearer("bench-token"));
    return variant.policy() == null
        ? builder.build()
        : builder.pollingPolicy(variant.policy()).build();
  }
}
