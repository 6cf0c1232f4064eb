package io.connectctl.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * (1) Runs {@link StatusCallBenchmark} under JMH with the gc profiler, then the same four calls
 * interleaved ({@link InterleavedRatio}), and writes their rows.
 *
 * <p>JMH runs one benchmark after the other, so on a shared machine a burst of load from elsewhere
 * lands on one client only. To keep the comparison fair the four benchmarks run in several rounds
 * (each round: one fork of each, back to back); each ratio to the floor is taken within a round,
 * and the table reports the median over rounds.
 */
public final class MicroBench {
  private static final String SECTION = "1 per-call";
  private static final double TARGET = 1.10;
  private static final List<String> ORDER =
      List.of("facade", "retrofit", "handWritten", "stockOkhttpGson");

  private MicroBench() {}

  /** Runs the rounds and writes one row per client. */
  public static void main(String[] args) throws RunnerException {
    int rounds = Integer.getInteger("bench.jmh.rounds", 3);
    List<Map<String, double[]>> results = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      results.add(runRound(round));
    }
    InterleavedRatio.Outcome interleaved = interleaved();
    for (int i = 0; i < ORDER.size(); i++) {
      row(ORDER.get(i), results, interleaved, i);
    }
  }

  /**
   * The same four calls taking turns in this JVM (see {@link InterleavedRatio}); null if that
   * failed.
   */
  private static InterleavedRatio.Outcome interleaved() {
    StatusCallBenchmark clients = new StatusCallBenchmark();
    try {
      clients.setUp();
      return InterleavedRatio.measure(
          List.of(
              clients::facade, clients::retrofit, clients::handWritten, clients::stockOkhttpGson),
          ORDER.indexOf("handWritten"),
          Integer.getInteger("bench.interleaved.cycles", 40));
    } catch (Exception e) {
      System.err.println("Interleaved check failed: " + e);
      return null;
    } finally {
      clients.tearDown();
    }
  }

  /** One fork of each benchmark; returns {µs/call, error, B/call} by benchmark method. */
  private static Map<String, double[]> runRound(int round) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include(StatusCallBenchmark.class.getName() + "\\.")
            .forks(1)
            .warmupIterations(Integer.getInteger("bench.jmh.warmups", 3))
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(Integer.getInteger("bench.jmh.iterations", 3))
            .measurementTime(TimeValue.seconds(2))
            .addProfiler(GCProfiler.class)
            .jvmArgsAppend("-Xms1g", "-Xmx1g")
            .jvmArgsAppend(propagated())
            .resultFormat(ResultFormatType.JSON)
            .result("bench/target/jmh-result-round" + round + ".json")
            .build();
    Collection<RunResult> runs = new Runner(options).run();
    Map<String, double[]> byName = new LinkedHashMap<>();
    for (RunResult run : runs) {
      String method = run.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      Result<?> time = run.getPrimaryResult();
      double allocated = Double.NaN;
      for (Map.Entry<String, Result> secondary : run.getSecondaryResults().entrySet()) {
        if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
          allocated = secondary.getValue().getScore();
        }
      }
      byName.put(method, new double[] {time.getScore(), time.getScoreError(), allocated});
    }
    return byName;
  }

  private static String[] propagated() {
    return java.util.stream.Stream.of("bench.rows", "connectctl.specs")
        .filter(p -> System.getProperty(p) != null)
        .map(p -> "-D" + p + "=" + System.getProperty(p))
        .toArray(String[]::new);
  }

  private static void row(
      String name,
      List<Map<String, double[]>> rounds,
      InterleavedRatio.Outcome interleaved,
      int index) {
    String subject =
        switch (name) {
          case "facade" -> "(a) facade: RedpandaConnectorClient.status";
          case "retrofit" -> "(b) generated Retrofit interface alone";
          case "handWritten" -> "(c) hand-written OkHttp + Moshi (floor)";
          default -> "(d) openapi-generator stock java/okhttp-gson";
        };
    boolean hasTarget = name.equals("facade");
    String target = hasTarget ? "≤ 1.10 × floor" : "–";
    List<double[]> mine = new ArrayList<>();
    List<Double> timeRatios = new ArrayList<>();
    List<Double> byteRatios = new ArrayList<>();
    List<Double> overheads = new ArrayList<>();
    for (Map<String, double[]> round : rounds) {
      double[] measured = round.get(name);
      double[] floor = round.get("handWritten");
      if (measured == null || floor == null) {
        continue;
      }
      mine.add(measured);
      timeRatios.add(measured[0] / floor[0]);
      byteRatios.add(measured[2] / floor[2]);
      overheads.add(measured[0] - floor[0]);
    }
    if (mine.isEmpty()) {
      Rows.add(SECTION, subject, "not measured", target, "FAILED: see bench/target/logs/micro.log");
      return;
    }
    double[] times = mine.stream().mapToDouble(m -> m[0]).toArray();
    double[] bytes = mine.stream().mapToDouble(m -> m[2]).toArray();
    double jmhRatio = median(timeRatios);
    String result =
        "JMH: "
            + Rows.fmt(median(times), 1)
            + " µs/call (rounds: "
            + list(times, 1)
            + "), "
            + Rows.fmt(median(bytes), 0)
            + " B/call; "
            + Rows.fmt(jmhRatio, 2)
            + " × floor time, "
            + Rows.fmt(median(byteRatios), 2)
            + " × floor bytes";
    double ratio = jmhRatio;
    String basis = "JMH, median of " + mine.size() + " rounds";
    if (interleaved != null) {
      ratio = interleaved.medianRatio()[index];
      basis = "interleaved";
      result +=
          ". Interleaved: "
              + Rows.fmt(interleaved.microsPerCall()[index], 1)
              + " µs/call, "
              + Rows.fmt(ratio, 2)
              + " × floor time (median of "
              + interleaved.cycles()
              + " cycles)";
    }
    double overhead =
        interleaved != null
            ? interleaved.microsPerCall()[index]
                - interleaved.microsPerCall()[ORDER.indexOf("handWritten")]
            : median(overheads);
    String verdict =
        hasTarget
            ? Rows.verdict(ratio, TARGET)
                + " ("
                + Rows.fmt(ratio, 2)
                + " × floor, "
                + basis
                + "; "
                + signed(overhead)
                + " µs/call over the floor)"
            : "info";
    Rows.add(SECTION, subject, result, target, verdict);
  }

  private static double median(List<Double> values) {
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static String list(double[] values, int digits) {
    StringBuilder sb = new StringBuilder();
    for (double v : values) {
      sb.append(sb.length() == 0 ? "" : " / ").append(Rows.fmt(v, digits));
    }
    return sb.toString();
  }

  private static String signed(double v) {
    return (v >= 0 ? "+" : "") + Rows.fmt(v, 1);
  }
}
