package io.connectctl.facade.http;

import io.connectctl.facade.internal.Waiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** A clock that only moves when the retry interceptor "sleeps"; records every wait asked for. */
final class FakeTime implements Waiter.Sleeper, LongSupplier {
  private final List<Duration> sleeps = new ArrayList<>();
  private long nanos = 1_000_000_000L;

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    nanos += duration.toNanos();
  }

  @Override
  public synchronized long getAsLong() {
    return nanos;
  }

  synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
