package io.connectctl.facade;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PendingChange} polls: the first delay, multiplied by {@code multiplier} after each
 * poll, capped at {@code maxDelay}.
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

  /**
   * 500 ms, doubling, capped at 10 s: few reads on long waits, but a change can be noticed up to 10
   * s after it happened. Clients poll with {@link #prompt()} unless told otherwise.
   */
  public static PollingPolicy defaults() {
    return new PollingPolicy(Duration.ofMillis(500), 2.0, Duration.ofSeconds(10));
  }

  /**
   * What clients poll with unless a builder is given another policy: a second read 1 s after the
   * first, then one every 2 s. A change is noticed at most 2 s after it happens (the cap), with
   * about half the reads a fixed 1-second poll makes on waits longer than a few seconds.
   */
  public static PollingPolicy prompt() {
    return new PollingPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(2));
  }

  /** The delay after {@code polls} polls. */
  public Duration delayAfter(int polls) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, polls - 1));
    return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
  }
}
