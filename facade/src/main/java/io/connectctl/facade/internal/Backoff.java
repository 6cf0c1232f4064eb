package io.connectctl.facade.internal;

import io.connectctl.facade.RetryPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: {@code initialBackoff × 2^(retry-1)}, ± jitter, never above
 * {@code maxBackoff}.
 */
final class Backoff {
  private final RetryPolicy policy;
  private final DoubleSupplier random;

  /**
   * @param random uniform values in [0, 1)
   */
  Backoff(RetryPolicy policy, DoubleSupplier random) {
    this.policy = policy;
    this.random = random;
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  Duration before(int retry) {
    long initial = policy.initialBackoff().toMillis();
    long max = policy.maxBackoff().toMillis();
    double base = Math.min((double) max, initial * Math.pow(2, Math.min(retry - 1, 62)));
    double factor = 1 + policy.jitter() * (2 * random.getAsDouble() - 1);
    long millis = Math.round(Math.min(max, base * factor));
    return Duration.ofMillis(Math.max(0, millis));
  }
}
