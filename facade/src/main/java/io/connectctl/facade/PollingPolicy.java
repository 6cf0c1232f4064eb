package io.connectctl.facade;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PendingChange} polls: its first read {@code firstDelay} after the change was
 * requested, then delays starting at {@code initialDelay}, multiplied by {@code multiplier} after
 * each poll and capped at {@code maxDelay}. A wait that follows no request of its own ({@link
 * ConnectorClient#waitFor}, resuming a wait for an operation by id) reads at once.
 *
 * @param initialDelay the delay before the second poll
 * @param multiplier growth per poll (at least 1)
 * @param maxDelay the cap
 * @param firstDelay how long after the request its first read is due (zero: at once); a change
 *     awaited later than that is read at once
 */
public record PollingPolicy(
    Duration initialDelay, double multiplier, Duration maxDelay, Duration firstDelay) {
  /** Validates. */
  public PollingPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(firstDelay, "firstDelay");
    if (multiplier < 1) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
    if (firstDelay.isNegative()) {
      throw new IllegalArgumentException("firstDelay must not be negative, was " + firstDelay);
    }
  }

  /**
   * A policy whose first read comes at once, right after the request.
   *
   * @param initialDelay the delay before the second poll
   * @param multiplier growth per poll (at least 1)
   * @param maxDelay the cap
   */
  public PollingPolicy(Duration initialDelay, double multiplier, Duration maxDelay) {
    this(initialDelay, multiplier, maxDelay, Duration.ZERO);
  }

  /**
   * 500 ms, doubling, capped at 10 s, the first read at once: few reads on long waits, but a change
   * can be noticed up to 10 s after it happened. Clients poll with {@link #prompt()} unless told
   * otherwise.
   */
  public static PollingPolicy defaults() {
    return new PollingPolicy(Duration.ofMillis(500), 2.0, Duration.ofSeconds(10));
  }

  /**
   * What clients poll with unless a builder is given another policy: the first read at once, a
   * second 1 s later, then one every 2 s. A change is noticed at most 2 s after it happens, with
   * about half the reads a fixed 1-second poll makes on waits longer than a few seconds; the read
   * at once shows what the connector does right after the request (tasks still stopping, a new
   * connector starting).
   */
  public static PollingPolicy prompt() {
    return new PollingPolicy(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(2));
  }

  /**
   * The fewest reads that still notice a change at most 2 s after it happens: the first read 1 s
   * after the request, then one every 2 s, about half of what a fixed 1-second poll makes on waits
   * of any length. What the connector shows during the first second after the request is not seen.
   */
  public static PollingPolicy frugal() {
    return new PollingPolicy(
        Duration.ofSeconds(2), 1.0, Duration.ofSeconds(2), Duration.ofSeconds(1));
  }

  /** The delay after {@code polls} polls. */
  public Duration delayAfter(int polls) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, polls - 1));
    return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
  }
}
