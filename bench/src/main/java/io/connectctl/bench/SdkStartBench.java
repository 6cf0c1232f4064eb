package io.connectctl.bench;

import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * (7) The SDK as a new user meets it: in a fresh JVM, how long building a Redpanda client takes,
 * then its first status call, then a later one (the 20th), against the status mock. Each of {@code
 * bench.sdk.runs} (default 7) JVMs measures once; the table shows medians.
 */
public final class SdkStartBench {
  private static final String SECTION = "7 SDK cold start";
  private static final int RUNS = Integer.getInteger("bench.sdk.runs", 7);

  private SdkStartBench() {}

  /** Runs (7); with {@code child URL}, one measurement in this JVM. */
  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("child")) {
      child(args[1]);
      return;
    }
    try (ServerProcess server = ServerProcess.start("status")) {
      double[][] results = new double[3][RUNS];
      for (int run = 0; run < RUNS; run++) {
        Process process =
            new ProcessBuilder(
                    Jvm.command(List.of(), SdkStartBench.class, List.of("child", server.baseUrl())))
                .redirectErrorStream(true)
                .start();
        String result = null;
        try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("RESULT ")) {
              result = line.substring(7).trim();
            } else {
              System.err.println(line);
            }
          }
        }
        process.waitFor();
        if (result == null) {
          Rows.add(SECTION, "all", "not measured", "–", "FAILED: a child JVM printed no result");
          return;
        }
        String[] f = result.split(" ");
        for (int i = 0; i < 3; i++) {
          results[i][run] = Double.parseDouble(f[i]);
        }
      }
      double build = median(results[0]);
      double first = median(results[1]);
      double later = median(results[2]);
      Rows.add(
          SECTION,
          "build a RedpandaConnectorClient in a fresh JVM (median of " + RUNS + " JVMs)",
          Rows.fmt(build, 0) + " ms",
          "≤ 150 ms",
          Rows.verdict(build, 150));
      Rows.add(
          SECTION,
          "its first status call, vs a later one (the 20th) in the same JVM",
          "first "
              + Rows.fmt(first, 0)
              + " ms, later "
              + Rows.fmt(later, 2)
              + " ms = "
              + Rows.fmt(first / later, 0)
              + " × (the mock answers at once: server time ≈ 0)",
          "≤ 2 × a later call + server time",
          Rows.verdict(first, 2 * later));
    }
  }

  private static void child(String baseUrl) {
    long start = System.nanoTime();
    try (ConnectorClient client =
        RedpandaConnectorClient.builder()
            .baseUrl(baseUrl)
            .credentials(StaticCredentials.bearer("bench-token"))
            .build()) {
      long built = System.nanoTime();
      client.status("orders-s3-sink");
      long first = System.nanoTime();
      long laterStart = 0;
      for (int i = 2; i <= 20; i++) {
        laterStart = System.nanoTime();
        client.status("orders-s3-sink");
      }
      long laterEnd = System.nanoTime();
      System.out.println(
          "RESULT "
              + (built - start) / 1e6
              + " "
              + (first - built) / 1e6
              + " "
              + (laterEnd - laterStart) / 1e6);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
