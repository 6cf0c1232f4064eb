package io.connectctl.facade.testing;

import io.connectctl.facade.internal.Waiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A nanosecond clock that moves only when something "sleeps" on it, so waits and deadlines can be
 * tested without real time passing. Records every sleep asked for.
 */
public final class FakeTime implements Waiter.Sleeper, LongSupplier {
  private final List<Duration> sleeps = new ArrayList<>();
  private long nanos = 1_000_000_000L;

  /** Moves the clock on by {@code duration} and records it. */
  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    nanos += duration.toNanos();
  }

  /** The current time in nanoseconds. */
  @Override
  public synchronized long getAsLong() {
    return nanos;
  }

  /** Every sleep so far, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** The sleeps so far in milliseconds, in order. */
  public synchronized List<Long> sleepMillis() {
    return sleeps.stream().map(Duration::toMillis).toList();
  }
}
