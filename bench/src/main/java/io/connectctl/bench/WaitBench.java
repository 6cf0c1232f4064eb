package io.connectctl.bench;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import java.time.Duration;
import java.util.Map;

/**
 * (5) Pauses one Redpanda connector that reaches PAUSED 30 s later and awaits it with the default
 * {@link PollingPolicy}: how many requests the wait sent, and how late it noticed.
 */
public final class WaitBench {
  private static final int FLIP_SECONDS = 30;

  private WaitBench() {}

  /** Runs (5). */
  public static void main(String[] args) {
    try (ServerProcess server = ServerProcess.start("wait", Integer.toString(FLIP_SECONDS));
        ConnectorClient client = RedpandaConnectorClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(StaticCredentials.bearer("bench-token"))
            .build()) {
      long start = System.nanoTime();
      ChangeResult result = client.pause("orders-s3-sink").await(Duration.ofMinutes(2));
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, Long> stats = server.stats();
      long polls = stats.getOrDefault("GET", 0L);
      long fixed = FLIP_SECONDS + 1;
      Rows.add("5 waiting", "pause, then await PAUSED (reached " + FLIP_SECONDS
              + " s after the pause), default PollingPolicy (500 ms doubling, cap 10 s)",
          polls + " status requests + " + stats.getOrDefault("PUT", 0L) + " pause request (ChangeResult.polls = "
              + result.polls() + "); PAUSED seen after " + Rows.fmt(seconds, 1) + " s, "
              + Rows.fmt(seconds - FLIP_SECONDS, 1) + " s after it happened",
          "small (a fixed 1 s poll would send " + fixed + ")",
          polls < fixed ? "met" : "MISSED");
    }
  }
}
