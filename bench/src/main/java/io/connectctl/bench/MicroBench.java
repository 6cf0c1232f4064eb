package io.connectctl.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
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

/** (1) Runs {@link StatusCallBenchmark} under JMH with the gc profiler and writes its rows. */
public final class MicroBench {
  private static final String SECTION = "1 per-call";
  private static final double TARGET = 1.10;

  private MicroBench() {}

  /** Runs the benchmark: two forks of short iterations, to fit the whole bench in its time budget. */
  public static void main(String[] args) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(StatusCallBenchmark.class.getName() + "\\.")
        .forks(Integer.getInteger("bench.jmh.forks", 2))
        .warmupIterations(Integer.getInteger("bench.jmh.warmups", 3))
        .warmupTime(TimeValue.seconds(2))
        .measurementIterations(Integer.getInteger("bench.jmh.iterations", 4))
        .measurementTime(TimeValue.seconds(2))
        .addProfiler(GCProfiler.class)
        .jvmArgsAppend("-Xms1g", "-Xmx1g")
        .jvmArgsAppend(propagated())
        .resultFormat(ResultFormatType.JSON)
        .result(System.getProperty("bench.jmh.result", "bench/target/jmh-result.json"))
        .build();
    Collection<RunResult> results = new Runner(options).run();

    Map<String, double[]> byName = new LinkedHashMap<>();
    for (RunResult run : results) {
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
    double[] floor = byName.get("handWritten");
    row("(a) facade: RedpandaConnectorClient.status", byName.get("facade"), floor, true);
    row("(b) generated Retrofit interface alone", byName.get("retrofit"), floor, false);
    row("(c) hand-written OkHttp + Moshi (floor)", floor, floor, false);
    row("(d) openapi-generator stock java/okhttp-gson", byName.get("stockOkhttpGson"), floor, false);
  }

  private static String[] propagated() {
    return java.util.stream.Stream.of("bench.rows", "connectctl.specs")
        .filter(p -> System.getProperty(p) != null)
        .map(p -> "-D" + p + "=" + System.getProperty(p))
        .toArray(String[]::new);
  }

  private static void row(String subject, double[] measured, double[] floor, boolean hasTarget) {
    if (measured == null || floor == null) {
      Rows.add(SECTION, subject, "not measured", hasTarget ? "≤ 1.10 × floor" : "–", "FAILED: see the JMH output");
      return;
    }
    double ratio = measured[0] / floor[0];
    String result = Rows.fmt(measured[0], 1) + " ± " + Rows.fmt(measured[1], 1) + " µs/call, "
        + Rows.fmt(measured[2], 0) + " B/call; " + Rows.fmt(ratio, 2) + " × floor time, "
        + Rows.fmt(measured[2] / floor[2], 2) + " × floor bytes";
    String verdict = hasTarget
        ? Rows.verdict(ratio, TARGET) + " (" + signed(measured[0] - floor[0]) + " µs/call over the floor)"
        : "info";
    Rows.add(SECTION, subject, result, hasTarget ? "≤ 1.10 × floor" : "–", verdict);
  }

  private static String signed(double v) {
    return (v >= 0 ? "+" : "") + Rows.fmt(v, 1);
  }
}
