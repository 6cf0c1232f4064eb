package io.connectctl.facade;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link PendingChange} polls. Its first read comes {@code firstDelay} after the change was
 * requested (a wait that follows no request of its own, {@link ConnectorClient#waitFor} or resuming
 * a wait for an operation by id, reads at once). After {@code n} reads the next one comes after the
 * longer of {@code initialDelay × multiplier^(n-1)} and {@code elapsedShare} of the time since the
 * request, but never after more than {@code maxDelay}. A change is therefore noticed at most {@code
 * maxDelay} after it happened, and, with a share, at most that share of the time it took (or {@code
 * initialDelay}, whichever is longer).
 *
 * <p>{@code quietPeriod} is the one wait that no read can shorten: when a connector is restarted,
 * or its config updated, and the server does not say which instances it restarts, the status that
 * follows may look exactly like the one from before (RUNNING, the same tasks). The wait then
 * accepts it only once it has stayed the same for the quiet period, unless a transition
 * (RESTARTING, other tasks) was seen. Kafka Connect's restart with {@code includeTasks} or {@code
 * onlyFailed} answers with the instances it restarts, and waits after it need no quiet period.
 *
 * <p>Build one with {@link #builder()} or take a named policy ({@link #proportional()}, the
 * clients' default).
 *
 * @param initialDelay the delay before the second read, and the shortest delay between reads
 * @param multiplier growth of that delay per read (at least 1)
 * @param maxDelay the longest delay between reads
 * @param firstDelay how long after the request its first read is due (zero: at once); a change
 *     awaited later than that is read at once
 * @param elapsedShare the share (0 to 1) of the time since the request the next read may wait; 0
 *     leaves the delay to {@code initialDelay} and {@code multiplier}
 * @param quietPeriod how long a status that may still be the one from before a restart or config
 *     update must stay unchanged before the wait accepts it
 */
public record PollingPolicy(
    Duration initialDelay,
    double multiplier,
    Duration maxDelay,
    Duration firstDelay,
    double elapsedShare,
    Duration quietPeriod) {
  /** The quiet period of every named policy: 2 s. */
  public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(2);

  /** Validates. */
  public PollingPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(firstDelay, "firstDelay");
    Objects.requireNonNull(quietPeriod, "quietPeriod");
    if (multiplier < 1 || Double.isNaN(multiplier)) {
      throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
    }
    if (firstDelay.isNegative()) {
      throw new IllegalArgumentException("firstDelay must not be negative, was " + firstDelay);
    }
    if (!(elapsedShare >= 0 && elapsedShare <= 1)) {
      throw new IllegalArgumentException(
          "elapsedShare must be between 0 and 1, was " + elapsedShare);
    }
    if (quietPeriod.isNegative()) {
      throw new IllegalArgumentException("quietPeriod must not be negative, was " + quietPeriod);
    }
  }

  /**
   * A policy without an elapsed share and with the default quiet period.
   *
   * @param initialDelay the delay before the second poll
   * @param multiplier growth per poll (at least 1)
   * @param maxDelay the cap
   * @param firstDelay how long after the request its first read is due
   * @deprecated four positional values are easy to mix up: use {@link #builder()}
   */
  @Deprecated(since = "0.1.0")
  public PollingPolicy(
      Duration initialDelay, double multiplier, Duration maxDelay, Duration firstDelay) {
    this(initialDelay, multiplier, maxDelay, firstDelay, 0, DEFAULT_QUIET_PERIOD);
  }

  /**
   * A policy whose first read comes at once, right after the request, without an elapsed share and
   * with the default quiet period.
   *
   * @param initialDelay the delay before the second poll
   * @param multiplier growth per poll (at least 1)
   * @param maxDelay the cap
   */
  public PollingPolicy(Duration initialDelay, double multiplier, Duration maxDelay) {
    this(initialDelay, multiplier, maxDelay, Duration.ZERO, 0, DEFAULT_QUIET_PERIOD);
  }

  /** A builder starting from {@link #proportional()}. */
  public static Builder builder() {
    return new Builder(proportional());
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * What clients poll with unless a builder is given another policy: the first read at once, then
   * every 250 ms until 2.5 s have passed, then after a tenth of the time since the request, at most
   * every 2 s. A change is noticed within the longer of 250 ms and 10 % of the time it took, and
   * never more than 2 s late. The price is reads: a wait of 30 s makes about 20 % more reads than a
   * fixed 1-second poll, one of 2 minutes about 70 % of them; {@link #frugal()} makes half.
   */
  public static PollingPolicy proportional() {
    return new PollingPolicy(
        Duration.ofMillis(250),
        1.0,
        Duration.ofSeconds(2),
        Duration.ZERO,
        0.1,
        DEFAULT_QUIET_PERIOD);
  }

  /**
   * 500 ms, doubling, capped at 10 s, the first read at once: few reads on long waits, but a change
   * can be noticed up to 10 s after it happened.
   */
  public static PollingPolicy defaults() {
    return new PollingPolicy(Duration.ofMillis(500), 2.0, Duration.ofSeconds(10));
  }

  /**
   * The first read at once, a second 1 s later, then one every 2 s (the clients' default before
   * {@link #proportional()}). A change is noticed at most 2 s after it happens, with about half the
   * reads a fixed 1-second poll makes on waits longer than a few seconds, but a change of 200 ms is
   * noticed only after 1 s.
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
        Duration.ofSeconds(2),
        1.0,
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        0,
        DEFAULT_QUIET_PERIOD);
  }

  /**
   * The delay after {@code polls} polls, leaving the elapsed share aside (see {@link
   * #delayAfter(int, Duration)}).
   */
  public Duration delayAfter(int polls) {
    double millis = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, polls - 1));
    return Duration.ofMillis((long) Math.min(millis, maxDelay.toMillis()));
  }

  /**
   * The delay after {@code polls} polls, the last of them {@code sinceRequest} after the request:
   * the longer of {@link #delayAfter(int)} and {@code elapsedShare} of {@code sinceRequest}, at
   * most {@code maxDelay}.
   */
  public Duration delayAfter(int polls, Duration sinceRequest) {
    Duration byCount = delayAfter(polls);
    if (elapsedShare <= 0 || sinceRequest.isNegative()) {
      return byCount;
    }
    long share = (long) (sinceRequest.toNanos() * elapsedShare);
    long nanos = Math.min(Math.max(byCount.toNanos(), share), maxDelay.toNanos());
    return Duration.ofNanos(nanos);
  }

  /** Builds a {@link PollingPolicy}, one named setting at a time. */
  public static final class Builder {
    private Duration initialDelay;
    private double multiplier;
    private Duration maxDelay;
    private Duration firstDelay;
    private double elapsedShare;
    private Duration quietPeriod;

    private Builder(PollingPolicy from) {
      initialDelay = from.initialDelay;
      multiplier = from.multiplier;
      maxDelay = from.maxDelay;
      firstDelay = from.firstDelay;
      elapsedShare = from.elapsedShare;
      quietPeriod = from.quietPeriod;
    }

    /** The delay before the second read, and the shortest between reads. */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = initialDelay;
      return this;
    }

    /** Growth of the delay per read (at least 1; 1 keeps it constant). */
    public Builder multiplier(double multiplier) {
      this.multiplier = multiplier;
      return this;
    }

    /** The longest delay between reads: how late a change may be noticed at most. */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = maxDelay;
      return this;
    }

    /** How long after the request its first read is due (zero: at once). */
    public Builder firstDelay(Duration firstDelay) {
      this.firstDelay = firstDelay;
      return this;
    }

    /** The share (0 to 1) of the time since the request the next read may wait; 0: none. */
    public Builder elapsedShare(double elapsedShare) {
      this.elapsedShare = elapsedShare;
      return this;
    }

    /** How long a status that may be from before a restart or update must stay unchanged. */
    public Builder quietPeriod(Duration quietPeriod) {
      this.quietPeriod = quietPeriod;
      return this;
    }

    /**
     * The policy.
     *
     * @throws IllegalArgumentException when a setting is out of range
     */
    public PollingPolicy build() {
      return new PollingPolicy(
          initialDelay, multiplier, maxDelay, firstDelay, elapsedShare, quietPeriod);
    }
  }
}
