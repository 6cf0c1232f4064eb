package io.connectctl.facade.internal;

import io.connectctl.facade.ChangeResult;
import io.connectctl.facade.ConnectorStatus;
import io.connectctl.facade.PollingPolicy;
import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConnectCloudException;
import io.connectctl.facade.errors.WaitTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Internal: the polling loop behind every {@link io.connectctl.facade.PendingChange}. */
public final class Waiter {
  /** Sleeps; replaced in tests. */
  @FunctionalInterface
  public interface Sleeper {
    /** Sleeps for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }

  /**
   * One poll's outcome.
   *
   * @param done the change is complete
   * @param seen what was seen, for progress and timeout messages (e.g. {@code RESTARTING})
   * @param status the status seen, if any
   * @param failure a failure that ends the wait at once, or null
   */
  public record Observation(
      boolean done, String seen, Optional<ConnectorStatus> status, ConnectCloudException failure) {
    /** Not done yet. */
    public static Observation pending(String seen, Optional<ConnectorStatus> status) {
      return new Observation(false, seen, status, null);
    }

    /** Done. */
    public static Observation done(String seen, Optional<ConnectorStatus> status) {
      return new Observation(true, seen, status, null);
    }

    /** Failed: the wait ends with {@code failure}. */
    public static Observation failed(String seen, ConnectCloudException failure) {
      return new Observation(false, seen, Optional.empty(), failure);
    }
  }

  /** What {@link #awaitRequested} takes for a wait that follows no request: it reads at once. */
  public static final long NO_REQUEST = Long.MIN_VALUE;

  private final PollingPolicy policy;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;

  /**
   * @param policy the backoff
   * @param sleeper how to sleep
   */
  public Waiter(PollingPolicy policy, Sleeper sleeper) {
    this(policy, sleeper, System::nanoTime);
  }

  /**
   * @param policy the backoff
   * @param sleeper how to sleep
   * @param nanoTime the clock deadlines are measured on ({@link System#nanoTime()} outside tests)
   */
  public Waiter(PollingPolicy policy, Sleeper sleeper, LongSupplier nanoTime) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
  }

  /** The policy this waiter polls with. */
  public PollingPolicy policy() {
    return policy;
  }

  /**
   * Now, in nanoseconds, on the clock deadlines are measured on (for grace periods of the changes
   * polled).
   */
  public long now() {
    return nanoTime.getAsLong();
  }

  /** A waiter that really sleeps. */
  public static Waiter of(PollingPolicy policy) {
    return new Waiter(policy, d -> Thread.sleep(d.toMillis()));
  }

  /**
   * Polls until done, failed or out of time, reading at once (a wait that follows no request).
   *
   * @throws WaitTimeoutException with the last observation when {@code timeout} passes
   */
  public ChangeResult await(
      Vendor vendor,
      String connector,
      String target,
      String operationId,
      Duration timeout,
      Consumer<String> progress,
      Supplier<Observation> poll) {
    return awaitRequested(
        NO_REQUEST, vendor, connector, target, operationId, timeout, progress, poll);
  }

  /**
   * As {@link #await(Vendor, String, String, String, Duration, Consumer, Supplier)}, for a change
   * requested at {@code requestedAt} (on {@link #now()}'s clock): the first read is due the
   * policy's {@link PollingPolicy#firstDelay()} after the request, or at once when that has passed
   * or {@code requestedAt} is {@link #NO_REQUEST}. Even a timeout shorter than that delay gets one
   * read.
   *
   * @throws WaitTimeoutException with the last observation when {@code timeout} passes
   */
  public ChangeResult awaitRequested(
      long requestedAt,
      Vendor vendor,
      String connector,
      String target,
      String operationId,
      Duration timeout,
      Consumer<String> progress,
      Supplier<Observation> poll) {
    long start = nanoTime.getAsLong();
    long deadline = start + timeout.toNanos();
    int polls = 0;
    String lastSeen = "nothing yet";
    ConnectorStatus lastStatus = null;
    long due = start; // when the current poll was due
    long origin = requestedAt == NO_REQUEST ? start : requestedAt; // what the elapsed share is of
    long firstDue = requestedAt == NO_REQUEST ? start : requestedAt + policy.firstDelay().toNanos();
    if (firstDue - start > 0) {
      due = firstDue;
      sleep(
          Duration.ofNanos(Math.min(firstDue - start, Math.max(0, deadline - start))),
          vendor,
          connector,
          target,
          operationId,
          timeout,
          lastSeen,
          lastStatus);
    }
    while (true) {
      Observation seen;
      try {
        seen = poll.get();
      } catch (ConnectCloudException e) {
        // A read cut short by an interrupt surfaces as an I/O failure; the interrupt is what ended
        // it
        if (Thread.currentThread().isInterrupted()) {
          throw interrupted(vendor, connector, target, lastSeen, e);
        }
        throw e;
      }
      polls++;
      lastSeen = seen.seen();
      if (seen.status() != null && seen.status().isPresent()) {
        lastStatus = seen.status().get();
      }
      progress.accept(lastSeen);
      if (seen.failure() != null) {
        throw seen.failure();
      }
      if (seen.done()) {
        return new ChangeResult(connector, operationId, seen.status(), polls);
      }
      long remaining = deadline - nanoTime.getAsLong();
      if (remaining <= 0) {
        throw new WaitTimeoutException(
            vendor, connector, target, lastSeen, operationId, timeout, lastStatus);
      }
      // Polls keep to a schedule: each is due one delay after the previous one was due, so neither
      // the time a read
      // takes (a slow server, a loaded machine) nor a sleep that overran adds up over a long wait,
      // and the policy's
      // delay stays the longest a change can go unnoticed. Behind schedule (a read slower than the
      // delay), the
      // next poll still waits a quarter of the delay, so a slow server is not read back to back.
      long now = nanoTime.getAsLong();
      long delay = policy.delayAfter(polls, Duration.ofNanos(due - origin)).toNanos();
      long next = due + delay;
      if (next - now < delay / 4) {
        next = now + delay / 4;
      }
      due = next;
      sleep(
          Duration.ofNanos(Math.min(next - now, remaining)),
          vendor,
          connector,
          target,
          operationId,
          timeout,
          lastSeen,
          lastStatus);
    }
  }

  /**
   * The wait's thread was interrupted: the wait ends at once with a {@link CancellationException}
   * (the documented outcome of {@link io.connectctl.facade.PendingChange#await}), and the thread's
   * interrupt flag stays set so the caller's own code sees the interrupt too.
   */
  private static CancellationException interrupted(
      Vendor vendor, String connector, String target, String lastSeen, Throwable cause) {
    Thread.currentThread().interrupt();
    CancellationException e =
        new CancellationException(
            vendor
                + ": waiting for connector '"
                + connector
                + "' to become "
                + target
                + " was interrupted (last seen: "
                + lastSeen
                + "); the change itself may still complete");
    e.initCause(cause);
    return e;
  }

  private void sleep(
      Duration sleep,
      Vendor vendor,
      String connector,
      String target,
      String operationId,
      Duration timeout,
      String lastSeen,
      ConnectorStatus lastStatus) {
    try {
      sleeper.sleep(sleep);
    } catch (InterruptedException e) {
      throw interrupted(vendor, connector, target, lastSeen, e);
    }
  }
}
