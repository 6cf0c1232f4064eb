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
 * (5) Pauses connectors whose pause takes 1, 5, 30 and 120 s (scripted server, real time, real
 * HTTP) and awaits each: how many reads the wait sent and how late it noticed. Every case runs at
 * the same time, each on its own connector: Redpanda (status polled) and Yandex (operation polled)
 * with the clients' default policy, Redpanda with {@link PollingPolicy#defaults()} (the default
 * before) and with a fixed 1-second poll (the yardstick).
 */
public final class WaitBench {
  private static final double LATE_LIMIT_SECONDS = 2.0;
  private static final double READS_LIMIT = 0.6;

  private WaitBench() {}

  private record Variant(
      String prefix, String vendor, PollingPolicy policy, String label, boolean judged) {}

  private record Outcome(int polls, double seconds) {}

  /** Runs (5). */
  public static void main(String[] args) throws Exception {
    List<Long> changes =
        Arrays.stream(System.getProperty("bench.wait.seconds", "1,5,30,120").split(","))
            .map(String::trim)
            .map(Long::parseLong)
            .toList();
    List<Variant> variants =
        List.of(
            new Variant(
                "rp",
                "redpanda",
                null,
                "redpanda, clients' default policy (PollingPolicy.prompt(): a read at once, 1 s later,"
                    + " then every 2 s)",
                true),
            new Variant(
                "ya",
                "yandex",
                null,
                "yandex Operation, clients' default policy (PollingPolicy.prompt())",
                true),
            new Variant(
                "rpf",
                "redpanda",
                PollingPolicy.frugal(),
                "redpanda, PollingPolicy.frugal() (first read 1 s after the request, then every 2 s)",
                true),
            new Variant(
                "yaf",
                "yandex",
                PollingPolicy.frugal(),
                "yandex Operation, PollingPolicy.frugal()",
                true),
            new Variant(
                "rpold",
                "redpanda",
                PollingPolicy.defaults(),
                "redpanda, PollingPolicy.defaults() (500 ms doubling, cap 10 s; the default before)",
                false),
            new Variant(
                "fixed",
                "redpanda",
                new PollingPolicy(Duration.ofSeconds(1), 1.0, Duration.ofSeconds(1)),
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
          String connector = variant.prefix() + "-after-" + change;
          futures.add(
              pool.submit(
                  () -> {
                    long start = System.nanoTime();
                    ChangeResult result =
                        client.pause(connector).await(Duration.ofSeconds(change + 120));
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
                  "reads." + variants.get(v).prefix() + "-after-" + changes.get(c), 0L);
        }
      }
      for (int v = 0; v < variants.size(); v++) {
        Variant variant = variants.get(v);
        for (int c = 0; c < changes.size(); c++) {
          Outcome outcome = outcomes.get(i++);
          long change = changes.get(c);
          long fixedReads = reads[variants.size() - 1][c];
          double late = outcome.seconds() - change;
          double share = (double) reads[v][c] / fixedReads;
          boolean judged = variant.judged();
          String verdict =
              !judged
                  ? "info"
                  : late <= LATE_LIMIT_SECONDS && share <= READS_LIMIT
                      ? "met"
                      : "MISSED ("
                          + (late > LATE_LIMIT_SECONDS ? "late " + Rows.fmt(late, 1) + " s" : "")
                          + (late > LATE_LIMIT_SECONDS && share > READS_LIMIT ? ", " : "")
                          + (share > READS_LIMIT
                              ? Rows.fmt(share * 100, 0) + " % of the fixed poll's reads"
                              : "")
                          + ")";
          Rows.add(
              "5 waiting",
              "pause taking " + change + " s: " + variant.label(),
              reads[v][c]
                  + " reads (ChangeResult.polls = "
                  + outcome.polls()
                  + "), "
                  + Rows.fmt(share * 100, 0)
                  + " % of the fixed 1-second poll's "
                  + fixedReads
                  + "; noticed "
                  + Rows.fmt(late, 1)
                  + " s after the change",
              judged ? "≤ 2 s late, ≤ 60 % of the fixed poll's reads" : "–",
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
