package io.connectctl.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The per-call ratio to the floor measured with the clients taking turns every 100 ms in one JVM,
 * so load from other processes falls on all of them alike. JMH runs benchmarks one after the other,
 * which on a shared 2-core machine lets a burst of load land on one client only; this check is what
 * the (1) verdict uses, beside JMH's absolute numbers.
 */
final class InterleavedRatio {
  private static final long SLICE_NANOS = 100_000_000L;

  /**
   * Each client's median time per call and median ratio to the floor (index {@code floor}) over the
   * cycles.
   */
  record Outcome(double[] microsPerCall, double[] medianRatio, int cycles) {}

  private InterleavedRatio() {}

  static Outcome measure(List<Callable<?>> clients, int floor, int cycles) throws Exception {
    int n = clients.size();
    for (Callable<?> client : clients) {
      runFor(client, 2 * 1_000_000_000L);
    }
    double[][] perCall = new double[n][cycles];
    for (int cycle = 0; cycle < cycles; cycle++) {
      for (int k = 0; k < n; k++) {
        int i = (k + cycle) % n;
        perCall[i][cycle] = runFor(clients.get(i), SLICE_NANOS);
      }
    }
    double[] micros = new double[n];
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++) {
      micros[i] = median(perCall[i]) / 1000;
      List<Double> cycleRatios = new ArrayList<>();
      for (int cycle = 0; cycle < cycles; cycle++) {
        cycleRatios.add(perCall[i][cycle] / perCall[floor][cycle]);
      }
      ratios[i] = median(cycleRatios.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return new Outcome(micros, ratios, cycles);
  }

  /** Calls {@code client} for about {@code nanos}; returns nanoseconds per call. */
  private static double runFor(Callable<?> client, long nanos) throws Exception {
    long start = System.nanoTime();
    long end = start + nanos;
    long calls = 0;
    long now;
    do {
      if (client.call() == null) {
        throw new IllegalStateException("a client returned nothing");
      }
      calls++;
      now = System.nanoTime();
    } while (now < end);
    return (double) (now - start) / calls;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
