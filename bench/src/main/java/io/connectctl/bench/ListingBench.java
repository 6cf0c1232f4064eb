package io.connectctl.bench;

import io.connectctl.facade.ConnectorClient;
import io.connectctl.facade.ConnectorListing;
import io.connectctl.facade.auth.StaticCredentials;
import io.connectctl.facade.confluent.ConfluentConnectorClient;
import io.connectctl.facade.redpanda.RedpandaConnectorClient;
import io.connectctl.facade.yandex.YandexConnectorClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * (4) Lists 10,000 and 100,000 connectors through the facade: Redpanda and Yandex page by page,
 * Confluent as one expanded map. Each case runs in a fresh JVM; it reports wall time (best of 2 or
 * 3 passes), the peak of sampled heap use, and the heap still in use after a full GC at 10 %, 50 %
 * and 100 % of the iteration, taken while the iteration is under way (flat for paged listings).
 * Paged listings run in a 64 MB heap.
 */
public final class ListingBench {
  /** Paged listings must fit a small heap; Confluent's single map cannot. */
  private static final String PAGED_HEAP = "-Xmx64m";

  private static final String MAP_HEAP = "-Xmx3g";
  private static final long MB = 1024 * 1024;

  /**
   * Half of the 5.3 KB per connector the listing held when it was decoded into one untyped tree.
   */
  private static final double CONFLUENT_KB_LIMIT = 2.65;

  private ListingBench() {}

  /**
   * Without arguments: every case, each in its own JVM. With {@code VENDOR COUNT}: that one case.
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 2) {
      runCase(args[0], Integer.parseInt(args[1]));
      return;
    }
    for (String vendor : List.of("redpanda", "yandex", "confluent")) {
      Map<Integer, double[]> byCount = new HashMap<>();
      for (int count : new int[] {10_000, 100_000}) {
        double[] result = fork(vendor, count);
        byCount.put(count, result);
        if (result == null) {
          Rows.add(
              "4 listing",
              vendor + ", " + count + " connectors",
              "not measured",
              "–",
              "FAILED: the case's JVM printed no result (see the log above)");
          continue;
        }
        boolean paged = !vendor.equals("confluent");
        double growthMb = Math.abs(result[4] - result[2]) < 0.05 ? 0 : result[4] - result[2];
        Rows.add(
            "4 listing",
            vendor
                + ", "
                + String.format("%,d", count)
                + " connectors"
                + (paged
                    ? " (paged), heap capped at " + PAGED_HEAP
                    : " (one expanded map), " + MAP_HEAP),
            Rows.fmt(result[0], 2)
                + " s ("
                + Rows.fmt(result[0] * 1e6 / count, 1)
                + " µs/connector); heap in use "
                + "after a full GC at 10/50/100 % of the iteration: "
                + Rows.fmt(result[2], 0)
                + " / "
                + Rows.fmt(result[3], 0)
                + " / "
                + Rows.fmt(result[4], 0)
                + " MB; peak sampled heap (garbage "
                + "included) "
                + Rows.fmt(result[1], 0)
                + " MB",
            paged
                ? "flat memory while iterating"
                : count == 100_000
                    ? "≤ "
                        + Rows.fmt(CONFLUENT_KB_LIMIT, 2)
                        + " KB held per connector (half of 5.3)"
                    : "– (the whole map is one response)",
            paged
                ? (Math.abs(growthMb) < 16
                    ? "met (" + Rows.fmt(growthMb, 1) + " MB change from 10 % to 100 %)"
                    : "MISSED (" + Rows.fmt(growthMb, 1) + " MB change from 10 % to 100 %)")
                : (count == 100_000
                        ? (result[4] * 1024 / count <= CONFLUENT_KB_LIMIT ? "met" : "MISSED") + ": "
                        : "info: ")
                    + "the whole listing is held in memory, "
                    + Rows.fmt(result[4] * 1024 / count, 1)
                    + " KB per connector");
      }
      double[] small = byCount.get(10_000);
      double[] large = byCount.get(100_000);
      if (small != null && large != null) {
        double ratio = large[0] / small[0];
        Rows.add(
            "4 listing",
            vendor + ": time(100,000) / time(10,000)",
            Rows.fmt(ratio, 1) + " (10 = linear)",
            "linear growth",
            ratio <= 12 ? "met" : "MISSED (worse than linear)");
      }
    }
  }

  /**
   * Runs one case in a fresh JVM and returns {seconds, peakMb, retained10, retained50,
   * retained100}.
   */
  private static double[] fork(String vendor, int count) throws IOException, InterruptedException {
    String heap = vendor.equals("confluent") ? MAP_HEAP : PAGED_HEAP;
    List<String> command =
        Jvm.command(List.of(heap), ListingBench.class, List.of(vendor, Integer.toString(count)));
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    double[] result = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          String[] f = line.substring(7).trim().split(" ");
          result = new double[f.length];
          for (int i = 0; i < f.length; i++) {
            result[i] = Double.parseDouble(f[i]);
          }
        } else {
          System.err.println(line);
        }
      }
    }
    process.waitFor();
    return result;
  }

  private static void runCase(String vendor, int count) {
    // Warm the JIT on a small listing first, so both sizes measure the same compiled code.
    try (ServerProcess warm = ServerProcess.start("listing", vendor, "10000");
        ConnectorClient client = client(vendor, warm.baseUrl())) {
      for (int i = 0; i < 3; i++) {
        client.listConnectors().stream().count();
      }
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    AtomicLong peak = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "heap-sampler");
    sampler.setDaemon(true);
    try (ServerProcess server = ServerProcess.start("listing", vendor, Integer.toString(count));
        ConnectorClient client = client(vendor, server.baseUrl())) {
      long[] checkpoints = {count / 10, count / 2, count};
      double[] retained = new double[3];
      retainedAfterGc(memory);
      peak.set(0);
      sampler.start();
      // The first pass also takes the heap checkpoints (their GC time is left out); the time
      // reported is the best
      // pass, as load from other processes can only add time.
      double seconds = Double.MAX_VALUE;
      int passes = count <= 10_000 ? 3 : 2;
      for (int pass = 0; pass < passes; pass++) {
        int next = pass == 0 ? 0 : checkpoints.length;
        long seen = 0;
        long paused = 0;
        long start = System.nanoTime();
        for (ConnectorListing listing : client.listConnectors()) {
          if (listing.name().isEmpty()) {
            throw new IllegalStateException("a listing without a name");
          }
          seen++;
          if (next < checkpoints.length && seen == checkpoints[next]) {
            long before = System.nanoTime();
            retained[next++] = retainedAfterGc(memory);
            paused += System.nanoTime() - before;
          }
        }
        seconds = Math.min(seconds, (System.nanoTime() - start - paused) / 1e9);
        if (seen != count) {
          throw new IllegalStateException(
              vendor + " listed " + seen + " connectors, expected " + count);
        }
      }
      sampler.interrupt();
      System.out.println(
          "RESULT "
              + seconds
              + " "
              + (double) peak.get() / MB
              + " "
              + retained[0]
              + " "
              + retained[1]
              + " "
              + retained[2]);
    }
  }

  private static double retainedAfterGc(MemoryMXBean memory) {
    System.gc();
    System.gc();
    return (double) memory.getHeapMemoryUsage().getUsed() / MB;
  }

  private static ConnectorClient client(String vendor, String baseUrl) {
    return switch (vendor) {
      case "redpanda" ->
          RedpandaConnectorClient.builder()
              .baseUrl(baseUrl)
              .credentials(StaticCredentials.bearer("bench-token"))
              .build();
      case "yandex" ->
          YandexConnectorClient.builder()
              .baseUrl(baseUrl)
              .operationsUrl(baseUrl)
              .clusterId("c9qbkmoiimsl6e7dc3j2")
              .credentials(StaticCredentials.bearer("bench-token"))
              .build();
      case "confluent" ->
          ConfluentConnectorClient.builder()
              .baseUrl(baseUrl)
              .environment("env-bench")
              .kafkaCluster("lkc-bench")
              .credentials(StaticCredentials.basic("BENCHKEY", "bench-secret"))
              .build();
      default -> throw new IllegalArgumentException("Unknown vendor " + vendor);
    };
  }
}
