package io.connectctl.facade;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PendingChange} polls: the first delay, multiplied by {@code multiplier} after each poll, capped at
 * {@code maxDelay}.
 *
 * @param initialDelay the delay before the second poll
 * @param multiplier growth per poll (at least 1)
 * @param maxDelay the cap
 */
public record PollingPolicy(Duration initialDelay, double multiplier, Duration maxDelay) {
  /** Validates. */
  public PollingPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
  }

  /** 500 ms, doubling, capped at 10 s. */
  public static PollingPolicy defaults() {
    return new PollingPolicy(Duration.ofMillis(500), 2.0, Duration.ofSeconds(10));
  }

  /** The delay after {@code polls} polls. */
  public Duration delayAfter(int polls) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, polls - 1));
    return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
  }
}
