package io.connectctl.facade.internal;

import io.connectctl.facade.ConnectorStatus;

/**
 * Internal: what the polls of one {@link StatusChange} have seen so far, kept across its awaits.
 * Times are on the waiter's clock, in nanoseconds. Not thread-safe: the change polls under its own
 * lock.
 */
final class ObservedHistory {
  private final long quietNanos;
  private long firstPoll = -1;
  private boolean pickedUp;
  private boolean seenOnce;
  private long startingSince = -1;
  private boolean polledBeforeTarget;
  private boolean transitionSeen;
  private boolean configShown;
  private String firstSignature;
  private String lastSignature;
  private long sameSince = -1;

  /** A history whose quiet period is {@link StatusChange#QUIET}. */
  ObservedHistory() {
    this(StatusChange.QUIET);
  }

  /**
   * @param quiet how long a status that may be from before the request must stay unchanged (the
   *     policy's {@link io.connectctl.facade.PollingPolicy#quietPeriod()})
   */
  ObservedHistory(java.time.Duration quiet) {
    this.quietNanos = quiet.toNanos();
  }

  /**
   * The server told what the request started (Kafka Connect's restart answer, instances about to
   * restart shown as RESTARTING): recorded as the first status at {@code now}, so any status read
   * after it that differs (the restarted instances running again) counts as a transition.
   */
  void told(String signature, long now) {
    record(signature, now);
    polledBeforeTarget = true;
  }

  /**
   * Whether the last recorded signature has stayed the same for the quiet period up to {@code now}.
   */
  boolean quietSince(long now) {
    return unchangedFor(now) >= quietNanos;
  }

  /** A poll starts at {@code now}; the first one starts the {@link StatusChange#GRACE} period. */
  void polling(long now) {
    if (firstPoll < 0) {
      firstPoll = now;
    }
  }

  /**
   * The connector showed {@code status} at {@code now}; {@code starting} says whether it reads as
   * RUNNING without tasks yet. Returns the poll, with whether it has been starting for {@link
   * StatusChange#STARTING} already.
   */
  WaitGoal.Poll seen(ConnectorStatus status, boolean starting, long now) {
    seenOnce = true;
    if (starting && startingSince < 0) {
      startingSince = now;
    } else if (!starting) {
      startingSince = -1;
    }
    boolean startedWithoutTasks =
        starting && now - startingSince >= StatusChange.STARTING.toNanos();
    return new WaitGoal.Poll(status, now, starting, startedWithoutTasks);
  }

  /**
   * Whether the connector has been seen at all: once it has, its disappearance ends a wait for a
   * state.
   */
  boolean seenOnce() {
    return seenOnce;
  }

  /**
   * Whether a failure seen at {@code now} may be from before the request: nothing but failures seen
   * yet, within {@link StatusChange#GRACE} of the first poll.
   */
  boolean withinGrace(long now) {
    return !pickedUp && now - firstPoll < StatusChange.GRACE.toNanos();
  }

  /** A state other than a failure was seen: the request has been picked up. */
  void pickedUp() {
    pickedUp = true;
  }

  /** A poll (after the request was picked up, or a stale failure) did not show the target yet. */
  void polledBeforeTarget() {
    polledBeforeTarget = true;
  }

  /** Whether a poll did not show the target yet: the status has moved since. */
  boolean wasPolledBeforeTarget() {
    return polledBeforeTarget;
  }

  /**
   * Records a status's {@link StatusReading#signature signature} seen at {@code now}: one that
   * differs from the first recorded counts as a transition, and a new one restarts the time it has
   * stayed unchanged. Returns whether it was the first recorded.
   */
  boolean record(String signature, long now) {
    boolean first = firstSignature == null;
    if (first) {
      firstSignature = signature;
    } else if (!signature.equals(firstSignature)) {
      transitionSeen = true;
    }
    if (!signature.equals(lastSignature)) {
      lastSignature = signature;
      sameSince = now;
    }
    return first;
  }

  /** Something moved: a passing state, or a status other than the first. */
  void transitionSeen() {
    transitionSeen = true;
  }

  /** Whether something moved since the first recorded status. */
  boolean sawTransition() {
    return transitionSeen;
  }

  /** How long, up to {@code now}, the last recorded signature has stayed the same. */
  long unchangedFor(long now) {
    return now - sameSince;
  }

  /** The worker has shown the config sent (or there is none to check). */
  void configShown() {
    configShown = true;
  }

  /** Whether the worker has shown the config sent. */
  boolean sawConfig() {
    return configShown;
  }
}
